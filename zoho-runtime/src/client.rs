//! The [`Client`]: where calls go, with which token, and how they are sent.

use std::fmt;
use std::ops::ControlFlow;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{
    HeaderMap, HeaderValue, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER,
};
use tracing::Instrument;

use crate::auth::token::{AccessToken, StaticToken, TokenProvider};
use crate::code::Code;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::files::Download;
use crate::limit::{Admission, CallInfo, ConcurrencyLimit, Edition};
use crate::meta::Domain;
use crate::request::RequestParts;
use crate::response::RawResponse;
use crate::retry::{Attempts, RetryPolicy, Target};
use crate::scope::ScopeSet;
use crate::types::{ApiVersion, Method, Secret};

/// The largest answer a client reads unless told otherwise: 32 MiB.
pub const DEFAULT_MAX_BODY: usize = 32 * 1024 * 1024;

/// The default time a request may take, answer included.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// The calls a client has in flight at most unless told otherwise: Zoho's lowest limit (the
/// Free edition's), so a client never trips the limit on its own.
pub const DEFAULT_MAX_CONCURRENT: usize = 5;

/// Zoho's data centers, each with its API and accounts (OAuth) domains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DataCenter {
    /// United States: `www.zohoapis.com`.
    Us,
    /// Europe: `www.zohoapis.eu`.
    Eu,
    /// India: `www.zohoapis.in`.
    In,
    /// China: `www.zohoapis.com.cn`.
    Cn,
    /// Australia: `www.zohoapis.com.au`.
    Au,
    /// Japan: `www.zohoapis.jp`.
    Jp,
    /// Canada: `www.zohoapis.ca`, accounts at `accounts.zohocloud.ca`.
    Ca,
    /// Saudi Arabia: `www.zohoapis.sa`.
    Sa,
    /// United Kingdom: `www.zohoapis.uk`.
    Uk,
}

impl DataCenter {
    /// Every data center.
    pub const ALL: [DataCenter; 9] = [
        DataCenter::Us,
        DataCenter::Eu,
        DataCenter::In,
        DataCenter::Cn,
        DataCenter::Au,
        DataCenter::Jp,
        DataCenter::Ca,
        DataCenter::Sa,
        DataCenter::Uk,
    ];

    fn suffix(self) -> &'static str {
        match self {
            DataCenter::Us => "com",
            DataCenter::Eu => "eu",
            DataCenter::In => "in",
            DataCenter::Cn => "com.cn",
            DataCenter::Au => "com.au",
            DataCenter::Jp => "jp",
            DataCenter::Ca => "ca",
            DataCenter::Sa => "sa",
            DataCenter::Uk => "uk",
        }
    }

    /// The production API domain: `https://www.zohoapis.eu`.
    pub fn api_domain(self) -> String {
        format!("https://www.zohoapis.{}", self.suffix())
    }

    /// The content domain bulk-write files are uploaded to: `https://content.zohoapis.eu`.
    pub fn content_domain(self) -> String {
        format!("https://content.zohoapis.{}", self.suffix())
    }

    /// The API domain of the data center's sandbox orgs: `https://sandbox.zohoapis.eu`.
    pub fn sandbox_api_domain(self) -> String {
        format!("https://sandbox.zohoapis.{}", self.suffix())
    }

    /// The API domain of developer orgs: `https://developer.zohoapis.eu`.
    pub fn developer_api_domain(self) -> String {
        format!("https://developer.zohoapis.{}", self.suffix())
    }

    /// The accounts (OAuth) domain. Canada's is `https://accounts.zohocloud.ca`, not `zoho.ca`.
    pub fn accounts_url(self) -> String {
        match self {
            DataCenter::Ca => "https://accounts.zohocloud.ca".to_owned(),
            other => format!("https://accounts.zoho.{}", other.suffix()),
        }
    }
}

/// Checks a base URL: `https://` anywhere, plain `http://` only to this machine. Returns it
/// without a trailing `/`.
pub(crate) fn checked_base_url(url: &str) -> Result<String, Error> {
    let parsed = reqwest::Url::parse(url)
        .map_err(|e| Error::config(format!("`{url}` is not a URL: {e}")))?;
    let loopback = match parsed.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    match parsed.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => {
            return Err(Error::config(format!(
                "`{url}` is plain http to a remote host; tokens would travel unencrypted, so only https is accepted there"
            )))
        }
        other => return Err(Error::config(format!("`{url}` has scheme `{other}`; use https"))),
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(Error::config(format!(
            "`{url}` must not have a query or fragment"
        )));
    }
    Ok(url.trim_end_matches('/').to_owned())
}

