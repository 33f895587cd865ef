//! The one error type of the crate.

use std::time::Duration;

use crate::code::Code;
use crate::response::{Details, Outcomes};
use crate::scope::Scope;

/// Everything that can go wrong with a call, each with what you need to act on it.
///
/// Secrets never appear here: tokens are not part of any variant.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Zoho refused the request as a whole: `{"code", "details", "message", "status": "error"}`.
    #[error("Zoho answered HTTP {status} {code}: {message}")]
    Api {
        /// The HTTP status.
        status: u16,
        /// Zoho's code.
        code: Code,
        /// Zoho's message.
        message: String,
        /// Zoho's details.
        details: Details,
    },

    /// The answer is not a Zoho answer: an HTML page from a proxy, a truncated or empty body.
    #[error("unexpected answer (HTTP {status}): {reason}; the body starts with {body_start:?}")]
    UnexpectedBody {
        /// The HTTP status.
        status: u16,
        /// What is wrong with it.
        reason: String,
        /// The first bytes of the body, as text.
        body_start: String,
    },

    /// The answer is Zoho JSON but does not fit the endpoint's declared response type.
    #[error("the answer (HTTP {status}) does not decode into `{type_name}`: {reason}")]
    Decode {
        /// The HTTP status.
        status: u16,
        /// The declared response type.
        type_name: &'static str,
        /// What serde said.
        reason: String,
        /// The first bytes of the body, as text.
        body_start: String,
    },

    /// Zoho answered a different number of outcomes than records sent. The outcomes received
    /// are kept; which records they belong to cannot be known, so treat every record as
    /// unconfirmed.
    #[error("sent {expected} records but Zoho answered {} outcomes (HTTP {status})", outcomes.len())]
    OutcomeCount {
        /// The HTTP status.
        status: u16,
        /// How many outcomes the request asked for.
        expected: usize,
        /// The outcomes Zoho gave.
        outcomes: Outcomes,
    },

    /// The request was refused before anything was sent: a value that cannot be encoded safely,
    /// an empty token, too many records.
    #[error("request not sent: {reason}")]
    InvalidRequest {
        /// Why.
        reason: String,
    },

    /// A scope string does not follow Zoho's grammar.
    #[error("invalid scope `{scope}`: {reason}")]
    InvalidScope {
        /// The scope as written.
        scope: String,
        /// What is wrong with it.
        reason: &'static str,
    },

    /// The client's granted scopes do not cover the endpoint; nothing was sent.
    #[error("`{method} {path}` needs scope `{missing}`, which the client was not granted")]
    MissingScope {
        /// The endpoint's method.
        method: &'static str,
        /// The endpoint's path template.
        path: &'static str,
        /// The first scope not covered.
        missing: Scope,
    },

    /// The client was configured wrongly (a plain `http://` URL to a remote host, a bad URL).
    #[error("client configuration: {reason}")]
    Config {
        /// What is wrong.
        reason: String,
    },

    /// Getting or refreshing an access token failed.
    #[error("authentication: {reason}")]
    Auth {
        /// What went wrong, with the OAuth `error` Zoho gave when there was one.
        reason: String,
    },

    /// The connection failed or broke. `delivered` says whether the request may have reached
    /// Zoho: when it may have, sending it again could apply it twice.
    #[error("connection to {url} failed ({}): {source}", if *delivered { "the request may have been delivered" } else { "the request was not delivered" })]
    Transport {
        /// The URL, without query.
        url: String,
        /// Whether the request may have reached Zoho.
        delivered: bool,
        /// The underlying error.
        #[source]
        source: reqwest::Error,
    },

    /// No complete answer came in time.
    #[error("no answer from {url} within {after:?}")]
    Timeout {
        /// The URL, without query.
        url: String,
        /// The timeout that ran out.
        after: Duration,
    },

    /// The answer's body was larger than the client reads.
    #[error("the answer (HTTP {status}) is larger than {limit} bytes")]
    BodyTooLarge {
        /// The HTTP status.
        status: u16,
        /// The client's limit.
        limit: usize,
    },

    /// A request that is not safe to repeat failed in a way that leaves its fate unknown, so it
    /// was not sent again. Check Zoho before resending.
    #[error("`{method} {path}` may have reached Zoho and is not safe to repeat, so it was not retried: {source}")]
    NotRetried {
        /// The endpoint's method.
        method: &'static str,
        /// The endpoint's path template.
        path: &'static str,
        /// The failure.
        #[source]
        source: Box<Error>,
    },

    /// A record or body value could not be serialized to JSON.
    #[error("the request body could not be serialized: {0}")]
    Serialize(#[source] serde_json::Error),

    /// A token store could not read or write its token. The client goes on with the token it
    /// holds in memory; the cost is one more token request after a restart.
    #[error("token store: {reason}")]
    TokenStore {
        /// What failed, with the store's location when it has one.
        reason: String,
        /// The I/O error beneath, when there was one.
        #[source]
        source: Option<std::io::Error>,
    },

    /// The call's [`Admission`](crate::Admission) did not let it go out: the organisation's
    /// API credits are spent, or the limiter that shares them could not be reached. Nothing was
    /// sent. `source` is the limiter's own error, for a typed look (`downcast_ref`).
    #[error("call not admitted: {reason}")]
    Admission {
        /// Why.
        reason: String,
        /// When trying again may succeed, when the limiter knows.
        retry_in: Option<Duration>,
        /// The limiter's own error.
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
}

impl Error {
    pub(crate) fn invalid_request(reason: impl Into<String>) -> Error {
        Error::InvalidRequest {
            reason: reason.into(),
        }
    }

    pub(crate) fn invalid_scope(scope: &str, reason: &'static str) -> Error {
        Error::InvalidScope {
            scope: scope.to_owned(),
            reason,
        }
    }

    pub(crate) fn serialize(error: serde_json::Error) -> Error {
        Error::Serialize(error)
    }

    pub(crate) fn config(reason: impl Into<String>) -> Error {
        Error::Config {
            reason: reason.into(),
        }
    }

    pub(crate) fn auth(reason: impl Into<String>) -> Error {
        Error::Auth {
            reason: reason.into(),
        }
    }

    /// The HTTP status Zoho answered, when there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. }
            | Error::UnexpectedBody { status, .. }
            | Error::Decode { status, .. }
            | Error::OutcomeCount { status, .. }
            | Error::BodyTooLarge { status, .. } => Some(*status),
            Error::NotRetried { source, .. } => source.status(),
            _ => None,
        }
    }

    /// Zoho's code, for a request-level Zoho error.
    pub fn code(&self) -> Option<&Code> {
        match self {
            Error::Api { code, .. } => Some(code),
            Error::NotRetried { source, .. } => source.code(),
            _ => None,
        }
    }
}
