use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(PUT "/Leads/<id>", scope = "ZohoCRM.modules.leads.UPDATE")]
pub struct Call {
    pub id: RecordId,
    #[zoho(rename = "Last_Name", rename = "First_Name")]
    pub name: String,
}

fn main() {}
