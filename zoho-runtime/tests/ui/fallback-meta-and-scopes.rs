use zoho_runtime::{scopes, zoho_endpoint, Endpoint, RecordId};

/// One mistake (a misspelled module); the code below uses the endpoint's `META`, its scopes and
/// `send`, and must not add errors of its own.
#[zoho_endpoint(GET "/Lead/<id>", scope = "ZohoCRM.modules.leads.READ")]
pub struct GetLead {
    pub id: RecordId,
}

async fn fetch(client: &zoho_runtime::Client) {
    let _ = GetLead { id: "1".into() }.send(client).await;
}

fn main() {
    let _ = GetLead::META.path;
    let _ = GetLead::META.idempotent;
    let _ = scopes![GetLead];
    let _ = fetch;
}
