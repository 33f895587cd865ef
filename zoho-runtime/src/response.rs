//! Decoding Zoho's answers: per-record outcomes, request-level errors, and declared response
//! types.

use std::fmt;
use std::ops::Deref;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::code::Code;
use crate::types::RecordId;
use crate::Error;

/// How much of an unexpected body an error keeps, in bytes.
const BODY_START: usize = 512;

/// An HTTP answer as received, before decoding.
#[derive(Clone, Debug)]
pub struct RawResponse {
    /// The HTTP status code.
    pub status: u16,
    /// The `Content-Type` header, when there was one.
    pub content_type: Option<String>,
    /// The `Retry-After` header in seconds, when there was a readable one.
    pub retry_after: Option<u64>,
    /// The body.
    pub body: bytes::Bytes,
}

impl RawResponse {
    /// An answer with this status and body and no headers (for tests and fixtures).
    pub fn new(status: u16, body: impl Into<bytes::Bytes>) -> Self {
        RawResponse {
            status,
            content_type: None,
            retry_after: None,
            body: body.into(),
        }
    }

    /// The first bytes of the body as text, for error messages.
    pub fn body_start(&self) -> String {
        body_start(&self.body)
    }

    fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    fn is_no_content(&self) -> bool {
        self.status == 204 || self.status == 304
    }
}

pub(crate) fn body_start(body: &[u8]) -> String {
    let cut = body.len().min(BODY_START);
    let mut text = String::from_utf8_lossy(&body[..cut]).into_owned();
    if body.len() > cut {
        text.push('…');
    }
    text
}

/// The `details` object of an answer or outcome, with typed access to the keys Zoho documents.
///
/// Every key is kept, known or not (`RECORD_LOCKED` carries an `action`, for one).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(transparent)]
pub struct Details(Map<String, Value>);

/// A user as answers name one: `{"name": "Patricia Boyle", "id": "738964000000291009"}`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct UserRef {
    /// The user's name.
    pub name: String,
    /// The user's id.
    pub id: RecordId,
}

impl Details {
    /// The value of any key.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// A key's value as text, when it is a string.
    pub fn str(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(Value::as_str)
    }

    /// Every key and value.
    pub fn as_map(&self) -> &Map<String, Value> {
        &self.0
    }

    /// Whether there are no details.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `id`: the record written, or the one an error is about.
    pub fn id(&self) -> Option<RecordId> {
        self.record_id("id")
    }

    /// `job_id`: the job a scheduled operation (mass update by view) runs as.
    pub fn job_id(&self) -> Option<RecordId> {
        self.record_id("job_id")
    }

    /// `api_name`: the field an error is about.
    pub fn api_name(&self) -> Option<&str> {
        self.str("api_name")
    }

    /// `json_path`: where in the body the error is.
    pub fn json_path(&self) -> Option<&str> {
        self.str("json_path")
    }

    /// `expected_data_type`: what Zoho wanted where it found something else.
    pub fn expected_data_type(&self) -> Option<&str> {
        self.str("expected_data_type")
    }

    /// `param_name`: the request parameter an error is about.
    pub fn param_name(&self) -> Option<&str> {
        self.str("param_name")
    }

    /// `limit`: the most a call may carry (Zoho writes it as a string or a number).
    pub fn limit(&self) -> Option<u64> {
        self.number("limit")
    }

    /// `maximum_length`: the longest value a field takes.
    pub fn maximum_length(&self) -> Option<u64> {
        self.number("maximum_length")
    }

    /// `resource_path_index`: which path segment an error is about.
    pub fn resource_path_index(&self) -> Option<u64> {
        self.number("resource_path_index")
    }

    /// `duplicate_record`: the record a `DUPLICATE_DATA` error collides with.
    pub fn duplicate_record(&self) -> Option<&Value> {
        self.0.get("duplicate_record")
    }

    /// `Created_Time`, as Zoho wrote it.
    pub fn created_time(&self) -> Option<&str> {
        self.str("Created_Time")
    }

    /// `Modified_Time`, as Zoho wrote it.
    pub fn modified_time(&self) -> Option<&str> {
        self.str("Modified_Time")
    }

    /// `Created_By`.
    pub fn created_by(&self) -> Option<UserRef> {
        self.user("Created_By")
    }

    /// `Modified_By`.
    pub fn modified_by(&self) -> Option<UserRef> {
        self.user("Modified_By")
    }

