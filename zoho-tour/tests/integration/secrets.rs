//! No secret leaks during a full tour: the tour runs twice against the sandbox with tokens
//! refreshed from an OAuth client (the held token expires between the runs, so the second run
//! meets a `401` and refreshes), and a refresh with a wrong client secret is refused. Everything
//! traced at every level, everything the tour writes, and the `Debug` and `Display` of every
//! client, token provider, stored token, prepared request, error and outcome it produced are
//! searched for every access token the sandbox received, the refresh token and the client
//! secrets, whole or in part.

use std::collections::{BTreeSet, HashMap};
use std::error::Error as _;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use zoho_runtime::auth::{MemoryTokenStore, RefreshingToken};
use zoho_runtime::{Client, Error};
use zoho_sandbox::{Sandbox, ALL_SCOPES};
use zoho_tour::{common, tour};

/// A secret counts as leaked if any run of this many of its characters shows.
const WINDOW: usize = 12;

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

/// `{:?}` and `{}` of an error, with its sources.
fn show_error(shown: &mut String, error: &Error) {
    let _ = writeln!(shown, "{error:?}\n{error}");
    let mut source = error.source();
    while let Some(cause) = source {
        let _ = writeln!(shown, "{cause:?}\n{cause}");
        source = cause.source();
    }
}

fn show_tour(shown: &mut String, tour: &tour::Tour) {
    for client in &tour.clients {
        let _ = writeln!(shown, "{client:?}");
    }
    for request in &tour.requests {
        let _ = writeln!(shown, "{request:?}");
    }
    for result in &tour.results {
        match result {
            Ok(outcomes) => {
                let _ = writeln!(shown, "{outcomes:?}\n{outcomes}");
                for outcome in outcomes.iter() {
                    if let Err(refused) = outcome {
                        let _ = writeln!(shown, "{refused}");
                    }
                }
            }
            Err(error) => show_error(shown, error),
        }
    }
}

/// The secret, or the first run of [`WINDOW`] characters of it, that `text` shows.
fn leak<'a>(text: &str, secret: &'a str) -> Option<&'a str> {
    let chars: Vec<(usize, char)> = secret.char_indices().collect();
    if chars.len() <= WINDOW {
        return text.contains(secret).then_some(secret);
    }
    (0..=chars.len() - WINDOW).find_map(|i| {
        let start = chars[i].0;
        let end = chars.get(i + WINDOW).map_or(secret.len(), |c| c.0);
        let part = &secret[start..end];
        text.contains(part).then_some(part)
    })
}

#[tokio::test]
async fn a_full_tour_shows_no_token_and_no_secret() {
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
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let sandbox = Sandbox::start().await.unwrap();
    let credentials = sandbox.oauth_client(ALL_SCOPES);
    let store = MemoryTokenStore::new();
    let tokens = RefreshingToken::builder(
        credentials.client_id.as_str(),
        credentials.client_secret.as_str(),
        credentials.refresh_token.as_str(),
    )
    .accounts_url(sandbox.accounts_url())
    .store(store.clone())
    .build()
    .unwrap();
    // No API domain: the client learns the sandbox's from the token answer, as from Zoho's.
    let client = Client::builder()
        .token_provider(tokens.clone())
        .build()
        .unwrap();
    let mut conn = common::Connection {
        client,
        sandbox: Some(sandbox),
        args: HashMap::new(),
    };
    let sandbox = conn.sandbox.as_ref().unwrap();

    let mut printed = Vec::new();
    let first = tour::run(&conn, &mut printed).await.unwrap();
    let held = store.get().expect("the refreshed token was stored");
    assert!(sandbox.expire_token(held.access_token.expose()));
    let second = tour::run(&conn, &mut printed).await.unwrap();
    assert!(
        sandbox.token_requests() >= 2,
        "the second tour refreshed the token"
    );

    let mut wrong = credentials.clone();
    wrong.client_secret = "wrong-client-secret-0123456789".into();
    let refused_tokens = RefreshingToken::builder(
        wrong.client_id.as_str(),
        wrong.client_secret.as_str(),
        wrong.refresh_token.as_str(),
    )
    .accounts_url(sandbox.accounts_url())
    .build()
    .unwrap();
    let refused = Client::builder()
        .token_provider(refused_tokens.clone())
        .build()
        .unwrap();
    conn.client = refused.clone();
    let tour_error = tour::run(&conn, &mut printed)
        .await
        .err()
        .expect("a tour without a token stops at its first request");
    let sandbox = conn.sandbox.as_ref().unwrap();

    // Every access token that reached the sandbox, and the OAuth client's secrets.
    let journal = sandbox.journal();
    let access_tokens: BTreeSet<String> = journal
        .iter()
        .filter_map(|e| e.header("authorization"))
        .filter_map(|v| v.strip_prefix("Zoho-oauthtoken "))
        .map(str::to_owned)
        .collect();
    assert!(
        access_tokens.len() >= 3,
        "the first token, its refresh and the tour's narrow token: {}",
        access_tokens.len()
    );
    let mut secrets: Vec<String> = access_tokens.into_iter().collect();
    secrets.push(credentials.client_secret.clone());
    secrets.push(credentials.refresh_token.clone());
    secrets.push(wrong.client_secret.clone());
    secrets.push(sandbox.access_token().to_owned());

    let mut shown = String::from_utf8(printed).unwrap();
    for tour in [&first, &second] {
        show_tour(&mut shown, tour);
    }
    let _ = writeln!(
        shown,
        "{:?}\n{:?}\n{refused:?}\n{tokens:?}\n{refused_tokens:?}\n{:?}\n{tour_error:?}\n{tour_error}",
        conn.client,
        first.clients,
        store.get()
    );
    shown.push_str(&captured.text());

    // The search covers what it should: spans of every call, the refusals, the tour's output.
    assert!(first.requests.len() >= 5 && first.results.len() >= 7);
    assert!(shown.contains("zoho.request{") && shown.contains("zoho.token{"));
    assert!(shown.contains("OAUTH_SCOPE_MISMATCH") && shown.contains("DUPLICATE_DATA"));
    assert!(shown.contains("status=401") && shown.contains("tour complete"));
    assert!(
        shown.contains("invalid_client"),
        "the refused refresh is shown"
    );
    for secret in &secrets {
        if let Some(part) = leak(&shown, secret) {
            let at = shown.find(part).unwrap();
            let context: String = shown[at.saturating_sub(300)..].chars().take(700).collect();
            panic!("{part:?}, part of a secret, shows here:\n{context}");
        }
    }
}
