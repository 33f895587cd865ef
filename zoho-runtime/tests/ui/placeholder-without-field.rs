use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(PUT "/Deals/<deal_id>/Contact_Roles/<contact_id>", scope = "ZohoCRM.modules.deals.UPDATE")]
pub struct Call {
    pub deal_id: RecordId,
    pub contact: RecordId,
}

fn main() {}
