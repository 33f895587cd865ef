//! Access tokens from Zoho's refresh-token grant, refreshed ahead of expiry, one refresh at a
//! time, and kept in a [`TokenStore`] across restarts.

use std::fmt;
use std::ops::ControlFlow;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{ACCEPT, CONTENT_TYPE};
use serde_json::Value;
use tracing::Instrument;

use crate::auth::store::{StoredToken, TokenStore};
use crate::auth::token::{AccessToken, BoxFuture, TokenProvider};
use crate::client::{checked_base_url, DataCenter};
use crate::error::Error;
use crate::response::RawResponse;
use crate::retry::{Attempts, RetryPolicy, Target};
use crate::types::{Method, Secret};

/// How long Zoho's access tokens live, when an answer does not say.
const DEFAULT_LIFETIME: Duration = Duration::from_secs(3600);

/// A lone `expires_in` above this many seconds cannot be seconds (Zoho's tokens live an hour):
/// it is an older answer's milliseconds.
const LONGEST_LIFETIME_SECS: u64 = 86_400;

/// The longest a token is held before it is refreshed, whatever an answer or a store says: a
/// larger (or absurd) lifetime would give an expiry the clock cannot hold.
const MAX_LIFETIME: Duration = Duration::from_secs(LONGEST_LIFETIME_SECS);

/// Where the token endpoint is under the accounts URL.
const TOKEN_PATH: &str = "/oauth/v2/token";

/// The largest token answer read.
const MAX_ANSWER: usize = 64 * 1024;

/// Access tokens from Zoho's refresh-token grant: `POST {accounts}/oauth/v2/token`.
///
/// - A token is refreshed ahead of its expiry (5 minutes before, by default): the first call
///   that notices refreshes while the others go on with the token that is still valid.
/// - One refresh at a time: any number of concurrent calls needing a token cause one token
///   request, and share its result, success or failure.
/// - After a failed refresh, calls fail at once for a short cooldown (10 s by default) instead
///   of each asking again: Zoho mints at most 10 tokens per refresh token per 10 minutes.
/// - The `api_domain` of the token answer is where calls go.
/// - With a [`TokenStore`], a token is kept across restarts and reused while valid.
///
/// Cheap to clone; clones share the token.
///
/// ```no_run
/// use zoho_runtime::auth::{FileTokenStore, RefreshingToken};
/// use zoho_runtime::{Client, DataCenter, Edition};
///
/// # fn main() -> Result<(), zoho_runtime::Error> {
/// let tokens = RefreshingToken::builder("1000.CLIENTID", "client-secret", "1000.refresh.token")
///     .data_center(DataCenter::Eu)
///     .store(FileTokenStore::new("/var/lib/sync/zoho-token.json"))
///     .build()?;
/// let client = Client::builder()
///     .data_center(DataCenter::Eu)
///     .token_provider(tokens)
///     .edition(Edition::Enterprise)
///     .build()?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct RefreshingToken {
    inner: Arc<Inner>,
}

impl fmt::Debug for RefreshingToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RefreshingToken")
            .field("token_url", &self.inner.token_url)
            .field("client_id", &self.inner.client_id)
            .finish_non_exhaustive()
    }
}

/// Builds a [`RefreshingToken`]. Obtained from [`RefreshingToken::builder`].
pub struct RefreshingTokenBuilder {
    client_id: String,
    client_secret: Secret,
    refresh_token: Secret,
    accounts_url: Result<String, Error>,
    store: Option<Arc<dyn TokenStore>>,
    refresh_margin: Duration,
    failure_cooldown: Duration,
    timeout: Duration,
    connect_timeout: Duration,
    retry: RetryPolicy,
}

impl fmt::Debug for RefreshingTokenBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RefreshingTokenBuilder")
            .field("client_id", &self.client_id)
            .field("accounts_url", &self.accounts_url.as_ref().ok())
            .finish_non_exhaustive()
    }
}

impl RefreshingToken {
    /// A builder for the OAuth client `client_id` with its secret and a refresh token, talking
    /// to the US accounts server unless told otherwise.
    pub fn builder(
        client_id: impl Into<String>,
        client_secret: impl Into<Secret>,
        refresh_token: impl Into<Secret>,
    ) -> RefreshingTokenBuilder {
        RefreshingTokenBuilder {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            refresh_token: refresh_token.into(),
            accounts_url: Ok(DataCenter::Us.accounts_url()),
            store: None,
            refresh_margin: Duration::from_secs(300),
            failure_cooldown: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            retry: RetryPolicy::default()
                .max_attempts(3)
                .backoff(Duration::from_millis(250), Duration::from_secs(2))
                .deadline(Some(Duration::from_secs(30))),
        }
    }
}