    fn record_id(&self, key: &str) -> Option<RecordId> {
        match self.0.get(key)? {
            Value::String(text) => Some(RecordId::new(text.as_str())),
            Value::Number(n) if n.is_u64() || n.is_i64() => Some(RecordId::new(n.to_string())),
            _ => None,
        }
    }

    fn number(&self, key: &str) -> Option<u64> {
        match self.0.get(key)? {
            Value::Number(n) => n.as_u64(),
            Value::String(text) => text.trim().parse().ok(),
            _ => None,
        }
    }

    fn user(&self, key: &str) -> Option<UserRef> {
        UserRef::deserialize(self.0.get(key)?).ok()
    }
}

/// A record Zoho accepted.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordSuccess {
    /// Usually [`Code::Success`].
    pub code: Code,
    /// Zoho's message: `record updated`, `relation added`, …
    pub message: String,
    /// What Zoho says of the record: its `id`, times and users, or a `job_id`.
    pub details: Details,
}

impl RecordSuccess {
    /// The id of the record written, when the answer names one.
    pub fn id(&self) -> Option<RecordId> {
        self.details.id()
    }
}

/// A record Zoho refused, with everything it said about why.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("record refused with {code}: {message}")]
pub struct RecordError {
    /// What went wrong: `DUPLICATE_DATA`, `MANDATORY_NOT_FOUND`, …
    pub code: Code,
    /// Zoho's message.
    pub message: String,
    /// `api_name`, `json_path`, `expected_data_type`, `id`, … as Zoho gave them.
    pub details: Details,
}

/// What happened to one record of a call.
pub type Outcome = Result<RecordSuccess, RecordError>;

/// The per-record outcomes of a write: exactly one per record sent, in the order sent.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcomes {
    status: u16,
    items: Vec<Outcome>,
}

impl Outcomes {
    /// Outcomes as decoded from an answer with HTTP `status`.
    pub fn new(status: u16, items: Vec<Outcome>) -> Self {
        Outcomes { status, items }
    }

    /// The HTTP status of the answer (200, 201, 202, 207, or 400 when every record failed).
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Whether every record succeeded.
    pub fn all_succeeded(&self) -> bool {
        self.items.iter().all(Result::is_ok)
    }

    /// The records that succeeded, with their index in the request.
    pub fn successes(&self) -> impl Iterator<Item = (usize, &RecordSuccess)> {
        self.items
            .iter()
            .enumerate()
            .filter_map(|(i, o)| o.as_ref().ok().map(|s| (i, s)))
    }

    /// The records that failed, with their index in the request.
    pub fn failures(&self) -> impl Iterator<Item = (usize, &RecordError)> {
        self.items
            .iter()
            .enumerate()
            .filter_map(|(i, o)| o.as_ref().err().map(|e| (i, e)))
    }

    /// The outcomes as a `Vec`, one per record sent.
    pub fn into_vec(self) -> Vec<Outcome> {
        self.items
    }
}

impl Deref for Outcomes {
    type Target = [Outcome];

    fn deref(&self) -> &[Outcome] {
        &self.items
    }
}

impl IntoIterator for Outcomes {
    type Item = Outcome;
    type IntoIter = std::vec::IntoIter<Outcome>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a> IntoIterator for &'a Outcomes {
    type Item = &'a Outcome;
    type IntoIter = std::slice::Iter<'a, Outcome>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl fmt::Display for Outcomes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let failed = self.failures().count();
        write!(
            f,
            "{} records, {} succeeded, {failed} failed",
            self.len(),
            self.len() - failed
        )
    }
}

/// The shape of any Zoho answer: a `data` array, a request-level result, or both absent.
#[derive(Deserialize)]
struct Answer {
    #[serde(default)]
    data: Option<Vec<RawResult>>,
    #[serde(default)]
    code: Option<Code>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    details: Option<Details>,
}

impl Answer {
    fn split(self) -> (Option<Vec<RawResult>>, RawResult) {
        let Answer {
            data,
            code,
            message,
            status,
            details,
        } = self;
        (
            data,
            RawResult {
                code,
                message,
                status,
                details,
            },
        )
    }
}

#[derive(Deserialize, Default)]
struct RawResult {
    #[serde(default)]
    code: Option<Code>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    details: Option<Details>,
}

impl RawResult {
    fn is_error(&self) -> bool {
        match &self.status {
            Some(status) => status.eq_ignore_ascii_case("error"),
            None => self.code.as_ref().is_some_and(|c| *c != Code::Success),
        }
    }

