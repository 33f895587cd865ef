use zoho_runtime::{zoho_endpoint, Page, Record};

#[zoho_endpoint(PUT "/Leads", scope = "ZohoCRM.modules.leads.UPDATE", response = Page<Record>)]
pub struct Call {
    #[zoho(page)]
    pub page: Option<u32>,
}

fn main() {}
