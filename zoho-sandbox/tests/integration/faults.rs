//! Faults on demand: dropped connections and errors before or after a write is applied,
//! latency, the concurrency limit, bad bodies, record states, and the admin endpoint.

use crate::common;

use std::time::{Duration, Instant};

use common::call;
use serde_json::json;
use zoho_sandbox::{Fault, FaultRule, Faults, InjectedFault, Phase, RecordState, Sandbox};

const LEAD: &str = "/crm/v2/Leads/738964000002131001";
const ID: &str = "738964000002131001";

fn update() -> String {
    json!({"data": [{"City": "Faulty"}]}).to_string()
}

#[tokio::test]
async fn a_connection_dropped_after_apply_leaves_the_write_applied_once() {
    let sandbox = common::seeds_only().await;
    sandbox.add_fault(
        FaultRule::new(Fault::DropConnection)
            .after_apply()
            .method("PUT")
            .times(1),
    );
    let result = call(&sandbox, "PUT", LEAD).body(&update()).try_send().await;
    let error = result.expect_err("the client must see a connection error");
    assert!(!error.is_status(), "{error:?}");
    assert_eq!(sandbox.record("Leads", ID).unwrap()["City"], "Faulty");
    assert_eq!(sandbox.write_count("Leads", ID), 1);
    // The rule fired once; the next call is answered.
    assert_eq!(
        call(&sandbox, "PUT", LEAD)
            .body(&update())
            .send()
            .await
            .status,
        200
    );
    assert_eq!(sandbox.write_count("Leads", ID), 2);
    // The request was received and journaled even though it was never answered.
    assert_eq!(sandbox.journal().len(), 2);
}

#[tokio::test]
async fn a_connection_dropped_before_apply_leaves_nothing_applied() {
    let sandbox = common::seeds_only().await;
    sandbox.add_fault(FaultRule::new(Fault::DropConnection).path_contains("/Leads/"));
    assert!(call(&sandbox, "PUT", LEAD)
        .body(&update())
        .try_send()
        .await
        .is_err());
    assert_eq!(sandbox.write_count("Leads", ID), 0);
    assert_ne!(sandbox.record("Leads", ID).unwrap()["City"], "Faulty");
}

#[tokio::test]
async fn a_server_error_after_apply_hides_a_successful_write() {
    let sandbox = common::seeds_only().await;
    sandbox.add_fault(FaultRule::new(Fault::InternalError).after_apply().times(1));
    let reply = call(&sandbox, "PUT", LEAD).body(&update()).send().await;
    assert_eq!(reply.status, 500);
    assert_eq!(
        reply.body(),
        &json!({"code":"INTERNAL_ERROR","details":{},"message":"Internal Server Error","status":"error"})
    );
    assert_eq!(sandbox.write_count("Leads", ID), 1);
}

#[tokio::test]
async fn the_concurrency_limit_answers_429() {
    let sandbox = Sandbox::builder()
        .generated_records(false)
        .faults(Faults {
            latency_ms: 150,
            max_concurrent: Some(2),
            ..Faults::default()
        })
        .start()
        .await
        .unwrap();
    let get = || call(&sandbox, "GET", LEAD).send();
    let (a, b, c, d, e) = tokio::join!(get(), get(), get(), get(), get());
    let replies = [a, b, c, d, e];
    let too_many: Vec<_> = replies.iter().filter(|r| r.status == 429).collect();
    assert!(!too_many.is_empty() && replies.iter().any(|r| r.status == 200));
    assert_eq!(too_many[0].body()["code"], "TOO_MANY_REQUESTS");
    assert_eq!(too_many[0].body()["details"], json!({}));
    assert_eq!(sandbox.peak_in_flight(), 2);
}

