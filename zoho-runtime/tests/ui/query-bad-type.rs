use zoho_runtime::zoho_endpoint;

#[zoho_endpoint(GET "/Leads", scope = "ZohoCRM.modules.leads.READ")]
pub struct ListLeads {
    #[zoho(query)]
    pub page: f64,
}

fn main() {}
