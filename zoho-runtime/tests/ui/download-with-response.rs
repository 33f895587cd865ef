use zoho_runtime::{zoho_endpoint, Json, RecordId};

#[zoho_endpoint(GET "/Leads/<id>/photo", scope = "ZohoCRM.modules.leads.READ", download, response = Json)]
pub struct Call {
    pub id: RecordId,
}

fn main() {}
