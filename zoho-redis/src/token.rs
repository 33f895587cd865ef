//! [`SharedToken`]: one access token for every worker of an org, refreshed by one of them.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use redis::aio::ConnectionManager;
use redis::Script;
use zoho_runtime::auth::{
    AccessToken, BoxFuture, RefreshingToken, Secret, StoredToken, TokenProvider,
};

use crate::{Error, RedisOrg};

/// Deletes the lease only if `ARGV[1]` still holds it.
const UNLEASE: &str = r#"
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"#;

/// How often a worker waiting for another's refresh looks for the new token.
const POLL: Duration = Duration::from_millis(25);

/// One access token for every worker of an org, kept in Redis: the token belongs to the
/// refresh token, and Zoho mints at most 10 per refresh token in 10 minutes, so workers must
/// not refresh each on its own. Plug it into a client with
/// [`ClientBuilder::token_provider`](zoho_runtime::ClientBuilder::token_provider).
///
/// - The worker that first finds the token missing or due takes a lease in Redis and mints one
///   through its [`RefreshingToken`] ([`RefreshingToken::mint`]); the others wait for it and
///   use it. A worker that dies holding the lease loses it when the lease ends.
/// - A token due for refresh (within the margin of its end) is refreshed by one worker while
///   the others go on with it.
/// - A `401 INVALID_TOKEN` makes each worker that saw it pass over that token, once: the first
///   to ask again mints the next, the others take it. One refresh for everyone.
/// - Each worker keeps the token in memory until it is due, so a call costs no Redis round trip.
#[derive(Clone)]
pub struct SharedToken {
    inner: Arc<Inner>,
}

struct Inner {
    org: RedisOrg,
    refresher: RefreshingToken,
    lease: Duration,
    max_wait: Duration,
    margin: Duration,
    unlease: Script,
    /// The token as this process last saw it.
    held: Mutex<Option<Shared>>,
    /// The token Zoho refused last, so it is not taken from Redis again.
    refused: Mutex<Option<Secret>>,
}

impl std::fmt::Debug for SharedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedToken")
            .field("redis", &self.inner.org.conn.url)
            .field("lease", &self.inner.lease)
            .finish_non_exhaustive()
    }
}

/// The token as Redis holds it.
#[derive(Clone)]
struct Shared {
    token: AccessToken,
    expires: SystemTime,
    refresh_at: SystemTime,
}

/// What the token in hand allows.
enum State {
    Fresh(AccessToken),
    Due(AccessToken),
    Missing,
}

/// How workers share the token: the refresh lease, the wait, the margin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenSharing {
    lease: Duration,
    max_wait: Duration,
    margin: Duration,
}

impl Default for TokenSharing {
    fn default() -> Self {
        TokenSharing {
            lease: Duration::from_secs(30),
            max_wait: Duration::from_secs(60),
            margin: Duration::from_secs(300),
        }
    }
}

impl TokenSharing {
    /// How long the lease of a worker refreshing the token lasts, so a worker that dies while
    /// refreshing holds the others up at most this long (default 30 s).
    pub fn lease(mut self, lease: Duration) -> Self {
        self.lease = lease;
        self
    }

    /// The longest a worker waits for another's refresh before failing (default 60 s).
    pub fn max_wait(mut self, wait: Duration) -> Self {
        self.max_wait = wait;
        self
    }

    /// How long before its end a token is refreshed (default 5 minutes; at most half the
    /// token's life is used).
    pub fn refresh_margin(mut self, margin: Duration) -> Self {
        self.margin = margin;
        self
    }
}

impl RedisOrg {
    /// One token for every worker of the org, minted through `refresher`, with the default
    /// [`TokenSharing`].
    pub fn token(&self, refresher: RefreshingToken) -> SharedToken {
        self.token_with(refresher, TokenSharing::default())
    }

    /// One token for every worker of the org, minted through `refresher`.
    pub fn token_with(&self, refresher: RefreshingToken, sharing: TokenSharing) -> SharedToken {
        SharedToken {
            inner: Arc::new(Inner {
                org: self.clone(),
                refresher,
                lease: sharing.lease,
                max_wait: sharing.max_wait,
                margin: sharing.margin,
                unlease: Script::new(UNLEASE),
                held: Mutex::new(None),
                refused: Mutex::new(None),
            }),
        }
    }
}

