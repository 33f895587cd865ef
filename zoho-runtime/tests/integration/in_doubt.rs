//! Records whose fate is unknown after a batch's answer was lost: sent again as an upsert when
//! the endpoint declares a unique field, settled by reconciliation otherwise. Each test checks
//! the outcomes against the sandbox's store and journal.

use crate::common;

use common::{InsertKeyedLeads, InsertLeads, KeyedLead, NewLead};
use zoho_runtime::reconcile::{locator_fn, SearchLocator, Verdict};
use zoho_runtime::{Action, RecordFailure, RecordId};
use zoho_sandbox::{Fault, FaultRule, Faults, Sandbox};

const LEADS: &str = "/crm/v8/Leads";
const UPSERT: &str = "/crm/v8/Leads/upsert";

fn one_fault(rule: FaultRule) -> Faults {
    Faults {
        seed: 3,
        rules: vec![rule.times(1)],
        ..Faults::default()
    }
}

fn keyed(name: &str, with_key: bool) -> KeyedLead {
    KeyedLead {
        last_name: name.to_owned(),
        email: with_key.then(|| format!("{}@example.com", name.replace(' ', "."))),
    }
}

/// The ids of the stored leads with this `Last_Name`.
fn stored(sandbox: &Sandbox, name: &str) -> Vec<String> {
    sandbox
        .records("Leads")
        .iter()
        .filter(|r| r["Last_Name"] == name)
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn an_insert_in_doubt_with_keys_is_upserted_and_says_created_or_found() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = common::client(&sandbox).build().unwrap();
    // Before applying: the upsert creates the record. After applying: it finds it.
    let cases = [
        (
            "Before",
            FaultRule::new(Fault::InternalError),
            Action::Insert,
        ),
        (
            "After",
            FaultRule::new(Fault::DropConnection).after_apply(),
            Action::Update,
        ),
    ];
    for (name, rule, action) in cases {
        sandbox.clear_journal();
        sandbox.set_faults(one_fault(rule.method("POST").path_contains("/Leads")));
        let names = [format!("{name} keyed"), format!("{name} bare")];
        let call = InsertKeyedLeads {
            leads: vec![keyed(&names[0], true), keyed(&names[1], false)],
        };
        let outcomes = client.send_all(&call).await.unwrap();
        sandbox.clear_faults();
        assert_eq!(common::received(&sandbox, "POST", LEADS), 1, "{name}");
        assert_eq!(common::received(&sandbox, "POST", UPSERT), 1, "{name}");
        let upsert = sandbox
            .journal()
            .into_iter()
            .find(|e| e.path == UPSERT)
            .unwrap();
        let body = upsert.json().unwrap();
        assert_eq!(body["duplicate_check_fields"], serde_json::json!(["Email"]));
        assert_eq!(
            body["data"].as_array().unwrap().len(),
            1,
            "only the keyed record"
        );

        let ids = stored(&sandbox, &names[0]);
        assert_eq!(ids.len(), 1, "{name}: stored once");
        let success = outcomes[0].as_ref().unwrap();
        assert_eq!(success.action, Some(action.clone()), "{name}");
        assert_eq!(success.was_already_there(), action == Action::Update);
        assert_eq!(success.id().unwrap().as_str(), ids[0]);
        let expected_writes = if action == Action::Update { 2 } else { 1 };
        assert_eq!(sandbox.write_count("Leads", &ids[0]), expected_writes);

        let bare = outcomes[1].as_ref().unwrap_err();
        assert!(
            bare.may_have_been_applied(),
            "{name}: no key, still in doubt"
        );
        let applied = usize::from(action == Action::Update);
        assert_eq!(stored(&sandbox, &names[1]).len(), applied, "{name}");
    }
}

#[tokio::test]
async fn an_upsert_in_doubt_is_itself_retried_until_answered() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = common::client(&sandbox).build().unwrap();
    sandbox.set_faults(Faults {
        seed: 3,
        rules: vec![FaultRule::new(Fault::DropConnection)
            .after_apply()
            .method("POST")
            .times(3)],
        ..Faults::default()
    });
    let call = InsertKeyedLeads {
        leads: vec![keyed("Thrice", true)],
    };
    let outcomes = client.send_all(&call).await.unwrap();
    sandbox.clear_faults();
    // The insert, two upserts whose answers were lost, and the one answered.
    assert_eq!(common::received(&sandbox, "POST", LEADS), 1);
    assert_eq!(common::received(&sandbox, "POST", UPSERT), 3);
    let ids = stored(&sandbox, "Thrice");
    assert_eq!(ids.len(), 1);
    let success = outcomes[0].as_ref().unwrap();
    assert_eq!(success.action, Some(Action::Update));
    assert_eq!(sandbox.write_count("Leads", &ids[0]), 4);
}

