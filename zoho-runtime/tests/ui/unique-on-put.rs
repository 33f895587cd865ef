use zoho_runtime::zoho_endpoint;

#[zoho_endpoint(PUT "/Leads", scope = "ZohoCRM.modules.leads.UPDATE", unique = "Email")]
pub struct UpdateLeads {
    #[zoho(records)]
    pub leads: Vec<zoho_runtime::Json>,
}

fn main() {}
