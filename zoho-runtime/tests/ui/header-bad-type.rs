use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(GET "/Leads/<id>", scope = "ZohoCRM.modules.leads.READ")]
pub struct Call {
    pub id: RecordId,
    #[zoho(header = "If-Modified-Since")]
    pub since: std::time::SystemTime,
}

fn main() {}
