use zoho_runtime::zoho_endpoint;

pub struct Lead;

#[zoho_endpoint(GET "/Leads/<id>", scope = "ZohoCRM.modules.leads.READ")]
pub struct GetLead {
    pub id: Lead,
}

fn main() {}
