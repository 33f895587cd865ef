//! What the fuzz targets share: how an input becomes an answer, the endpoints they render, and
//! the checks of each promise.

use percent_encoding::percent_decode_str;
use serde::Deserialize;
use zoho_runtime::endpoint::RawResponse;
use zoho_runtime::{zoho_endpoint, Details, Error, Json, Outcome, Outcomes, RecordId, UserRef};

/// How many characters of a body an error may quote: 512 bytes' worth and an ellipsis.
const MAX_BODY_START_CHARS: usize = 513;

/// Splits a fuzz input into an answer and the count of records the request carried: two bytes
/// of status (little-endian), one byte of count (`0` is none, `n` is `n - 1`), then the body.
pub fn answer_input(data: &[u8]) -> (RawResponse, Option<usize>) {
    let status = match data {
        [lo, hi, ..] => u16::from_le_bytes([*lo, *hi]),
        _ => 200,
    };
    let expected = match data.get(2) {
        Some(0) | None => None,
        Some(n) => Some(usize::from(*n) - 1),
    };
    let body = data.get(3..).unwrap_or_default().to_vec();
    (RawResponse::new(status, body), expected)
}

/// The promises of `decode_outcomes`: exactly `expected` outcomes when it succeeds, the
/// answer's status kept, only answer-decoding errors.
pub fn check_outcomes(raw: &RawResponse, expected: Option<usize>, result: Result<Outcomes, Error>) {
    match result {
        Ok(outcomes) => {
            assert_eq!(outcomes.status(), raw.status);
            if let Some(n) = expected {
                assert_eq!(outcomes.len(), n, "Ok with another number of outcomes");
            }
            if raw.status == 204 || raw.status == 304 {
                assert!(
                    outcomes.is_empty(),
                    "outcomes from an answer without content"
                );
            }
            let failed = outcomes.failures().count();
            assert_eq!(failed + outcomes.successes().count(), outcomes.len());
            let _ = outcomes.to_string();
            for outcome in outcomes.iter() {
                touch_outcome(outcome);
            }
        }
        Err(error) => {
            if let Error::OutcomeCount {
                expected: said,
                outcomes,
                ..
            } = &error
            {
                assert_eq!(
                    Some(*said),
                    expected,
                    "OutcomeCount without an expected count"
                );
                assert_ne!(
                    outcomes.len(),
                    *said,
                    "OutcomeCount with the expected count"
                );
            }
            check_error(raw, &error, true);
        }
    }
}

/// An error from decoding an answer: one of the answer variants, with the answer's status, a
/// bounded quote of the body, and a `Display` that works.
pub fn check_error(raw: &RawResponse, error: &Error, outcome_count_allowed: bool) {
    match error {
        Error::Api {
            status, details, ..
        } => {
            assert_eq!(*status, raw.status);
            touch_details(details);
        }
        Error::UnexpectedBody {
            status, body_start, ..
        }
        | Error::Decode {
            status, body_start, ..
        } => {
            assert_eq!(*status, raw.status);
            assert!(
                body_start.chars().count() <= MAX_BODY_START_CHARS,
                "an error quotes {} characters of the body",
                body_start.chars().count()
            );
        }
        Error::OutcomeCount { status, .. } if outcome_count_allowed => {
            assert_eq!(*status, raw.status);
        }
        other => panic!("decoding an answer gave an error of another kind: {other:?}"),
    }
    assert_eq!(error.status(), Some(raw.status));
    let _ = error.to_string();
}

/// Reads everything an outcome offers.
pub fn touch_outcome(outcome: &Outcome) {
    match outcome {
        Ok(success) => {
            let _ = success.id();
            touch_details(&success.details);
        }
        Err(failure) => {
            let _ = failure.to_string();
            touch_details(&failure.details);
        }
    }
}

/// Calls every typed accessor of `details`.
pub fn touch_details(details: &Details) {
    let _ = (
        details.id(),
        details.job_id(),
        details.api_name(),
        details.json_path(),
    );
    let _ = (
        details.expected_data_type(),
        details.param_name(),
        details.limit(),
    );
    let _ = (details.maximum_length(), details.resource_path_index());
    let _ = (
        details.duplicate_record(),
        details.created_time(),
        details.modified_time(),
    );
    let _ = (details.created_by(), details.modified_by());
}

/// A declared response type of the kind a `GET` of records has.
#[derive(Debug, Deserialize)]
pub struct RecordsPage {
    data: Vec<Record>,
    #[serde(default)]
    info: Option<PageInfo>,
}

