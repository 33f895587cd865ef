use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(PUT "/Leads/<id>", scope = "ZohoCRM.modules.leads.UPDTE")]
pub struct Call {
    pub id: RecordId,
}

fn main() {}