impl RefreshingTokenBuilder {
    /// Uses this data center's accounts server (Canada's is `accounts.zohocloud.ca`).
    pub fn data_center(mut self, dc: DataCenter) -> Self {
        self.accounts_url = Ok(dc.accounts_url());
        self
    }

    /// Uses this accounts server: any `https://` URL, or `http://` on loopback (a local
    /// sandbox). The token endpoint is `{url}/oauth/v2/token`.
    pub fn accounts_url(mut self, url: &str) -> Self {
        self.accounts_url = checked_base_url(url);
        self
    }

    /// Keeps tokens in `store` across restarts.
    pub fn store(mut self, store: impl TokenStore) -> Self {
        self.store = Some(Arc::new(store));
        self
    }

    /// Refreshes this long before a token expires (default 5 minutes; at most half the
    /// token's life is used).
    pub fn refresh_margin(mut self, margin: Duration) -> Self {
        self.refresh_margin = margin;
        self
    }

    /// After a failed refresh, how long calls fail at once without a new token request
    /// (default 10 s).
    pub fn failure_cooldown(mut self, cooldown: Duration) -> Self {
        self.failure_cooldown = cooldown;
        self
    }

    /// How long one token request may take, answer included (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How long connecting to the accounts server may take (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How a token request that failed in passing (no connection, `5xx`, `429`) is retried
    /// (default 3 attempts within 30 s). Zoho's own refusals (`invalid_code`, …) are not.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Builds the provider. Nothing is requested until a token is needed.
    pub fn build(self) -> Result<RefreshingToken, Error> {
        if self.client_id.trim().is_empty() || self.refresh_token.is_empty() {
            return Err(Error::config(
                "the client id and the refresh token must not be empty",
            ));
        }
        // A redirect would resend the form, secrets included, wherever it points.
        let http = reqwest::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::config(format!("HTTP client for tokens: {e}")))?;
        let owner = fingerprint(&self.client_id, self.refresh_token.expose());
        Ok(RefreshingToken {
            inner: Arc::new(Inner {
                http,
                token_url: format!("{}{TOKEN_PATH}", self.accounts_url?),
                client_id: self.client_id,
                client_secret: self.client_secret,
                refresh_token: self.refresh_token,
                owner,
                store: self.store,
                margin: self.refresh_margin,
                cooldown: self.failure_cooldown,
                timeout: self.timeout,
                retry: self.retry,
                state: Mutex::new(State::default()),
                refreshing: tokio::sync::Mutex::new(()),
            }),
        })
    }
}

struct Inner {
    http: reqwest::Client,
    token_url: String,
    client_id: String,
    client_secret: Secret,
    refresh_token: Secret,
    owner: String,
    store: Option<Arc<dyn TokenStore>>,
    margin: Duration,
    cooldown: Duration,
    timeout: Duration,
    retry: RetryPolicy,
    state: Mutex<State>,
    /// Held while a refresh runs: the single flight.
    refreshing: tokio::sync::Mutex<()>,
}

#[derive(Default)]
struct State {
    held: Option<Held>,
    failure: Option<(Instant, String)>,
    store_read: bool,
}

struct Held {
    token: AccessToken,
    expires: Instant,
    refresh_at: Instant,
}

impl Held {
    fn new(token: AccessToken, expires: Instant, margin: Duration) -> Held {
        Held {
            token,
            expires,
            refresh_at: expires.checked_sub(margin).unwrap_or(expires),
        }
    }
}

/// The token held now, as far as time goes.
enum Cached {
    Fresh(AccessToken),
    /// Valid, but within the refresh margin.
    Due(AccessToken),
    Missing,
}

impl TokenProvider for RefreshingToken {
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, Error>> {
        Box::pin(self.inner.token())
    }

    fn invalidate(&self, token: &AccessToken) {
        let mut state = self.inner.state();
        // Only the token Zoho refused: a newer one another call already fetched stays.
        if state
            .held
            .as_ref()
            .is_some_and(|held| held.token.secret == token.secret)
        {
            state.held = None;
        }
    }
}

