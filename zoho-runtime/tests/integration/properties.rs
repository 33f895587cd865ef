//! Property tests: whatever a caller puts in a request and whatever comes back, the runtime
//! renders the request exactly as declared or refuses it before sending, and decodes the answer
//! to `Ok` or a typed error, never a panic.
//!
//! The coverage-guided fuzz targets in `fuzz/` check the same promises for longer; these run in
//! every `cargo test`.

use std::net::TcpListener;
use std::sync::OnceLock;

use percent_encoding::percent_decode_str;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Value};
use zoho_runtime::endpoint::{decode_json, decode_outcomes, RawResponse};
use zoho_runtime::{
    zoho_endpoint, ApiVersion, Client, Code, Details, Endpoint, Error, Json, Outcomes,
    PreparedRequest, RecordId, RetryPolicy,
};

/// Gives a contact a role on a deal: two path values and a record field.
#[zoho_endpoint(PUT "/Deals/<deal_id>/Contact_Roles/<contact_id>",
                scope = ["ZohoCRM.modules.deals.UPDATE", "ZohoCRM.modules.contacts.UPDATE"],
                version = "v6")]
struct AddRole {
    deal_id: String,
    contact_id: RecordId,
    #[zoho(rename = "Contact_Role")]
    role: String,
}

/// Reads notes: a path value, a list and single query values, and a header.
#[zoho_endpoint(GET "/Leads/<id>/Notes", scope = "ZohoCRM.modules.leads.READ")]
struct LeadNotes {
    id: String,
    #[zoho(query)]
    fields: Vec<String>,
    #[zoho(query = "sort_by")]
    sort: Option<String>,
    #[zoho(query)]
    page: Option<u32>,
    #[zoho(header = "If-Modified-Since")]
    since: Option<String>,
}

/// A runtime to run `prepare` and `send` on, and a client whose calls would reach a loopback
/// listener that nobody answers: a connection to it shows that a request was sent.
struct Fixture {
    runtime: tokio::runtime::Runtime,
    client: Client,
    listener: TcpListener,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let client = Client::builder()
            .api_domain(&url)
            .access_token("1000.properties")
            .retry(RetryPolicy::never())
            .build()
            .unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        Fixture {
            runtime,
            client,
            listener,
        }
    })
}

fn prepare<E: Endpoint>(call: &E) -> Result<PreparedRequest, Error> {
    let fixture = fixture();
    fixture.runtime.block_on(fixture.client.prepare(call))
}

/// `send` refuses the call with `InvalidRequest`, and no connection reached the server.
fn assert_refused_unsent<E: Endpoint>(call: &E) -> Result<(), TestCaseError> {
    let fixture = fixture();
    let result = fixture.runtime.block_on(fixture.client.send(call));
    prop_assert!(
        matches!(result, Err(Error::InvalidRequest { .. })),
        "expected InvalidRequest"
    );
    prop_assert!(
        fixture.listener.accept().is_err(),
        "a refused call reached the server"
    );
    Ok(())
}

/// Text that stresses URLs and headers: separators, escapes, dots, controls, non-ASCII.
fn tricky_text() -> impl Strategy<Value = String> {
    let chars = vec![
        '.', '/', '\\', '%', '?', '#', '&', '=', '+', ',', ';', ' ', '~', '-', '_', 'a', 'Z', '0',
        'é', '€', '😀', '\0', '\t', '\r', '\n', '\u{7f}', '\u{1}', '\u{85}', '\u{2028}',
    ];
    prop_oneof![
        any::<String>(),
        prop::collection::vec(select(chars), 0..10).prop_map(String::from_iter),
        select(vec![
            "", ".", "..", "...", "%2e", "%2E%2E", "a/..", "../a", "./"
        ])
        .prop_map(String::from),
    ]
}

/// Decodes `%XX` escapes; `None` when an escape is malformed or the bytes are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let escapes_whole = text.split('%').skip(1).all(|rest| {
        rest.get(..2)
            .is_some_and(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
    });
    let decoded = percent_decode_str(text).decode_utf8().ok()?;
    escapes_whole.then(|| decoded.into_owned())
}

/// RFC 3986's unreserved characters and escapes only: nothing a URL parser could read as
/// structure.
fn is_encoded(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b))
}

