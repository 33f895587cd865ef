use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(GET "/Leads/<id>", scope = "ZohoCRM.modules.leads.READ", verison = "v2")]
pub struct Call {
    pub id: RecordId,
}

fn main() {}
