//! Where access tokens come from: the [`TokenProvider`] a client asks, and a fixed token.

use std::future::Future;
use std::pin::Pin;

use crate::error::Error;
use crate::types::Secret;

/// A boxed future, as [`TokenProvider`] returns.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// An access token and what came with it.
#[derive(Clone, Debug)]
pub struct AccessToken {
    /// The token sent as `Authorization: Zoho-oauthtoken <token>`.
    pub secret: Secret,
    /// The API domain Zoho said to call for this user, when it said one.
    pub api_domain: Option<String>,
}

impl AccessToken {
    /// A token with no API domain of its own.
    pub fn new(secret: impl Into<Secret>) -> Self {
        AccessToken {
            secret: secret.into(),
            api_domain: None,
        }
    }
}

/// A source of access tokens, shared by every clone of a client.
///
/// [`Client`](crate::Client) asks for a token before each attempt and reports one that Zoho
/// rejected with `401 INVALID_TOKEN`, so the provider can refresh it; the call is then retried
/// once. [`RefreshingToken`](crate::auth::RefreshingToken) is Zoho's refresh-token grant;
/// [`StaticToken`] a fixed token. Both take `&self`: a provider refreshes behind shared
/// references, so every clone of a client sees the new token.
pub trait TokenProvider: Send + Sync + 'static {
    /// A token that is valid now.
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, Error>>;

    /// Zoho rejected `token`; the next [`TokenProvider::token`] should not return it.
    fn invalidate(&self, token: &AccessToken) {
        let _ = token;
    }
}

/// A fixed access token, for scripts and tests: it is never refreshed.
#[derive(Clone, Debug)]
pub struct StaticToken(AccessToken);

impl StaticToken {
    /// Uses `token` for every call.
    pub fn new(token: impl Into<Secret>) -> Self {
        StaticToken(AccessToken::new(token))
    }
}

impl TokenProvider for StaticToken {
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, Error>> {
        let token = self.0.clone();
        Box::pin(async move { Ok(token) })
    }
}