impl RefreshingToken {
    /// Asks Zoho for a new access token now, whatever is held, holds it (and stores it, with a
    /// store) and returns it with its expiry and the fingerprint of the credentials that minted
    /// it. For providers that decide themselves when a token is refreshed, such as one that
    /// shares a token between processes. One token request at a time, as with every refresh.
    pub async fn mint(&self) -> Result<StoredToken, Error> {
        let _flight = self.inner.refreshing.lock().await;
        let token = self.inner.fetch_and_keep().await?;
        let left = match &self.inner.state().held {
            Some(held) => held.expires.saturating_duration_since(Instant::now()),
            None => Duration::ZERO,
        };
        Ok(StoredToken {
            access_token: token.secret,
            api_domain: token.api_domain,
            expires_at: SystemTime::now() + left,
            owner: self.inner.owner.clone(),
        })
    }

    /// The fingerprint of the client id and refresh token, as [`StoredToken::owner`] carries
    /// it: never either secret.
    pub fn owner(&self) -> &str {
        &self.inner.owner
    }
}

impl Inner {
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn cached(&self) -> Cached {
        let now = Instant::now();
        match &self.state().held {
            Some(held) if now >= held.expires => Cached::Missing,
            Some(held) if now >= held.refresh_at => Cached::Due(held.token.clone()),
            Some(held) => Cached::Fresh(held.token.clone()),
            None => Cached::Missing,
        }
    }

    fn recent_failure(&self) -> Option<String> {
        let state = self.state();
        let (at, reason) = state.failure.as_ref()?;
        (at.elapsed() < self.cooldown).then(|| reason.clone())
    }

    async fn token(&self) -> Result<AccessToken, Error> {
        match self.cached() {
            Cached::Fresh(token) => Ok(token),
            Cached::Due(token) => Ok(self.refresh_early(token).await),
            Cached::Missing => self.refresh_now().await,
        }
    }

    /// The token is valid but near its end: one caller refreshes, the others go on with it.
    async fn refresh_early(&self, current: AccessToken) -> AccessToken {
        let Ok(_flight) = self.refreshing.try_lock() else {
            return current;
        };
        match self.cached() {
            Cached::Due(_) if self.recent_failure().is_none() => {}
            Cached::Fresh(token) => return token,
            _ => return current,
        }
        match self.fetch_and_keep().await {
            Ok(token) => token,
            Err(error) => {
                tracing::warn!(%error, "early token refresh failed; the current token is still valid");
                current
            }
        }
    }

    /// No valid token: wait for the refresh in flight, or run it.
    async fn refresh_now(&self) -> Result<AccessToken, Error> {
        let _flight = self.refreshing.lock().await;
        match self.cached() {
            Cached::Fresh(token) | Cached::Due(token) => return Ok(token),
            Cached::Missing => {}
        }
        if let Some(reason) = self.recent_failure() {
            return Err(Error::auth(reason));
        }
        if let Some(token) = self.adopt_stored().await {
            return Ok(token);
        }
        self.fetch_and_keep().await
    }

    /// Takes the store's token, once per process, if it is this client's and still valid.
    async fn adopt_stored(&self) -> Option<AccessToken> {
        if std::mem::replace(&mut self.state().store_read, true) {
            return None;
        }
        let stored = match self.store.as_ref()?.load().await {
            Ok(stored) => stored?,
            Err(error) => {
                tracing::warn!(%error, "the stored token could not be read; refreshing");
                return None;
            }
        };
        let (token, remaining) = self.usable(stored)?;
        let held = Held::new(token.clone(), Instant::now() + remaining, self.margin);
        self.state().held = Some(held);
        tracing::debug!(
            remaining_s = remaining.as_secs(),
            "reusing the stored access token"
        );
        Some(token)
    }

    /// A stored token minted for these credentials, not expired, naming an acceptable API
    /// domain (the file could have been edited), with the time it has left.
    fn usable(&self, stored: StoredToken) -> Option<(AccessToken, Duration)> {
        let remaining = stored
            .expires_at
            .duration_since(SystemTime::now())
            .ok()?
            .min(MAX_LIFETIME);
        let domain_ok = stored
            .api_domain
            .as_deref()
            .is_none_or(|d| checked_base_url(d).is_ok());
        if stored.owner != self.owner || !domain_ok || remaining.is_zero() {
            return None;
        }
        let token = AccessToken {
            secret: stored.access_token,
            api_domain: stored.api_domain,
        };
        Some((token, remaining))
    }

