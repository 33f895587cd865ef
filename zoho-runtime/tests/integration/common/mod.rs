//! What the runtime's sandbox tests share: endpoints declared as a user would, and clients
//! pointed at an embedded sandbox with waits short enough for tests.

use std::time::Duration;

use zoho_runtime::auth::RefreshingTokenBuilder;
use zoho_runtime::serde::Serialize;
use zoho_runtime::{zoho_endpoint, Client, ClientBuilder, RecordId, RetryPolicy};
use zoho_sandbox::{OAuthClient, Sandbox};

/// Seed 002's lead, present in every sandbox.
pub const LEAD: &str = "738964000002148061";

/// A lead to insert.
#[derive(Clone, Debug, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct NewLead {
    /// The mandatory `Last_Name`.
    #[serde(rename = "Last_Name")]
    pub last_name: String,
}

/// A change to an existing lead.
#[derive(Clone, Debug, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct LeadChange {
    /// The lead.
    pub id: RecordId,
    /// Its new `Last_Name`.
    #[serde(rename = "Last_Name")]
    pub last_name: String,
}

/// Inserts leads: a `POST`, not safe to repeat.
#[zoho_endpoint(POST "/Leads", scope = "ZohoCRM.modules.leads.CREATE")]
pub struct InsertLeads {
    /// The leads.
    #[zoho(records)]
    pub leads: Vec<NewLead>,
}

/// A lead to insert that carries a unique field, `Email`.
#[derive(Clone, Debug, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct KeyedLead {
    /// The mandatory `Last_Name`.
    #[serde(rename = "Last_Name")]
    pub last_name: String,
    /// Unique in the sandbox's Leads; `None` leaves the record without a key.
    #[serde(rename = "Email", skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// Inserts leads identified by `Email`: sent again as an upsert on it when its fate is unknown.
#[zoho_endpoint(POST "/Leads", scope = "ZohoCRM.modules.leads.CREATE", unique = "Email")]
pub struct InsertKeyedLeads {
    /// The leads.
    #[zoho(records)]
    pub leads: Vec<KeyedLead>,
}

/// Updates leads by the ids in the records: a `PUT`, safe to repeat.
#[zoho_endpoint(PUT "/Leads", scope = "ZohoCRM.modules.leads.UPDATE")]
pub struct UpdateLeads {
    /// The changes.
    #[zoho(records)]
    pub leads: Vec<LeadChange>,
}

/// Reads one lead.
#[zoho_endpoint(GET "/Leads/<id>", scope = "ZohoCRM.modules.leads.READ")]
pub struct GetLead {
    /// The lead.
    pub id: RecordId,
}

/// Sets `No_of_Employees` on leads by id: a `POST` declared safe to repeat.
#[zoho_endpoint(POST "/Leads/actions/mass_update",
                scope = "ZohoCRM.mass_update.leads.UPDATE",
                idempotent)]
pub struct MassUpdateLeads {
    /// The value set.
    #[zoho(rename = "No_of_Employees")]
    pub no_of_employees: i64,
    /// The leads.
    #[zoho(targets)]
    pub ids: Vec<RecordId>,
}

/// Retries as many as a fault storm needs, with waits of a millisecond or so.
pub fn quick_retries() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(40)
        .backoff(Duration::from_millis(1), Duration::from_millis(4))
        .deadline(Some(Duration::from_secs(20)))
}

/// A client on the sandbox with its ready-made token.
pub fn client(sandbox: &Sandbox) -> ClientBuilder {
    Client::builder()
        .api_domain(sandbox.base_url())
        .access_token(sandbox.access_token())
        .retry(quick_retries())
        .timeout(Duration::from_secs(10))
}

/// A refreshing token for an OAuth client of the sandbox.
pub fn oauth(sandbox: &Sandbox, credentials: &OAuthClient) -> RefreshingTokenBuilder {
    zoho_runtime::auth::RefreshingToken::builder(
        credentials.client_id.as_str(),
        credentials.client_secret.as_str(),
        credentials.refresh_token.as_str(),
    )
    .accounts_url(sandbox.accounts_url())
    .retry(quick_retries())
    .timeout(Duration::from_secs(10))
}

/// How many requests of this method and path the sandbox received.
pub fn received(sandbox: &Sandbox, method: &str, path: &str) -> usize {
    sandbox
        .journal()
        .iter()
        .filter(|e| e.method == method && e.path == path)
        .count()
}

/// `count` new leads stored directly in the sandbox, returned by id.
pub fn stored_leads(sandbox: &Sandbox, count: usize) -> Vec<RecordId> {
    (0..count)
        .map(|i| {
            let fields = zoho_runtime::Json::from(
                [("Last_Name".to_owned(), format!("Stored {i}").into())]
                    .into_iter()
                    .collect::<serde_json::Map<_, _>>(),
            );
            let id = sandbox
                .insert_record("Leads", fields)
                .expect("Leads exists");
            RecordId::new(id)
        })
        .collect()
}

/// How many leads have this `Last_Name`.
pub fn leads_named(sandbox: &Sandbox, name: &str) -> usize {
    sandbox
        .records("Leads")
        .iter()
        .filter(|r| r["Last_Name"] == name)
        .count()
}
