use zoho_runtime::zoho_endpoint;

#[zoho_endpoint(POST "/Leads", scope = "ZohoCRM.modules.leads.CREATE", unique = "Email")]
pub struct InsertLead {
    #[zoho(rename = "Email")]
    pub email: String,
}

fn main() {}
