//! The handle tests and examples hold: start the server, mint credentials, inject faults, read
//! the journal and inspect records.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::auth::{Auth, OAuthClient};
use crate::body;
use crate::faults::{FaultRule, FaultState, Faults};
use crate::journal::JournalEntry;
use crate::schema::junction_key;
use crate::seed_data;
use crate::state::{lock, Shared};
use crate::store::{render, RecordState, Store};
use crate::{server, time};

/// The scopes of the ready-made access token: every family the sandbox serves.
pub const ALL_SCOPES: &[&str] = &[
    "ZohoCRM.modules.ALL",
    "ZohoCRM.settings.ALL",
    "ZohoCRM.users.ALL",
    "ZohoCRM.org.ALL",
    "ZohoCRM.mass_update.ALL",
    "ZohoCRM.bulk.ALL",
    "ZohoCRM.coql.READ",
    "ZohoCRM.features.READ",
    "ZohoCRM.mass_convert.ALL",
    "ZohoCRM.mass_delete.ALL",
    "ZohoCRM.change_owner.ALL",
    "ZohoCRM.share.ALL",
    "ZohoCRM.notifications.ALL",
    "ZohoCRM.composite_requests.ALL",
    "ZohoCRM.send_mail.ALL",
    "ZohoCRM.templates.ALL",
    "ZohoCRM.files.ALL",
    "ZohoFiles.files.ALL",
];

/// Configures a sandbox before it starts. Obtained from [`Sandbox::builder`].
#[derive(Debug, Clone)]
pub struct SandboxBuilder {
    seed: u64,
    port: u16,
    generated: bool,
    faults: Faults,
    token_scopes: Vec<String>,
    token_ttl: Duration,
    oauth_ttl: Duration,
    refresh_limit: Option<(usize, Duration)>,
    job_polls: u32,
    states: Vec<(String, String, RecordState)>,
}

impl Default for SandboxBuilder {
    fn default() -> Self {
        SandboxBuilder {
            seed: 2021,
            port: 0,
            generated: true,
            faults: Faults::default(),
            token_scopes: ALL_SCOPES.iter().map(|s| s.to_string()).collect(),
            token_ttl: Duration::from_secs(86_400),
            oauth_ttl: Duration::from_secs(3600),
            refresh_limit: None,
            job_polls: 0,
            states: Vec::new(),
        }
    }
}

impl SandboxBuilder {
    /// Seeds the generated records, fresh ids and tokens (default 2021): same seed, same data.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Listens on this port of 127.0.0.1 (default 0: an ephemeral port).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Whether to add the few hundred generated records to the seeds' own (default true).
    pub fn generated_records(mut self, yes: bool) -> Self {
        self.generated = yes;
        self
    }

    /// Starts with these faults (default: none).
    pub fn faults(mut self, faults: Faults) -> Self {
        self.faults = faults;
        self
    }

    /// The scopes of [`Sandbox::access_token`] (default [`ALL_SCOPES`]).
    pub fn access_token_scopes(mut self, scopes: &[&str]) -> Self {
        self.token_scopes = scopes.iter().map(|s| s.to_string()).collect();
        self
    }

    /// How long [`Sandbox::access_token`] lives (default a day).
    pub fn access_token_ttl(mut self, ttl: Duration) -> Self {
        self.token_ttl = ttl;
        self
    }

    /// How long tokens minted by the refresh grant live (default an hour, `expires_in: 3600`).
    pub fn oauth_token_ttl(mut self, ttl: Duration) -> Self {
        self.oauth_ttl = ttl;
        self
    }

    /// Refuses a refresh (`{"error": "access_denied"}`) past `max` access tokens per refresh
    /// token per `window`. Off by default.
    pub fn refresh_limit(mut self, max: usize, window: Duration) -> Self {
        self.refresh_limit = Some((max, window));
        self
    }

    /// Zoho's own refresh limit: 10 access tokens per refresh token per 10 minutes.
    pub fn zoho_refresh_limit(self) -> Self {
        self.refresh_limit(10, Duration::from_secs(600))
    }