/// The content domain of an API domain: `www.zohoapis.X` → `content.zohoapis.X`; any other
/// domain (a sandbox org's, a local emulator) serves its own uploads.
pub(crate) fn content_domain_of(api_domain: &str) -> String {
    match api_domain.split_once("://www.zohoapis.") {
        Some((scheme, rest)) => format!("{scheme}://content.zohoapis.{rest}"),
        None => api_domain.to_owned(),
    }
}

/// Builds a [`Client`].
pub struct ClientBuilder {
    api_domain: Result<String, Error>,
    content_domain: Option<Result<String, Error>>,
    max_download: u64,
    version: ApiVersion,
    tokens: Option<Arc<dyn TokenProvider>>,
    timeout: Duration,
    connect_timeout: Duration,
    max_body: usize,
    granted: Option<ScopeSet>,
    max_concurrent: usize,
    admission: Option<Arc<dyn Admission>>,
    retry: RetryPolicy,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("api_domain", &self.api_domain.as_ref().ok())
            .field("version", &self.version)
            .field("timeout", &self.timeout)
            .field("max_concurrent", &self.max_concurrent)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    fn new() -> Self {
        ClientBuilder {
            api_domain: Ok(DataCenter::Us.api_domain()),
            content_domain: None,
            max_download: crate::files::DEFAULT_MAX_DOWNLOAD,
            version: ApiVersion::V8,
            tokens: None,
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: Duration::from_secs(10),
            max_body: DEFAULT_MAX_BODY,
            granted: None,
            max_concurrent: DEFAULT_MAX_CONCURRENT,
            admission: None,
            retry: RetryPolicy::default(),
        }
    }

    /// Calls this data center's production API domain (the default is [`DataCenter::Us`]).
    pub fn data_center(mut self, dc: DataCenter) -> Self {
        self.api_domain = Ok(dc.api_domain());
        self
    }

    /// Calls this API domain: any `https://` URL, or `http://` on loopback (a local sandbox).
    pub fn api_domain(mut self, url: &str) -> Self {
        self.api_domain = checked_base_url(url);
        self
    }

    /// Uploads bulk-write files to this content domain. By default it is the API domain's:
    /// `https://content.zohoapis.X` for `https://www.zohoapis.X`, the API domain itself for
    /// any other (a local sandbox serves both).
    pub fn content_domain(mut self, url: &str) -> Self {
        self.content_domain = Some(checked_base_url(url));
        self
    }

    /// The largest download read unless a call says otherwise (default 4 GiB).
    pub fn max_download_bytes(mut self, limit: u64) -> Self {
        self.max_download = limit;
        self
    }

    /// The API version for endpoints that do not pin one (default `v8`).
    pub fn version(mut self, version: ApiVersion) -> Self {
        self.version = version;
        self
    }

    /// Sends this access token on every call and never refreshes it.
    pub fn access_token(mut self, token: impl Into<Secret>) -> Self {
        self.tokens = Some(Arc::new(StaticToken::new(token)));
        self
    }

    /// Gets access tokens from `provider`, which may refresh them.
    pub fn token_provider(mut self, provider: impl TokenProvider) -> Self {
        self.tokens = Some(Arc::new(provider));
        self
    }

    /// How long a request may take, answer included (default 60 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How long connecting may take (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The largest answer body read, in bytes (default 32 MiB).
    pub fn max_body_bytes(mut self, limit: usize) -> Self {
        self.max_body = limit;
        self
    }

    /// The scopes the token was granted. With them, a call whose endpoint needs a scope outside
    /// them is refused before anything is sent, with [`Error::MissingScope`].
    pub fn granted_scopes(mut self, scopes: ScopeSet) -> Self {
        self.granted = Some(scopes);
        self
    }

    /// Keeps at most as many calls in flight as the organisation's edition allows (the
    /// default is [`DEFAULT_MAX_CONCURRENT`], the Free edition's 5). Clones of the client share
    /// the limit.
    pub fn edition(self, edition: Edition) -> Self {
        self.max_concurrent(edition.max_concurrent())
    }

