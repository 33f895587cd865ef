//! Zoho-shaped JSON answers: request-level errors, per-record outcomes and the HTTP status that
//! a write with several records gets.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// Zoho's content type, charset included, as its servers send it.
pub(crate) const JSON_CONTENT_TYPE: &str = "application/json;charset=utf-8";

/// An HTTP answer: a status and an optional JSON body (`None` for `204 No Content`).
#[derive(Debug, Clone)]
pub(crate) struct Answer {
    pub status: StatusCode,
    pub body: Option<Value>,
    /// A file answered instead of JSON (`crate::files`), boxed to keep answers small.
    pub file: Option<Box<crate::files::FileAnswer>>,
    /// A JSON body already written ([`OutcomeWriter`]), answered instead of `body`.
    pub written: Option<Vec<u8>>,
}

impl Answer {
    /// An answer with a JSON body.
    pub(crate) fn json(status: StatusCode, body: Value) -> Self {
        Answer {
            status,
            body: Some(body),
            file: None,
            written: None,
        }
    }

    /// `204 No Content`: a read that found nothing.
    pub(crate) fn no_content() -> Self {
        Answer {
            status: StatusCode::NO_CONTENT,
            body: None,
            file: None,
            written: None,
        }
    }

    /// `304 Not Modified`: nothing changed since `If-Modified-Since`.
    pub(crate) fn not_modified() -> Self {
        Answer {
            status: StatusCode::NOT_MODIFIED,
            body: None,
            file: None,
            written: None,
        }
    }

    /// `{"data": items}` with `status`.
    pub(crate) fn data(status: StatusCode, items: Vec<Value>) -> Self {
        Answer::json(status, object([("data", Value::Array(items))]))
    }

    /// The JSON body, whether held as a value or already written.
    pub(crate) fn json_body(&self) -> Option<Value> {
        match &self.written {
            Some(bytes) => serde_json::from_slice(bytes).ok(),
            None => self.body.clone(),
        }
    }
}

/// A JSON object of these entries, the values moved in. (`json!` serialises each value it is
/// given into a new one, a deep copy of every `Value` passed to it.)
pub(crate) fn object<const N: usize>(entries: [(&str, Value); N]) -> Value {
    Value::Object(
        entries
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value))
            .collect(),
    )
}

impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        if let Some(file) = self.file {
            return (*file).into_response();
        }
        if let Some(bytes) = self.written {
            return json_response(self.status, bytes);
        }
        match self.body {
            None => self.status.into_response(),
            Some(body) => {
                // A `Value` always serialises; the arm only keeps this free of panics.
                let Ok(bytes) = serde_json::to_vec(&body) else {
                    return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                };
                json_response(self.status, bytes)
            }
        }
    }
}

fn json_response(status: StatusCode, bytes: Vec<u8>) -> Response {
    let mut response = (status, bytes).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(JSON_CONTENT_TYPE),
    );
    response
}

/// A request-level error: the four keys at the top of the body, no `data`.
pub(crate) fn error(status: StatusCode, code: &str, message: &str, details: Value) -> Answer {
    Answer::json(status, error_body(code, message, details))
}

/// The body of an error, used at the top level and per record alike.
pub(crate) fn error_body(code: &str, message: &str, details: Value) -> Value {
    object([
        ("code", code.into()),
        ("details", details),
        ("message", message.into()),
        ("status", "error".into()),
    ])
}

/// A per-record success.
pub(crate) fn success_body(message: &str, details: Value) -> Value {
    object([
        ("code", "SUCCESS".into()),
        ("details", details),
        ("message", message.into()),
        ("status", "success".into()),
    ])
}

/// 404: the path matches nothing the API serves.
pub(crate) fn invalid_url() -> Answer {
    error(
        StatusCode::NOT_FOUND,
        "INVALID_URL_PATTERN",
        "Please check if the URL trying to access is a correct one",
        json!({}),
    )
}

/// 400: the path exists but not for this method (seeds 002 and 004 `COPY`).
pub(crate) fn invalid_method() -> Answer {
    error(
        StatusCode::BAD_REQUEST,
        "INVALID_REQUEST_METHOD",
        "The http request method type is not a valid one",
        json!({}),
    )
}

/// 400: no such module (seed 002, `PUT /crm/v2/Lead/…`).
pub(crate) fn invalid_module() -> Answer {
    error(
        StatusCode::BAD_REQUEST,
        "INVALID_MODULE",
        "the module name given seems to be invalid",
        json!({}),
    )
}

/// 401: no credentials at all (seed 004).
pub(crate) fn authentication_failure() -> Answer {
    error(
        StatusCode::UNAUTHORIZED,
        "AUTHENTICATION_FAILURE",
        "Authentication failed",
        json!({}),
    )
}

/// 401: a token that is unknown, expired or revoked.
pub(crate) fn invalid_token() -> Answer {
    error(
        StatusCode::UNAUTHORIZED,
        "INVALID_TOKEN",
        "invalid oauth token",
        json!({}),
    )
}

