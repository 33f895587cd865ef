//! A text field given an integer type.
use zoho_runtime::zoho_record;

#[zoho_record(module = "Leads", usage = "update")]
pub struct Lead {
    #[zoho(rename = "Company")]
    pub company: Option<i64>,
}

fn main() {}
