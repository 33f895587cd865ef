//! Tokens against the embedded sandbox: refresh ahead of expiry, one refresh for many callers,
//! `401 INVALID_TOKEN` handled once, refusals, stores across restarts, scopes, and secrets
//! kept out of logs.

use crate::common;

use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use common::{GetLead, InsertLeads, NewLead, LEAD};
use zoho_runtime::auth::{
    AccessToken, FileTokenStore, MemoryTokenStore, RefreshingToken, StoredToken, TokenProvider,
};
use zoho_runtime::{Client, Code, DataCenter, Error, Scope, ScopeSet};
use zoho_sandbox::{Fault, FaultRule, Faults, Sandbox, ALL_SCOPES};

const LEAD_PATH: &str = "/crm/v8/Leads/738964000002148061";

fn get_lead() -> GetLead {
    GetLead { id: LEAD.into() }
}

/// A client that only knows the accounts server: it must learn the API domain from the token
/// answer, as with Zoho.
fn oauth_client(tokens: RefreshingToken) -> Client {
    Client::builder()
        .data_center(DataCenter::Us)
        .token_provider(tokens)
        .retry(common::quick_retries())
        .max_concurrent(100)
        .build()
        .unwrap()
}

#[tokio::test]
async fn refreshes_ahead_of_expiry_and_adopts_the_api_domain() {
    let sandbox = Sandbox::builder()
        .oauth_token_ttl(Duration::from_secs(1))
        .start()
        .await
        .unwrap();
    let credentials = sandbox.oauth_client(ALL_SCOPES);
    let tokens = common::oauth(&sandbox, &credentials)
        .refresh_margin(Duration::from_millis(500))
        .build()
        .unwrap();
    let client = oauth_client(tokens);

    for _ in 0..5 {
        get_lead().send(&client).await.unwrap();
    }
    assert_eq!(sandbox.token_requests(), 1, "one token serves every call");

    // Inside the refresh margin, not yet expired: refreshed before Zoho refuses it.
    tokio::time::sleep(Duration::from_millis(650)).await;
    get_lead().send(&client).await.unwrap();
    assert_eq!(sandbox.token_requests(), 2);

    // Long past expiry: refreshed before the call, not after a refusal.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    get_lead().send(&client).await.unwrap();
    assert_eq!(sandbox.token_requests(), 3);
    assert_eq!(
        common::received(&sandbox, "GET", LEAD_PATH),
        7,
        "no call was refused"
    );
}

#[tokio::test]
async fn a_hundred_calls_with_an_expired_token_make_one_token_request() {
    let sandbox = Sandbox::builder()
        .oauth_token_ttl(Duration::from_secs(1))
        .start()
        .await
        .unwrap();
    let credentials = sandbox.oauth_client(ALL_SCOPES);
    // No early refresh: the new token serves the 100 calls for its whole second.
    let tokens = common::oauth(&sandbox, &credentials)
        .refresh_margin(Duration::ZERO)
        .build()
        .unwrap();
    let client = oauth_client(tokens);
    get_lead().send(&client).await.unwrap();
    assert_eq!(sandbox.token_requests(), 1);

    tokio::time::sleep(Duration::from_millis(1050)).await;
    let calls = (0..100).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { get_lead().send(&client).await })
    });
    for call in calls.collect::<Vec<_>>() {
        call.await.unwrap().unwrap();
    }
    assert_eq!(
        sandbox.token_requests(),
        2,
        "exactly one refresh for 100 callers"
    );
    assert_eq!(common::received(&sandbox, "GET", LEAD_PATH), 101);
}

#[tokio::test]
async fn a_hundred_calls_refused_401_share_one_refresh_and_each_retry_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let credentials = sandbox.oauth_client(ALL_SCOPES);
    let store = MemoryTokenStore::new();
    let tokens = common::oauth(&sandbox, &credentials)
        .store(store.clone())
        .build()
        .unwrap();
    let client = oauth_client(tokens);
    get_lead().send(&client).await.unwrap();

    // Zoho stops accepting the token while the client still holds it as valid.
    let held = store.get().unwrap().access_token;
    assert!(sandbox.expire_token(held.expose()));
    let calls: Vec<_> = (0..100)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { get_lead().send(&client).await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(sandbox.token_requests(), 2);
    assert_eq!(common::received(&sandbox, "GET", LEAD_PATH), 1 + 200);
}

