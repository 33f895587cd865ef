use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(GET "/Leads/<id>", scope = "ZohoCRM.modules.leads.READ", version = "v9")]
pub struct Call {
    pub id: RecordId,
}

fn main() {}
