use zoho_runtime::zoho_endpoint;

#[zoho_endpoint(POST "/read", scope = "ZohoCRM.bulk.READ", root = "crm/bulk")]
pub struct Call {

}

fn main() {}
