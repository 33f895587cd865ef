use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(POST "/Leads/<id>/Attachments", scope = "ZohoCRM.modules.leads.CREATE",
                max_upload = 1024)]
pub struct Call {
    pub id: RecordId,
    #[zoho(form)]
    pub title: String,
}

fn main() {}
