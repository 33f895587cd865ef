use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(GET "/Leads/<id>", scope = "ZohoCRM.modules.leads.DELETE")]
pub struct Call {
    pub id: RecordId,
}

fn main() {}
