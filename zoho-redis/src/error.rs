//! The crate's error type, and how it becomes the runtime's.

use std::time::Duration;

/// What can go wrong when workers share an org's limits through Redis.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Redis did not answer: refused connection, timeout, lost connection, or an error reply.
    /// With [`Fallback::LocalShare`](crate::Fallback::LocalShare) the worker goes on with its
    /// local share of the limits instead of failing.
    #[error("redis at {url} is unreachable: {source}")]
    Unreachable {
        /// The Redis URL, without its password.
        url: String,
        /// What the redis client said.
        #[source]
        source: redis::RedisError,
    },

    /// The org's rolling 24-hour budget of API credits cannot pay for the call now.
    #[error("the org's API credits are spent: the call costs {cost}, {spent} of {budget} are spent in the window; budget comes back in {back_in:?}")]
    CreditsSpent {
        /// What the call costs.
        cost: u64,
        /// Credits spent in the window, by every worker.
        spent: u64,
        /// The budget per window.
        budget: u64,
        /// When enough credits leave the window for the call to be paid.
        back_in: Duration,
    },

    /// The call costs more than the whole budget: it can never be paid.
    #[error("the call costs {cost} credits, more than the whole budget of {budget}")]
    CostAboveBudget {
        /// What the call costs.
        cost: u64,
        /// The budget per window.
        budget: u64,
    },

    /// A permit or the shared token did not come within the configured wait.
    #[error("no {what} within {waited:?}")]
    WaitedTooLong {
        /// What was waited for: `permit`, `shared token`.
        what: &'static str,
        /// How long.
        waited: Duration,
    },

    /// The worker holding the refresh lease asked Zoho for a token and did not get one.
    #[error("minting the shared token: {0}")]
    Mint(#[source] zoho_runtime::Error),

    /// The configuration is not usable (a bad Redis URL, a limit of 0).
    #[error("configuration: {0}")]
    Config(String),
}

impl Error {
    /// When trying again may succeed, when that is known.
    pub fn retry_in(&self) -> Option<Duration> {
        match self {
            Error::CreditsSpent { back_in, .. } => Some(*back_in),
            _ => None,
        }
    }
}

impl From<Error> for zoho_runtime::Error {
    /// An [`Error::Admission`](zoho_runtime::Error::Admission) whose source is this error, so
    /// `error.source().and_then(|s| s.downcast_ref::<zoho_redis::Error>())` finds it.
    fn from(error: Error) -> Self {
        zoho_runtime::Error::Admission {
            reason: error.to_string(),
            retry_in: error.retry_in(),
            source: Some(Box::new(error)),
        }
    }
}