    /// Keeps at most `max` calls in flight (at least 1): use less than the edition's limit when
    /// other programs call the same organisation.
    pub fn max_concurrent(mut self, max: usize) -> Self {
        self.max_concurrent = max;
        self
    }

    /// Admits each attempt through `admission` instead of the client's own limit of
    /// [`ClientBuilder::max_concurrent`] calls in this process: for a limiter that shares the
    /// organisation's concurrency limit and API credits with other processes.
    pub fn admission(mut self, admission: impl Admission) -> Self {
        self.admission = Some(Arc::new(admission));
        self
    }

    /// How failed calls are retried (default: [`RetryPolicy::default`]).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let tokens = self.tokens.ok_or_else(|| {
            Error::config("no access token: call `access_token` or `token_provider` on the builder")
        })?;
        if self.max_concurrent == 0 {
            return Err(Error::config("`max_concurrent` must be at least 1"));
        }
        // Zoho's API does not redirect; following one could carry the token to a plain-http
        // or unknown host, so a redirect is answered as it came.
        let http = reqwest::Client::builder()
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::config(format!("HTTP client: {e}")))?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                api_domain: self.api_domain?,
                content_domain: self.content_domain.transpose()?,
                max_download: self.max_download,
                version: self.version,
                tokens,
                timeout: self.timeout,
                max_body: self.max_body,
                granted: self.granted,
                limit: self
                    .admission
                    .unwrap_or_else(|| Arc::new(ConcurrencyLimit::new(self.max_concurrent))),
                retry: self.retry,
            }),
        })
    }
}

struct Inner {
    http: reqwest::Client,
    api_domain: String,
    /// Given to the builder; derived from the API domain otherwise.
    content_domain: Option<String>,
    max_download: u64,
    version: ApiVersion,
    tokens: Arc<dyn TokenProvider>,
    timeout: Duration,
    max_body: usize,
    granted: Option<ScopeSet>,
    limit: Arc<dyn Admission>,
    retry: RetryPolicy,
}

/// A Zoho CRM client: cheap to clone, shared across tasks, `Send + Sync`.
///
/// Clones share the connection pool, the token provider and the limit on calls in flight.
///
/// A call is sent with a valid token (refreshed once if Zoho answers `401 INVALID_TOKEN`),
/// within the client's concurrency limit, and retried as its [`RetryPolicy`] says when that is
/// safe. Each attempt is a `zoho.request` tracing span with the method, the path template, the
/// attempt, the status, Zoho's code and the duration; no span or event carries a secret.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("api_domain", &self.inner.api_domain)
            .field("version", &self.inner.version)
            .field("timeout", &self.inner.timeout)
            .field("max_concurrent", &self.inner.limit.max_concurrent())
            .finish_non_exhaustive()
    }
}

/// A request ready to go: method, full URL, headers and body. Its `Debug` hides the token.
#[derive(Clone)]
pub struct PreparedRequest {
    /// The HTTP method.
    pub method: Method,
    /// The full URL.
    pub url: String,
    /// The headers, `Authorization` included.
    pub headers: Vec<(String, String)>,
    /// The JSON body, when there is one.
    pub body: Option<Vec<u8>>,
    pub(crate) path_template: &'static str,
    pub(crate) expected_outcomes: Option<usize>,
}

impl PreparedRequest {
    /// The value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body parsed as JSON, for tests and dry runs.
    pub fn body_json(&self) -> Option<serde_json::Value> {
        self.body
            .as_ref()
            .and_then(|b| serde_json::from_slice(b).ok())
    }

    /// How many per-record outcomes the answer must carry, when known.
    pub fn expected_outcomes(&self) -> Option<usize> {
        self.expected_outcomes
    }
}

impl fmt::Debug for PreparedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str(),
                    if n.eq_ignore_ascii_case("authorization") {
                        "[redacted]"
                    } else {
                        v
                    },
                )
            })
            .collect();
        f.debug_struct("PreparedRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &headers)
            .field("body", &self.body.as_deref().map(String::from_utf8_lossy))
            .finish()
    }
}

