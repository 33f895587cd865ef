use zoho_runtime::zoho_endpoint;

#[zoho_endpoint(GET "/settings/currencies", scope = "ZohoCRM.settings.ZohoCRM.settings.currencies.all")]
pub struct Currencies {}

fn main() {}
