use zoho_runtime::zoho_endpoint;

#[zoho_endpoint(POST "/Leads/<id>/Notes", scope = "ZohoCRM.modules.leads.CREATE", unique = "Note_Title")]
pub struct AddNotes {
    pub id: String,
    #[zoho(records)]
    pub notes: Vec<zoho_runtime::Json>,
}

fn main() {}