impl Client {
    /// A builder, starting from the US data center, API `v8` and a 60 s timeout.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// The API domain calls go to (a token answer may name another for its user).
    pub fn api_domain(&self) -> &str {
        &self.inner.api_domain
    }

    /// The API version used by endpoints that do not pin one.
    pub fn version(&self) -> ApiVersion {
        self.inner.version
    }

    /// The most calls this client (and its clones) has in flight at once.
    pub fn max_concurrent(&self) -> usize {
        self.inner.limit.max_concurrent()
    }

    /// How failed calls are retried.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }

    /// Sends a call and decodes the answer, retrying as the client's [`RetryPolicy`] allows.
    ///
    /// A call carrying more records than Zoho takes at once (100, or 500 ids for a mass
    /// update) is refused before sending: [`Client::send_all`] splits it into batches. So is a
    /// call whose list of records (or ids) is empty, which Zoho would refuse.
    pub async fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Response, Error> {
        if let (Some(axis), Some(len)) = (E::META.batch, endpoint.batch_len()) {
            if len == 0 {
                let items = axis.items();
                return Err(Error::invalid_request(format!(
                    "the call of `{} {}` carries no {items} (its list is empty), which Zoho refuses",
                    E::META.method,
                    E::META.path,
                )));
            }
            if len > axis.limit() {
                return Err(Error::invalid_request(format!(
                    "{len} items in one call of `{} {}`, where Zoho takes at most {}; \
                     `Client::send_all` splits them into batches",
                    E::META.method,
                    E::META.path,
                    axis.limit()
                )));
            }
        }
        let parts = endpoint.request_parts()?;
        let raw = self.execute_parts(&parts).await?;
        E::decode(&raw, parts.expected_outcomes())
    }

    /// Renders a call as it would be sent (full URL, headers with the token, body) without
    /// sending it.
    pub async fn prepare<E: Endpoint>(&self, endpoint: &E) -> Result<PreparedRequest, Error> {
        self.prepare_parts(&endpoint.request_parts()?).await
    }

    /// Prepares rendered parts: checks scopes, gets a token, builds the URL and headers.
    pub async fn prepare_parts(&self, parts: &RequestParts) -> Result<PreparedRequest, Error> {
        self.check_scopes(parts)?;
        let (token, url) = self.token_and_url(parts).await?;
        let mut headers = vec![("Authorization".to_owned(), authorization(&token))];
        headers.extend(parts.headers().map(|(n, v)| (n.to_owned(), v.to_owned())));
        if parts.body_bytes().is_some() {
            headers.push(("Content-Type".to_owned(), "application/json".to_owned()));
        }
        Ok(PreparedRequest {
            method: parts.method(),
            url,
            headers,
            body: parts.body_bytes().map(<[u8]>::to_vec),
            path_template: parts.meta().path,
            expected_outcomes: parts.expected_outcomes(),
        })
    }

    /// A token that is valid now, and the full URL of the parts for it (a token answer may name
    /// its own API domain).
    async fn token_and_url(&self, parts: &RequestParts) -> Result<(AccessToken, String), Error> {
        let token = self.inner.tokens.token().await?;
        if token.secret.is_empty() {
            return Err(Error::invalid_request("the access token is empty"));
        }
        if token.secret.expose().bytes().any(|b| b.is_ascii_control()) {
            return Err(Error::invalid_request(
                "the access token has a line break or another control character, so it cannot be sent in a header",
            ));
        }
        let api = match &token.api_domain {
            Some(domain) => checked_base_url(domain)?,
            None => self.inner.api_domain.clone(),
        };
        let domain = match parts.meta().domain {
            Domain::Api => api,
            Domain::Content => match &self.inner.content_domain {
                Some(content) => content.clone(),
                None => content_domain_of(&api),
            },
        };
        let mut url = String::with_capacity(domain.len() + 128);
        url.push_str(&domain);
        parts.write_path_and_query(&mut url, self.inner.version)?;
        Ok((token, url))
    }

    pub(crate) fn check_scopes(&self, parts: &RequestParts) -> Result<(), Error> {
        let Some(granted) = &self.inner.granted else {
            return Ok(());
        };
        let needed = parts.scopes()?;
        match granted.first_missing(&needed) {
            Some(missing) => Err(Error::MissingScope {
                method: parts.method().as_str(),
                path: parts.meta().path,
                missing: missing.clone(),
            }),
            None => Ok(()),
        }
    }