    /// Asks for a token, holds it and stores it; a failure starts the cooldown.
    async fn fetch_and_keep(&self) -> Result<AccessToken, Error> {
        let sent_at = Instant::now();
        let answer = match self.fetch().await {
            Ok(answer) => answer,
            Err(error) => {
                self.state().failure = Some((Instant::now(), error.to_string()));
                return Err(error);
            }
        };
        let margin = self.margin.min(answer.lifetime / 2);
        let expires = sent_at + answer.lifetime;
        let token = AccessToken {
            secret: answer.access_token,
            api_domain: answer.api_domain,
        };
        {
            let mut state = self.state();
            state.held = Some(Held::new(token.clone(), expires, margin));
            state.failure = None;
        }
        self.save(&token, expires).await;
        Ok(token)
    }

    async fn save(&self, token: &AccessToken, expires: Instant) {
        let Some(store) = &self.store else { return };
        let left = expires.saturating_duration_since(Instant::now());
        let stored = StoredToken {
            access_token: token.secret.clone(),
            api_domain: token.api_domain.clone(),
            expires_at: SystemTime::now() + left,
            owner: self.owner.clone(),
        };
        if let Err(error) = store.save(&stored).await {
            tracing::warn!(%error, "the new access token could not be stored");
        }
    }

    /// The token request, retried by the attempt engine as a repeatable request: minting
    /// another token is harmless, so a `5xx` or a broken connection is tried again too.
    async fn fetch(&self) -> Result<TokenAnswer, Error> {
        let target = Target {
            method: Method::Post,
            path: TOKEN_PATH,
            repeatable: true,
        };
        let mut attempts = Attempts::new(&self.retry, target);
        loop {
            let result = self.request(attempts.number()).await;
            if let ControlFlow::Break(result) = attempts.settle(result).await {
                return self.answer(result);
            }
        }
    }

    /// The call's last result as a token or an [`Error::Auth`] that names no secret.
    fn answer(&self, result: Result<RawResponse, Error>) -> Result<TokenAnswer, Error> {
        let raw = match result {
            Ok(raw) => raw,
            Err(Error::Timeout { .. }) => {
                return Err(Error::auth(format!(
                    "no answer from {} in time",
                    self.token_url
                )))
            }
            Err(Error::Transport { source, .. }) => {
                return Err(Error::auth(format!(
                    "token request to {} failed: {source}",
                    self.token_url
                )))
            }
            Err(error) => return Err(error),
        };
        if raw.status == 429 || raw.status >= 500 {
            let reason = format!("the accounts server answered HTTP {}", raw.status);
            return Err(Error::auth(reason));
        }
        parse_token_answer(raw.status, &raw.body)
    }

    /// One token request. The form holds both secrets: it goes in the body, never the URL,
    /// and nothing of it is logged.
    async fn request(&self, attempt: u32) -> Result<RawResponse, Error> {
        let span = tracing::info_span!(
            "zoho.token",
            url = %self.token_url,
            attempt,
            status = tracing::field::Empty,
            duration_ms = tracing::field::Empty,
        );
        let started = Instant::now();
        let result = self.exchange().instrument(span.clone()).await;
        span.record("duration_ms", started.elapsed().as_millis() as u64);
        result
    }

    async fn exchange(&self) -> Result<RawResponse, Error> {
        let form = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("grant_type", "refresh_token")
            .append_pair("client_id", &self.client_id)
            .append_pair("client_secret", self.client_secret.expose())
            .append_pair("refresh_token", self.refresh_token.expose())
            .finish();
        let mut response = self
            .http
            .post(&self.token_url)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, "application/json")
            .body(form)
            .send()
            .await
            .map_err(|e| self.transport(e))?;
        let status = response.status().as_u16();
        tracing::Span::current().record("status", status);
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.transport(e))? {
            if body.len() + chunk.len() > MAX_ANSWER {
                let reason = format!("the token answer (HTTP {status}) is over {MAX_ANSWER} bytes");
                return Err(Error::auth(reason));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(RawResponse::new(status, body))
    }

    /// Any failure on the wire may pass on another attempt; [`Inner::answer`] words it.
    fn transport(&self, error: reqwest::Error) -> Error {
        let url = self.token_url.clone();
        if error.is_timeout() {
            return Error::Timeout {
                url,
                after: self.timeout,
            };
        }
        Error::Transport {
            url,
            delivered: !error.is_connect(),
            source: error.without_url(),
        }
    }
}

