use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(GET "/Leads/<id>/Notes/<id>", scope = "ZohoCRM.modules.notes.READ")]
pub struct Call {
    pub id: RecordId,
}

fn main() {}
