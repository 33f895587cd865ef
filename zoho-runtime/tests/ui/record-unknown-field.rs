//! An API name the module lacks: a typo, with "did you mean".
use zoho_runtime::zoho_record;

#[zoho_record(module = "Leads", usage = "update")]
pub struct Lead {
    #[zoho(rename = "Lead_Stauts")]
    pub status: Option<String>,
}

fn main() {}
