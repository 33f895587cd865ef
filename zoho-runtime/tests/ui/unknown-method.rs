use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(PUTT "/Leads/<id>", scope = "ZohoCRM.modules.leads.UPDATE")]
pub struct Call {
    pub id: RecordId,
}

fn main() {}
