use zoho_runtime::{zoho_endpoint, RecordId};

#[zoho_endpoint(DELETE "/Leads/<id>", scope = "ZohoCRM.modules.leads.DELETE")]
pub struct Call {
    pub id: RecordId,
    #[zoho(envelope)]
    pub wf_trigger: bool,
}

fn main() {}
