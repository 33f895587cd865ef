use zoho_runtime::{zoho_endpoint, Page, Record};

#[zoho_endpoint(GET "/Leads", scope = "ZohoCRM.modules.leads.READ", response = Page<Record>)]
pub struct Call {
    #[zoho(page_token)]
    pub page_token: Option<String>,
}

fn main() {}
