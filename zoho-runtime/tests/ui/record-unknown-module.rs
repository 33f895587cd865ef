//! A module the snapshot does not hold.
use zoho_runtime::zoho_record;

#[zoho_record(module = "Lead", usage = "update")]
pub struct Lead {
    #[zoho(rename = "Company")]
    pub company: Option<String>,
}

fn main() {}
