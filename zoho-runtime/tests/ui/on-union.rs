use zoho_runtime::zoho_endpoint;

#[zoho_endpoint(GET "/Leads/<id>", scope = "ZohoCRM.modules.leads.READ")]
pub union Call {
    id: u64,
}

fn main() {}
