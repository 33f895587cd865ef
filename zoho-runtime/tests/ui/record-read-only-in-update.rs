//! A read-only field in a type used for writes.
use zoho_runtime::zoho_record;

#[zoho_record(module = "Leads", usage = "update")]
pub struct Lead {
    #[zoho(rename = "Full_Name")]
    pub full_name: Option<String>,
}

fn main() {}
