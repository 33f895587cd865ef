use zoho_runtime::zoho_endpoint;

#[zoho_endpoint(GET "/Leads/<>", scope = "ZohoCRM.modules.leads.READ")]
pub struct Call {

}

fn main() {}