#[tokio::test]
async fn latency_delays_every_crm_request() {
    let sandbox = common::seeds_only().await;
    sandbox.set_faults(Faults {
        latency_ms: 120,
        ..Faults::default()
    });
    let start = Instant::now();
    assert_eq!(call(&sandbox, "GET", LEAD).send().await.status, 200);
    assert!(start.elapsed() >= Duration::from_millis(120));
    sandbox.set_faults(Faults {
        spike_probability: 1.0,
        spike_ms: 100,
        ..Faults::default()
    });
    let start = Instant::now();
    call(&sandbox, "GET", LEAD).send().await;
    assert!(start.elapsed() >= Duration::from_millis(100));
}

#[tokio::test]
async fn malformed_and_truncated_bodies() {
    let sandbox = common::seeds_only().await;
    sandbox.add_fault(FaultRule::new(Fault::MalformedBody).times(1));
    let reply = call(&sandbox, "GET", LEAD).send().await;
    assert_eq!(reply.status, 200);
    assert!(
        reply.json.is_none() && reply.text.starts_with("<html>"),
        "{}",
        reply.text
    );
    sandbox.set_faults(Faults {
        rules: vec![FaultRule::new(Fault::TruncatedBody).after_apply().times(1)],
        ..Faults::default()
    });
    let full =
        serde_json::to_string(&json!({"data": [sandbox.record("Leads", ID).unwrap()]})).unwrap();
    let reply = call(&sandbox, "GET", LEAD).send().await;
    assert_eq!(reply.status, 200);
    assert!(reply.json.is_none(), "{}", reply.text);
    assert!(reply.text.starts_with("{\"data\":[{") && reply.text.len() < full.len());
}

#[tokio::test]
async fn a_seeded_share_of_errors_is_reproducible() {
    let run = || async {
        let faults = Faults {
            seed: 9,
            rules: vec![FaultRule::new(Fault::InternalError).probability(0.4)],
            ..Faults::default()
        };
        let sandbox = Sandbox::builder()
            .generated_records(false)
            .faults(faults)
            .start()
            .await
            .unwrap();
        let mut statuses = Vec::new();
        for _ in 0..20 {
            statuses.push(call(&sandbox, "GET", LEAD).send().await.status);
        }
        statuses
    };
    let first = run().await;
    assert_eq!(first, run().await);
    assert!(first.contains(&500) && first.contains(&200), "{first:?}");
}

#[tokio::test]
async fn faults_and_record_states_over_the_admin_endpoint() {
    let sandbox = common::seeds_only().await;
    let config = json!({"rules": [{"fault": {"kind": "status", "status": 503, "body": {"code": "X"}}, "method": "GET", "times": 1}]});
    let reply = call(&sandbox, "POST", "/__admin/faults")
        .token(None)
        .json(config)
        .send()
        .await;
    assert_eq!(reply.status, 200);
    assert_eq!(sandbox.faults().rules[0].times, Some(1));
    let reply = call(&sandbox, "GET", LEAD).send().await;
    assert_eq!(
        (reply.status, reply.body().clone()),
        (503, json!({"code": "X"}))
    );
    let bad = call(&sandbox, "POST", "/__admin/faults")
        .token(None)
        .json(json!({"latency": 1}))
        .send()
        .await;
    assert_eq!(bad.status, 400);
    let state = json!({"module": "Leads", "id": ID, "state": "not_approved"});
    assert_eq!(
        call(&sandbox, "POST", "/__admin/record_state")
            .token(None)
            .json(state)
            .send()
            .await
            .status,
        200
    );
    let reply = call(&sandbox, "PUT", LEAD).body(&update()).send().await;
    assert_eq!((reply.status, reply.code(0)), (202, "NOT_APPROVED"));
    assert_eq!(reply.body()["data"][0]["details"], json!({"id": ID}));
    call(&sandbox, "DELETE", "/__admin/faults")
        .token(None)
        .send()
        .await;
    assert_eq!(sandbox.faults(), Faults::default());
}