/// What a successful token answer says.
#[derive(Debug)]
struct TokenAnswer {
    access_token: Secret,
    api_domain: Option<String>,
    lifetime: Duration,
}

/// Reads a token answer. Success is the presence of `access_token`, not the status: Zoho
/// answers a refused refresh with `200 {"error": "invalid_code"}`.
///
/// No error quotes the body: a malformed answer may still hold a token.
fn parse_token_answer(status: u16, body: &[u8]) -> Result<TokenAnswer, Error> {
    let Ok(answer) = serde_json::from_slice::<Value>(body) else {
        return Err(Error::auth(format!(
            "the token endpoint answered HTTP {status} with {} bytes that are not JSON",
            body.len()
        )));
    };
    let text = |key: &str| {
        answer
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
    };
    let Some(token) = text("access_token") else {
        return Err(refusal(status, text("error"), text("error_description")));
    };
    let api_domain = match text("api_domain") {
        Some(domain) => Some(checked_base_url(domain).map_err(|e| {
            Error::auth(format!("the token answer's `api_domain` is refused: {e}"))
        })?),
        None => None,
    };
    Ok(TokenAnswer {
        access_token: Secret::new(token),
        api_domain,
        lifetime: lifetime(&answer),
    })
}

/// Reads a token answer as a refresh does, through the expiry it computes, and returns the
/// token's lifetime. For the fuzz targets.
#[cfg(fuzzing)]
pub fn fuzz_token_answer(status: u16, body: &[u8]) -> Result<Duration, Error> {
    let answer = parse_token_answer(status, body)?;
    let _expires = Instant::now() + answer.lifetime;
    Ok(answer.lifetime)
}

fn refusal(status: u16, error: Option<&str>, description: Option<&str>) -> Error {
    let Some(code) = error else {
        return Error::auth(format!(
            "the token answer (HTTP {status}) has neither `access_token` nor `error`"
        ));
    };
    let hint = match code.to_ascii_lowercase().as_str() {
        "invalid_code" => {
            ": the refresh token is unknown or revoked, or belongs to another data center"
        }
        "invalid_client" | "invalid_client_secret" => {
            ": the client id or secret is wrong, or the client belongs to another data center"
        }
        "access_denied" | "access denied" => {
            ": Zoho refused to mint a token (it allows 10 per refresh token per 10 minutes)"
        }
        _ => "",
    };
    let description = description.map(|d| format!(" ({d})")).unwrap_or_default();
    Error::auth(format!(
        "Zoho refused the token refresh (HTTP {status}) with `{code}`{hint}{description}"
    ))
}

