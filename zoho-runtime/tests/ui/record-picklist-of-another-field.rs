//! A picklist field given the enum of another picklist.
use zoho_runtime::{zoho_picklist, zoho_record};

#[zoho_picklist(module = "Leads", field = "Rating")]
pub enum Rating {
    Active,
}

#[zoho_record(module = "Leads", usage = "update")]
pub struct Lead {
    #[zoho(rename = "Lead_Status")]
    pub status: Option<Rating>,
}

fn main() {}
