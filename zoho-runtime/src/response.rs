//! Decoding Zoho's answers: per-record outcomes, request-level errors, and declared response
//! types.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::code::Code;
use crate::error::Error;
use crate::outcome::{Action, Details, Outcome, Outcomes, RecordError, RecordSuccess};

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
    /// The `Content-Disposition` header of a file's answer, when there was one.
    pub content_disposition: Option<String>,
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
            content_disposition: None,
            body: body.into(),
        }
    }

    /// The first bytes of the body as text, for error messages.
    pub fn body_start(&self) -> String {
        body_start(&self.body)
    }

    /// Zoho's code at the top of an error answer, for spans, retry events and the token check.
    pub(crate) fn answer_code(&self) -> Option<Code> {
        #[derive(serde::Deserialize)]
        struct Head {
            code: Option<Code>,
        }
        if self.status < 300 {
            return None;
        }
        serde_json::from_slice::<Head>(&self.body).ok()?.code
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

/// The shape of any Zoho answer: a `data` array, a request-level result, or both absent.
///
/// The settings APIs answer a write under the name of what they write instead of `data`
/// (`{"fields": [{"code": "SUCCESS", …}]}`, `"modules"`, `"layouts"`): a lone array at the
/// top, beside no `data`, is taken as the outcomes.
#[derive(Deserialize)]
struct Answer {
    #[serde(default)]
    data: Option<Vec<RawResult>>,
    #[serde(flatten)]
    named: std::collections::BTreeMap<String, serde_json::Value>,
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
            named,
            code,
            message,
            status,
            details,
        } = self;
        (
            data.or_else(|| lone_array(named)),
            RawResult {
                code,
                message,
                status,
                details,
                action: None,
            },
        )
    }
}

/// The one array of an answer that has no `data`, when it is one of results.
fn lone_array(
    named: std::collections::BTreeMap<String, serde_json::Value>,
) -> Option<Vec<RawResult>> {
    let mut arrays = named.into_values().filter(serde_json::Value::is_array);
    let only = arrays.next()?;
    if arrays.next().is_some() {
        return None;
    }
    let items: Vec<RawResult> = serde_json::from_value(only).ok()?;
    items
        .iter()
        .all(|item| item.code.is_some())
        .then_some(items)
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
    /// An upsert's `insert` or `update`; any other value is not this key.
    #[serde(default, deserialize_with = "lenient_text")]
    action: Option<String>,
}

/// A string, or `None` for any other value, so an odd `action` never fails an answer.
fn lenient_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(value.as_str().map(str::to_owned))
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
                action: self.action.as_deref().map(Action::parse),
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
    let Some(expected) = expected.filter(|n| *n != outcomes.len()) else {
        return Ok(outcomes);
    };
    // One error for a request of several records is Zoho refusing the request as a whole
    // (mass update's "No field found"): it applies to every record, so it is a request error.
    if let [Err(error)] = &outcomes[..] {
        return Err(Error::Api {
            status: raw.status,
            code: error.code.clone(),
            message: error.message.clone(),
            details: error.details.clone(),
        });
    }
    Err(Error::OutcomeCount {
        status: raw.status,
        expected,
        outcomes,
    })
}

