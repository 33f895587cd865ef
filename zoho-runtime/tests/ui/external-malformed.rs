use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(PUT "/Contacts/<id>/Deals", scope = "ZohoCRM.modules.contacts.UPDATE", external = "Contacts")]
pub struct Call {
    pub id: RecordId,
}

fn main() {}