/// 401: the token lacks a scope the URL needs (seed 002).
pub(crate) fn scope_mismatch() -> Answer {
    error(
        StatusCode::UNAUTHORIZED,
        "OAUTH_SCOPE_MISMATCH",
        "invalid oauth scope to access this URL",
        json!({}),
    )
}

/// 500: the answer of an injected server fault.
pub(crate) fn internal_error() -> Answer {
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "INTERNAL_ERROR",
        "Internal Server Error",
        json!({}),
    )
}

/// 429: the concurrency limit or the credit budget is spent.
pub(crate) fn too_many_requests() -> Answer {
    error(
        StatusCode::TOO_MANY_REQUESTS,
        "TOO_MANY_REQUESTS",
        "too many requests; the concurrency limit of the organisation is exceeded, try after some time",
        json!({}),
    )
}

/// 400: a body that is not a JSON object (seed 002).
pub(crate) fn body_not_object() -> Answer {
    error(
        StatusCode::BAD_REQUEST,
        "INVALID_DATA",
        "body",
        json!({ "expected_data_type": "jsonobject" }),
    )
}

/// 400: more items than one call may carry.
pub(crate) fn limit_exceeded(limit: usize, param: &str) -> Answer {
    error(
        StatusCode::BAD_REQUEST,
        "LIMIT_EXCEEDED",
        "limit exceeded",
        json!({ "limit": limit.to_string(), "param_name": param }),
    )
}

/// 400: a query parameter the call needs is absent.
pub(crate) fn required_param_missing(param: &str) -> Answer {
    error(
        StatusCode::BAD_REQUEST,
        "REQUIRED_PARAM_MISSING",
        "One of the expected parameter is missing",
        json!({ "param": param }),
    )
}

/// 400: a query parameter has a value the call cannot use.
pub(crate) fn invalid_param(param: &str) -> Answer {
    error(
        StatusCode::BAD_REQUEST,
        "INVALID_DATA",
        "invalid data",
        json!({ "param_name": param }),
    )
}

/// 400: the body lacks a key the call needs (`data`, `ids`).
pub(crate) fn mandatory_body_key(api_name: &str) -> Answer {
    error(
        StatusCode::BAD_REQUEST,
        "MANDATORY_NOT_FOUND",
        "required field not found",
        json!({ "api_name": api_name }),
    )
}

/// The outcome of one record of a write, with the status the call gets when it is the only one.
#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    pub body: Value,
    ok: bool,
    alone: StatusCode,
}

impl Outcome {
    /// A success.
    pub(crate) fn ok(message: &str, details: Value) -> Self {
        Outcome {
            body: success_body(message, details),
            ok: true,
            alone: StatusCode::OK,
        }
    }

    /// A failure answered `202 Accepted` when it is the only record (seed 002).
    pub(crate) fn err(code: &str, message: &str, details: Value) -> Self {
        Outcome {
            body: error_body(code, message, details),
            ok: false,
            alone: StatusCode::ACCEPTED,
        }
    }

    /// A failure answered `400 Bad Request` even alone (seeds 001 and 003 error tables).
    pub(crate) fn err_400(code: &str, message: &str, details: Value) -> Self {
        Outcome {
            alone: StatusCode::BAD_REQUEST,
            ..Outcome::err(code, message, details)
        }
    }

    /// `INVALID_DATA` for an id that names no record.
    pub(crate) fn invalid_id(id: &str) -> Self {
        Outcome::err(
            "INVALID_DATA",
            "the id given seems to be invalid",
            json!({ "id": id }),
        )
    }

    /// Whether the record succeeded.
    pub(crate) fn is_ok(&self) -> bool {
        self.ok
    }
}

/// The answer to a write: every success → `success`; a mix → 207; all failed → the lone
/// record's own status, or 400 when several records all failed.
pub(crate) fn write_answer(outcomes: Vec<Outcome>, success: StatusCode) -> Answer {
    let oks = outcomes.iter().filter(|o| o.ok).count();
    let status = if oks == outcomes.len() {
        success
    } else if oks > 0 {
        StatusCode::MULTI_STATUS
    } else if outcomes.len() == 1 {
        outcomes[0].alone
    } else {
        StatusCode::BAD_REQUEST
    };
    Answer::data(status, outcomes.into_iter().map(|o| o.body).collect())
}

/// The answer to a write, its outcomes written into the body's bytes as they come: a success
/// reads its details from the record written, with no `Value` made for it.
///
/// The bytes are those [`write_answer`] answers (keys in the order a `serde_json::Map` keeps
/// them, sorted), and so is the status.
#[derive(Debug)]
pub(crate) struct OutcomeWriter {
    bytes: Vec<u8>,
    count: usize,
    oks: usize,
    /// The status of the first outcome, which the call gets when it is the only one.
    first_alone: StatusCode,
}