#[tokio::test]
async fn a_401_refreshes_and_retries_once_never_in_a_loop() {
    let sandbox = Sandbox::start().await.unwrap();

    // A token Zoho keeps refusing: one retry, then the error.
    let client = common::client(&sandbox)
        .access_token("1000.unknown.token")
        .build()
        .unwrap();
    let err = get_lead().send(&client).await.unwrap_err();
    assert_eq!(err.status(), Some(401));
    assert_eq!(err.code(), Some(&Code::InvalidToken));
    assert_eq!(common::received(&sandbox, "GET", LEAD_PATH), 2);

    // A token that expired at Zoho: one refresh, one retry, success.
    sandbox.clear_journal();
    let provider = SwitchingProvider::new(&sandbox);
    let client = common::client(&sandbox)
        .token_provider(provider.clone())
        .build()
        .unwrap();
    get_lead().send(&client).await.unwrap();
    sandbox.expire_token(&provider.current());
    get_lead().send(&client).await.unwrap();
    assert_eq!(common::received(&sandbox, "GET", LEAD_PATH), 3);
    assert_eq!(provider.invalidated(), 1);
}

/// Hands out sandbox tokens, switching to a fresh one when told the current one was refused.
#[derive(Clone)]
struct SwitchingProvider {
    state: Arc<Mutex<Switching>>,
}

struct Switching {
    current: String,
    spare: Vec<String>,
    invalidated: usize,
}

impl SwitchingProvider {
    fn new(sandbox: &Sandbox) -> Self {
        let mint = || sandbox.issue_token(ALL_SCOPES, Duration::from_secs(600));
        let state = Switching {
            current: mint(),
            spare: vec![mint(), mint()],
            invalidated: 0,
        };
        SwitchingProvider {
            state: Arc::new(Mutex::new(state)),
        }
    }

    fn current(&self) -> String {
        self.state.lock().unwrap().current.clone()
    }

    fn invalidated(&self) -> usize {
        self.state.lock().unwrap().invalidated
    }
}

impl TokenProvider for SwitchingProvider {
    fn token(&self) -> zoho_runtime::auth::BoxFuture<'_, Result<AccessToken, Error>> {
        let token = AccessToken::new(self.current());
        Box::pin(async move { Ok(token) })
    }

    fn invalidate(&self, token: &AccessToken) {
        let mut state = self.state.lock().unwrap();
        if token.secret.expose() == state.current {
            state.current = state.spare.pop().unwrap_or_default();
            state.invalidated += 1;
        }
    }
}

#[tokio::test]
async fn a_refused_refresh_is_an_auth_error_and_callers_do_not_pile_on() {
    let sandbox = Sandbox::start().await.unwrap();
    let mut credentials = sandbox.oauth_client(ALL_SCOPES);
    credentials.client_secret = "wrong".into();
    let tokens = common::oauth(&sandbox, &credentials).build().unwrap();
    let client = oauth_client(tokens);

    let err = get_lead().send(&client).await.unwrap_err();
    assert!(matches!(err, Error::Auth { .. }), "{err:?}");
    assert!(err.to_string().contains("invalid_client"), "{err}");
    let calls: Vec<_> = (0..20)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { get_lead().send(&client).await })
        })
        .collect();
    for call in calls {
        assert!(matches!(call.await.unwrap(), Err(Error::Auth { .. })));
    }
    assert_eq!(
        sandbox.token_requests(),
        1,
        "Zoho's refusal is not asked again at once"
    );
    assert_eq!(common::received(&sandbox, "GET", LEAD_PATH), 0);
}

