use zoho_runtime::{zoho_endpoint, RecordId};

pub struct Owner {
    pub id: RecordId,
}

#[zoho_endpoint(PUT "/Leads/<id>", scope = "ZohoCRM.modules.leads.UPDATE")]
pub struct Call {
    pub id: RecordId,
    #[zoho(rename = "Owner")]
    pub owner: Option<Owner>,
}

fn main() {}
