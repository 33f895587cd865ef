//! A picklist enum with a value the field does not offer.
use zoho_runtime::zoho_picklist;

#[zoho_picklist(module = "Leads", field = "Lead_Status")]
pub enum Status {
    Contacted,
    #[zoho(rename = "Not Contactd")]
    NotContacted,
}

fn main() {}
