//! Retries, the concurrency limit and batching against the embedded sandbox with its faults
//! switched on: what is safe to repeat is repeated, what is not is sent once and says so, and
//! every record gets exactly one outcome.

use crate::common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{GetLead, InsertLeads, LeadChange, MassUpdateLeads, NewLead, UpdateLeads, LEAD};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use zoho_runtime::{
    zoho_endpoint, Client, Code, Edition, Error, Progress, RecordFailure, RetryPolicy,
};
use zoho_sandbox::{Fault, FaultRule, Faults, RecordState, Sandbox};

const LEADS: &str = "/crm/v8/Leads";

fn new_leads(prefix: &str, count: usize) -> InsertLeads {
    let leads = (0..count)
        .map(|i| NewLead {
            last_name: format!("{prefix} {i}"),
        })
        .collect();
    InsertLeads { leads }
}

fn storm(rules: Vec<FaultRule>) -> Faults {
    Faults {
        seed: 11,
        rules,
        ..Faults::default()
    }
}

#[tokio::test]
async fn a_storm_of_429s_is_ridden_out_and_each_post_applied_once() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.set_faults(storm(vec![
        FaultRule::new(Fault::TooManyRequests).probability(0.6)
    ]));
    let client = common::client(&sandbox).max_concurrent(10).build().unwrap();
    let calls: Vec<_> = (0..30)
        .map(|i| {
            let client = client.clone();
            tokio::spawn(async move { new_leads(&format!("Storm {i}"), 1).send(&client).await })
        })
        .collect();
    for call in calls {
        let outcomes = call.await.unwrap().unwrap();
        assert!(outcomes.all_succeeded());
    }
    for i in 0..30 {
        assert_eq!(common::leads_named(&sandbox, &format!("Storm {i} 0")), 1);
    }
    let posts = common::received(&sandbox, "POST", LEADS);
    assert!(posts > 40, "the storm refused many calls ({posts} sent)");
}

#[tokio::test]
async fn server_errors_and_dropped_connections_on_repeatable_calls_are_retried() {
    let sandbox = Sandbox::start().await.unwrap();
    let ids = common::stored_leads(&sandbox, 20);
    sandbox.set_faults(storm(vec![
        FaultRule::new(Fault::InternalError).probability(0.3),
        FaultRule::new(Fault::DropConnection).probability(0.3),
    ]));
    let client = common::client(&sandbox).build().unwrap();
    for (i, id) in ids.iter().enumerate() {
        let change = LeadChange {
            id: id.clone(),
            last_name: format!("Retried {i}"),
        };
        let outcomes = UpdateLeads {
            leads: vec![change],
        }
        .send(&client)
        .await
        .unwrap();
        assert_eq!(outcomes[0].as_ref().unwrap().id().as_ref(), Some(id));
        GetLead { id: id.clone() }.send(&client).await.unwrap();
        // Faults struck before applying, so each retried update was applied once.
        assert_eq!(sandbox.write_count("Leads", id.as_str()), 1);
    }
    let sent = common::received(&sandbox, "PUT", LEADS);
    assert!(sent > 25, "faults struck ({sent} updates sent for 20)");
}

/// Updates leads, declared not safe to repeat although its method is `PUT`.
#[zoho_endpoint(PUT "/Leads", scope = "ZohoCRM.modules.leads.UPDATE", idempotent = false)]
struct UpdateLeadsOnce {
    #[zoho(records)]
    leads: Vec<LeadChange>,
}

#[tokio::test]
async fn a_put_declared_not_idempotent_is_sent_once_after_a_500() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = common::client(&sandbox).build().unwrap();
    sandbox.set_faults(storm(vec![FaultRule::new(Fault::InternalError)
        .method("PUT")
        .times(1)]));
    let call = UpdateLeadsOnce {
        leads: vec![LeadChange {
            id: LEAD.into(),
            last_name: "Once".into(),
        }],
    };
    let err = call.send(&client).await.unwrap_err();
    let Error::NotRetried { method, path, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!((*method, *path), ("PUT", "/Leads"));
    assert!(err.to_string().contains("not retried"), "{err}");
    assert_eq!(err.status(), Some(500));
    assert_eq!(common::received(&sandbox, "PUT", LEADS), 1, "sent once");
}