    /// Sends rendered parts and returns the raw answer: the whole call, with its token refresh
    /// and its retries, each attempt within the concurrency limit.
    pub async fn execute_parts(&self, parts: &RequestParts) -> Result<RawResponse, Error> {
        match self.execute_received(parts, false).await? {
            Received::Raw(raw) => Ok(raw),
            Received::Stream(response, url) => {
                let target = Wire {
                    method: parts.method(),
                    path_template: parts.meta().path,
                    url: &url,
                };
                let status = response.status().as_u16();
                Ok(self.read_raw(target, response, status).await?)
            }
        }
    }

    /// Sends a download call and hands its answer over as a stream: `None` for `204 No
    /// Content`, a typed error for Zoho's error answers. Retried as any call is until a
    /// successful answer begins; the body is the caller's to read ([`Download`]).
    pub async fn download<E: Endpoint>(&self, endpoint: &E) -> Result<Option<Download>, Error> {
        let parts = endpoint.request_parts()?;
        match self.execute_received(&parts, true).await? {
            Received::Stream(response, url) => Ok(Some(Download::streamed(
                response,
                &url,
                self.inner.max_download,
            ))),
            Received::Raw(raw) if raw.status == 204 => Ok(None),
            // A Zoho error answer is an error; a JSON file (read whole, within the client's
            // limit for answers) is the file.
            // A Zoho error answer is an error; a JSON file, read whole, is the file.
            Received::Raw(raw) => crate::files::decode_download(&raw),
        }
    }

    /// Downloads a file from a full URL Zoho gave (a bulk write's `result.download_url`): one
    /// attempt, streamed. The token goes only to the client's own domains and Zoho's (a host
    /// under `zoho.<dc>`, `zohoapis.<dc>` or `zohocloud.ca`); any other URL is refused unsent.
    pub async fn download_from(&self, url: &str) -> Result<Option<Download>, Error> {
        let parsed = reqwest::Url::parse(&checked_base_url(url)?)
            .map_err(|e| Error::invalid_request(format!("`{url}` is not a URL: {e}")))?;
        if !self.is_zoho_host(parsed.host_str().unwrap_or_default()) {
            return Err(Error::invalid_request(format!(
                "`{url}` is not a Zoho domain nor the client's, so the token is not sent there"
            )));
        }
        let token = self.inner.tokens.token().await?;
        let _slot = self
            .inner
            .limit
            .admit(CallInfo::new(Method::Get, "{download_url}"))
            .await?;
        let builder = self
            .inner
            .http
            .get(parsed.as_str())
            .header(AUTHORIZATION, authorization(&token));
        let target = Wire {
            method: Method::Get,
            path_template: "{download_url}",
            url,
        };
        match self.send_attempt(builder, target, 1, true).await? {
            Received::Stream(response, url) => Ok(Some(Download::streamed(
                response,
                &url,
                self.inner.max_download,
            ))),
            Received::Raw(raw) if raw.status == 204 => Ok(None),
            Received::Raw(raw) => crate::files::decode_download(&raw),
        }
    }

    fn is_zoho_host(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        let own = |domain: &str| {
            reqwest::Url::parse(domain)
                .ok()
                .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
                .is_some_and(|h| h == host)
        };
        let content = self
            .inner
            .content_domain
            .clone()
            .unwrap_or_else(|| content_domain_of(&self.inner.api_domain));
        own(&self.inner.api_domain)
            || own(&content)
            || host.ends_with(".zohocloud.ca")
            || DataCenter::ALL.iter().any(|dc| {
                let suffix = dc.suffix();
                host.ends_with(&format!(".zoho.{suffix}"))
                    || host.ends_with(&format!(".zohoapis.{suffix}"))
            })
    }

