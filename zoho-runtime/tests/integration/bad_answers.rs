//! Answers no well-behaved Zoho gives, through a real `Client` over loopback: a proxy's HTML
//! page, an empty `200`, a body cut short, fewer outcomes than records, an unknown code, a code
//! in the wrong case, a `200` that says `error`, a body too large or without end, bytes that
//! are not UTF-8, and a body that drips too slowly. Each ends in its typed error (or outcome)
//! with what the caller needs to act: the status, the start of the body, the outcomes that did
//! come, whether the records may have been applied, the limit or timeout that ran out.
//!
//! The decoding of each shape is unit-tested in `src/response.rs`; these tests check the same
//! shapes end to end, with the retries and the batching they meet on the way.

use crate::canned;
use crate::common;

use std::future::Future;
use std::time::Duration;

use canned::{Answer, Canned};
use common::{GetLead, InsertLeads, LeadChange, NewLead, UpdateLeads, LEAD};
use zoho_runtime::{Client, ClientBuilder, Code, Error, RecordFailure, RetryPolicy};
use zoho_sandbox::{Fault, FaultRule, Sandbox};

/// Fails the test if the call hangs: every bad answer must end the call.
async fn bounded<T>(call: impl Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(20), call)
        .await
        .expect("the call ended")
}

fn client_for(url: &str) -> ClientBuilder {
    Client::builder()
        .api_domain(url)
        .access_token("1000.canned")
        .retry(RetryPolicy::never())
        .timeout(Duration::from_secs(10))
}

fn two_changes() -> UpdateLeads {
    let change = |id: &str| LeadChange {
        id: id.into(),
        last_name: "Changed".into(),
    };
    UpdateLeads {
        leads: vec![change("1"), change("2")],
    }
}

fn unexpected(err: &Error) -> (u16, &str, &str) {
    match err {
        Error::UnexpectedBody {
            status,
            reason,
            body_start,
        } => (*status, reason, body_start),
        other => panic!("expected UnexpectedBody, got {other:?}"),
    }
}

/// Each record of a `send_all` failed with its batch's error; returns it.
fn batch_error(outcomes: &zoho_runtime::BatchOutcomes) -> &Error {
    let mut shared = None;
    for outcome in outcomes {
        match outcome {
            Err(RecordFailure::BatchFailed { error, .. }) => shared = Some(&**error),
            other => panic!("expected BatchFailed, got {other:?}"),
        }
    }
    shared.expect("at least one record")
}

#[tokio::test]
async fn an_html_error_page_keeps_its_status_and_start_and_a_5xx_is_retried() {
    let page = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    let server = Canned::start(Answer::Whole(canned::http(
        "502 Bad Gateway",
        "text/html",
        page.as_bytes(),
    )))
    .await;
    let client = client_for(&server.url)
        .retry(common::quick_retries().max_attempts(3))
        .build()
        .unwrap();
    let err = bounded(two_changes().send(&client)).await.unwrap_err();
    let (status, reason, start) = unexpected(&err);
    assert_eq!(status, 502);
    assert!(reason.contains("not a Zoho answer"), "{reason}");
    assert!(start.starts_with("<html><head><title>502"), "{start}");
    assert_eq!(server.requests().len(), 3, "a 502 is retried for a PUT");

    // A POST that met a 5xx may have been applied: sent once, and the error says so.
    let err = bounded(
        InsertLeads {
            leads: vec![NewLead {
                last_name: "X".into(),
            }],
        }
        .send(&client),
    )
    .await
    .unwrap_err();
    let Error::NotRetried { source, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(unexpected(source).0, 502);
    assert_eq!(err.status(), Some(502));
    assert_eq!(server.requests().len(), 4);
}

#[tokio::test]
async fn an_html_page_with_200_fails_the_batch_and_says_it_may_have_been_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.add_fault(FaultRule::new(Fault::MalformedBody).after_apply().times(1));
    let client = common::client(&sandbox).build().unwrap();
    let ids = common::stored_leads(&sandbox, 2);
    let call = UpdateLeads {
        leads: ids
            .iter()
            .map(|id| LeadChange {
                id: id.clone(),
                last_name: "Behind a proxy".into(),
            })
            .collect(),
    };
    let outcomes = bounded(client.send_all(&call)).await.unwrap();
    let (status, _, start) = unexpected(batch_error(&outcomes));
    assert_eq!(status, 200);
    assert!(start.starts_with("<html>"), "{start}");
    for (_, failure) in outcomes.failures() {
        assert!(failure.may_have_been_applied(), "a 200 was an answer");
    }
    // It was: the page replaced the answer of an applied write.
    assert_eq!(sandbox.write_count("Leads", ids[0].as_str()), 1);
}

