use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(GET "/Leads/<id>", scope = "ZohoCRM.modules.leads.READ")]
pub enum Call {
    One { id: RecordId },
}

fn main() {}