    /// The whole call: uploads checked, then attempts until one settles. With `streamed`, a
    /// successful answer that is not JSON is handed over unread.
    async fn execute_received(
        &self,
        parts: &RequestParts,
        streamed: bool,
    ) -> Result<Received, Error> {
        // Before waiting for a slot: a call that cannot be sent should not queue first.
        self.check_scopes(parts)?;
        parts.check_uploads().await?;
        let mut attempts = Attempts::new(&self.inner.retry, Target::endpoint(parts.meta()));
        let mut refreshed = false;
        loop {
            let (token, result) = self.attempt(parts, attempts.number(), streamed).await?;
            let result = match result {
                Ok(Received::Stream(response, url)) => return Ok(Received::Stream(response, url)),
                Ok(Received::Raw(raw)) => Ok(raw),
                Err(error) => Err(error),
            };
            // A token Zoho refused is refreshed once per call; that attempt is not a failure
            // of the call and does not spend the budget.
            if !refreshed && is_invalid_token(&result) {
                refreshed = true;
                self.inner.tokens.invalidate(&token);
                attempts.again_free();
                continue;
            }
            if let ControlFlow::Break(result) = attempts.settle(result).await {
                return result.map(Received::Raw);
            }
        }
    }

    /// One attempt: a slot under the limit, a token that is valid now, the request.
    ///
    /// The request is built from the parts themselves: the body is shared with every other
    /// attempt, not copied. (The scopes were checked once, before the first attempt.)
    async fn attempt(
        &self,
        parts: &RequestParts,
        attempt: u32,
        streamed: bool,
    ) -> Result<(AccessToken, Result<Received, Error>), Error> {
        let meta = parts.meta();
        let mut call = CallInfo::new(meta.method, meta.path).root(meta.root);
        call.records = parts.expected_outcomes();
        let _slot = self.inner.limit.admit(call).await?;
        let (token, url) = self.token_and_url(parts).await?;
        let mut builder = self
            .inner
            .http
            .request(http_method(parts.method()), url.as_str())
            .header(AUTHORIZATION, authorization(&token));
        for (name, value) in parts.headers() {
            builder = builder.header(name, value);
        }
        if let Some(body) = parts.shared_body() {
            builder = builder
                .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
                .body(body);
        }
        if let Some(form) = parts.form() {
            // Opened for each attempt: a file on disk is streamed from its start again.
            let (body, length) = form.body().await?;
            builder = builder
                .header(CONTENT_TYPE, form.content_type())
                .header(CONTENT_LENGTH, length)
                .body(body);
        }
        let target = Wire {
            method: parts.method(),
            path_template: parts.meta().path,
            url: &url,
        };
        let result = self.send_attempt(builder, target, attempt, streamed).await;
        Ok((token, result))
    }