    fn into_outcome(self) -> Option<Outcome> {
        let is_error = self.is_error();
        let code = self.code?;
        let message = self.message.unwrap_or_default();
        let details = self.details.unwrap_or_default();
        Some(if is_error {
            Err(RecordError {
                code,
                message,
                details,
            })
        } else {
            Ok(RecordSuccess {
                code,
                message,
                details,
            })
        })
    }

    fn into_api_error(self, status: u16) -> Option<Error> {
        let code = self.code?;
        Some(Error::Api {
            status,
            code,
            message: self.message.unwrap_or_default(),
            details: self.details.unwrap_or_default(),
        })
    }
}

/// Decodes a write's answer into one outcome per record sent.
///
/// `expected` is how many records (or target ids) the request carried; an answer with another
/// number of outcomes is an error that keeps the outcomes received, so no record goes unreported.
pub fn decode_outcomes(raw: &RawResponse, expected: Option<usize>) -> Result<Outcomes, Error> {
    if raw.is_no_content() {
        return check_count(raw, Outcomes::new(raw.status, Vec::new()), expected);
    }
    let (data, result) = parse::<Answer>(raw)?.split();
    let items = match data {
        Some(data) => outcomes_of(raw, data)?,
        None if result.code.is_none() => {
            return Err(unexpected(raw, "the answer has neither `data` nor `code`"));
        }
        None if result.is_error() || !raw.is_success() => return Err(api_error(raw, result)),
        None => vec![result
            .into_outcome()
            .ok_or_else(|| unexpected(raw, "no `code`"))?],
    };
    check_count(raw, Outcomes::new(raw.status, items), expected)
}

fn outcomes_of(raw: &RawResponse, data: Vec<RawResult>) -> Result<Vec<Outcome>, Error> {
    data.into_iter()
        .enumerate()
        .map(|(i, item)| {
            item.into_outcome()
                .ok_or_else(|| unexpected(raw, &format!("`data[{i}]` has no `code`")))
        })
        .collect()
}

fn check_count(
    raw: &RawResponse,
    outcomes: Outcomes,
    expected: Option<usize>,
) -> Result<Outcomes, Error> {
    match expected {
        Some(expected) if expected != outcomes.len() => Err(Error::OutcomeCount {
            status: raw.status,
            expected,
            outcomes,
        }),
        _ => Ok(outcomes),
    }
}

/// Decodes an answer into a declared response type.
///
/// Request-level Zoho errors become [`Error::Api`] whatever the status. `204 No Content` and
/// `304 Not Modified` decode `T` from `null`, so `Option<T>` answers `None`.
pub fn decode_json<T: DeserializeOwned>(raw: &RawResponse) -> Result<T, Error> {
    if raw.is_no_content() {
        return serde_json::from_slice(b"null").map_err(|e| decode_error::<T>(raw, &e));
    }
    if let Ok(result) = serde_json::from_slice::<RawResult>(&raw.body) {
        if result.code.is_some() && (result.is_error() || !raw.is_success()) {
            return Err(api_error(raw, result));
        }
    }
    if !raw.is_success() {
        return Err(unexpected(
            raw,
            "the status is not a success and the body is not a Zoho error",
        ));
    }
    if raw.body.is_empty() {
        return Err(unexpected(raw, "the body is empty"));
    }
    serde_json::from_slice(&raw.body).map_err(|e| {
        if serde_json::from_slice::<serde::de::IgnoredAny>(&raw.body).is_err() {
            unexpected(raw, &format!("the body is not JSON: {e}"))
        } else {
            decode_error::<T>(raw, &e)
        }
    })
}

fn parse<T: DeserializeOwned>(raw: &RawResponse) -> Result<T, Error> {
    if raw.body.is_empty() {
        return Err(unexpected(raw, "the body is empty"));
    }
    serde_json::from_slice(&raw.body)
        .map_err(|e| unexpected(raw, &format!("the body is not a Zoho answer: {e}")))
}

fn api_error(raw: &RawResponse, result: RawResult) -> Error {
    result
        .into_api_error(raw.status)
        .unwrap_or_else(|| unexpected(raw, "the error has no `code`"))
}

fn unexpected(raw: &RawResponse, reason: &str) -> Error {
    Error::UnexpectedBody {
        status: raw.status,
        reason: reason.to_owned(),
        body_start: raw.body_start(),
    }
}

fn decode_error<T>(raw: &RawResponse, error: &serde_json::Error) -> Error {
    Error::Decode {
        status: raw.status,
        type_name: std::any::type_name::<T>(),
        reason: error.to_string(),
        body_start: raw.body_start(),
    }
}
