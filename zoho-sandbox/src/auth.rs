//! Access tokens, registered OAuth clients and their refresh tokens.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use axum::http::{header, HeaderMap};

use crate::answers::{self, Answer};
use crate::prng::Prng;
use zoho_spec::scope::Scope;

/// An OAuth client registered with the sandbox, and a refresh token it may use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthClient {
    /// The `client_id` of the refresh grant.
    pub client_id: String,
    /// The `client_secret` of the refresh grant.
    pub client_secret: String,
    /// The `refresh_token` of the refresh grant.
    pub refresh_token: String,
}

#[derive(Debug, Clone)]
struct AccessToken {
    scopes: Vec<Scope>,
    expires: Instant,
    refresh_token: Option<String>,
}

#[derive(Debug, Clone)]
struct RefreshGrant {
    client_id: String,
    scope_text: Vec<String>,
    /// When each recent access token was minted from it, for the rate limit.
    minted: VecDeque<Instant>,
}

/// Why a refresh grant was refused; each is a Zoho `error` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GrantError {
    InvalidClient,
    InvalidCode,
    AccessDenied,
}

impl GrantError {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            GrantError::InvalidClient => "invalid_client",
            GrantError::InvalidCode => "invalid_code",
            GrantError::AccessDenied => "access_denied",
        }
    }
}

/// The tokens and clients the sandbox knows.
#[derive(Debug)]
pub(crate) struct Auth {
    tokens: HashMap<String, AccessToken>,
    clients: HashMap<String, String>,
    refresh: HashMap<String, RefreshGrant>,
    rng: Prng,
    /// At most this many access tokens per refresh token per window (`None`: no limit).
    pub refresh_limit: Option<(usize, Duration)>,
    /// How long an access token minted by the refresh grant lives.
    pub token_ttl: Duration,
    /// Every call of the token endpoint, successful or not.
    pub token_requests: usize,
}

impl Auth {
    pub(crate) fn new(seed: u64) -> Self {
        Auth {
            tokens: HashMap::new(),
            clients: HashMap::new(),
            refresh: HashMap::new(),
            rng: Prng::new(seed ^ 0x0a07_4c0d),
            refresh_limit: None,
            token_ttl: Duration::from_secs(3600),
            token_requests: 0,
        }
    }

    /// Mints an access token shaped like Zoho's (`1000.<hex>.<hex>`) with these scopes.
    pub(crate) fn issue(&mut self, scopes: &[&str], ttl: Duration) -> String {
        self.issue_for(scopes, ttl, None)
    }

    fn issue_for(&mut self, scopes: &[&str], ttl: Duration, refresh: Option<String>) -> String {
        let token = format!("1000.{}.{}", self.rng.hex(32), self.rng.hex(32));
        let info = AccessToken {
            // A scope that does not parse grants nothing, as at Zoho.
            scopes: scopes.iter().filter_map(|s| Scope::parse(s).ok()).collect(),
            expires: Instant::now() + ttl,
            refresh_token: refresh,
        };
        self.tokens.insert(token.clone(), info);
        token
    }

    /// Makes a token expired; false when unknown.
    pub(crate) fn expire(&mut self, token: &str) -> bool {
        match self.tokens.get_mut(token) {
            Some(info) => {
                info.expires = Instant::now() - Duration::from_millis(1);
                true
            }
            None => false,
        }
    }

    /// Revokes a refresh token (and the access tokens minted from it) or an access token.
    pub(crate) fn revoke(&mut self, token: &str) -> bool {
        if self.refresh.remove(token).is_some() {
            self.tokens
                .retain(|_, t| t.refresh_token.as_deref() != Some(token));
            return true;
        }
        self.tokens.remove(token).is_some()
    }

    /// Registers a client and a refresh token granting `scopes`.
    pub(crate) fn register_client(&mut self, scopes: &[&str]) -> OAuthClient {
        let client = OAuthClient {
            client_id: format!("1000.{}", self.rng.hex(30).to_ascii_uppercase()),
            client_secret: self.rng.hex(42),
            refresh_token: format!("1000.{}.{}", self.rng.hex(32), self.rng.hex(32)),
        };
        self.clients
            .insert(client.client_id.clone(), client.client_secret.clone());
        self.refresh.insert(
            client.refresh_token.clone(),
            RefreshGrant {
                client_id: client.client_id.clone(),
                scope_text: scopes.iter().map(|s| s.to_string()).collect(),
                minted: VecDeque::new(),
            },
        );
        client
    }