    /// Sends a prepared request once and reads the answer, within the client's concurrency
    /// limit and timeout. No token refresh, no retry: [`Client::execute_parts`] does those.
    pub async fn execute(&self, request: &PreparedRequest) -> Result<RawResponse, Error> {
        let mut call = CallInfo::new(request.method, request.path_template);
        call.records = request.expected_outcomes;
        let _slot = self.inner.limit.admit(call).await?;
        let mut builder = self
            .inner
            .http
            .request(http_method(request.method), &request.url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = &request.body {
            builder = builder.body(body.clone());
        }
        let target = Wire {
            method: request.method,
            path_template: request.path_template,
            url: &request.url,
        };
        match self.send_attempt(builder, target, 1, false).await? {
            Received::Raw(raw) => Ok(raw),
            Received::Stream(response, _) => {
                let status = response.status().as_u16();
                self.read_raw(target, response, status).await
            }
        }
    }

    /// One attempt on the wire, in its own `zoho.request` span.
    async fn send_attempt(
        &self,
        builder: reqwest::RequestBuilder,
        target: Wire<'_>,
        attempt: u32,
        streamed: bool,
    ) -> Result<Received, Error> {
        let span = tracing::info_span!(
            "zoho.request",
            method = target.method.as_str(),
            path = target.path_template,
            attempt,
            status = tracing::field::Empty,
            code = tracing::field::Empty,
            error = tracing::field::Empty,
            duration_ms = tracing::field::Empty,
        );
        let started = Instant::now();
        let result = self
            .execute_once(builder, target, streamed)
            .instrument(span.clone())
            .await;
        record_result(&span, &result);
        span.record("duration_ms", started.elapsed().as_millis() as u64);
        result
    }

    async fn execute_once(
        &self,
        builder: reqwest::RequestBuilder,
        target: Wire<'_>,
        streamed: bool,
    ) -> Result<Received, Error> {
        let response = builder
            .send()
            .await
            .map_err(|e| self.transport_error(target, e))?;
        let status = response.status().as_u16();
        if streamed && is_file_answer(&response) {
            return Ok(Received::Stream(response, target.url.to_owned()));
        }
        self.read_raw(target, response, status)
            .await
            .map(Received::Raw)
    }

    /// Reads a whole answer, within the client's limit.
    async fn read_raw(
        &self,
        target: Wire<'_>,
        response: reqwest::Response,
        status: u16,
    ) -> Result<RawResponse, Error> {
        let (content_type, retry_after) = read_headers(response.headers());
        let content_disposition = response
            .headers()
            .get(reqwest::header::CONTENT_DISPOSITION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = self.read_body(target, response, status).await?;
        Ok(RawResponse {
            status,
            content_type,
            retry_after,
            content_disposition,
            body,
        })
    }

    async fn read_body(
        &self,
        target: Wire<'_>,
        mut response: reqwest::Response,
        status: u16,
    ) -> Result<bytes::Bytes, Error> {
        let limit = self.inner.max_body;
        if response
            .content_length()
            .is_some_and(|len| len > limit as u64)
        {
            return Err(Error::BodyTooLarge { status, limit });
        }
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| self.transport_error(target, e))?
        {
            if body.len() + chunk.len() > limit {
                return Err(Error::BodyTooLarge { status, limit });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body.into())
    }

    fn transport_error(&self, target: Wire<'_>, error: reqwest::Error) -> Error {
        // The request could not even be put together (a header value HTTP does not allow):
        // nothing left this machine, and another attempt would fail the same way.
        if error.is_builder() {
            return Error::invalid_request(format!(
                "the request could not be built: {}",
                error.without_url()
            ));
        }
        let url = target.url.split('?').next().unwrap_or_default().to_owned();
        // A failed connect (timed out or refused) never carried the request; anything later
        // may have.
        if error.is_timeout() && !error.is_connect() {
            return Error::Timeout {
                url,
                after: self.inner.timeout,
            };
        }
        Error::Transport {
            url,
            delivered: !error.is_connect(),
            source: error.without_url(),
        }
    }
}

/// An attempt's answer: read whole, or (a download's file) handed over unread with its URL.
enum Received {
    Raw(RawResponse),
    Stream(reqwest::Response, String),
}

/// Whether a download's answer is the file: a success with a body that is not Zoho JSON (an
/// error answer or a `204` is read whole and decoded as any other).
fn is_file_answer(response: &reqwest::Response) -> bool {
    let status = response.status().as_u16();
    let json = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().starts_with("application/json"));
    (200..300).contains(&status) && status != 204 && !json
}

/// What an attempt's span and transport errors say of its request.
#[derive(Clone, Copy)]
struct Wire<'a> {
    method: Method,
    path_template: &'static str,
    url: &'a str,
}

/// The `Authorization` header's value for a token.
fn authorization(token: &AccessToken) -> String {
    format!("Zoho-oauthtoken {}", token.secret.expose())
}

fn is_invalid_token(result: &Result<RawResponse, Error>) -> bool {
    matches!(result, Ok(raw) if raw.status == 401 && raw.answer_code() == Some(Code::InvalidToken))
}

/// Puts an attempt's status and Zoho code, or its error, on its span.
fn record_result(span: &tracing::Span, result: &Result<Received, Error>) {
    match result {
        Ok(Received::Stream(response, _)) => {
            span.record("status", response.status().as_u16());
        }
        Ok(Received::Raw(raw)) => {
            span.record("status", raw.status);
            if let Some(code) = raw.answer_code() {
                span.record("code", code.as_str());
            }
        }
        Err(error) => {
            span.record("error", tracing::field::display(error));
        }
    }
}

fn read_headers(headers: &HeaderMap) -> (Option<String>, Option<u64>) {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let retry_after = headers
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok());
    (content_type, retry_after)
}

/// The `reqwest` method of one of Zoho's.
fn http_method(method: Method) -> reqwest::Method {
    match method {
        Method::Get => reqwest::Method::GET,
        Method::Post => reqwest::Method::POST,
        Method::Put => reqwest::Method::PUT,
        Method::Patch => reqwest::Method::PATCH,
        Method::Delete => reqwest::Method::DELETE,
    }
}
