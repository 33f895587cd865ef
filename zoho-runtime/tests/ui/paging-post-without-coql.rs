use zoho_runtime::{zoho_endpoint, Page, Record};

#[zoho_endpoint(POST "/Leads/actions/search", scope = "ZohoCRM.modules.leads.READ", response = Page<Record>)]
pub struct Call {
    #[zoho(per_page)]
    pub per_page: Option<u32>,
}

fn main() {}
