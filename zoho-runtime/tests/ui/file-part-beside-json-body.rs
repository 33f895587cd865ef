use zoho_runtime::files::FilePart;
use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(POST "/Leads/<id>/Attachments", scope = "ZohoCRM.modules.leads.CREATE")]
pub struct Call {
    pub id: RecordId,
    #[zoho(file)]
    pub file: FilePart,
    pub title: String,
}

fn main() {}
