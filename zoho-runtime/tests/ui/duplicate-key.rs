use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(GET "/Leads/<id>", scope = "ZohoCRM.modules.leads.READ", version = "v2", version = "v8")]
pub struct Call {
    pub id: RecordId,
}

fn main() {}