#[tokio::test]
async fn a_file_store_lets_a_restart_reuse_the_token() {
    let sandbox = Sandbox::start().await.unwrap();
    let credentials = sandbox.oauth_client(ALL_SCOPES);
    let dir = std::env::temp_dir().join(format!("zoho-oauth-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("token.json");
    let _ = std::fs::remove_file(&path);
    let run = || {
        let tokens = common::oauth(&sandbox, &credentials)
            .store(FileTokenStore::new(&path))
            .build()
            .unwrap();
        oauth_client(tokens)
    };

    get_lead().send(&run()).await.unwrap();
    get_lead().send(&run()).await.unwrap();
    get_lead().send(&run()).await.unwrap();
    assert_eq!(
        sandbox.token_requests(),
        1,
        "restarts reuse the stored token"
    );

    // Other credentials do not take a token minted for these.
    let other = sandbox.oauth_client(ALL_SCOPES);
    let tokens = common::oauth(&sandbox, &other)
        .store(FileTokenStore::new(&path))
        .build()
        .unwrap();
    get_lead().send(&oauth_client(tokens)).await.unwrap();
    assert_eq!(sandbox.token_requests(), 2);
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn an_expired_stored_token_is_refreshed_not_sent() {
    let sandbox = Sandbox::start().await.unwrap();
    let credentials = sandbox.oauth_client(ALL_SCOPES);
    let store = MemoryTokenStore::new();
    let tokens = common::oauth(&sandbox, &credentials)
        .store(store.clone())
        .build()
        .unwrap();
    get_lead().send(&oauth_client(tokens)).await.unwrap();
    let mut stored = store.get().unwrap();
    stored.expires_at = SystemTime::now() - Duration::from_secs(1);
    let stale = MemoryTokenStore::with_token(stored);

    let tokens = common::oauth(&sandbox, &credentials)
        .store(stale.clone())
        .build()
        .unwrap();
    get_lead().send(&oauth_client(tokens)).await.unwrap();
    assert_eq!(sandbox.token_requests(), 2);
    assert_eq!(
        common::received(&sandbox, "GET", LEAD_PATH),
        2,
        "no refused call"
    );
    let saved: StoredToken = stale.get().unwrap();
    assert!(
        saved.expires_at > SystemTime::now(),
        "the new token was stored"
    );
}

#[tokio::test]
async fn granted_scopes_refuse_an_endpoint_before_anything_is_sent() {
    let sandbox = Sandbox::start().await.unwrap();
    let read_only: ScopeSet = [Scope::parse("ZohoCRM.modules.leads.READ").unwrap()]
        .into_iter()
        .collect();
    let client = common::client(&sandbox)
        .granted_scopes(read_only)
        .build()
        .unwrap();
    let insert = InsertLeads {
        leads: vec![NewLead {
            last_name: "Never sent".into(),
        }],
    };
    for err in [
        insert.send(&client).await.unwrap_err(),
        client.send_all(&insert).await.unwrap_err(),
    ] {
        match &err {
            Error::MissingScope { missing, path, .. } => {
                assert_eq!(missing.as_str(), "ZohoCRM.modules.leads.CREATE");
                assert_eq!(*path, "/Leads");
            }
            other => panic!("{other:?}"),
        }
        assert!(
            err.to_string().contains("ZohoCRM.modules.leads.CREATE"),
            "{err}"
        );
    }
    assert!(sandbox.journal().is_empty(), "nothing reached the network");
    get_lead().send(&client).await.unwrap();

    let all: ScopeSet = [Scope::parse("ZohoCRM.modules.ALL").unwrap()]
        .into_iter()
        .collect();
    let client = common::client(&sandbox)
        .granted_scopes(all)
        .build()
        .unwrap();
    insert.send(&client).await.unwrap();
}

#[test]
fn every_data_center_has_its_accounts_server() {
    for dc in DataCenter::ALL {
        let tokens = RefreshingToken::builder("id", "secret", "refresh")
            .data_center(dc)
            .build()
            .unwrap();
        let shown = format!("{tokens:?}");
        assert!(
            shown.contains(&format!("{}/oauth/v2/token", dc.accounts_url())),
            "{shown}"
        );
    }
    assert_eq!(
        DataCenter::Ca.accounts_url(),
        "https://accounts.zohocloud.ca"
    );
    assert_eq!(DataCenter::Eu.accounts_url(), "https://accounts.zoho.eu");
}

/// Captures everything traced, at every level, from every crate.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

#[tokio::test]
async fn secrets_stay_out_of_logs_errors_and_debug_and_spans_say_what_happened() {
    // tracing caches each callsite's interest for the whole process, and while
    // only one dispatcher exists it asks the *registering* thread's default: a
    // sibling test with no subscriber would cache "never" for a span this test
    // needs, and the capture would miss it. A second live dispatcher makes every
    // registration ask all of them, so this capture is always consulted.
    let _anchor = tracing::Dispatch::new(tracing::subscriber::NoSubscriber::default());
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let sandbox = Sandbox::start().await.unwrap();
    let credentials = sandbox.oauth_client(ALL_SCOPES);
    let store = MemoryTokenStore::new();
    let tokens = common::oauth(&sandbox, &credentials)
        .store(store.clone())
        .build()
        .unwrap();
    let client = oauth_client(tokens.clone());
    get_lead().send(&client).await.unwrap();
    let first = store.get().unwrap().access_token.expose().to_owned();
    sandbox.expire_token(&first);
    get_lead().send(&client).await.unwrap();
    let second = store.get().unwrap().access_token.expose().to_owned();

    let mut wrong = credentials.clone();
    wrong.client_secret = "wrong-secret-value".into();
    let refused = oauth_client(common::oauth(&sandbox, &wrong).build().unwrap());
    let err = get_lead().send(&refused).await.unwrap_err();

    let shown = format!(
        "{}\n{err}\n{err:?}\n{client:?}\n{tokens:?}\n{:?}",
        captured.text(),
        store.get()
    );
    for secret in [
        credentials.client_secret.as_str(),
        credentials.refresh_token.as_str(),
        "wrong-secret-value",
        &first,
        &second,
    ] {
        assert!(!shown.contains(secret), "a secret leaked into:\n{shown}");
    }
    let logs = captured.text();
    let span_line = |parts: &[&str]| {
        logs.lines()
            .any(|line| parts.iter().all(|part| line.contains(part)))
    };
    let first_try = [
        "zoho.request{",
        "method=\"GET\"",
        "path=\"/Leads/<id>\"",
        "attempt=1",
        "status=401",
        "code=\"INVALID_TOKEN\"",
        "duration_ms=",
    ];
    assert!(span_line(&first_try), "{logs}");
    let retry = ["zoho.request{", "attempt=2", "status=200", "duration_ms="];
    assert!(span_line(&retry), "{logs}");
    assert!(span_line(&["zoho.token{", "status=200"]), "{logs}");
}

#[tokio::test]
async fn token_answers_in_every_shape_zoho_sends() {
    let sandbox = Sandbox::start().await.unwrap();
    let credentials = sandbox.oauth_client(ALL_SCOPES);
    let token_endpoint = |fault: Fault| {
        FaultRule::new(fault)
            .path_contains("/oauth/v2/token")
            .times(1)
    };
    let answer = |body: serde_json::Value| Fault::Status { status: 200, body };
    let call = || async {
        let tokens = common::oauth(&sandbox, &credentials).build().unwrap();
        get_lead().send(&oauth_client(tokens)).await
    };

    // An older answer: seconds in `expires_in_sec`, milliseconds in `expires_in`.
    let legacy = sandbox.issue_token(ALL_SCOPES, Duration::from_secs(600));
    sandbox.add_fault(token_endpoint(answer(serde_json::json!({
        "access_token": legacy, "api_domain": sandbox.base_url(),
        "token_type": "Bearer", "expires_in_sec": 3600, "expires_in": 3_600_000,
    }))));
    call().await.unwrap();
    let sent = sandbox
        .journal()
        .last()
        .unwrap()
        .header("authorization")
        .unwrap()
        .to_owned();
    assert_eq!(sent, format!("Zoho-oauthtoken {legacy}"));

    // A refusal is a 200 without `access_token`.
    sandbox.set_faults(Faults::default());
    sandbox.add_fault(token_endpoint(answer(
        serde_json::json!({"error": "invalid_code"}),
    )));
    let err = call().await.unwrap_err();
    assert!(
        matches!(&err, Error::Auth { reason } if reason.contains("invalid_code")),
        "{err:?}"
    );

    // An api_domain over plain http to a remote host is refused, token and all.
    sandbox.set_faults(Faults::default());
    sandbox.add_fault(token_endpoint(answer(serde_json::json!({
        "access_token": legacy, "api_domain": "http://www.zohoapis.com", "expires_in": 3600,
    }))));
    let err = call().await.unwrap_err();
    assert!(err.to_string().contains("api_domain"), "{err}");
    assert!(!format!("{err:?}").contains(&legacy));

    // A server error at the accounts server is retried.
    sandbox.set_faults(Faults::default());
    sandbox.clear_journal();
    sandbox.add_fault(token_endpoint(Fault::InternalError));
    call().await.unwrap();
    assert_eq!(common::received(&sandbox, "POST", "/oauth/v2/token"), 2);
}
