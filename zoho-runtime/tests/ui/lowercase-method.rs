use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(put "/Leads/<id>", scope = "ZohoCRM.modules.leads.UPDATE")]
pub struct Call {
    pub id: RecordId,
}

fn main() {}
