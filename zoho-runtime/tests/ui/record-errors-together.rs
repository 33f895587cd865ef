//! Every mistake of a record type is reported in the same build, each at its field.
use zoho_runtime::zoho_record;

#[zoho_record(module = "Leads", usage = "insert")]
pub struct NewLead {
    #[zoho(rename = "Lead_Stauts")]
    pub status: Option<String>,
    #[zoho(rename = "No_of_Employees")]
    pub employees: Option<String>,
    #[zoho(rename = "Full_Name")]
    pub full_name: Option<String>,
    #[zoho(rename = "Products_Wanted")]
    pub wanted: Option<String>,
}

fn main() {}
