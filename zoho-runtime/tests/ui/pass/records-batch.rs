//! `POST` of many records with keys beside `data`; the records are the batch axis.

use zoho_runtime::serde::Serialize;
use zoho_runtime::endpoint::{BatchAxis, RequestParts};
use zoho_runtime::{zoho_endpoint, Endpoint};

#[derive(Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct Lead {
    #[serde(rename = "Last_Name")]
    pub last_name: String,
}

/// Inserts leads.
#[zoho_endpoint(POST "/Leads", scope = "ZohoCRM.modules.leads.CREATE")]
pub struct InsertLeads {
    #[zoho(records)]
    pub leads: Vec<Lead>,
    #[zoho(envelope)]
    pub trigger: Option<Vec<String>>,
    #[zoho(envelope, rename = "duplicate_check_fields")]
    pub check: Vec<&'static str>,
}

fn main() {
    let call = InsertLeads {
        leads: vec![Lead { last_name: "A".into() }, Lead { last_name: "B".into() }],
        trigger: None,
        check: vec!["Email"],
    };
    let parts = call.request_parts().unwrap();
    assert_eq!(
        std::str::from_utf8(parts.body_bytes().unwrap()).unwrap(),
        r#"{"data":[{"Last_Name":"A"},{"Last_Name":"B"}],"duplicate_check_fields":["Email"]}"#
    );
    assert_eq!(parts.expected_outcomes(), Some(2));
    assert_eq!(call.batch_len(), Some(2));
    assert_eq!(InsertLeads::META.batch, Some(BatchAxis::Records));
    assert!(!InsertLeads::META.idempotent);

    let mut second = RequestParts::new(InsertLeads::META);
    call.write_request(&mut second, Some(1..2)).unwrap();
    assert_eq!(
        std::str::from_utf8(second.body_bytes().unwrap()).unwrap(),
        r#"{"data":[{"Last_Name":"B"}],"duplicate_check_fields":["Email"]}"#
    );
    assert_eq!(second.expected_outcomes(), Some(1));
}
