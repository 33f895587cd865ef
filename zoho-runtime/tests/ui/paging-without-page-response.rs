use zoho_runtime::{zoho_endpoint, Json};

#[zoho_endpoint(GET "/Leads", scope = "ZohoCRM.modules.leads.READ", response = Json)]
pub struct WithJson {
    #[zoho(page)]
    pub page: Option<u32>,
}

#[zoho_endpoint(GET "/Contacts", scope = "ZohoCRM.modules.contacts.READ")]
pub struct WithDefault {
    #[zoho(page)]
    pub page: Option<u32>,
}

fn main() {}
