//! Workers of one Zoho org, in one process or many, on one machine or many, sharing what Zoho
//! limits per org and per refresh token through Redis: the access token (refreshed once for
//! all), the concurrency limit (a semaphore with leases) and the rolling budget of API credits.
//!
//! ```
//! use std::time::Duration;
//! use zoho_redis::{CreditBudget, Limits, OnSpent, RedisOrg};
//! use zoho_runtime::auth::RefreshingToken;
//! use zoho_runtime::{zoho_endpoint, Client, Edition};
//!
//! #[zoho_endpoint(GET "/Leads", scope = "ZohoCRM.modules.leads.READ", response = zoho_runtime::Json)]
//! struct ListLeads {
//!     #[zoho(query)]
//!     fields: &'static str,
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let redis = zoho_redis::local_server::RedisServer::start()?;
//! # let redis_url = redis.url();
//! # let zoho = zoho_sandbox::Sandbox::start().await?;
//! # let oauth = zoho.oauth_client(zoho_sandbox::ALL_SCOPES);
//! # let (client_id, client_secret, refresh_token) = (oauth.client_id, oauth.client_secret, oauth.refresh_token);
//! # let (accounts, api) = (zoho.accounts_url(), zoho.base_url());
//! // Every worker of the org names the same Redis and the same org.
//! let org = RedisOrg::builder(redis_url, "acme-prod").build()?;
//! let limits = org.limits(
//!     Limits::new(Edition::Enterprise.max_concurrent())
//!         .credits(CreditBudget::per_day(50_000 + 1_000 * 40))
//!         .on_spent(OnSpent::Wait { at_most: Duration::from_secs(600) }),
//! )?;
//! let refresher = RefreshingToken::builder(client_id, client_secret, refresh_token)
//!     .accounts_url(accounts)
//!     .build()?;
//! let client = Client::builder()
//!     .api_domain(api)
//!     .token_provider(org.token(refresher))
//!     .admission(limits.clone())
//!     .build()?;
//!
//! let leads = client.send(&ListLeads { fields: "Last_Name" }).await?;
//! assert!(leads["data"].as_array().is_some_and(|leads| !leads.is_empty()));
//! assert_eq!(limits.credits_spent(), 1);
//! assert_eq!(limits.org_credits_spent().await?, 1);
//! # Ok(())
//! # }
//! ```
//!
//! (The hidden lines start a `redis-server` on a free port, and the sandbox for Zoho.)
//!
//! # What is shared
//!
//! - **The token** ([`SharedToken`]): one worker takes a lease in Redis and mints a token
//!   through [`RefreshingToken::mint`](zoho_runtime::auth::RefreshingToken::mint); the others wait
//!   for it. A `401 INVALID_TOKEN` leads to one refresh for everyone. A worker that dies holding
//!   the lease loses it when the lease ends.
//! - **Concurrency** ([`SharedLimits`]): each attempt holds a permit of a semaphore of the org's
//!   limit, a lease renewed while the call runs; a crashed worker's permits come back when their
//!   leases end. A permit is waited for at most [`Limits::max_wait`]. [Heavy](is_heavy) calls
//!   may keep to a lower limit of their own ([`Limits::heavy_max_concurrent`]).
//! - **Credits**: each attempt's [`cost`] is counted against the org's rolling budget; a call
//!   the budget cannot pay waits or is refused with [`Error::CreditsSpent`], which says when
//!   budget comes back ([`OnSpent`]). [`SharedLimits::credits_spent`] says what this worker
//!   spent, [`SharedLimits::org_credits_spent`] what all did.
//! - **Redis unreachable**: by default a call fails with [`Error::Unreachable`] (as the runtime's
//!   [`Error::Admission`](zoho_runtime::Error::Admission), or [`Error::Auth`] for the token);
//!   with [`Fallback::LocalShare`] the worker goes on with its share of the limits (the limit
//!   and the budget divided by the number of workers) and its own token refreshes, and tries
//!   Redis again after a pause. Every Redis command has a timeout: nothing waits forever.
//!
//! [`Error::Auth`]: zoho_runtime::Error::Auth
//!
//! # Two terminals
//!
//! The `workers` example shows two workers sharing one budget: see the crate's README.

