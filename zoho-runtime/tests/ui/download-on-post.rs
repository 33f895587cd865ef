use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(POST "/Leads/<id>/photo", scope = "ZohoCRM.modules.leads.CREATE", download)]
pub struct Call {
    pub id: RecordId,
}

fn main() {}