/// `expires_in_sec` when present (older answers give `expires_in` in milliseconds beside
/// it), else `expires_in` in seconds; at most [`MAX_LIFETIME`].
fn lifetime(answer: &Value) -> Duration {
    let number = |key: &str| match answer.get(key)? {
        Value::Number(n) => n
            .as_u64()
            .or_else(|| n.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    };
    let lifetime = match (number("expires_in_sec"), number("expires_in")) {
        (Some(secs), _) => Duration::from_secs(secs),
        (None, Some(ms)) if ms > LONGEST_LIFETIME_SECS => Duration::from_millis(ms),
        (None, Some(secs)) => Duration::from_secs(secs),
        (None, None) => DEFAULT_LIFETIME,
    };
    lifetime.min(MAX_LIFETIME)
}

/// Names the credentials without revealing them (64-bit FNV-1a): enough to tell a stored token
/// minted for other credentials, useless to recover the refresh token.
fn fingerprint(client_id: &str, refresh_token: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in client_id.bytes().chain([0]).chain(refresh_token.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &str) -> Result<TokenAnswer, Error> {
        parse_token_answer(200, body.as_bytes())
    }

    #[test]
    fn reads_a_current_answer() {
        let answer = parse(
            r#"{"access_token":"1000.a.b","api_domain":"https://www.zohoapis.eu","token_type":"Bearer","expires_in":3600}"#,
        )
        .unwrap();
        assert_eq!(answer.access_token.expose(), "1000.a.b");
        assert_eq!(
            answer.api_domain.as_deref(),
            Some("https://www.zohoapis.eu")
        );
        assert_eq!(answer.lifetime, Duration::from_secs(3600));
    }

    #[test]
    fn older_answers_give_milliseconds_beside_seconds() {
        let both = parse(r#"{"access_token":"t","expires_in_sec":3600,"expires_in":3600000}"#);
        assert_eq!(both.unwrap().lifetime, Duration::from_secs(3600));
        let ms_alone = parse(r#"{"access_token":"t","expires_in":3600000}"#);
        assert_eq!(ms_alone.unwrap().lifetime, Duration::from_secs(3600));
        let text = parse(r#"{"access_token":"t","expires_in":"1800"}"#);
        assert_eq!(text.unwrap().lifetime, Duration::from_secs(1800));
        let none = parse(r#"{"access_token":"t"}"#);
        assert_eq!(none.unwrap().lifetime, DEFAULT_LIFETIME);
    }

    #[test]
    fn an_absurd_lifetime_is_capped_so_the_expiry_can_be_computed() {
        // Each of these made `Instant::now() + lifetime` panic with an overflow.
        for body in [
            r#"{"access_token":"t","expires_in_sec":18446744073709551615}"#,
            r#"{"access_token":"t","expires_in_sec":1e300}"#,
            r#"{"access_token":"t","expires_in":18446744073709551615}"#,
        ] {
            let lifetime = parse(body).unwrap().lifetime;
            assert_eq!(lifetime, MAX_LIFETIME, "{body}");
            assert!(Instant::now().checked_add(lifetime).is_some());
        }
    }

    #[test]
    fn a_200_without_access_token_is_the_error_it_carries() {
        for (body, needle) in [
            (
                r#"{"error":"invalid_code"}"#,
                "`invalid_code`: the refresh token",
            ),
            (r#"{"error":"invalid_client"}"#, "client id or secret"),
            (
                r#"{"access_token":"","error":"access_denied"}"#,
                "10 per refresh token",
            ),
            (
                r#"{"token_type":"Bearer"}"#,
                "neither `access_token` nor `error`",
            ),
        ] {
            let err = parse(body).unwrap_err();
            assert!(matches!(err, Error::Auth { .. }), "{body}: {err:?}");
            assert!(err.to_string().contains(needle), "{body}: {err}");
        }
    }

    #[test]
    fn errors_never_quote_the_answer() {
        let leaky = r#"{"access_token":"1000.secret.token","expires_in":"#;
        let err = parse(leaky).unwrap_err();
        assert!(!format!("{err} {err:?}").contains("1000.secret"), "{err}");
        let err =
            parse(r#"{"access_token":"1000.secret.token","api_domain":"http://evil.example"}"#)
                .unwrap_err();
        assert!(err.to_string().contains("api_domain"), "{err}");
        assert!(!format!("{err} {err:?}").contains("1000.secret"), "{err}");
    }

    #[test]
    fn fingerprints_differ_by_credentials_and_hide_them() {
        let a = fingerprint("1000.CLIENT", "1000.refresh.one");
        assert_eq!(a, fingerprint("1000.CLIENT", "1000.refresh.one"));
        assert_ne!(a, fingerprint("1000.CLIENT", "1000.refresh.two"));
        assert_ne!(a, fingerprint("1000.CLIENT1", "000.refresh.one"));
        assert!(!a.contains("refresh"));
    }

    #[test]
    fn plain_http_accounts_urls_are_refused_unless_loopback() {
        let build = |url: &str| {
            RefreshingToken::builder("id", "secret", "refresh")
                .accounts_url(url)
                .build()
        };
        assert!(matches!(
            build("http://accounts.zoho.com"),
            Err(Error::Config { .. })
        ));
        assert!(build("http://127.0.0.1:9").is_ok());
        assert!(build("https://accounts.zohocloud.ca").is_ok());
    }

    #[test]
    fn debug_shows_no_secret() {
        let builder = RefreshingToken::builder("1000.ID", "the-client-secret", "1000.the.refresh");
        let tokens = builder.build().unwrap();
        let shown = format!("{tokens:?}");
        assert!(
            shown.contains("https://accounts.zoho.com/oauth/v2/token"),
            "{shown}"
        );
        assert!(!shown.contains("the-client-secret") && !shown.contains("the.refresh"));
    }
}