impl OutcomeWriter {
    /// A writer for about `records` outcomes.
    pub(crate) fn new(records: usize) -> Self {
        let mut bytes = Vec::with_capacity(16 + records * 320);
        bytes.extend_from_slice(b"{\"data\":[");
        OutcomeWriter {
            bytes,
            count: 0,
            oks: 0,
            first_alone: StatusCode::OK,
        }
    }

    fn next(&mut self, ok: bool, alone: StatusCode) {
        if self.count > 0 {
            self.bytes.push(b',');
        } else {
            self.first_alone = alone;
        }
        self.count += 1;
        self.oks += usize::from(ok);
    }

    /// An outcome held as a value.
    pub(crate) fn push(&mut self, outcome: Outcome) {
        self.next(outcome.ok, outcome.alone);
        self.value(&outcome.body);
    }

    /// The success of a write of the record `id`, its details as `write_details` shows them.
    pub(crate) fn success(&mut self, message: &str, id: u64, fields: &crate::store::Fields) {
        self.next(true, StatusCode::OK);
        let field = |name: &str| fields.get(name).unwrap_or(&Value::Null);
        self.bytes
            .extend_from_slice(b"{\"code\":\"SUCCESS\",\"details\":{\"Created_By\":");
        self.value(field("Created_By"));
        self.bytes.extend_from_slice(b",\"Created_Time\":");
        self.value(field("Created_Time"));
        self.bytes.extend_from_slice(b",\"Modified_By\":");
        self.value(field("Modified_By"));
        self.bytes.extend_from_slice(b",\"Modified_Time\":");
        self.value(field("Modified_Time"));
        self.bytes.extend_from_slice(b",\"id\":\"");
        self.bytes
            .extend_from_slice(itoa_u64(id, &mut [0; 20]).as_bytes());
        self.bytes.extend_from_slice(b"\"},\"message\":");
        self.text(message);
        self.bytes.extend_from_slice(b",\"status\":\"success\"}");
    }

    fn value(&mut self, value: &Value) {
        // Writing a `Value` into a `Vec` cannot fail.
        let _ = serde_json::to_writer(&mut self.bytes, value);
    }

    fn text(&mut self, text: &str) {
        let _ = serde_json::to_writer(&mut self.bytes, text);
    }

    /// The answer, with the status [`write_answer`] gives these outcomes.
    pub(crate) fn finish(mut self, success: StatusCode) -> Answer {
        self.bytes.extend_from_slice(b"]}");
        let status = if self.oks == self.count {
            success
        } else if self.oks > 0 {
            StatusCode::MULTI_STATUS
        } else if self.count == 1 {
            self.first_alone
        } else {
            StatusCode::BAD_REQUEST
        };
        Answer {
            status,
            body: None,
            file: None,
            written: Some(self.bytes),
        }
    }
}

/// The decimal digits of `n`, written into `buf`.
fn itoa_u64(mut n: u64, buf: &mut [u8; 20]) -> &str {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    std::str::from_utf8(&buf[at..]).unwrap_or("0")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::write_details;

    fn fields() -> crate::store::Fields {
        json!({
            "Created_By": {"name": "Patricia Boyle", "id": "738964000000291009"},
            "Created_Time": "2024-01-02T03:04:05+00:00",
            "Modified_By": {"name": "Patricia \"B\"", "id": "1"},
            "Modified_Time": "2024-01-02T03:04:06+00:00",
            "Last_Name": "A",
        })
        .as_object()
        .unwrap()
        .clone()
    }

    fn both(outcomes: &[(bool, u64)], make: impl Fn(u64) -> Outcome) -> (Answer, Answer) {
        let fields = fields();
        let mut writer = OutcomeWriter::new(outcomes.len());
        let mut values = Vec::new();
        for (ok, id) in outcomes {
            if *ok {
                writer.success("record updated", *id, &fields);
                values.push(Outcome::ok("record updated", write_details(*id, &fields)));
            } else {
                writer.push(make(*id));
                values.push(make(*id));
            }
        }
        (
            writer.finish(StatusCode::OK),
            write_answer(values, StatusCode::OK),
        )
    }

    #[test]
    fn written_outcomes_are_the_bytes_and_status_of_write_answer() {
        let cases: Vec<Vec<(bool, u64)>> = vec![
            vec![(true, 5_725_767_000_000_100_003)],
            vec![(false, 1)],
            vec![(true, 0), (false, 2), (true, u64::MAX)],
            vec![(false, 1), (false, 2)],
        ];
        for case in cases {
            for make in [
                (|id: u64| Outcome::invalid_id(&id.to_string())) as fn(u64) -> Outcome,
                |_| Outcome::err_400("X", "y", json!({})),
            ] {
                let (written, by_value) = both(&case, make);
                assert_eq!(written.status, by_value.status);
                let expected = serde_json::to_vec(&by_value.body.unwrap()).unwrap();
                assert_eq!(
                    String::from_utf8(written.written.unwrap()).unwrap(),
                    String::from_utf8(expected).unwrap()
                );
            }
        }
    }
}