#[tokio::test]
async fn a_post_that_may_have_been_applied_is_sent_once_and_says_so() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = common::client(&sandbox).build().unwrap();
    let cases = [
        (
            "After 500",
            FaultRule::new(Fault::InternalError).after_apply(),
            1,
        ),
        ("Before 500", FaultRule::new(Fault::InternalError), 0),
        (
            "Dropped",
            FaultRule::new(Fault::DropConnection).after_apply(),
            1,
        ),
    ];
    for (name, rule, applied) in cases {
        sandbox.clear_journal();
        sandbox.set_faults(storm(vec![rule.method("POST").times(1)]));
        let err = new_leads(name, 1).send(&client).await.unwrap_err();
        let Error::NotRetried {
            method,
            path,
            source,
        } = &err
        else {
            panic!("{name}: {err:?}");
        };
        assert_eq!((*method, *path), ("POST", "/Leads"));
        match &**source {
            Error::Api { status, code, .. } => {
                assert_eq!((*status, code), (500, &Code::InternalError));
            }
            Error::Transport { delivered, .. } => assert!(delivered),
            other => panic!("{name}: {other:?}"),
        }
        assert!(err.to_string().contains("not safe to repeat"), "{err}");
        assert_eq!(
            common::received(&sandbox, "POST", LEADS),
            1,
            "{name}: sent once"
        );
        let stored = common::leads_named(&sandbox, &format!("{name} 0"));
        assert_eq!(stored, applied, "{name}");
    }
}

#[tokio::test]
async fn a_refused_connection_is_retried_even_for_a_post() {
    // Learn a port and the token a sandbox with this seed hands out, then stop it.
    let first = Sandbox::builder().seed(77).start().await.unwrap();
    let port = first.addr().port();
    let token = first.access_token().to_owned();
    drop(first);
    let closed = async {
        while tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(5), closed)
        .await
        .expect("the stopped sandbox's port closes");

    let client = Client::builder()
        .api_domain(&format!("http://127.0.0.1:{port}"))
        .access_token(token.as_str())
        .retry(
            RetryPolicy::default()
                .max_attempts(100)
                .backoff(Duration::from_millis(20), Duration::from_millis(20))
                .deadline(Some(Duration::from_secs(10))),
        )
        .build()
        .unwrap();
    let restart = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(300)).await;
        Sandbox::builder()
            .seed(77)
            .port(port)
            .start()
            .await
            .unwrap()
    });
    let outcome = new_leads("Reconnected", 1).send(&client).await;
    let sandbox = restart.await.unwrap();
    assert_eq!(sandbox.access_token(), token);
    assert!(outcome.unwrap().all_succeeded());
    assert_eq!(common::received(&sandbox, "POST", LEADS), 1);
    assert_eq!(common::leads_named(&sandbox, "Reconnected 0"), 1);
}

#[tokio::test]
async fn retries_stop_at_the_attempt_budget_and_the_deadline() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.set_faults(storm(vec![FaultRule::new(Fault::TooManyRequests)]));
    let lead = GetLead { id: LEAD.into() };
    let three = RetryPolicy::default()
        .max_attempts(3)
        .backoff(Duration::ZERO, Duration::ZERO);
    let client = common::client(&sandbox).retry(three).build().unwrap();
    let err = lead.send(&client).await.unwrap_err();
    assert_eq!(err.status(), Some(429));
    assert_eq!(err.code(), Some(&Code::TooManyRequests));
    assert_eq!(sandbox.journal().len(), 3);

    sandbox.clear_journal();
    let short = RetryPolicy::default()
        .max_attempts(1000)
        .backoff(Duration::from_millis(50), Duration::from_millis(50))
        .jitter(false)
        .deadline(Some(Duration::from_millis(300)));
    let client = common::client(&sandbox).retry(short).build().unwrap();
    let started = Instant::now();
    assert_eq!(lead.send(&client).await.unwrap_err().status(), Some(429));
    assert!(started.elapsed() < Duration::from_secs(2));
    // Waits of 50 ms within 300 ms: at most 6 attempts, however slow the machine.
    let attempts = sandbox.journal().len();
    assert!((2..=6).contains(&attempts), "{attempts}");
}

/// A server answering each connection with the next of `answers` (the last one repeats), and
/// counting the connections.
async fn canned_server(answers: Vec<String>) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let mut request = Vec::new();
            let mut buf = [0u8; 1024];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buf[..n]),
                }
            }
            let n = counter.fetch_add(1, Ordering::SeqCst);
            let answer = &answers[n.min(answers.len() - 1)];
            let _ = stream.write_all(answer.as_bytes()).await;
        }
    });
    (url, hits)
}