    /// Status checks a job (a `cvid` mass update, a mass action, a merge) answers before it is
    /// final: `SCHEDULED`, then `RUNNING` (default 0).
    pub fn mass_update_pending_polls(mut self, polls: u32) -> Self {
        self.job_polls = polls;
        self
    }

    /// Starts with a record locked or awaiting approval (the seeds' two such leads always are).
    pub fn record_state(mut self, module: &str, id: &str, state: RecordState) -> Self {
        self.states
            .push((module.to_string(), id.to_string(), state));
        self
    }

    /// Binds 127.0.0.1, fills the store and serves in the background of the current Tokio
    /// runtime until the [`Sandbox`] is dropped.
    pub async fn start(self) -> std::io::Result<Sandbox> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, self.port)).await?;
        let addr = listener.local_addr()?;
        let base_url = format!("http://{addr}");
        let mut store = Store::new(self.seed);
        seed_data::populate(&mut store, self.seed, self.generated);
        let mut auth = Auth::new(self.seed);
        auth.refresh_limit = self.refresh_limit;
        auth.token_ttl = self.oauth_ttl;
        let scopes: Vec<&str> = self.token_scopes.iter().map(String::as_str).collect();
        let access_token = auth.issue(&scopes, self.token_ttl);
        let shared = Arc::new(Shared {
            store: Mutex::new(store),
            auth: Mutex::new(auth),
            faults: Mutex::new(FaultState::new(self.faults)),
            journal: Mutex::new(Vec::new()),
            recycle: Mutex::default(),
            in_flight: Default::default(),
            peak_in_flight: Default::default(),
            api_domain: base_url.clone(),
            job_polls: self.job_polls,
            files: Default::default(),
            bulk: Default::default(),
        });
        let token = (access_token, self.token_ttl);
        let sandbox = Sandbox::serve(listener, shared, base_url, token);
        for (module, id, state) in &self.states {
            sandbox.set_record_state(module, id, *state);
        }
        Ok(sandbox)
    }
}

/// A running Zoho CRM emulator on 127.0.0.1. Dropping it stops the server.
///
/// The same server answers the CRM API (`{base_url}/crm/{version}/…`), the accounts server
/// (`{base_url}/oauth/v2/token`) and the admin API (`{base_url}/__admin/…`).
#[derive(Debug)]
pub struct Sandbox {
    shared: Arc<Shared>,
    addr: SocketAddr,
    base_url: String,
    access_token: String,
    /// How long [`Sandbox::access_token`] and [`Sandbox::access_token_for`]'s tokens live.
    token_ttl: Duration,
    shutdown: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
        self.task.abort();
    }
}

impl Sandbox {
    /// Starts a sandbox with the defaults: an ephemeral port, seed 2021, generated records, no
    /// faults.
    pub async fn start() -> std::io::Result<Sandbox> {
        SandboxBuilder::default().start().await
    }

    /// A builder to configure the sandbox before it starts.
    pub fn builder() -> SandboxBuilder {
        SandboxBuilder::default()
    }

