use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(GET, scope = "ZohoCRM.modules.leads.READ")]
pub struct Call {
    pub id: RecordId,
}

fn main() {}