#[tokio::test]
async fn reconciliation_turns_each_record_in_doubt_into_applied_or_not_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = common::client(&sandbox).build().unwrap();
    // 200 records, two calls: one answer lost after the write, one call refused before it.
    sandbox.set_faults(Faults {
        seed: 3,
        rules: vec![
            FaultRule::new(Fault::DropConnection)
                .after_apply()
                .method("POST")
                .times(1),
            FaultRule::new(Fault::InternalError).method("POST").times(1),
        ],
        ..Faults::default()
    });
    let names: Vec<String> = (0..200).map(|i| format!("Reconciled {i}")).collect();
    let call = InsertLeads {
        leads: names
            .iter()
            .map(|n| NewLead {
                last_name: n.clone(),
            })
            .collect(),
    };
    let outcomes = client.send_all(&call).await.unwrap();
    sandbox.clear_faults();
    assert_eq!(
        outcomes.in_doubt().count(),
        200,
        "both calls' answers were lost"
    );

    let settled = outcomes
        .reconcile(&client, &call, &SearchLocator::by_fields(["Last_Name"]))
        .await;
    assert_eq!(settled.len(), 200);
    assert_eq!(settled.in_doubt().count(), 0);
    let (mut applied, mut not_applied) = (0, 0);
    for (i, outcome) in settled.iter().enumerate() {
        let ids = stored(&sandbox, &names[i]);
        match outcome {
            Ok(success) => {
                assert_eq!(success.action, Some(Action::Found), "record {i}");
                assert_eq!(ids, [success.id().unwrap().to_string()], "record {i}");
                applied += 1;
            }
            Err(RecordFailure::NotApplied { .. }) => {
                assert!(ids.is_empty(), "record {i}");
                not_applied += 1;
            }
            Err(other) => panic!("record {i}: {other:?}"),
        }
    }
    assert_eq!((applied, not_applied), (100, 100));
}

#[tokio::test]
async fn reconciliation_says_why_it_cannot_tell() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = common::client(&sandbox).build().unwrap();
    // A record of the same name stored before: two agree with the record sent.
    let twin: zoho_runtime::Json = serde_json::json!({"Last_Name": "Twin"});
    sandbox.insert_record("Leads", twin).unwrap();
    sandbox.set_faults(one_fault(
        FaultRule::new(Fault::DropConnection)
            .after_apply()
            .method("POST"),
    ));
    let call = InsertLeads {
        leads: vec![
            NewLead {
                last_name: "Twin".into(),
            },
            NewLead {
                last_name: "Single".into(),
            },
        ],
    };
    let outcomes = client.send_all(&call).await.unwrap();
    sandbox.clear_faults();

    let by_key = outcomes
        .clone()
        .reconcile(&client, &call, &SearchLocator::by_key())
        .await;
    for (_, failure) in by_key.failures() {
        let RecordFailure::Undecided { reason, .. } = failure else {
            panic!("{failure:?}");
        };
        assert!(reason.contains("no unique field"), "{reason}");
    }
    let by_name = outcomes
        .clone()
        .reconcile(&client, &call, &SearchLocator::by_fields(["Last_Name"]))
        .await;
    match &by_name[0] {
        Err(RecordFailure::Undecided { reason, .. }) => {
            assert!(reason.contains("2 records found"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(by_name[1].as_ref().unwrap().action, Some(Action::Found));

    // A lookup of one's own: its verdicts are taken, and a record it leaves out is undecided.
    let first_only = locator_fn(|_client, doubts| async move {
        let id = RecordId::new(format!("given-{}", doubts[0].index));
        vec![Verdict::Applied(id)]
    });
    let custom = outcomes.reconcile(&client, &call, &first_only).await;
    assert_eq!(
        custom[0].as_ref().unwrap().id().unwrap().as_str(),
        "given-0"
    );
    assert!(matches!(
        &custom[1],
        Err(RecordFailure::Undecided { reason, .. }) if reason.contains("no verdict")
    ));
}
