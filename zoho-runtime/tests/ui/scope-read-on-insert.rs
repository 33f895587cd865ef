use zoho_runtime::zoho_endpoint;

#[zoho_endpoint(POST "/Leads", scope = "ZohoCRM.modules.leads.READ")]
pub struct InsertLead {
    #[zoho(rename = "Last_Name")]
    pub last_name: String,
}

fn main() {}