    /// The refresh grant: checks the client, the refresh token and the rate limit, then mints.
    pub(crate) fn refresh_grant(
        &mut self,
        client_id: &str,
        client_secret: &str,
        refresh_token: &str,
    ) -> Result<String, GrantError> {
        if self.clients.get(client_id).map(String::as_str) != Some(client_secret) {
            return Err(GrantError::InvalidClient);
        }
        let limit = self.refresh_limit;
        let grant = self
            .refresh
            .get_mut(refresh_token)
            .filter(|g| g.client_id == client_id)
            .ok_or(GrantError::InvalidCode)?;
        if let Some((max, window)) = limit {
            let now = Instant::now();
            while grant.minted.front().is_some_and(|t| now - *t > window) {
                grant.minted.pop_front();
            }
            if grant.minted.len() >= max {
                return Err(GrantError::AccessDenied);
            }
            grant.minted.push_back(now);
        }
        let scopes = grant.scope_text.clone();
        let refs: Vec<&str> = scopes.iter().map(String::as_str).collect();
        let ttl = self.token_ttl;
        Ok(self.issue_for(&refs, ttl, Some(refresh_token.to_string())))
    }

    /// The scopes of the request's token, or Zoho's 401.
    ///
    /// No `Authorization` header at all is `AUTHENTICATION_FAILURE` (seed 004); a token that is
    /// unknown, expired or revoked is `INVALID_TOKEN`.
    pub(crate) fn authenticate(&self, headers: &HeaderMap) -> Result<Vec<Scope>, Answer> {
        let Some(value) = headers.get(header::AUTHORIZATION) else {
            return Err(answers::authentication_failure());
        };
        let text = value.to_str().unwrap_or("").trim();
        let token = strip_scheme(text).ok_or_else(answers::authentication_failure)?;
        match self.tokens.get(token) {
            Some(info) if info.expires > Instant::now() => Ok(info.scopes.clone()),
            _ => Err(answers::invalid_token()),
        }
    }
}

/// The token after `Zoho-oauthtoken ` or `Bearer ` (schemes compared case-insensitively).
fn strip_scheme(text: &str) -> Option<&str> {
    let (scheme, rest) = text.split_once(' ')?;
    let known =
        scheme.eq_ignore_ascii_case("Zoho-oauthtoken") || scheme.eq_ignore_ascii_case("Bearer");
    let token = rest.trim();
    (known && !token.is_empty()).then_some(token)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with_auth(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn both_schemes_are_accepted() {
        let mut auth = Auth::new(1);
        let t = auth.issue(&["ZohoCRM.modules.ALL"], Duration::from_secs(60));
        assert!(auth
            .authenticate(&with_auth(&format!("Zoho-oauthtoken {t}")))
            .is_ok());
        assert!(auth
            .authenticate(&with_auth(&format!("Bearer {t}")))
            .is_ok());
        assert!(auth.authenticate(&with_auth("Bearer nope")).is_err());
    }

    #[test]
    fn expired_tokens_are_refused() {
        let mut auth = Auth::new(1);
        let t = auth.issue(&["ZohoCRM.modules.ALL"], Duration::from_secs(60));
        assert!(auth.expire(&t));
        let err = auth
            .authenticate(&with_auth(&format!("Bearer {t}")))
            .unwrap_err();
        assert_eq!(err.body.unwrap()["code"], "INVALID_TOKEN");
    }

    #[test]
    fn refresh_limit_denies_the_eleventh_token() {
        let mut auth = Auth::new(1);
        auth.refresh_limit = Some((10, Duration::from_secs(600)));
        let c = auth.register_client(&["ZohoCRM.modules.ALL"]);
        for _ in 0..10 {
            assert!(auth
                .refresh_grant(&c.client_id, &c.client_secret, &c.refresh_token)
                .is_ok());
        }
        let denied = auth.refresh_grant(&c.client_id, &c.client_secret, &c.refresh_token);
        assert_eq!(denied, Err(GrantError::AccessDenied));
        assert_eq!(
            auth.refresh_grant(&c.client_id, "wrong", &c.refresh_token),
            Err(GrantError::InvalidClient)
        );
        assert_eq!(
            auth.refresh_grant(&c.client_id, &c.client_secret, "1000.x.y"),
            Err(GrantError::InvalidCode)
        );
    }
}
