//! The [`Client`]: where calls go, with which token, and how they are sent.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, CONTENT_TYPE, RETRY_AFTER};
use tracing::Instrument;

use crate::auth::{AccessToken, StaticToken, TokenProvider};
use crate::endpoint::Endpoint;
use crate::request::RequestParts;
use crate::response::RawResponse;
use crate::scope::ScopeSet;
use crate::types::{ApiVersion, Method, Secret};
use crate::Error;

/// The largest answer a client reads unless told otherwise: 32 MiB.
pub const DEFAULT_MAX_BODY: usize = 32 * 1024 * 1024;

/// The default time a request may take, answer included.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

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

/// Builds a [`Client`].
pub struct ClientBuilder {
    api_domain: Result<String, Error>,
    version: ApiVersion,
    tokens: Option<Arc<dyn TokenProvider>>,
    timeout: Duration,
    connect_timeout: Duration,
    max_body: usize,
    granted: Option<ScopeSet>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("api_domain", &self.api_domain.as_ref().ok())
            .field("version", &self.version)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    fn new() -> Self {
        ClientBuilder {
            api_domain: Ok(DataCenter::Us.api_domain()),
            version: ApiVersion::V8,
            tokens: None,
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: Duration::from_secs(10),
            max_body: DEFAULT_MAX_BODY,
            granted: None,
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

    /// Builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let tokens = self.tokens.ok_or_else(|| {
            Error::config("no access token: call `access_token` or `token_provider` on the builder")
        })?;
        let http = reqwest::Client::builder()
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .build()
            .map_err(|e| Error::config(format!("HTTP client: {e}")))?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                api_domain: self.api_domain?,
                version: self.version,
                tokens,
                timeout: self.timeout,
                max_body: self.max_body,
                granted: self.granted,
            }),
        })
    }
}

struct Inner {
    http: reqwest::Client,
    api_domain: String,
    version: ApiVersion,
    tokens: Arc<dyn TokenProvider>,
    timeout: Duration,
    max_body: usize,
    granted: Option<ScopeSet>,
}

/// A Zoho CRM client: cheap to clone, shared across tasks, `Send + Sync`.
///
/// Clones share the connection pool and the token provider.
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
    pub(crate) token: AccessToken,
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

    /// Sends a call and decodes the answer.
    pub async fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Response, Error> {
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
        let token = self.inner.tokens.token().await?;
        if token.secret.is_empty() {
            return Err(Error::invalid_request("the access token is empty"));
        }
        let domain = match &token.api_domain {
            Some(domain) => checked_base_url(domain)?,
            None => self.inner.api_domain.clone(),
        };
        let url = format!("{domain}{}", parts.path_and_query(self.inner.version)?);
        let auth = format!("Zoho-oauthtoken {}", token.secret.expose());
        let mut headers = vec![("Authorization".to_owned(), auth)];
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
            token,
        })
    }

    fn check_scopes(&self, parts: &RequestParts) -> Result<(), Error> {
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

    /// Sends rendered parts and returns the raw answer.
    pub async fn execute_parts(&self, parts: &RequestParts) -> Result<RawResponse, Error> {
        let prepared = self.prepare_parts(parts).await?;
        self.execute(&prepared).await
    }

    /// Sends a prepared request once and reads the answer, within the client's limits.
    pub async fn execute(&self, request: &PreparedRequest) -> Result<RawResponse, Error> {
        let span = tracing::info_span!(
            "zoho.request",
            method = request.method.as_str(),
            path = request.path_template,
            status = tracing::field::Empty,
            code = tracing::field::Empty,
            duration_ms = tracing::field::Empty,
        );
        let started = Instant::now();
        let result = self.execute_once(request).instrument(span.clone()).await;
        span.record("duration_ms", started.elapsed().as_millis() as u64);
        if let Ok(raw) = &result {
            span.record("status", raw.status);
        }
        result
    }

    async fn execute_once(&self, request: &PreparedRequest) -> Result<RawResponse, Error> {
        let mut builder = self
            .inner
            .http
            .request(request.method.to_reqwest(), &request.url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = &request.body {
            builder = builder.body(body.clone());
        }
        let response = builder
            .send()
            .await
            .map_err(|e| self.transport_error(request, e))?;
        let status = response.status().as_u16();
        let (content_type, retry_after) = read_headers(response.headers());
        let body = self.read_body(request, response, status).await?;
        Ok(RawResponse {
            status,
            content_type,
            retry_after,
            body,
        })
    }

    async fn read_body(
        &self,
        request: &PreparedRequest,
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
            .map_err(|e| self.transport_error(request, e))?
        {
            if body.len() + chunk.len() > limit {
                return Err(Error::BodyTooLarge { status, limit });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body.into())
    }

    fn transport_error(&self, request: &PreparedRequest, error: reqwest::Error) -> Error {
        let url = request.url.split('?').next().unwrap_or_default().to_owned();
        if error.is_timeout() {
            return Error::Timeout {
                url,
                after: self.inner.timeout,
            };
        }
        // A failed connect never carried the request; anything later may have.
        let delivered = !error.is_connect();
        Error::Transport {
            url,
            delivered,
            source: error.without_url(),
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