fn refused_path_value(value: &str) -> bool {
    value.is_empty() || value == "." || value == ".."
}

/// Controls other than tab, and DEL: what the HTTP layer cannot send in a header value.
fn refused_header_value(value: &str) -> bool {
    value.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f)
}

/// The path of a URL, split into segments, and its query, both still encoded.
fn split_url(url: &str) -> (Vec<String>, Option<String>) {
    let rest = url
        .strip_prefix(fixture().client.api_domain())
        .expect("the URL starts with the API domain");
    let (path, query) = match rest.split_once('?') {
        Some((path, query)) => (path, Some(query.to_owned())),
        None => (rest, None),
    };
    let segments = path
        .strip_prefix('/')
        .expect("the path starts with `/`")
        .split('/')
        .map(str::to_owned)
        .collect();
    (segments, query)
}

/// An answer decoded: `Ok`, or an error of the kinds that decoding gives, with the answer's
/// status.
fn check_answer_error(status: u16, error: &Error) -> Result<(), TestCaseError> {
    prop_assert!(
        matches!(
            error,
            Error::Api { .. }
                | Error::UnexpectedBody { .. }
                | Error::Decode { .. }
                | Error::OutcomeCount { .. }
        ),
        "decoding gave {error:?}"
    );
    prop_assert_eq!(error.status(), Some(status));
    if let Error::UnexpectedBody { body_start, .. } | Error::Decode { body_start, .. } = error {
        prop_assert!(
            body_start.chars().count() <= 513,
            "the error quotes the whole body"
        );
    }
    prop_assert!(!error.to_string().is_empty());
    Ok(())
}

fn check_outcomes(
    status: u16,
    expected: Option<usize>,
    result: &Result<Outcomes, Error>,
) -> Result<(), TestCaseError> {
    match result {
        Ok(outcomes) => {
            prop_assert_eq!(outcomes.status(), status);
            if let Some(n) = expected {
                prop_assert_eq!(outcomes.len(), n, "Ok with another number of outcomes");
            }
        }
        Err(error) => {
            if let Error::OutcomeCount {
                expected: said,
                outcomes,
                ..
            } = error
            {
                prop_assert_eq!(Some(*said), expected);
                prop_assert_ne!(outcomes.len(), *said);
            }
            check_answer_error(status, error)?;
        }
    }
    Ok(())
}

/// A declared response type as a `GET` of records has.
#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct RecordsPage {
    data: Vec<PageRecord>,
    info: Option<Details>,
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct PageRecord {
    id: RecordId,
    #[serde(rename = "Owner")]
    owner: Option<zoho_runtime::UserRef>,
}

/// Runs every answer decoder on one answer.
fn decode_everything(raw: &RawResponse, expected: Option<usize>) -> Result<(), TestCaseError> {
    check_outcomes(raw.status, expected, &decode_outcomes(raw, expected))?;
    let success_or_304 = (200..300).contains(&raw.status) || raw.status == 304;
    match decode_json::<Json>(raw) {
        Ok(_) => prop_assert!(success_or_304, "Ok from HTTP {}", raw.status),
        Err(error) => check_answer_error(raw.status, &error)?,
    }
    if let Err(error) = decode_json::<Option<RecordsPage>>(raw) {
        check_answer_error(raw.status, &error)?;
    }
    if let Err(error) = decode_json::<Details>(raw) {
        check_answer_error(raw.status, &error)?;
    }
    Ok(())
}

fn status() -> impl Strategy<Value = u16> {
    prop_oneof![
        select(vec![
            200u16, 201, 202, 204, 207, 304, 400, 401, 404, 429, 500, 502
        ]),
        any::<u16>(),
    ]
}

/// Keys and texts of Zoho's answers, and others.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "data",
            "code",
            "status",
            "message",
            "details",
            "id",
            "job_id",
            "limit",
            "api_name",
            "json_path",
            "Modified_By",
            "Owner",
            "name",
            "info",
            "success",
            "error",
            "SUCCESS",
            "INVALID_DATA",
            "INVALID_TOKEN",
        ])
        .prop_map(String::from),
        "[a-zA-Z_]{0,6}",
    ]
}

