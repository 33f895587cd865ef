//! A custom field named without its `_`: the suggestion says it is a custom field.
use zoho_runtime::zoho_record;

#[zoho_record(module = "Leads", usage = "update")]
pub struct Lead {
    #[serde(rename = "VisitorCount")]
    pub visitors: Option<i64>,
}

fn main() {}
