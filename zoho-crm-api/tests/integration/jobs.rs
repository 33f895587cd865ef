//! `Client::wait_for_job` against the sandbox's jobs: a job that completes, one that fails,
//! and one still pending at the deadline.

use std::time::Duration;

use zoho_crm_api::mass_delete::{GetMassDeleteStatus, MassDelete};
use zoho_crm_api::mass_update::{GetMassUpdateStatus, MassUpdate};
use zoho_crm_api::{Client, Error, Record};
use zoho_sandbox::{RecordState, Sandbox};

use crate::common;

use common::{client, quick};

/// Schedules a mass delete of every task and answers its job id.
async fn delete_all_tasks(sandbox: &Sandbox, client: &Client) -> String {
    let cvid = sandbox.custom_view_id("Tasks").unwrap();
    let scheduled = MassDelete::by_view("Tasks", cvid)
        .send(client)
        .await
        .unwrap();
    scheduled[0]
        .as_ref()
        .unwrap()
        .details
        .job_id()
        .unwrap()
        .as_str()
        .to_owned()
}

#[tokio::test]
async fn a_job_is_waited_for_through_its_states_until_it_completes() {
    let sandbox = Sandbox::builder()
        .mass_update_pending_polls(3)
        .start()
        .await
        .unwrap();
    let client = client(&sandbox);
    sandbox.insert_record("Tasks", r#"{"Subject": "Call back"}"#.parse().unwrap());
    let tasks = sandbox.records("Tasks").len() as u64;
    let job_id = delete_all_tasks(&sandbox, &client).await;
    let status = GetMassDeleteStatus::of("Tasks", job_id.as_str());
    sandbox.clear_journal();
    let done = client.wait_for_job(&status, &quick()).await.unwrap();
    let row = done.row().unwrap();
    assert_eq!(
        (row.status.as_str(), row.deleted_count),
        ("COMPLETED", tasks)
    );
    assert_eq!(
        sandbox.journal().len(),
        4,
        "three pending answers, then the final one"
    );
}

#[tokio::test]
async fn a_job_that_processed_nothing_is_job_failed() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    sandbox.insert_record("Tasks", r#"{"Subject": "Write up"}"#.parse().unwrap());
    for task in sandbox.records("Tasks") {
        sandbox.set_record_state("Tasks", task["id"].as_str().unwrap(), RecordState::Locked);
    }
    let job_id = delete_all_tasks(&sandbox, &client).await;
    let status = GetMassDeleteStatus::of("Tasks", job_id.as_str());
    match client.wait_for_job(&status, &quick()).await {
        Err(Error::JobFailed {
            job_id: failed,
            state,
            ..
        }) => {
            assert_eq!(
                (failed.as_str(), state.as_str()),
                (job_id.as_str(), "FAILED")
            );
        }
        other => panic!("expected JobFailed, got {other:?}"),
    }
    assert!(
        !sandbox.records("Tasks").is_empty(),
        "no locked task was deleted"
    );
}

#[tokio::test]
async fn a_job_still_pending_at_the_deadline_is_job_timed_out() {
    let sandbox = Sandbox::builder()
        .mass_update_pending_polls(1_000)
        .start()
        .await
        .unwrap();
    let client = client(&sandbox);
    let cvid = sandbox.custom_view_id("Leads").unwrap();
    let mut change = Record::new();
    change.set("Lead_Source", "Trade Show");
    let scheduled = MassUpdate::by_view("Leads", cvid, change)
        .send(&client)
        .await
        .unwrap();
    let job_id = scheduled[0].as_ref().unwrap().details.job_id().unwrap();
    let status = GetMassUpdateStatus::of("Leads", job_id.clone());
    let wait = quick().deadline(Duration::from_millis(60));
    match client.wait_for_job(&status, &wait).await {
        Err(Error::JobTimedOut {
            job_id: pending,
            state,
            ..
        }) => {
            assert_eq!(
                (pending.as_str(), state.as_str()),
                (job_id.as_str(), "RUNNING")
            );
        }
        other => panic!("expected JobTimedOut, got {other:?}"),
    }
}
