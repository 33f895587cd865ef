//! An insert whose records carry unique fields, named once on the endpoint: one field, or
//! several, on a literal module or a module given by a path field.

use zoho_runtime::serde::Serialize;
use zoho_runtime::{zoho_endpoint, Endpoint};

#[derive(Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct Deal {
    #[serde(rename = "Deal_Name")]
    pub name: String,
    #[serde(rename = "External_Deal_ID")]
    pub external_id: String,
}

/// Inserts deals, each identified by its external id.
#[zoho_endpoint(POST "/Deals", scope = "ZohoCRM.modules.deals.CREATE", unique = "External_Deal_ID")]
pub struct InsertDeals {
    #[zoho(records)]
    pub deals: Vec<Deal>,
}

/// Inserts records of any module, identified by `Email` or `Mobile`.
#[zoho_endpoint(POST "/<module>", scope = "ZohoCRM.modules.<module>.CREATE",
                unique = ["Email", "Mobile"])]
pub struct InsertAny {
    pub module: String,
    #[zoho(records)]
    pub records: Vec<zoho_runtime::Json>,
}

fn main() {
    assert_eq!(InsertDeals::META.unique, ["External_Deal_ID"]);
    assert!(!InsertDeals::META.idempotent, "the insert itself is still not safe to repeat");
    assert_eq!(InsertAny::META.unique, ["Email", "Mobile"]);
    let call = InsertDeals {
        deals: vec![Deal { name: "A".into(), external_id: "ext-1".into() }],
    };
    let parts = call.request_parts().unwrap();
    assert_eq!(
        std::str::from_utf8(parts.body_bytes().unwrap()).unwrap(),
        r#"{"data":[{"Deal_Name":"A","External_Deal_ID":"ext-1"}]}"#,
        "the declaration changes nothing of the insert as sent"
    );
}
