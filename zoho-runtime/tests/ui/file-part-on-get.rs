use zoho_runtime::files::FilePart;
use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(GET "/Leads/<id>/photo", scope = "ZohoCRM.modules.leads.READ")]
pub struct Call {
    pub id: RecordId,
    #[zoho(file)]
    pub file: FilePart,
}

fn main() {}
