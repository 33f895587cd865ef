use zoho_runtime::zoho_endpoint;

#[zoho_endpoint(DELETE "/Leads", scope = "ZohoCRM.modules.contacts.DELETE")]
pub struct DeleteLeads {
    #[zoho(query)]
    pub ids: String,
}

fn main() {}
