use zoho_runtime::zoho_endpoint;

#[zoho_endpoint(POST "/Leads", scope = "ZohoCRM.modules.leads.CREATE")]
pub struct InsertLeads {
    #[zoho(records)]
    pub leads: String,
}

fn main() {}