impl TokenProvider for SharedToken {
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, zoho_runtime::Error>> {
        Box::pin(async move {
            let inner = &self.inner;
            let pause = inner.org.fallback_pause();
            // While Redis is passed over, this worker refreshes its own token.
            if pause.is_some() && inner.org.conn.skipping() {
                return inner.refresher.token().await;
            }
            match (inner.token().await, pause) {
                (Ok(token), _) => Ok(token),
                (Err(Error::Unreachable { .. }), Some(pause)) => {
                    inner.org.conn.skip_for(pause);
                    inner.refresher.token().await
                }
                (Err(Error::Mint(error)), _) => Err(error),
                (Err(error), _) => Err(zoho_runtime::Error::Auth {
                    reason: format!("the shared token: {error}"),
                }),
            }
        })
    }

    fn invalidate(&self, token: &AccessToken) {
        let inner = &self.inner;
        *lock(&inner.refused) = Some(token.secret.clone());
        let mut held = lock(&inner.held);
        if held
            .as_ref()
            .is_some_and(|h| h.token.secret == token.secret)
        {
            *held = None;
        }
        inner.refresher.invalidate(token);
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Inner {
    async fn token(&self) -> Result<AccessToken, Error> {
        if let State::Fresh(token) = self.judge(lock(&self.held).clone()) {
            return Ok(token);
        }
        let mut conn = self.org.conn.get().await?;
        match self.judge(self.load(&mut conn).await?) {
            State::Fresh(token) => Ok(token),
            State::Due(token) => Ok(self.refresh_early(&mut conn, token).await),
            State::Missing => self.refresh_or_wait(&mut conn).await,
        }
    }

    /// What a token seen allows: refused and expired tokens count as missing.
    fn judge(&self, shared: Option<Shared>) -> State {
        let Some(shared) = shared else {
            return State::Missing;
        };
        let refused = lock(&self.refused)
            .as_ref()
            .is_some_and(|secret| *secret == shared.token.secret);
        let now = SystemTime::now();
        if refused || now >= shared.expires {
            State::Missing
        } else if now >= shared.refresh_at {
            State::Due(shared.token)
        } else {
            State::Fresh(shared.token)
        }
    }

    /// The token in Redis, kept in memory too.
    async fn load(&self, conn: &mut ConnectionManager) -> Result<Option<Shared>, Error> {
        let fields: Vec<Option<String>> = redis::cmd("HMGET")
            .arg(&self.org.keys.token)
            .arg(&["token", "refresh_at_ms", "expires_at_ms"])
            .query_async(conn)
            .await
            .map_err(|e| self.org.conn.unreachable(e))?;
        let shared = match fields.as_slice() {
            [Some(json), Some(refresh_at), Some(expires)] => self.parse(json, refresh_at, expires),
            _ => None,
        };
        *lock(&self.held) = shared.clone();
        Ok(shared)
    }

    /// A stored token of these credentials; anything else (edited, another refresh token's)
    /// counts as none.
    fn parse(&self, json: &str, refresh_at_ms: &str, expires_at_ms: &str) -> Option<Shared> {
        let stored = StoredToken::from_json(json).ok()?;
        if stored.owner != self.refresher.owner() {
            return None;
        }
        let at = |ms: &str| {
            ms.parse()
                .ok()
                .map(|ms| UNIX_EPOCH + Duration::from_millis(ms))
        };
        let refresh_at = at(refresh_at_ms)?;
        // The JSON keeps whole seconds; the hash keeps the milliseconds.
        let expires = at(expires_at_ms)?.min(stored.expires_at + Duration::from_secs(1));
        Some(Shared {
            token: AccessToken {
                secret: stored.access_token,
                api_domain: stored.api_domain,
            },
            expires,
            refresh_at,
        })
    }

    /// The token is valid but due: one worker refreshes, the others go on with it.
    async fn refresh_early(
        &self,
        conn: &mut ConnectionManager,
        current: AccessToken,
    ) -> AccessToken {
        let Ok(Some(lease)) = self.take_lease(conn).await else {
            return current;
        };
        // Another worker may have refreshed between our look and the lease.
        let result = match self.load(conn).await.map(|seen| self.judge(seen)) {
            Ok(State::Fresh(token)) => Ok(token),
            Ok(State::Due(_) | State::Missing) => self.mint_under_lease(conn).await,
            Err(error) => Err(error),
        };
        self.give_lease(conn, &lease).await;
        match result {
            Ok(token) => token,
            Err(error) => {
                tracing::warn!(%error, "early refresh of the shared token failed; the current token is still valid");
                current
            }
        }
    }

    /// No usable token: mint one under the lease, or wait for the worker that holds it.
    async fn refresh_or_wait(&self, conn: &mut ConnectionManager) -> Result<AccessToken, Error> {
        let started = Instant::now();
        loop {
            if let Some(lease) = self.take_lease(conn).await? {
                // Another worker may have stored a token between our look and the lease.
                let result = match self.judge(self.load(conn).await?) {
                    State::Fresh(token) | State::Due(token) => Ok(token),
                    State::Missing => self.mint_under_lease(conn).await,
                };
                self.give_lease(conn, &lease).await;
                return result;
            }
            if started.elapsed() >= self.max_wait {
                return Err(Error::WaitedTooLong {
                    what: "shared token",
                    waited: started.elapsed(),
                });
            }
            tokio::time::sleep(POLL).await;
            if let State::Fresh(token) | State::Due(token) = self.judge(self.load(conn).await?) {
                return Ok(token);
            }
        }
    }

    async fn take_lease(&self, conn: &mut ConnectionManager) -> Result<Option<String>, Error> {
        let me = format!("{}-{:016x}", std::process::id(), fastrand::u64(..));
        let taken: Option<String> = redis::cmd("SET")
            .arg(&self.org.keys.token_lease)
            .arg(&me)
            .arg("NX")
            .arg("PX")
            .arg(self.lease.as_millis() as u64)
            .query_async(conn)
            .await
            .map_err(|e| self.org.conn.unreachable(e))?;
        Ok(taken.map(|_| me))
    }

    async fn give_lease(&self, conn: &mut ConnectionManager, lease: &str) {
        let given: Result<i64, _> = self
            .unlease
            .key(&self.org.keys.token_lease)
            .arg(lease)
            .invoke_async(conn)
            .await;
        if let Err(error) = given {
            tracing::warn!(%error, "the token lease could not be given back; it ends on its own");
        }
    }

    /// Mints a token and puts it in Redis for everyone, expiring with the token.
    async fn mint_under_lease(&self, conn: &mut ConnectionManager) -> Result<AccessToken, Error> {
        let minted = self.refresher.mint().await.map_err(Error::Mint)?;
        let life = minted
            .expires_at
            .duration_since(SystemTime::now())
            .unwrap_or_default();
        let shared = Shared {
            token: AccessToken {
                secret: minted.access_token.clone(),
                api_domain: minted.api_domain.clone(),
            },
            expires: minted.expires_at,
            refresh_at: minted.expires_at - self.margin.min(life / 2),
        };
        // The token is good even if Redis did not take it: the others will mint their own.
        if let Err(error) = self.share(conn, &minted, &shared).await {
            tracing::warn!(%error, "the new token could not be shared through redis");
        }
        *lock(&self.held) = Some(shared.clone());
        *lock(&self.refused) = None;
        Ok(shared.token)
    }

    /// Puts a minted token in Redis, gone when the token expires.
    async fn share(
        &self,
        conn: &mut ConnectionManager,
        minted: &StoredToken,
        shared: &Shared,
    ) -> redis::RedisResult<()> {
        let at_ms =
            |t: SystemTime| t.duration_since(UNIX_EPOCH).unwrap_or_default().as_millis() as u64;
        let key = &self.org.keys.token;
        let now = at_ms(SystemTime::now());
        redis::pipe()
            .atomic()
            .cmd("HSET")
            .arg(key)
            .arg("token")
            .arg(minted.to_json())
            .arg("refresh_at_ms")
            .arg(at_ms(shared.refresh_at))
            .arg("expires_at_ms")
            .arg(at_ms(shared.expires))
            .ignore()
            .cmd("PEXPIREAT")
            .arg(key)
            .arg(at_ms(shared.expires).max(now + 1))
            .ignore()
            .query_async(conn)
            .await
    }
}
