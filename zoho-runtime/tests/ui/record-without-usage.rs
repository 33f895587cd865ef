//! A record type that does not say what it is for.
use zoho_runtime::zoho_record;

#[zoho_record(module = "Leads")]
pub struct Lead {
    #[zoho(rename = "Company")]
    pub company: Option<String>,
}

fn main() {}