/// One record of a page.
#[derive(Debug, Deserialize)]
pub struct Record {
    id: RecordId,
    #[serde(rename = "Owner", default)]
    owner: Option<UserRef>,
    #[serde(rename = "Modified_Time", default)]
    modified_time: Option<String>,
    #[serde(flatten)]
    other: serde_json::Map<String, Json>,
}

/// The `info` beside a page of records.
#[derive(Debug, Deserialize)]
pub struct PageInfo {
    per_page: Option<u32>,
    count: Option<u64>,
    page: Option<u32>,
    more_records: Option<bool>,
}

impl RecordsPage {
    /// Reads every field.
    pub fn touch(&self) {
        for record in &self.data {
            let _ = (
                record.id.as_str(),
                &record.owner,
                &record.modified_time,
                record.other.len(),
            );
        }
        if let Some(info) = &self.info {
            let _ = (info.per_page, info.count, info.page, info.more_records);
        }
    }
}

/// A `GET` with a path value, a list and two single query values, and a header: every place a
/// value of the caller's goes into a request.
#[zoho_endpoint(GET "/Leads/<id>/Notes", scope = "ZohoCRM.modules.leads.READ", version = "v8")]
pub struct LeadNotes {
    /// The lead.
    pub id: String,
    /// `fields=a,b`
    #[zoho(query)]
    pub fields: Vec<String>,
    /// `sort_by=…`
    #[zoho(query = "sort_by")]
    pub sort: Option<String>,
    /// `page=…`
    #[zoho(query)]
    pub page: Option<u32>,
    /// `If-Modified-Since: …`
    #[zoho(header = "If-Modified-Since")]
    pub since: Option<String>,
}

/// One part of a rendered path as it must be.
#[derive(Debug)]
pub enum Expect<'a> {
    /// Literal text, as declared.
    Fixed(&'a str),
    /// A caller's value, percent-encoded.
    Value(&'a str),
}

/// Whether the runtime refuses `value` as a path segment: empty, `.` or `..`.
pub fn refused_path_value(value: &str) -> bool {
    value.is_empty() || value == "." || value == ".."
}

/// Whether the runtime refuses `value` as a header value: a byte the HTTP layer would not send
/// (control characters but tab, DEL), so a value can never write headers of its own.
pub fn refused_header_value(value: &str) -> bool {
    value.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f)
}

/// Checks a prepared URL: it parses as it was written (no normalisation by a URL parser), its
/// path has exactly the `expected` segments, and each value segment is the value encoded with
/// RFC 3986's unreserved characters left as they are, decoding back to the value.
pub fn check_url(url: &str, expected: &[Expect<'_>]) -> url::Url {
    let parsed = url::Url::parse(url).unwrap_or_else(|e| panic!("{url:?} does not parse: {e}"));
    assert_eq!(parsed.as_str(), url, "the URL parser rewrote the URL");
    let path = parsed.path();
    let segments: Vec<&str> = path.strip_prefix('/').unwrap_or(path).split('/').collect();
    assert_eq!(segments.len(), expected.len(), "segments of {path:?}");
    for (segment, expect) in segments.iter().zip(expected) {
        match expect {
            Expect::Fixed(text) => assert_eq!(segment, text),
            Expect::Value(value) => {
                assert_encoded(segment);
                let decoded = percent_decode_str(segment).decode_utf8().unwrap();
                assert_eq!(
                    decoded, *value,
                    "the segment {segment:?} does not decode back"
                );
            }
        }
    }
    parsed
}

/// The text is made of unreserved characters and `%XX` escapes only.
pub fn assert_encoded(text: &str) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).unwrap_or_default();
                assert!(
                    hex.len() == 2 && hex.iter().all(u8::is_ascii_hexdigit),
                    "a bad escape in {text:?}"
                );
                i += 3;
            }
            b if b.is_ascii_alphanumeric() || b"-._~".contains(&b) => i += 1,
            b => panic!("{:?} is left unencoded in {text:?}", b as char),
        }
    }
}

/// The query of a URL as parameter names and raw (still encoded) values, in order.
pub fn raw_query(url: &url::Url) -> Vec<(&str, &str)> {
    url.query()
        .map(|q| {
            q.split('&')
                .map(|pair| pair.split_once('=').expect("a query pair without `=`"))
                .collect()
        })
        .unwrap_or_default()
}

/// Decodes one encoded query value (or list item), checking its encoding.
pub fn decode_query_value(text: &str) -> String {
    assert_encoded(text);
    percent_decode_str(text)
        .decode_utf8()
        .expect("a query value decodes to UTF-8")
        .into_owned()
}
