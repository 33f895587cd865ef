use zoho_runtime::zoho_endpoint;

#[zoho_endpoint(POST "/coql", scope = "ZohoCRM.coql.READ", idempotent = "yes")]
pub struct Call {
    #[zoho(envelope)]
    pub select_query: String,
}

fn main() {}