/// Decodes an answer into a declared response type.
///
/// Request-level Zoho errors become [`Error::Api`] whatever the status. `204 No Content` and
/// `304 Not Modified` decode `T` from `null`, so `Option<T>` answers `None`. A `400` that
/// refuses every item of a write, one error each under `data` or under the resource's own key
/// (`{"users": […]}`), decodes `T` too: the refusals are the items' outcomes, as they are
/// when only some items fail.
pub fn decode_json<T: DeserializeOwned>(raw: &RawResponse) -> Result<T, Error> {
    if raw.is_no_content() {
        return serde_json::from_slice(b"null").map_err(|e| decode_error::<T>(raw, &e));
    }
    if let Ok(result) = serde_json::from_slice::<RawResult>(&raw.body) {
        if result.code.is_some() && (result.is_error() || !raw.is_success()) {
            return Err(api_error(raw, result));
        }
    }
    if !raw.is_success() && !every_item_refused(raw) {
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

/// Whether the answer is Zoho's to a write whose every item failed: `400` with one outcome
/// per item, each an error, under `data` or under the resource's own key
/// (`{"users": [{"code": "DUPLICATE_DATA", "status": "error", …}]}`, or a single one:
/// `{"fiscal_year": {…}}`), that key the only one. The declared type
/// decodes it, so each item's refusal reaches the caller as typed as a success would.
fn every_item_refused(raw: &RawResponse) -> bool {
    if raw.status != 400 {
        return false;
    }
    let Ok(answer) = serde_json::from_slice::<Answer>(&raw.body) else {
        return false;
    };
    if let Some(items) = &answer.data {
        return !items.is_empty() && items.iter().all(RawResult::is_error);
    }
    if answer.code.is_some() || answer.named.len() != 1 {
        return false;
    }
    // The one key holds a list of results, or a single one (`{"fiscal_year": {…}}`).
    let items = match answer.named.values().next() {
        Some(one @ serde_json::Value::Object(_)) => serde_json::from_value(one.clone())
            .ok()
            .filter(|one: &RawResult| one.code.is_some())
            .map(|one| vec![one]),
        _ => lone_array(answer.named),
    };
    items.is_some_and(|items| !items.is_empty() && items.iter().all(RawResult::is_error))
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
    // A read that found nothing answers `204` with no body; say how to declare for it.
    let reason = match raw.status {
        204 => format!(
            "{error}: Zoho answered 204 No Content (nothing matched), which only a type that \
             decodes from nothing takes; declare `response = Option<…>`, or `Page<…>` for a list"
        ),
        _ => error.to_string(),
    };
    Error::Decode {
        status: raw.status,
        type_name: std::any::type_name::<T>(),
        reason,
        body_start: raw.body_start(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Json;

    fn raw(status: u16, body: &str) -> RawResponse {
        RawResponse::new(status, body.as_bytes().to_vec())
    }

    fn unexpected_reason(result: Result<Outcomes, Error>) -> (u16, String, String) {
        match result {
            Err(Error::UnexpectedBody {
                status,
                reason,
                body_start,
            }) => (status, reason, body_start),
            other => panic!("expected UnexpectedBody, got {other:?}"),
        }
    }

    #[test]
    fn a_400_refusing_every_item_decodes_the_declared_type() {
        let refused = r#"{"users":[{"code":"DUPLICATE_DATA","details":{"api_name":"email"},"message":"duplicate data","status":"error"},
            {"code":"INVALID_DATA","details":{"api_name":"role"},"message":"invalid data","status":"error"}]}"#;
        let answer: Json = decode_json(&raw(400, refused)).unwrap();
        assert_eq!(answer["users"][1]["code"], "INVALID_DATA");
        let under_data = r#"{"data":[{"code":"MANDATORY_NOT_FOUND","details":{"api_name":"Last_Name"},"message":"required field not found","status":"error"}]}"#;
        let answer: Json = decode_json(&raw(400, under_data)).unwrap();
        assert_eq!(answer["data"][0]["code"], "MANDATORY_NOT_FOUND");

        let single = r#"{"fiscal_year":{"code":"INVALID_DATA","details":{"api_name":"start_month"},"message":"invalid data","status":"error"}}"#;
        let answer: Json = decode_json(&raw(400, single)).unwrap();
        assert_eq!(answer["fiscal_year"]["code"], "INVALID_DATA");

        // Anything else on a 400 stays an error: a success among the items, no items, other
        // arrays beside them, a single success or not a result, or another status.
        let mixed = r#"{"users":[{"code":"SUCCESS","details":{},"message":"ok","status":"success"},
            {"code":"INVALID_DATA","details":{},"message":"invalid data","status":"error"}]}"#;
        let none = r#"{"users":[]}"#;
        let single_success = r#"{"fiscal_year":{"code":"SUCCESS","status":"success"}}"#;
        let not_a_result = r#"{"fiscal_year":{"start_month":"April"}}"#;
        let two = r#"{"users":[{"code":"INVALID_DATA","status":"error"}],"info":[{"code":"X","status":"error"}]}"#;
        for (status, body) in [
            (400, mixed),
            (400, none),
            (400, two),
            (400, single_success),
            (400, not_a_result),
            (500, refused),
            (401, refused),
        ] {
            assert!(
                matches!(
                    decode_json::<Json>(&raw(status, body)),
                    Err(Error::UnexpectedBody { .. })
                ),
                "{status} {body}"
            );
        }
    }

    #[test]
    fn a_settings_write_answers_under_the_name_of_what_it_writes() {
        let body = r#"{"fields":[{"code":"SUCCESS","details":{"id":"1"},"message":"field created","status":"success"},
            {"code":"DUPLICATE_DATA","details":{"api_name":"field_label"},"message":"duplicate data","status":"error"}]}"#;
        let outcomes = decode_outcomes(&raw(207, body), Some(2)).unwrap();
        assert_eq!(outcomes.len(), 2);
        assert!(outcomes[0].is_ok());
        assert_eq!(
            outcomes[1].as_ref().unwrap_err().code.as_str(),
            "DUPLICATE_DATA"
        );
        let not_results = r#"{"fields":[{"api_name":"Last_Name"}]}"#;
        assert!(decode_outcomes(&raw(200, not_results), None).is_err());
    }

    #[test]
    fn mixed_answer_keeps_order_and_details() {
        let body = r#"{"data":[
            {"code":"SUCCESS","details":{"id":"580845000003654076","Modified_By":{"name":"Patricia boyle","id":"554023000000497007"}},"message":"record updated","status":"success"},
            {"code":"INVALID_DATA","details":{"id":"554023000000497021"},"message":"the id given seems to be invalid","status":"error"}]}"#;
        let outcomes = decode_outcomes(&raw(207, body), Some(2)).unwrap();
        assert_eq!(outcomes.status(), 207);
        let first = outcomes[0].as_ref().unwrap();
        assert_eq!(first.id().unwrap(), "580845000003654076");
        assert_eq!(
            first.details.modified_by().unwrap().id,
            "554023000000497007"
        );
        let second = outcomes[1].as_ref().unwrap_err();
        assert_eq!(second.code, Code::InvalidData);
        assert_eq!(second.details.id().unwrap(), "554023000000497021");
        assert_eq!(outcomes.failures().map(|(i, _)| i).collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn request_level_error_is_err_with_everything() {
        let body = r#"{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}"#;
        match decode_outcomes(&raw(401, body), Some(1)) {
            Err(Error::Api {
                status,
                code,
                message,
                details,
            }) => {
                assert_eq!(
                    (status, code, message.as_str()),
                    (401, Code::InvalidToken, "invalid oauth token")
                );
                assert!(details.is_empty());
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn status_error_with_200_is_still_an_error() {
        let body = r#"{"code":"INTERNAL_ERROR","details":{},"message":"boom","status":"error"}"#;
        let err = decode_outcomes(&raw(200, body), None).unwrap_err();
        assert_eq!(err.code(), Some(&Code::InternalError));
        assert_eq!(err.status(), Some(200));
        let err = decode_json::<Json>(&raw(200, body)).unwrap_err();
        assert_eq!(err.code(), Some(&Code::InternalError));
    }

    #[test]
    fn all_records_failed_with_400_is_ok_per_record() {
        let body = r#"{"data":[{"code":"MANDATORY_NOT_FOUND","details":{"api_name":"Last_Name"},"message":"required field not found","status":"error"},
            {"code":"INVALID_DATA","details":{"api_name":"Email","json_path":"$.data[1].Email","expected_data_type":"email"},"message":"invalid data","status":"error"}]}"#;
        let outcomes = decode_outcomes(&raw(400, body), Some(2)).unwrap();
        let second = outcomes[1].as_ref().unwrap_err();
        assert_eq!(second.details.json_path(), Some("$.data[1].Email"));
        assert_eq!(second.details.expected_data_type(), Some("email"));
        assert!(!outcomes.all_succeeded());
    }

    #[test]
    fn no_content_is_empty_success() {
        assert!(decode_outcomes(&raw(204, ""), None).unwrap().is_empty());
        assert_eq!(decode_json::<Option<Json>>(&raw(204, "")).unwrap(), None);
        assert_eq!(decode_json::<Option<Json>>(&raw(304, "")).unwrap(), None);
    }

    #[test]
    fn no_content_for_records_sent_loses_nothing_silently() {
        match decode_outcomes(&raw(204, ""), Some(3)) {
            Err(Error::OutcomeCount {
                expected: 3,
                outcomes,
                ..
            }) => assert!(outcomes.is_empty()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn no_content_for_a_plain_type_says_what_to_declare() {
        let err = decode_json::<std::collections::HashMap<String, u8>>(&raw(204, "")).unwrap_err();
        assert!(matches!(err, Error::Decode { status: 204, .. }), "{err:?}");
        assert!(err.to_string().contains("response = Option<…>"), "{err}");
    }

    #[test]
    fn html_page_keeps_status_and_body_start() {
        let (status, reason, start) = unexpected_reason(decode_outcomes(
            &raw(502, "<html><body>Bad Gateway</body></html>"),
            Some(1),
        ));
        assert_eq!(status, 502);
        assert!(reason.contains("not a Zoho answer"), "{reason}");
        assert!(start.starts_with("<html><body>Bad Gateway"));
    }

    #[test]
    fn empty_body_with_200_is_an_error() {
        let (status, reason, _) = unexpected_reason(decode_outcomes(&raw(200, ""), Some(1)));
        assert_eq!((status, reason.as_str()), (200, "the body is empty"));
        assert!(matches!(
            decode_json::<Json>(&raw(200, "")),
            Err(Error::UnexpectedBody { .. })
        ));
    }

    #[test]
    fn truncated_body_is_an_error() {
        let (_, _, start) = unexpected_reason(decode_outcomes(
            &raw(200, r#"{"data":[{"code":"SUCC"#),
            Some(1),
        ));
        assert_eq!(start, r#"{"data":[{"code":"SUCC"#);
    }

    #[test]
    fn non_utf8_body_is_an_error() {
        let raw = RawResponse::new(200, vec![0xff, 0xfe, b'{', 0x80]);
        assert!(matches!(
            decode_outcomes(&raw, None),
            Err(Error::UnexpectedBody { .. })
        ));
        assert!(matches!(
            decode_json::<Json>(&raw),
            Err(Error::UnexpectedBody { .. })
        ));
    }

    #[test]
    fn long_body_start_is_cut() {
        let body = "x".repeat(10_000);
        let (_, _, start) = unexpected_reason(decode_outcomes(&raw(500, &body), None));
        assert_eq!(start.chars().count(), BODY_START + 1);
    }

    #[test]
    fn fewer_outcomes_than_records_is_an_error_that_keeps_them() {
        let body = r#"{"data":[{"code":"SUCCESS","details":{"id":"1"},"message":"record added","status":"success"},
            {"code":"SUCCESS","details":{"id":"2"},"message":"record added","status":"success"}]}"#;
        match decode_outcomes(&raw(201, body), Some(3)) {
            Err(Error::OutcomeCount {
                expected: 3,
                outcomes,
                status: 201,
            }) => assert_eq!(outcomes.len(), 2),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn one_error_for_many_records_is_a_request_error() {
        let body = r#"{"data":[{"code":"INVALID_DATA","details":{},"message":"No field found","status":"error"}]}"#;
        let err = decode_outcomes(&raw(200, body), Some(2)).unwrap_err();
        assert!(
            matches!(&err, Error::Api { code: Code::InvalidData, message, .. } if message == "No field found")
        );
    }

    #[test]
    fn unknown_code_is_kept() {
        let body =
            r#"{"data":[{"code":"BRAND_NEW_CODE","details":{},"message":"new","status":"error"}]}"#;
        let outcomes = decode_outcomes(&raw(202, body), Some(1)).unwrap();
        assert_eq!(
            outcomes[0].as_ref().unwrap_err().code,
            Code::Other("BRAND_NEW_CODE".into())
        );
    }

    #[test]
    fn codes_are_read_in_any_case_and_both_spellings() {
        assert_eq!(Code::parse("success"), Code::Success);
        assert_eq!(Code::parse("Invalid_Data"), Code::InvalidData);
        assert_eq!(
            Code::parse("AUTHENTICATION_FAILED"),
            Code::AuthenticationFailure
        );
        assert_eq!(
            Code::parse("AUTHENTICATION_FAILURE"),
            Code::AuthenticationFailure
        );
        let body = r#"{"data":[{"code":"success","details":{"id":"1"},"message":"ok"}]}"#;
        assert!(decode_outcomes(&raw(200, body), Some(1))
            .unwrap()
            .all_succeeded());
    }

    #[test]
    fn ids_stay_exact_as_strings_or_integers() {
        let body = r#"{"data":[{"code":"SUCCESS","details":{"id":4150868000003384003,"job_id":"554023000000506003"},"message":"ok","status":"success"}]}"#;
        let outcomes = decode_outcomes(&raw(200, body), Some(1)).unwrap();
        let success = outcomes[0].as_ref().unwrap();
        assert_eq!(success.id().unwrap(), "4150868000003384003");
        assert_eq!(success.details.job_id().unwrap(), "554023000000506003");
    }

    #[test]
    fn limit_reads_as_string_or_number() {
        let body = r#"{"code":"LIMIT_EXCEEDED","details":{"limit":"100","param_name":"data"},"message":"the limit is 100","status":"error"}"#;
        match decode_outcomes(&raw(400, body), Some(101)) {
            Err(Error::Api { details, .. }) => {
                assert_eq!(details.limit(), Some(100));
                assert_eq!(details.param_name(), Some("data"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn data_that_is_not_a_list_is_an_error() {
        assert!(matches!(
            decode_outcomes(&raw(200, r#"{"data":{"code":"SUCCESS"}}"#), None),
            Err(Error::UnexpectedBody { .. })
        ));
        assert!(matches!(
            decode_outcomes(&raw(200, r#"{"data":[{"message":"no code"}]}"#), None),
            Err(Error::UnexpectedBody { .. })
        ));
        assert!(matches!(
            decode_outcomes(&raw(200, "[1,2]"), None),
            Err(Error::UnexpectedBody { .. })
        ));
        assert!(matches!(
            decode_outcomes(&raw(200, "{}"), None),
            Err(Error::UnexpectedBody { .. })
        ));
    }

    #[test]
    fn json_error_status_without_zoho_shape_is_unexpected() {
        let err = decode_json::<Json>(&raw(503, r#"{"oops":true}"#)).unwrap_err();
        assert!(
            matches!(err, Error::UnexpectedBody { status: 503, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn declared_type_that_does_not_fit_is_a_decode_error() {
        let err = decode_json::<Vec<u8>>(&raw(200, r#"{"data":[]}"#)).unwrap_err();
        assert!(matches!(err, Error::Decode { status: 200, .. }), "{err:?}");
    }
}