#[tokio::test]
async fn record_states_from_the_builder_and_the_handle() {
    let sandbox = Sandbox::builder()
        .generated_records(false)
        .record_state("Leads", ID, RecordState::Locked)
        .start()
        .await
        .unwrap();
    let reply = call(&sandbox, "PUT", LEAD).body(&update()).send().await;
    assert_eq!(reply.code(0), "RECORD_LOCKED");
    assert!(sandbox.set_record_state("Leads", ID, RecordState::Normal));
    assert_eq!(
        call(&sandbox, "PUT", LEAD)
            .body(&update())
            .send()
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn the_token_endpoint_can_fail_too() {
    let sandbox = common::seeds_only().await;
    let client = sandbox.oauth_client(&["ZohoCRM.modules.ALL"]);
    sandbox.add_fault(
        FaultRule::new(Fault::InternalError)
            .path_contains("/oauth/v2/token")
            .times(1),
    );
    let body = format!(
        "grant_type=refresh_token&client_id={}&client_secret={}&refresh_token={}",
        client.client_id, client.client_secret, client.refresh_token
    );
    let first = call(&sandbox, "POST", "/oauth/v2/token")
        .token(None)
        .body(&body)
        .send()
        .await;
    assert_eq!(first.status, 500);
    let second = call(&sandbox, "POST", "/oauth/v2/token")
        .token(None)
        .body(&body)
        .send()
        .await;
    assert!(second.body()["access_token"].is_string());
    // The failed call never reached the endpoint.
    assert_eq!(sandbox.token_requests(), 1);
}

#[tokio::test]
async fn the_journal_says_which_fault_each_request_got() {
    let sandbox = common::seeds_only().await;
    sandbox.set_faults(Faults {
        rules: vec![
            FaultRule::new(Fault::InternalError).method("PUT").times(1),
            FaultRule::new(Fault::DropConnection)
                .after_apply()
                .method("PUT")
                .times(1),
        ],
        ..Faults::default()
    });
    let first = call(&sandbox, "PUT", LEAD).body(&update()).send().await;
    assert_eq!(first.status, 500);
    assert!(call(&sandbox, "PUT", LEAD)
        .body(&update())
        .try_send()
        .await
        .is_err());
    assert_eq!(call(&sandbox, "GET", LEAD).send().await.status, 200);

    let journal = sandbox.journal();
    let faults: Vec<_> = journal.iter().map(|e| e.fault.clone()).collect();
    let before = InjectedFault {
        fault: Fault::InternalError,
        phase: Phase::BeforeApply,
    };
    let after = InjectedFault {
        fault: Fault::DropConnection,
        phase: Phase::AfterApply,
    };
    assert!(!before.applied() && after.applied());
    assert_eq!(faults, [Some(before), Some(after), None]);
    // Only the request struck after applying was written.
    assert_eq!(sandbox.write_count("Leads", ID), 1);

    let shown = call(&sandbox, "GET", "/__admin/journal")
        .token(None)
        .send()
        .await;
    let entries = shown.body()["entries"].as_array().unwrap().clone();
    assert_eq!(
        entries[1]["fault"],
        json!({"fault": {"kind": "drop_connection"}, "phase": "after_apply"})
    );
    assert_eq!(entries[2]["fault"], json!(null));
}

#[tokio::test]
async fn a_request_over_the_concurrency_limit_is_journaled_as_a_429() {
    let sandbox = Sandbox::builder()
        .generated_records(false)
        .faults(Faults {
            latency_ms: 150,
            max_concurrent: Some(1),
            ..Faults::default()
        })
        .start()
        .await
        .unwrap();
    let get = || call(&sandbox, "GET", LEAD).send();
    let (a, b, c) = tokio::join!(get(), get(), get());
    let refused = [a, b, c].iter().filter(|r| r.status == 429).count();
    assert!(refused >= 1, "one at a time, three at once");
    let limit = InjectedFault {
        fault: Fault::TooManyRequests,
        phase: Phase::BeforeApply,
    };
    let journaled = sandbox
        .journal()
        .iter()
        .filter(|e| e.fault.as_ref() == Some(&limit))
        .count();
    assert_eq!(journaled, refused);
}
