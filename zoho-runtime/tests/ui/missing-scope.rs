use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(GET "/Leads/<id>")]
pub struct Call {
    pub id: RecordId,
}

fn main() {}