    fn serve(
        listener: TcpListener,
        shared: Arc<Shared>,
        base_url: String,
        (access_token, token_ttl): (String, Duration),
    ) -> Self {
        let addr = listener
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from((Ipv4Addr::LOCALHOST, 0)));
        let (shutdown, watcher) = watch::channel(false);
        let task = tokio::spawn(server::serve(listener, shared.clone(), watcher));
        Sandbox {
            shared,
            addr,
            base_url,
            access_token,
            token_ttl,
            shutdown,
            task,
        }
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:<port>`, the API domain: the CRM API is under `{base_url}/crm/{version}`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The accounts (OAuth) server's URL: the same server.
    pub fn accounts_url(&self) -> &str {
        &self.base_url
    }

    /// `{base_url}/oauth/v2/token`.
    pub fn token_url(&self) -> String {
        format!("{}/oauth/v2/token", self.base_url)
    }

    /// `{base_url}/crm/{version}`, e.g. `crm_url("v8")`.
    pub fn crm_url(&self, version: &str) -> String {
        format!("{}/crm/{version}", self.base_url)
    }

    /// A ready-made access token with [`ALL_SCOPES`] (or the builder's scopes). For a token
    /// with exactly an application's scopes, see [`Sandbox::access_token_for`].
    pub fn access_token(&self) -> &str {
        &self.access_token
    }

    /// Mints an access token granting exactly `scopes`, living as long as
    /// [`Sandbox::access_token`] (the builder's [`SandboxBuilder::access_token_ttl`]).
    ///
    /// Give it the scopes the application asks Zoho for, so that a test fails locally, with
    /// `401 OAUTH_SCOPE_MISMATCH`, when a call needs a scope the application forgot: any list
    /// of texts, or a runtime `ScopeSet`'s scopes as text (`set.iter().map(|s| s.as_str())`).
    /// A text that is not a scope grants nothing, as at Zoho.
    pub fn access_token_for<I>(&self, scopes: I) -> String
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let texts = texts(scopes);
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        lock(&self.shared.auth).issue(&refs, self.token_ttl)
    }

    /// Mints an access token with these scopes, living `ttl`.
    pub fn issue_token(&self, scopes: &[&str], ttl: Duration) -> String {
        lock(&self.shared.auth).issue(scopes, ttl)
    }

    /// Makes a token expired at once (the API then answers `401 INVALID_TOKEN`); false if unknown.
    pub fn expire_token(&self, token: &str) -> bool {
        lock(&self.shared.auth).expire(token)
    }

    /// Revokes an access token, or a refresh token with every access token minted from it.
    pub fn revoke_token(&self, token: &str) -> bool {
        lock(&self.shared.auth).revoke(token)
    }

    /// Registers an OAuth client with a refresh token granting `scopes`, for the refresh grant
    /// of `POST /oauth/v2/token`.
    pub fn oauth_client(&self, scopes: &[&str]) -> OAuthClient {
        lock(&self.shared.auth).register_client(scopes)
    }

    /// Registers an OAuth client whose refresh token grants exactly `scopes`, taken as
    /// [`Sandbox::access_token_for`] takes them: the refresh grant's tokens then carry the
    /// application's own scopes.
    pub fn oauth_client_for<I>(&self, scopes: I) -> OAuthClient
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let texts = texts(scopes);
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        lock(&self.shared.auth).register_client(&refs)
    }

    /// How many calls `POST /oauth/v2/token` has answered, refused ones included.
    pub fn token_requests(&self) -> usize {
        lock(&self.shared.auth).token_requests
    }

    /// Sets or removes the refresh limit (see [`SandboxBuilder::refresh_limit`]).
    pub fn set_refresh_limit(&self, limit: Option<(usize, Duration)>) {
        lock(&self.shared.auth).refresh_limit = limit;
    }

    /// Replaces the fault configuration; rule counts and the chance generator start afresh.
    pub fn set_faults(&self, faults: Faults) {
        *lock(&self.shared.faults) = FaultState::new(faults);
    }

    /// Adds one rule to the fault configuration (counts start afresh, as with `set_faults`).
    pub fn add_fault(&self, rule: FaultRule) {
        let mut faults = self.faults();
        faults.rules.push(rule);
        self.set_faults(faults);
    }

    /// Removes every fault, latency and limit.
    pub fn clear_faults(&self) {
        self.set_faults(Faults::default());
    }

    /// The fault configuration in force.
    pub fn faults(&self) -> Faults {
        lock(&self.shared.faults).config().clone()
    }

    /// The most CRM requests that were in flight at once since the start.
    pub fn peak_in_flight(&self) -> usize {
        self.shared.peak_in_flight.load(Ordering::SeqCst)
    }

    /// Locks a record, marks it awaiting approval, or frees it; false if there is no such record.
    pub fn set_record_state(&self, module: &str, id: &str, state: RecordState) -> bool {
        let mut store = lock(&self.shared.store);
        let (Some(m), Some(id)) = (module_name(&store, module), body::parse_id(id)) else {
            return false;
        };
        match store.get_mut(m, id) {
            Some(record) => {
                record.state = state;
                true
            }
            None => false,
        }
    }

    /// Every request received so far (admin requests aside), oldest first.
    pub fn journal(&self) -> Vec<JournalEntry> {
        lock(&self.shared.journal).clone()
    }

    /// Forgets the journal.
    pub fn clear_journal(&self) {
        lock(&self.shared.journal).clear();
    }

    /// A record as `GET` would show it (all fields, `id` as a string), if it exists.
    pub fn record(&self, module: &str, id: &str) -> Option<Value> {
        let id = body::parse_id(id)?;
        let store = lock(&self.shared.store);
        let m = module_name(&store, module)?;
        store.get(m, id).map(|r| render(id, r, None))
    }

    /// The email fields of a record that are blocked (a mail sent from it bounced; see the
    /// crate's docs on emails), by API name.
    pub fn blocked_emails(&self, module: &str, id: &str) -> Vec<String> {
        let Some(id) = body::parse_id(id) else {
            return Vec::new();
        };
        let store = lock(&self.shared.store);
        match module_name(&store, module) {
            Some(m) => store.email_actions.blocked(m, id),
            None => Vec::new(),
        }
    }

    /// Every record of a module, by increasing id.
    pub fn records(&self, module: &str) -> Vec<Value> {
        let store = lock(&self.shared.store);
        let Some(m) = module_name(&store, module) else {
            return Vec::new();
        };
        store
            .records(m)
            .map(|(id, r)| render(id, r, None))
            .collect()
    }

    /// Every bulk read and bulk write job created, in order, with the callback each sent.
    pub fn bulk_jobs(&self) -> Vec<crate::BulkJobRecord> {
        lock(&self.shared.bulk).records()
    }

    /// How many writes (insert, update, mass update, delete) were applied to a record.
    pub fn write_count(&self, module: &str, id: &str) -> u32 {
        let store = lock(&self.shared.store);
        let (Some(m), Some(id)) = (module_name(&store, module), body::parse_id(id)) else {
            return 0;
        };
        store.write_count(m, id)
    }

    /// Stores a record as given (no validation, not counted as a write) and returns its new id.
    pub fn insert_record(&self, module: &str, fields: Value) -> Option<String> {
        let mut store = lock(&self.shared.store);
        let m = module_name(&store, module)?;
        let id = store.new_id();
        seed_data::put_record(&mut store, m, id, &time::now(), fields);
        Some(id.to_string())
    }

    /// Makes every `page_token` issued so far expired, as a day's wait would; the next call
    /// with one is refused. Returns how many there were.
    pub fn expire_page_tokens(&self) -> usize {
        crate::paging::expire_all(&mut lock(&self.shared.store))
    }

    /// The data of the relation between two records (`{}` when related without data), if any.
    pub fn relation(&self, module: &str, id: &str, other: &str, other_id: &str) -> Option<Value> {
        let (ida, idb) = (body::parse_id(id)?, body::parse_id(other_id)?);
        let store = lock(&self.shared.store);
        let (a, b) = (module_name(&store, module)?, module_name(&store, other)?);
        let data = store.relation(junction_key(a, ida, b, idb))?;
        Some(Value::Object(data.clone()))
    }

    /// Puts a record of the recycle bin back into its module, with its id and fields, as
    /// the web client's restore does; false when the bin does not hold it.
    pub fn restore_deleted(&self, id: &str) -> bool {
        body::parse_id(id)
            .is_some_and(|id| crate::recycle_bin::restore(&mut lock(&self.shared.store), id))
    }

    /// The `cvid` of a module's "All" view, for mass updates by view.
    pub fn custom_view_id(&self, module: &str) -> Option<&'static str> {
        let store = lock(&self.shared.store);
        store.schema().module(module).map(|m| m.cvid)
    }
}

/// The API name of the module a caller names, case-insensitively, in the metadata in force.
fn module_name(store: &Store, module: &str) -> Option<&'static str> {
    store.schema().module(module).map(|m| m.api_name)
}

/// Scopes given as any texts, owned.
fn texts<I>(scopes: I) -> Vec<String>
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    scopes
        .into_iter()
        .map(|scope| scope.as_ref().to_owned())
        .collect()
}
