use zoho_runtime::{zoho_endpoint, Page, Record};

#[zoho_endpoint(POST "/coql", scope = "ZohoCRM.coql.READ", response = Page<Record>)]
pub struct Call {
    #[zoho(coql)]
    pub select_query: String,
    #[zoho(page)]
    pub page: Option<u32>,
}

fn main() {}