#[tokio::test]
async fn an_empty_200_is_an_unexpected_body_and_not_sent_again() {
    let server = Canned::start(canned::json("200 OK", "")).await;
    let client = client_for(&server.url)
        .retry(common::quick_retries())
        .build()
        .unwrap();
    let err = bounded(two_changes().send(&client)).await.unwrap_err();
    assert_eq!(unexpected(&err), (200, "the body is empty", ""));
    let err = bounded(GetLead { id: LEAD.into() }.send(&client))
        .await
        .unwrap_err();
    assert_eq!(unexpected(&err), (200, "the body is empty", ""));
    assert_eq!(server.requests().len(), 2, "a 200 is an answer: no retry");

    let outcomes = bounded(client.send_all(&two_changes())).await.unwrap();
    assert_eq!(unexpected(batch_error(&outcomes)).0, 200);
    assert!(outcomes
        .failures()
        .all(|(_, failure)| failure.may_have_been_applied()));
}

#[tokio::test]
async fn a_truncated_json_body_keeps_what_came_and_the_write_is_not_repeated() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.add_fault(
        FaultRule::new(Fault::TruncatedBody)
            .after_apply()
            .method("PUT")
            .times(1),
    );
    let client = common::client(&sandbox).build().unwrap();
    let change = LeadChange {
        id: LEAD.into(),
        last_name: "Cut short".into(),
    };
    let call = UpdateLeads {
        leads: vec![change],
    };
    let err = bounded(call.send(&client)).await.unwrap_err();
    let (status, reason, start) = unexpected(&err);
    assert_eq!(status, 200);
    assert!(reason.contains("not a Zoho answer"), "{reason}");
    assert!(start.starts_with(r#"{"data":[{"#), "{start}");
    assert_eq!(sandbox.write_count("Leads", LEAD), 1);
    assert_eq!(common::received(&sandbox, "PUT", "/crm/v8/Leads"), 1);
}

#[tokio::test]
async fn a_body_cut_short_of_its_length_is_a_delivered_transport_failure() {
    let mut answer = canned::http(
        "200 OK",
        "application/json",
        br#"{"data":[{"code":"SUCCESS","details":{"id":"1"}}]}"#,
    );
    answer.truncate(answer.len() - 20);
    let server = Canned::start(Answer::Whole(answer)).await;
    let client = client_for(&server.url).build().unwrap();
    let insert = InsertLeads {
        leads: vec![NewLead {
            last_name: "Half".into(),
        }],
    };
    let err = bounded(insert.send(&client)).await.unwrap_err();
    match &err {
        Error::NotRetried { method, source, .. } => {
            assert_eq!(*method, "POST");
            assert!(
                matches!(
                    **source,
                    Error::Transport {
                        delivered: true,
                        ..
                    }
                ),
                "{source:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn fewer_outcomes_than_records_keeps_those_that_came() {
    let body = r#"{"data":[{"code":"SUCCESS","details":{"id":"1"},"message":"record updated","status":"success"}]}"#;
    let server = Canned::start(canned::json("200 OK", body)).await;
    let client = client_for(&server.url).build().unwrap();
    let err = bounded(two_changes().send(&client)).await.unwrap_err();
    match &err {
        Error::OutcomeCount {
            status,
            expected,
            outcomes,
        } => {
            assert_eq!((*status, *expected, outcomes.len()), (200, 2, 1));
            assert_eq!(outcomes[0].as_ref().unwrap().id().unwrap(), "1");
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("sent 2 records"), "{err}");

    let outcomes = bounded(client.send_all(&two_changes())).await.unwrap();
    assert_eq!(outcomes.len(), 2, "one outcome per record all the same");
    assert!(matches!(
        batch_error(&outcomes),
        Error::OutcomeCount { expected: 2, .. }
    ));
    assert!(outcomes
        .failures()
        .all(|(_, failure)| failure.may_have_been_applied()));
}

#[tokio::test]
async fn an_unknown_code_is_kept_as_written() {
    let body = r#"{"data":[
        {"code":"BRAND_NEW_CODE","details":{"id":"1","hint":"new"},"message":"a new refusal","status":"error"},
        {"code":"SUCCESS","details":{"id":"2"},"message":"record updated","status":"success"}]}"#;
    let server = Canned::start(canned::json("207 Multi-Status", body)).await;
    let client = client_for(&server.url).build().unwrap();
    let outcomes = bounded(two_changes().send(&client)).await.unwrap();
    let refused = outcomes[0].as_ref().unwrap_err();
    assert_eq!(refused.code, Code::Other("BRAND_NEW_CODE".into()));
    assert_eq!(refused.code.as_str(), "BRAND_NEW_CODE");
    assert_eq!(refused.message, "a new refusal");
    assert_eq!(refused.details.str("hint"), Some("new"));
    assert!(outcomes[1].is_ok());

    let body =
        r#"{"code":"SOMETHING_NEW","details":{"why":"new"},"message":"new rule","status":"error"}"#;
    let server = Canned::start(canned::json("400 Bad Request", body)).await;
    let client = client_for(&server.url).build().unwrap();
    let err = bounded(two_changes().send(&client)).await.unwrap_err();
    match err {
        Error::Api {
            status,
            code,
            message,
            details,
        } => {
            assert_eq!((status, code), (400, Code::Other("SOMETHING_NEW".into())));
            assert_eq!(message, "new rule");
            assert_eq!(details.str("why"), Some("new"));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_code_in_the_wrong_case_is_read_as_the_code() {
    let body = r#"{"data":[
        {"code":"record_locked","details":{"id":"1"},"message":"locked","status":"Error"},
        {"code":"Success","details":{"id":"2"},"message":"record updated","status":"SUCCESS"}]}"#;
    let server = Canned::start(canned::json("207 Multi-Status", body)).await;
    let client = client_for(&server.url).build().unwrap();
    let outcomes = bounded(two_changes().send(&client)).await.unwrap();
    assert_eq!(outcomes[0].as_ref().unwrap_err().code, Code::RecordLocked);
    assert_eq!(outcomes[1].as_ref().unwrap().code, Code::Success);
}

#[tokio::test]
async fn a_200_that_says_error_is_an_api_error() {
    let body = r#"{"code":"INTERNAL_ERROR","details":{"trace":"x1"},"message":"Internal Server Error","status":"error"}"#;
    let server = Canned::start(canned::json("200 OK", body)).await;
    let client = client_for(&server.url)
        .retry(common::quick_retries())
        .build()
        .unwrap();
    for err in [
        bounded(two_changes().send(&client)).await.unwrap_err(),
        bounded(GetLead { id: LEAD.into() }.send(&client))
            .await
            .unwrap_err(),
    ] {
        match err {
            Error::Api {
                status,
                code,
                message,
                details,
            } => {
                assert_eq!((status, code), (200, Code::InternalError));
                assert_eq!(message, "Internal Server Error");
                assert_eq!(details.str("trace"), Some("x1"));
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn a_body_larger_than_the_limit_is_not_read_past_it() {
    // Announced by its length: refused before reading.
    let huge = vec![b' '; 1 << 20];
    let server = Canned::start(Answer::Whole(canned::http(
        "200 OK",
        "application/json",
        &huge,
    )))
    .await;
    let client = client_for(&server.url)
        .max_body_bytes(64 * 1024)
        .build()
        .unwrap();
    let err = bounded(GetLead { id: LEAD.into() }.send(&client))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::BodyTooLarge {
                status: 200,
                limit: 65_536
            }
        ),
        "{err:?}"
    );

    // Without a length and without end: the read stops at the limit, so the call ends.
    let server = Canned::start(Answer::Endless).await;
    let client = client_for(&server.url)
        .max_body_bytes(64 * 1024)
        .build()
        .unwrap();
    let err = bounded(GetLead { id: LEAD.into() }.send(&client))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::BodyTooLarge { status: 200, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("65536 bytes"), "{err}");

    // A write whose answer was too large was still answered: it may have been applied.
    let outcomes = bounded(client.send_all(&two_changes())).await.unwrap();
    assert!(matches!(batch_error(&outcomes), Error::BodyTooLarge { .. }));
    assert!(outcomes
        .failures()
        .all(|(_, failure)| failure.may_have_been_applied()));
}

#[tokio::test]
async fn bytes_that_are_not_utf8_are_an_unexpected_body() {
    let mut body = br#"{"data":[{"code":"SUCCESS","message":""#.to_vec();
    body.extend_from_slice(&[0xff, 0xfe, 0x80]);
    body.extend_from_slice(br#"","details":{"id":"1"},"status":"success"}]}"#);
    let server = Canned::start(Answer::Whole(canned::http(
        "200 OK",
        "application/json",
        &body,
    )))
    .await;
    let client = client_for(&server.url).build().unwrap();
    let call = UpdateLeads {
        leads: vec![LeadChange {
            id: "1".into(),
            last_name: "Bytes".into(),
        }],
    };
    let err = bounded(call.send(&client)).await.unwrap_err();
    let (status, _, start) = unexpected(&err);
    assert_eq!(status, 200);
    assert!(
        start.starts_with(r#"{"data":[{"code":"SUCCESS""#) && start.contains('\u{fffd}'),
        "the start is kept, bad bytes replaced: {start}"
    );

    let server = Canned::start(Answer::Whole(canned::http(
        "200 OK",
        "application/json",
        &[0xc3, 0x28, 0xa0, 0xa1],
    )))
    .await;
    let client = client_for(&server.url).build().unwrap();
    let err = bounded(GetLead { id: LEAD.into() }.send(&client))
        .await
        .unwrap_err();
    assert_eq!(unexpected(&err).0, 200);
}

#[tokio::test]
async fn a_body_that_drips_too_slowly_times_out() {
    let body =
        r#"{"data":[{"code":"SUCCESS","details":{"id":"1"},"message":"ok","status":"success"}]}"#;
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    let server = Canned::start(Answer::Drip {
        head: head.into_bytes(),
        body: body.as_bytes().to_vec(),
        every: Duration::from_millis(50),
    })
    .await;
    let timeout = Duration::from_millis(400);
    let client = client_for(&server.url)
        .timeout(timeout)
        .retry(common::quick_retries().max_attempts(2))
        .build()
        .unwrap();
    let err = bounded(GetLead { id: LEAD.into() }.send(&client))
        .await
        .unwrap_err();
    match &err {
        Error::Timeout { url, after } => {
            assert_eq!(url, &format!("{}/crm/v8/Leads/{LEAD}", server.url));
            assert_eq!(*after, timeout);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        server.requests().len(),
        2,
        "a GET that timed out is retried"
    );

    // A POST that timed out may have been applied: not sent again.
    let insert = InsertLeads {
        leads: vec![NewLead {
            last_name: "Slow".into(),
        }],
    };
    let err = bounded(insert.send(&client)).await.unwrap_err();
    let Error::NotRetried { source, .. } = &err else {
        panic!("{err:?}");
    };
    assert!(matches!(**source, Error::Timeout { .. }), "{source:?}");
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    let server = Canned::start(Answer::Silence).await;
    let client = client_for(&server.url)
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let outcomes = bounded(client.send_all(&two_changes())).await.unwrap();
    assert!(matches!(batch_error(&outcomes), Error::Timeout { .. }));
    assert!(outcomes
        .failures()
        .all(|(_, failure)| failure.may_have_been_applied()));
}
