use zoho_runtime::{zoho_endpoint, RecordId};

#[derive(zoho_runtime::serde::Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct Lead {
    pub id: RecordId,
}

#[zoho_endpoint(POST "/Leads", scope = "ZohoCRM.modules.leads.CREATE")]
pub struct Call {
    #[zoho(records)]
    pub leads: Vec<Lead>,
    #[zoho(rename = "Lead_Source")]
    pub lead_source: String,
}

fn main() {}
