use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(DELETE "/Leads/<id>", scope = ["ZohoCRM.modules.leads.READ", "ZohoCRM.modules.deals.read"])]
pub struct Call {
    pub id: RecordId,
}

fn main() {}
