use zoho_runtime::{zoho_endpoint, Page, Record};

#[zoho_endpoint(GET "/Leads", scope = "ZohoCRM.modules.leads.READ", response = Page<Record>)]
pub struct Call {
    #[zoho(page)]
    pub page: u64,
}

fn main() {}
