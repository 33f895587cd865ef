//! The blocking client, for programs without an async runtime: the same calls, retries and
//! batches, from plain threads.

#![cfg(feature = "blocking")]

use crate::common;

use std::time::Duration;

use common::{GetLead, InsertLeads, NewLead, LEAD};
use zoho_runtime::{Error, RecordId, RetryPolicy};
use zoho_sandbox::{Fault, FaultRule, Faults, Sandbox};

/// Runs the sandbox on a runtime of its own thread, as a remote Zoho would be.
fn sandbox() -> (Sandbox, tokio::runtime::Runtime) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let sandbox = runtime.block_on(Sandbox::start()).unwrap();
    (sandbox, runtime)
}

#[test]
fn sends_calls_and_batches_from_plain_threads() {
    let (sandbox, _runtime) = sandbox();
    sandbox.set_faults(Faults {
        seed: 3,
        rules: vec![FaultRule::new(Fault::TooManyRequests).probability(0.3)],
        ..Faults::default()
    });
    let client = common::client(&sandbox).build_blocking().unwrap();

    let lead: RecordId = LEAD.into();
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let client = client.clone();
            let lead = lead.clone();
            std::thread::spawn(move || client.send(&GetLead { id: lead }))
        })
        .collect();
    for thread in threads {
        let answer = thread.join().unwrap().unwrap();
        assert_eq!(answer["data"][0]["id"], LEAD);
    }

    let leads = (0..230)
        .map(|i| NewLead {
            last_name: format!("Blocking {i}"),
        })
        .collect();
    let mut done = Vec::new();
    let outcomes = client
        .send_all_with_progress(&InsertLeads { leads }, |p| done.push(p.done))
        .unwrap();
    assert_eq!(outcomes.len(), 230);
    assert!(outcomes.all_succeeded(), "{outcomes}");
    assert_eq!(done.len(), 3);
    assert_eq!(done.last(), Some(&230));
    assert_eq!(common::leads_named(&sandbox, "Blocking 229"), 1);
}

#[test]
fn refuses_to_block_inside_an_async_runtime() {
    let (sandbox, runtime) = sandbox();
    let client = common::client(&sandbox)
        .retry(RetryPolicy::never())
        .timeout(Duration::from_secs(2))
        .build_blocking()
        .unwrap();
    let err = runtime
        .block_on(async { client.send(&GetLead { id: LEAD.into() }) })
        .unwrap_err();
    assert!(matches!(err, Error::Config { .. }), "{err:?}");
    assert!(sandbox.journal().is_empty());
    // Dropped inside async code: must not panic.
    runtime.block_on(async move { drop(client) });
}
