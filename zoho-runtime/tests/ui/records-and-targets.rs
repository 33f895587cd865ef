use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(POST "/Leads/actions/mass_update", scope = "ZohoCRM.mass_update.leads.UPDATE")]
pub struct Call {
    #[zoho(records)]
    pub leads: Vec<RecordId>,
    #[zoho(targets)]
    pub ids: Vec<RecordId>,
}

fn main() {}