fn http_answer(status: &str, extra_headers: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\n{extra_headers}Content-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

#[tokio::test]
async fn retry_after_is_honoured() {
    let refused =
        r#"{"code":"TOO_MANY_REQUESTS","details":{},"message":"slow down","status":"error"}"#;
    let (url, hits) = canned_server(vec![
        http_answer("429 Too Many Requests", "Retry-After: 1\r\n", refused),
        http_answer("200 OK", "", r#"{"data":[{"id":"1"}]}"#),
    ])
    .await;
    let client = Client::builder()
        .api_domain(&url)
        .access_token("1000.any")
        .retry(RetryPolicy::default().backoff(Duration::ZERO, Duration::ZERO))
        .build()
        .unwrap();
    let started = Instant::now();
    GetLead { id: LEAD.into() }.send(&client).await.unwrap();
    assert_eq!(hits.load(Ordering::SeqCst), 2);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn redirects_are_not_followed_with_the_token_or_the_secrets() {
    let (elsewhere, visits) = canned_server(vec![http_answer("200 OK", "", "{}")]).await;
    let location = format!("Location: {elsewhere}/anywhere\r\n");
    let (url, _) = canned_server(vec![http_answer("307 Temporary Redirect", &location, "")]).await;

    let client = Client::builder()
        .api_domain(&url)
        .access_token("1000.any")
        .build()
        .unwrap();
    let err = GetLead { id: LEAD.into() }.send(&client).await.unwrap_err();
    assert_eq!(err.status(), Some(307));

    let tokens = zoho_runtime::auth::RefreshingToken::builder("1000.ID", "secret", "1000.refresh")
        .accounts_url(&url)
        .build()
        .unwrap();
    let client = Client::builder().token_provider(tokens).build().unwrap();
    let err = GetLead { id: LEAD.into() }.send(&client).await.unwrap_err();
    assert!(matches!(err, Error::Auth { .. }), "{err:?}");
    assert_eq!(
        visits.load(Ordering::SeqCst),
        0,
        "nothing followed the redirect"
    );
}

#[tokio::test]
async fn the_limit_keeps_calls_under_zohos_and_clones_share_it() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.set_faults(Faults {
        latency_ms: 20,
        max_concurrent: Some(Edition::Free.max_concurrent()),
        ..Faults::default()
    });
    let client = common::client(&sandbox)
        .edition(Edition::Free)
        .retry(RetryPolicy::never())
        .build()
        .unwrap();
    assert_eq!(client.max_concurrent(), 5);
    let calls: Vec<_> = (0..40)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { GetLead { id: LEAD.into() }.send(&client).await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(sandbox.peak_in_flight(), 5);
    assert_eq!(sandbox.journal().len(), 40, "no call was refused");
}

#[tokio::test]
async fn ten_thousand_records_get_one_outcome_each_in_order() {
    let sandbox = Sandbox::builder()
        .generated_records(false)
        .start()
        .await
        .unwrap();
    let ids = common::stored_leads(&sandbox, 10_000);
    let locked = |i: usize| i % 13 == 0;
    for (_, id) in ids.iter().enumerate().filter(|(i, _)| locked(*i)) {
        sandbox.set_record_state("Leads", id.as_str(), RecordState::Locked);
    }
    sandbox.set_faults(Faults {
        max_concurrent: Some(8),
        ..storm(vec![
            FaultRule::new(Fault::TooManyRequests).probability(0.1),
            FaultRule::new(Fault::InternalError).probability(0.05),
            FaultRule::new(Fault::DropConnection).probability(0.03),
        ])
    });
    let client = common::client(&sandbox).max_concurrent(8).build().unwrap();
    let leads = ids
        .iter()
        .enumerate()
        .map(|(i, id)| LeadChange {
            id: id.clone(),
            last_name: format!("Synced {i}"),
        })
        .collect();
    let mut reports: Vec<Progress> = Vec::new();
    let outcomes = client
        .batch(&UpdateLeads { leads })
        .on_progress(|p| reports.push(p))
        .send()
        .await
        .unwrap();

    assert_eq!(outcomes.len(), 10_000);
    for (i, (outcome, id)) in outcomes.iter().zip(&ids).enumerate() {
        match outcome {
            Ok(success) if !locked(i) => assert_eq!(success.id().as_ref(), Some(id), "{i}"),
            Err(RecordFailure::Refused(e)) if locked(i) => {
                assert_eq!(e.code, Code::RecordLocked, "{i}");
                assert_eq!(e.details.id().as_ref(), Some(id), "{i}");
            }
            other => panic!("record {i}: {other:?}"),
        }
        let writes = sandbox.write_count("Leads", id.as_str());
        assert_eq!(
            writes,
            u32::from(!locked(i)),
            "record {i} written {writes} times"
        );
    }
    assert_eq!(outcomes.failures().count(), 770);
    assert_eq!(reports.len(), 100);
    assert!(reports.windows(2).all(|w| w[0].done < w[1].done));
    let last = reports.last().unwrap();
    assert_eq!((last.done, last.failed, last.total), (10_000, 770, 10_000));
    assert!(sandbox.peak_in_flight() <= 8);
    let sent = common::received(&sandbox, "PUT", LEADS);
    assert!(sent > 110, "faults struck ({sent} calls for 100 batches)");
}

#[tokio::test]
async fn a_batch_that_fails_whole_gives_each_of_its_records_the_error() {
    let sandbox = Sandbox::start().await.unwrap();
    let second_post = FaultRule::new(Fault::InternalError)
        .after_apply()
        .method("POST")
        .skip(1)
        .times(1);
    sandbox.set_faults(storm(vec![second_post]));
    // One call at a time, so the second call sent is the second batch.
    let client = common::client(&sandbox).max_concurrent(1).build().unwrap();
    let mut reports = Vec::new();
    let outcomes = client
        .batch(&new_leads("Batch", 250))
        .on_progress(|p| reports.push(p))
        .send()
        .await
        .unwrap();

    assert_eq!(outcomes.len(), 250);
    let shared = match &outcomes[100] {
        Err(RecordFailure::BatchFailed { error, .. }) => error.clone(),
        other => panic!("{other:?}"),
    };
    assert!(matches!(*shared, Error::NotRetried { .. }), "{shared:?}");
    for (i, outcome) in outcomes.iter().enumerate() {
        match outcome {
            Ok(success) => assert!(!(100..200).contains(&i) && success.id().is_some()),
            Err(failure @ RecordFailure::BatchFailed { error, records }) => {
                assert!((100..200).contains(&i), "{i}");
                assert_eq!(records, &(100..200));
                assert!(Arc::ptr_eq(error, &shared));
                assert!(failure.may_have_been_applied());
            }
            other => panic!("record {i}: {other:?}"),
        }
    }
    assert_eq!(
        common::received(&sandbox, "POST", LEADS),
        3,
        "nothing was sent twice"
    );
    assert_eq!(
        common::leads_named(&sandbox, "Batch 150"),
        1,
        "applied before the 500"
    );
    let last = reports.last().unwrap();
    assert_eq!((reports.len(), last.done, last.failed), (3, 250, 100));
}

#[tokio::test]
async fn mass_update_ids_go_500_a_call_and_an_idempotent_post_is_retried() {
    let sandbox = Sandbox::start().await.unwrap();
    let ids = common::stored_leads(&sandbox, 1_200);
    let first_call = FaultRule::new(Fault::InternalError)
        .after_apply()
        .path_contains("/actions/mass_update")
        .times(1);
    sandbox.set_faults(storm(vec![first_call]));
    let client = common::client(&sandbox).build().unwrap();
    let update = MassUpdateLeads {
        no_of_employees: 42,
        ids: ids.clone(),
    };
    let outcomes = client.send_all(&update).await.unwrap();
    assert!(outcomes.all_succeeded(), "{outcomes}");
    assert_eq!(outcomes.len(), 1_200);
    let calls: Vec<usize> = sandbox
        .journal()
        .iter()
        .filter(|e| e.path.ends_with("/actions/mass_update"))
        .map(|e| e.json().unwrap()["ids"].as_array().unwrap().len())
        .collect();
    let mut sizes = calls.clone();
    sizes.sort_unstable();
    assert_eq!(calls.len(), 4, "three batches, one sent again: {calls:?}");
    assert!(
        sizes.ends_with(&[200, 500, 500]) || sizes == [200, 200, 500, 500],
        "{calls:?}"
    );
    for id in [&ids[0], &ids[600], &ids[1_199]] {
        assert_eq!(
            sandbox.record("Leads", id.as_str()).unwrap()["No_of_Employees"],
            42
        );
    }
}

#[tokio::test]
async fn send_refuses_more_records_than_zoho_takes() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = common::client(&sandbox).build().unwrap();
    let err = new_leads("Too many", 101).send(&client).await.unwrap_err();
    assert!(matches!(err, Error::InvalidRequest { .. }), "{err:?}");
    assert!(err.to_string().contains("send_all"), "{err}");
    assert!(sandbox.journal().is_empty());
    let outcomes = client.send_all(&new_leads("Many", 0)).await.unwrap();
    assert!(outcomes.is_empty());
    assert!(sandbox.journal().is_empty(), "no records, no call");
}