/// Any JSON value, biased towards the keys and texts of Zoho's answers.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("a finite number", |f| {
            serde_json::Number::from_f64(f).map(Value::Number)
        }),
        key().prop_map(Value::String),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// One per-record result in Zoho's shape: `(code, succeeded, message, id)`.
fn record_result() -> impl Strategy<Value = (String, bool, String, String)> {
    (
        select(vec![
            "SUCCESS",
            "success",
            "INVALID_DATA",
            "DUPLICATE_DATA",
            "RECORD_LOCKED",
            "A_CODE_NOT_YET_KNOWN",
        ])
        .prop_map(String::from),
        any::<bool>(),
        any::<String>(),
        "[0-9]{1,19}",
    )
}

fn raw(status: u16, body: Vec<u8>) -> RawResponse {
    RawResponse::new(status, body)
}

proptest! {
    /// Any two strings as path values: the path has exactly the declared segments, each value
    /// one segment that decodes back to it; or the call is refused before anything is sent.
    #[test]
    fn any_string_as_a_path_value_is_one_segment_or_refused(
        deal in tricky_text(),
        contact in tricky_text(),
        role in any::<String>(),
    ) {
        let call = AddRole { deal_id: deal.clone(), contact_id: contact.clone().into(), role: role.clone() };
        if refused_path_value(&deal) || refused_path_value(&contact) {
            prop_assert!(
                matches!(call.request_parts(), Err(Error::InvalidRequest { .. })),
                "expected InvalidRequest from the request parts"
            );
            return assert_refused_unsent(&call);
        }
        let request = prepare(&call).unwrap();
        let (segments, query) = split_url(&request.url);
        prop_assert_eq!(segments.len(), 6, "{}", request.url);
        prop_assert_eq!(&segments[..3], ["crm", "v6", "Deals"]);
        prop_assert_eq!(&segments[4], "Contact_Roles");
        for (segment, value) in [(&segments[3], &deal), (&segments[5], &contact)] {
            prop_assert!(is_encoded(segment), "{segment:?} is not encoded");
            prop_assert_eq!(percent_decode(segment), Some(value.clone()));
        }
        prop_assert_eq!(query, None);
        prop_assert_eq!(request.body_json(), Some(json!({"data": [{"Contact_Role": role}]})));
        // The same path from the request parts alone.
        let parts = call.request_parts().unwrap();
        prop_assert_eq!(
            format!("{}{}", fixture().client.api_domain(), parts.path_and_query(ApiVersion::V8).unwrap()),
            request.url
        );
    }

    /// Any query values round-trip: list items, single values and numbers decode back, in
    /// declared order; absent ones are left out.
    #[test]
    fn any_query_value_round_trips(
        fields in prop::collection::vec(tricky_text(), 0..4),
        sort in proptest::option::of(tricky_text()),
        page in proptest::option::of(any::<u32>()),
    ) {
        let call = LeadNotes { id: "1".into(), fields: fields.clone(), sort: sort.clone(), page, since: None };
        let request = prepare(&call).unwrap();
        let (segments, query) = split_url(&request.url);
        prop_assert_eq!(segments, ["crm", "v8", "Leads", "1", "Notes"]);
        let query = query.unwrap_or_default();
        let mut pairs = query.split('&').filter(|p| !p.is_empty()).map(|p| p.split_once('=').unwrap());
        if !fields.is_empty() {
            let (name, value) = pairs.next().unwrap();
            prop_assert_eq!(name, "fields");
            let items: Vec<String> = value
                .split(',')
                .map(|item| {
                    assert!(is_encoded(item), "{item:?} is not encoded");
                    percent_decode(item).unwrap()
                })
                .collect();
            prop_assert_eq!(items, fields);
        }
        if let Some(sort) = sort {
            let (name, value) = pairs.next().unwrap();
            prop_assert_eq!(name, "sort_by");
            prop_assert!(is_encoded(value));
            prop_assert_eq!(percent_decode(value), Some(sort));
        }
        if let Some(page) = page {
            let page = page.to_string();
            prop_assert_eq!(pairs.next(), Some(("page", page.as_str())));
        }
        prop_assert_eq!(pairs.next(), None);
    }

    /// A header value is sent exactly as given, or refused before sending when it holds a byte
    /// the HTTP layer cannot send (a line break would let a value write headers of its own).
    #[test]
    fn any_header_value_is_sent_as_given_or_refused(since in tricky_text()) {
        let call = LeadNotes { id: "1".into(), fields: vec![], sort: None, page: None, since: Some(since.clone()) };
        if refused_header_value(&since) {
            prop_assert!(
                matches!(call.request_parts(), Err(Error::InvalidRequest { .. })),
                "expected InvalidRequest from the request parts"
            );
            return assert_refused_unsent(&call);
        }
        let request = prepare(&call).unwrap();
        prop_assert_eq!(request.header("If-Modified-Since"), Some(since.as_str()));
        for (name, value) in &request.headers {
            prop_assert!(
                value.bytes().all(|b| b == b'\t' || (b >= 0x20 && b != 0x7f)),
                "header {name} has a control character"
            );
        }
    }

    /// Any bytes with any status and any expected count: `Ok` or a typed error, never a panic.
    #[test]
    fn any_bytes_with_any_status_decode_to_ok_or_a_typed_error(
        status in status(),
        expected in proptest::option::of(0usize..300),
        body in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        decode_everything(&raw(status, body), expected)?;
    }

    /// Any JSON, of any shape, alone or as the `data` of an answer.
    #[test]
    fn any_json_shape_decodes_to_ok_or_a_typed_error(
        status in status(),
        expected in proptest::option::of(0usize..8),
        value in json_value(),
        wrap in any::<bool>(),
    ) {
        let value = if wrap { json!({ "data": value }) } else { value };
        decode_everything(&raw(status, serde_json::to_vec(&value).unwrap()), expected)?;
    }

    /// Well-formed answers of n outcomes decode to exactly those n outcomes, in order, each a
    /// success or an error as Zoho's `status` says, with its code and id.
    #[test]
    fn zoho_shaped_answers_decode_to_one_outcome_per_record(
        status in select(vec![200u16, 201, 202, 207, 400]),
        results in prop::collection::vec(record_result(), 1..20),
    ) {
        let data: Vec<Value> = results
            .iter()
            .map(|(code, ok, message, id)| json!({
                "code": code,
                "status": if *ok { "success" } else { "error" },
                "message": message,
                "details": {"id": id},
            }))
            .collect();
        let body = serde_json::to_vec(&json!({ "data": data })).unwrap();
        let outcomes = decode_outcomes(&raw(status, body), Some(results.len())).unwrap();
        prop_assert_eq!(outcomes.len(), results.len());
        for (outcome, (code, ok, message, id)) in outcomes.iter().zip(&results) {
            let (got_code, got_message, details) = match outcome {
                Ok(s) => (&s.code, &s.message, &s.details),
                Err(e) => (&e.code, &e.message, &e.details),
            };
            prop_assert_eq!(outcome.is_ok(), *ok);
            prop_assert_eq!(got_code, &Code::parse(code));
            prop_assert_eq!(got_message, message);
            prop_assert_eq!(details.id(), Some(RecordId::new(id.as_str())));
        }
    }

    /// The same answers with fewer or more outcomes than records sent are an error that keeps
    /// them (or, for one error answering many records, the request-level error it is).
    #[test]
    fn a_wrong_count_of_outcomes_is_an_error_that_keeps_them(
        results in prop::collection::vec(record_result(), 0..10),
        expected in 0usize..12,
    ) {
        prop_assume!(expected != results.len());
        let data: Vec<Value> = results
            .iter()
            .map(|(code, ok, message, _)| json!({
                "code": code, "status": if *ok { "success" } else { "error" }, "message": message,
            }))
            .collect();
        let body = serde_json::to_vec(&json!({ "data": data })).unwrap();
        match decode_outcomes(&raw(200, body), Some(expected)) {
            Err(Error::Api { code, .. }) => {
                prop_assert_eq!(results.len(), 1);
                prop_assert!(!results[0].1);
                prop_assert_eq!(code, Code::parse(&results[0].0));
            }
            Err(Error::OutcomeCount { expected: said, outcomes, .. }) => {
                prop_assert_eq!(said, expected);
                prop_assert_eq!(outcomes.len(), results.len());
            }
            other => prop_assert!(false, "expected a count error, got {other:?}"),
        }
    }
}
