//! The one error type of the crate.

use std::time::Duration;

use zoho_spec::scope::Scope;

use crate::code::Code;
use crate::outcome::{Details, Outcomes};

/// What an attempt's result says of its request: the one judgement behind retries (API calls
/// and token requests alike) and [`Error::may_have_been_applied`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fate {
    /// Not applied, and another attempt may pass: a refused connection, a `429`. Safe to send
    /// again whatever the method.
    NotApplied,
    /// May have been applied, and another attempt may pass: a `5xx`, a connection broken after
    /// sending, a timeout. Safe to send again only if the request is repeatable.
    MaybeApplied,
    /// Another attempt would change nothing: a success, a refusal, a request not sent.
    /// `unknown`: the request may have been applied without an answer saying how.
    Final {
        /// Whether the request may have been applied all the same.
        unknown: bool,
    },
}

impl Fate {
    /// What an answer's status alone says.
    pub(crate) fn of_status(status: u16) -> Fate {
        match status {
            429 => Fate::NotApplied,
            500..=599 => Fate::MaybeApplied,
            _ => Fate::Final { unknown: false },
        }
    }
}

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
        /// What is wrong with it: the rule of the grammar it breaks.
        reason: String,
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

    /// A file part is larger than Zoho takes for this call: nothing was sent.
    #[error("the file `{part}` is {size} bytes, more than the {limit} bytes Zoho takes here; nothing was sent")]
    UploadTooLarge {
        /// The form part's name.
        part: String,
        /// The file's size.
        size: u64,
        /// The limit of the endpoint.
        limit: u64,
    },

    /// A file to upload could not be read, or a download could not be written.
    #[error("file {path}: {source}")]
    File {
        /// The file's path, as given.
        path: String,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },

    /// A download ended before the size its answer announced: what was received is not the
    /// file, and nothing was reported complete.
    #[error("the download ended after {received} of {expected} bytes")]
    DownloadIncomplete {
        /// The bytes received.
        received: u64,
        /// The bytes the answer's `Content-Length` announced.
        expected: u64,
    },

    /// A download is larger than the limit it was read with.
    #[error("the download is larger than {limit} bytes")]
    DownloadTooLarge {
        /// The limit.
        limit: u64,
    },

    /// A bulk job's CSV or zip file could not be written or read.
    #[error("bulk file: {reason}")]
    BulkFile {
        /// What is wrong with it.
        reason: String,
    },

    /// A field of a [`Record`](crate::Record) holds a value of another type than asked for.
    #[error("the field `{field}` is not a `{type_name}`: {reason}")]
    FieldType {
        /// The field's API name.
        field: String,
        /// The type asked for.
        type_name: &'static str,
        /// What serde said.
        reason: String,
    },

    /// A job (bulk read or write, mass update, mass convert, …) ended without completing: Zoho
    /// says it failed, or its result expired before it was fetched.
    #[error("job {job_id} ended {state}: {reason}")]
    JobFailed {
        /// The job's id, as Zoho gave it.
        job_id: String,
        /// The final state Zoho answered: `FAILED`, …
        state: String,
        /// Zoho's reason, when it gave one.
        reason: String,
    },

    /// A job was still running when the wait's deadline passed; it may complete later: ask for
    /// its status again rather than creating it anew.
    #[error("job {job_id} still {state} after {waited:?}")]
    JobTimedOut {
        /// The job's id.
        job_id: String,
        /// The last state Zoho answered.
        state: String,
        /// How long the wait lasted.
        waited: Duration,
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

    /// The call's [`Admission`](crate::admission::Admission) did not let it go out: the organisation's
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

    /// A scope that is not one, with the reason [`zoho_spec::scope::ScopeError`] gives.
    pub(crate) fn invalid_scope(scope: &str, reason: &dyn std::fmt::Display) -> Error {
        Error::InvalidScope {
            scope: scope.to_owned(),
            reason: reason.to_string(),
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

    /// Whether Zoho may have applied the request all the same: it may have reached Zoho but
    /// no usable answer came back (a connection lost after sending, a timeout, a `5xx`, a
    /// request not retried for that reason, or a success status whose body could not be read).
    /// Check Zoho before sending such a request again.
    ///
    /// ```
    /// use zoho_runtime::Error;
    /// let lost = Error::UnexpectedBody { status: 200, reason: "empty".into(), body_start: String::new() };
    /// assert!(lost.may_have_been_applied());
    /// let refused = Error::UnexpectedBody { status: 400, reason: "empty".into(), body_start: String::new() };
    /// assert!(!refused.may_have_been_applied());
    /// ```
    pub fn may_have_been_applied(&self) -> bool {
        matches!(
            self.fate(),
            Fate::MaybeApplied | Fate::Final { unknown: true }
        )
    }

    /// What the error says of its request's fate: the classifier the attempt engine retries by.
    pub(crate) fn fate(&self) -> Fate {
        match self {
            Error::Transport {
                delivered: false, ..
            } => Fate::NotApplied,
            Error::Transport { .. } | Error::Timeout { .. } => Fate::MaybeApplied,
            Error::Api { status, .. } => Fate::of_status(*status),
            // Zoho answered, but the body could not be read: a success status says the write
            // went through. Another attempt would read the same answer.
            Error::UnexpectedBody { status, .. } | Error::Decode { status, .. }
                if (200..300).contains(status) =>
            {
                Fate::Final { unknown: true }
            }
            Error::UnexpectedBody { status, .. } | Error::Decode { status, .. } => {
                Fate::of_status(*status)
            }
            // A larger answer next time is no better: final, whatever the status says.
            Error::BodyTooLarge { status, .. } => Fate::Final {
                unknown: (200..300).contains(status)
                    || Fate::of_status(*status) == Fate::MaybeApplied,
            },
            Error::NotRetried { .. } | Error::OutcomeCount { .. } => Fate::Final { unknown: true },
            _ => Fate::Final { unknown: false },
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
