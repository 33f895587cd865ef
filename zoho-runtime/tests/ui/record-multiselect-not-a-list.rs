//! A multi-select given one value.
use zoho_runtime::zoho_record;

#[zoho_record(module = "Leads", usage = "update")]
pub struct Lead {
    #[zoho(rename = "Interests")]
    pub interests: Option<String>,
}

fn main() {}