mod conn;
mod credits;
mod error;
mod keys;
mod limits;
pub mod local_server;
mod semaphore;
mod token;

use std::sync::Arc;
use std::time::Duration;

pub use credits::{cost, CreditBudget};
pub use error::Error;
pub use limits::{is_heavy, Limits, OnSpent, SharedLimits};
pub use token::{SharedToken, TokenSharing};

use conn::Connection;
use keys::Keys;

/// What a worker does while Redis is unreachable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Fallback {
    /// Calls fail with [`Error::Unreachable`] (the default): nothing goes out unaccounted.
    #[default]
    Fail,
    /// Calls go on under this worker's share of the limits: the concurrency limit and the
    /// credit budget divided by `workers` (at least 1 call at once), and tokens refreshed by
    /// this worker alone. Redis is tried again after `retry_redis_after`.
    LocalShare {
        /// How many workers share the org.
        workers: usize,
        /// How long Redis is passed over after it failed.
        retry_redis_after: Duration,
    },
}

impl Fallback {
    /// [`Fallback::LocalShare`] for `workers` workers, trying Redis again after 5 s.
    pub const fn local_share(workers: usize) -> Self {
        Fallback::LocalShare {
            workers,
            retry_redis_after: Duration::from_secs(5),
        }
    }
}

/// One org in one Redis: where its workers' shared token and limits live. Cheap to clone.
///
/// Made by [`RedisOrg::builder`]; nothing is sent to Redis until it is first needed.
#[derive(Clone)]
pub struct RedisOrg {
    conn: Arc<Connection>,
    keys: Keys,
    fallback: Fallback,
}

impl std::fmt::Debug for RedisOrg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisOrg")
            .field("redis", &self.conn.url)
            .field("fallback", &self.fallback)
            .finish_non_exhaustive()
    }
}

impl RedisOrg {
    /// How long Redis is passed over after a failure, when a fallback is configured.
    fn fallback_pause(&self) -> Option<Duration> {
        match self.fallback {
            Fallback::LocalShare {
                retry_redis_after, ..
            } => Some(retry_redis_after),
            Fallback::Fail => None,
        }
    }
}

/// Builds a [`RedisOrg`].
#[derive(Clone, Debug)]
pub struct RedisOrgBuilder {
    url: String,
    org: String,
    timeout: Duration,
    fallback: Fallback,
}

impl RedisOrg {
    /// The org named `org` (any name its workers agree on, such as its Zoho org id) in the
    /// Redis at `url` (`redis://[:password@]host:port/db`).
    pub fn builder(url: impl Into<String>, org: impl Into<String>) -> RedisOrgBuilder {
        RedisOrgBuilder {
            url: url.into(),
            org: org.into(),
            timeout: Duration::from_secs(2),
            fallback: Fallback::Fail,
        }
    }
}

impl RedisOrgBuilder {
    /// How long connecting to Redis and each command may take (default 2 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// What workers do while Redis is unreachable (default [`Fallback::Fail`]).
    pub fn fallback(mut self, fallback: Fallback) -> Self {
        self.fallback = fallback;
        self
    }

    /// Checks the URL and the org's name; connects later, when first needed.
    pub fn build(self) -> Result<RedisOrg, Error> {
        let name_ok = !self.org.is_empty() && !self.org.contains(['{', '}']);
        if !name_ok {
            return Err(Error::Config(format!(
                "the org's name `{}` must not be empty or hold `{{` or `}}`",
                self.org
            )));
        }
        if self.timeout.is_zero() {
            return Err(Error::Config("the Redis timeout must not be zero".into()));
        }
        Ok(RedisOrg {
            conn: Arc::new(Connection::new(&self.url, self.timeout)?),
            keys: Keys::new(&self.org),
            fallback: self.fallback,
        })
    }
}
