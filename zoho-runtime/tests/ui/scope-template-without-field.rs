use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(PUT "/Leads/<id>", scope = "ZohoCRM.modules.<module>.UPDATE")]
pub struct Call {
    pub id: RecordId,
    #[zoho(rename = "Last_Name")]
    pub last_name: String,
}

fn main() {}
