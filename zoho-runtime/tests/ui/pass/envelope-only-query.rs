//! COQL: a `POST` that reads, with a body of envelope keys only, a declared response type and
//! the `idempotent` flag.

use zoho_runtime::serde::Deserialize;
use zoho_runtime::endpoint::RawResponse;
use zoho_runtime::{zoho_endpoint, Endpoint};

#[derive(Deserialize, Debug)]
#[serde(crate = "zoho_runtime::serde")]
pub struct Rows {
    pub data: Vec<Row>,
}

#[derive(Deserialize, Debug)]
#[serde(crate = "zoho_runtime::serde")]
pub struct Row {
    #[serde(rename = "Last_Name")]
    pub last_name: String,
}

/// Runs a COQL query.
#[zoho_endpoint(POST "/coql", scope = "ZohoCRM.coql.READ", response = Option<Rows>, idempotent)]
pub struct Query {
    #[zoho(envelope)]
    pub select_query: String,
}

fn main() {
    let call = Query { select_query: "select Last_Name from Leads where id is not null".into() };
    let parts = call.request_parts().unwrap();
    assert_eq!(
        std::str::from_utf8(parts.body_bytes().unwrap()).unwrap(),
        r#"{"select_query":"select Last_Name from Leads where id is not null"}"#
    );
    assert_eq!(parts.expected_outcomes(), None);
    assert!(Query::META.idempotent);

    let answer = RawResponse::new(200, r#"{"data":[{"Last_Name":"Boyle"}],"info":{}}"#);
    let rows: Option<Rows> = Query::decode(&answer, None).unwrap();
    assert_eq!(rows.unwrap().data[0].last_name, "Boyle");
    let empty: Option<Rows> = Query::decode(&RawResponse::new(204, ""), None).unwrap();
    assert!(empty.is_none());
}
