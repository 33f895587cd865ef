use zoho_runtime::zoho_endpoint;

#[zoho_endpoint(POST "/Leads", scope = "ZohoCRM.modules.leads.CREATE", idempotent, unique = "Email")]
pub struct InsertLeads {
    #[zoho(records)]
    pub leads: Vec<zoho_runtime::Json>,
}

fn main() {}
