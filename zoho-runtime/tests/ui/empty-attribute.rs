use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint]
pub struct Call {
    pub id: RecordId,
}

fn main() {}
