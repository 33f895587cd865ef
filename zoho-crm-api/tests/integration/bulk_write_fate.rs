//! A bulk write whose job creation goes unanswered, against the sandbox's fault injection: the
//! job is found again by its callback, or the rows are sent again as an upsert on their unique
//! key, or the write ends in doubt — never a second job that imports the rows twice. Each test
//! checks the sandbox's store (every record, by its unique e-mail) and its journal (every
//! creation, and whether it was applied) against what the write answered.
//!
//! The soak at the end writes many jobs under seeded faults and prints the figures
//! RELIABILITY.md gives (`cargo test -p zoho-crm-api --features callbacks --test
//! bulk_write_fate -- --nocapture`).

use std::collections::HashMap;

use zoho_crm_api::bulk_file::RowStatus;
use zoho_crm_api::bulk_write::{BulkOperation, BulkWrite, BulkWriteError, JobAction};
use zoho_crm_api::Record;
use zoho_sandbox::{Fault, FaultRule, JournalEntry, Sandbox};

use crate::common;

use common::{client, quick};

const MODULE: &str = "Contacts";

/// `n` contacts, each with an e-mail no other record has.
fn contacts(tag: &str, n: usize) -> Vec<Record> {
    (0..n)
        .map(|i| {
            let mut r = Record::new();
            r.set("Last_Name", format!("Row {i}"))
                .set("Email", format!("{tag}.{i}@bulk.example.com"));
            r
        })
        .collect()
}

/// The job creations the journal holds, with whether each was applied.
fn creations(journal: &[JournalEntry]) -> Vec<(bool, String)> {
    journal
        .iter()
        .filter(|e| e.method == "POST" && e.path.ends_with("/bulk/v8/write"))
        .map(|e| {
            let applied = e.fault.as_ref().is_none_or(|f| f.applied());
            let file_id = e.json().unwrap()["resource"][0]["file_id"]
                .as_str()
                .unwrap()
                .to_owned();
            (applied, file_id)
        })
        .collect()
}

/// The ids of the store's records, by e-mail.
fn by_email(sandbox: &Sandbox) -> HashMap<String, Vec<String>> {
    let mut ids: HashMap<String, Vec<String>> = HashMap::new();
    for c in sandbox.records(MODULE) {
        if let (Some(email), Some(id)) = (c["Email"].as_str(), c["id"].as_str()) {
            ids.entry(email.to_owned()).or_default().push(id.to_owned());
        }
    }
    ids
}

fn email(record: &Record) -> &str {
    record.value("Email").and_then(|v| v.as_str()).unwrap()
}

/// How many records of the store carry each e-mail of `records`.
fn copies(sandbox: &Sandbox, records: &[Record]) -> Vec<usize> {
    let stored = by_email(sandbox);
    records
        .iter()
        .map(|r| stored.get(email(r)).map_or(0, Vec::len))
        .collect()
}

fn lose_creation(fault: Fault, after: bool) -> FaultRule {
    let rule = FaultRule::new(fault)
        .method("POST")
        .path_contains("/bulk/v8/write")
        .times(1);
    if after {
        rule.after_apply()
    } else {
        rule
    }
}

/// Every record's outcome says what the store holds: its status, and the one record's id.
fn check_outcomes(
    sandbox: &Sandbox,
    records: &[Record],
    outcomes: &[zoho_crm_api::bulk_file::RowOutcome],
    status: RowStatus,
) {
    assert_eq!(outcomes.len(), records.len());
    let stored = by_email(sandbox);
    for (record, outcome) in records.iter().zip(outcomes) {
        let row = outcome.as_ref().unwrap();
        assert_eq!(row.status, status);
        let ids = stored.get(email(record)).cloned().unwrap_or_default();
        assert_eq!(
            ids.len(),
            1,
            "{} is stored {} times",
            email(record),
            ids.len()
        );
        assert_eq!(row.id.as_ref().map(|id| id.as_str()), Some(ids[0].as_str()));
    }
}

#[tokio::test]
async fn a_lost_insert_is_sent_again_as_an_upsert_on_its_key_and_finds_every_row() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let records = contacts("keyed", 30);
    sandbox.add_fault(lose_creation(Fault::DropConnection, true));
    let written = BulkWrite::new("1000", MODULE, BulkOperation::Insert, &records)
        .unique_key("Email")
        .send(&client, &quick())
        .await
        .unwrap();
    assert_eq!(written.action, JobAction::Resent);
    assert_eq!(written.attempts.len(), 2);
    assert!(written.attempts[0].lost.is_some());
    assert_eq!(written.attempts[1].operation, BulkOperation::Upsert);
    assert_eq!(written.attempts[1].find_by.as_deref(), Some("Email"));
    // Two jobs were applied — the insert whose answer was lost, and the upsert — and each row
    // is stored once: the upsert found every record the insert had made.
    let journal = creations(&sandbox.journal());
    assert_eq!(journal.iter().filter(|(applied, _)| *applied).count(), 2);
    let jobs = sandbox.bulk_jobs();
    assert_eq!(jobs.len(), 2);
    assert_eq!(
        (jobs[0].operation.as_str(), jobs[1].operation.as_str()),
        ("insert", "upsert")
    );
    assert_eq!(copies(&sandbox, &records), vec![1; records.len()]);
    check_outcomes(&sandbox, &records, &written.outcomes, RowStatus::Updated);
}

#[tokio::test]
async fn a_creation_refused_before_applying_is_sent_again_and_adds_every_row_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let records = contacts("before", 12);
    sandbox.add_fault(lose_creation(Fault::InternalError, false));
    let written = BulkWrite::new("1000", MODULE, BulkOperation::Upsert, &records)
        .find_by("Email")
        .send(&client, &quick())
        .await
        .unwrap();
    assert_eq!(written.action, JobAction::Resent);
    let journal = creations(&sandbox.journal());
    assert_eq!(journal.len(), 2);
    assert_eq!(journal.iter().filter(|(applied, _)| *applied).count(), 1);
    assert_eq!(sandbox.bulk_jobs().len(), 1);
    assert_eq!(copies(&sandbox, &records), vec![1; records.len()]);
    check_outcomes(&sandbox, &records, &written.outcomes, RowStatus::Added);
}

#[tokio::test]
async fn without_a_key_or_a_callback_a_lost_creation_is_in_doubt_and_not_sent_again() {
    for after in [true, false] {
        let sandbox = Sandbox::start().await.unwrap();
        let client = client(&sandbox);
        let records = contacts("doubt", 8);
        let fault = if after {
            Fault::DropConnection
        } else {
            Fault::InternalError
        };
        sandbox.add_fault(lose_creation(fault, after));
        let error = BulkWrite::new("1000", MODULE, BulkOperation::Insert, &records)
            .send(&client, &quick())
            .await
            .unwrap_err();
        // The error says what is in doubt, and its source is the unanswered creation's error.
        let shown = error.to_string();
        let source = std::error::Error::source(&error).map(ToString::to_string);
        let BulkWriteError::InDoubt(doubt) = error else {
            panic!("not in doubt: {shown}");
        };
        assert!(
            shown.starts_with(&format!(
                "a bulk write job of {MODULE} from file {} may exist (attempt token none): ",
                doubt.file_id
            )),
            "{shown}"
        );
        assert_eq!(source, Some(doubt.source.to_string()));
        assert!(doubt.source.may_have_been_applied());
        assert_eq!(doubt.token, None);
        assert_eq!(doubt.attempts.len(), 1);
        // One creation was sent, never a second; the journal says whether it was applied, and
        // the store holds each row once or not at all accordingly.
        let journal = creations(&sandbox.journal());
        assert_eq!(journal, vec![(after, doubt.file_id.clone())]);
        assert_eq!(sandbox.bulk_jobs().len(), usize::from(after));
        assert_eq!(
            copies(&sandbox, &records),
            vec![usize::from(after); records.len()]
        );
    }
}

#[tokio::test]
async fn a_row_without_its_key_is_refused_before_anything_is_sent() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let mut records = contacts("keyless", 3);
    records[1] = {
        let mut r = Record::new();
        r.set("Last_Name", "No mail");
        r
    };
    let error = BulkWrite::new("1000", MODULE, BulkOperation::Insert, &records)
        .unique_key("Email")
        .send(&client, &quick())
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            BulkWriteError::Failed(zoho_crm_api::Error::BulkFile { .. })
        ),
        "{error}"
    );
    assert!(sandbox.journal().is_empty());
}

#[cfg(feature = "callbacks")]
mod with_callbacks {
    use std::time::Duration;

    use super::*;
    use zoho_crm_api::bulk_write::MAX_CREATIONS;
    use zoho_crm_api::callbacks::CallbackReceiver;
    use zoho_sandbox::Faults;

    #[tokio::test]
    async fn a_lost_creation_is_found_by_its_callback_and_its_rows_imported_once() {
        let sandbox = Sandbox::start().await.unwrap();
        let client = client(&sandbox);
        let receiver = CallbackReceiver::loopback().await.unwrap();
        let records = contacts("called", 40);
        sandbox.add_fault(lose_creation(Fault::DropConnection, true));
        let written = BulkWrite::new("1000", MODULE, BulkOperation::Insert, &records)
            .callbacks(&receiver)
            .send(&client, &quick())
            .await
            .unwrap();
        assert_eq!(written.action, JobAction::Found);
        assert_eq!(written.attempts.len(), 1);
        // One creation, applied, its answer lost; one job; its callback carried the attempt's
        // token and named that job.
        let journal = creations(&sandbox.journal());
        assert_eq!(journal, vec![(true, written.attempts[0].file_id.clone())]);
        let jobs = sandbox.bulk_jobs();
        assert_eq!(jobs.len(), 1);
        assert_eq!(jobs[0].id, written.job_id);
        assert_eq!(jobs[0].file_id.as_ref(), Some(&written.attempts[0].file_id));
        let called = receiver.received();
        assert_eq!(called.len(), 1);
        assert_eq!(called[0].token, written.attempts[0].token);
        assert_eq!(called[0].job_id.as_deref(), Some(written.job_id.as_str()));
        assert_eq!(
            called[0].file_ids,
            vec![written.attempts[0].file_id.clone()]
        );
        assert_eq!(Some(&called[0].body), jobs[0].callback_sent.as_ref());
        assert_eq!(copies(&sandbox, &records), vec![1; records.len()]);
        check_outcomes(&sandbox, &records, &written.outcomes, RowStatus::Added);
    }

    #[tokio::test]
    async fn a_callback_that_never_comes_leaves_an_unkeyed_write_in_doubt_with_its_token() {
        let sandbox = Sandbox::start().await.unwrap();
        let client = client(&sandbox);
        // Zoho is told a URL nothing listens on: the callback is sent, and lost.
        let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let nowhere = format!("http://{}/zoho/bulk-callback", closed.local_addr().unwrap());
        drop(closed);
        let receiver = CallbackReceiver::loopback()
            .await
            .unwrap()
            .public_url(nowhere);
        let records = contacts("uncalled", 5);
        sandbox.add_fault(lose_creation(Fault::DropConnection, true));
        let wait = quick().deadline(Duration::from_millis(300));
        let error = BulkWrite::new("1000", MODULE, BulkOperation::Insert, &records)
            .callbacks(&receiver)
            .send(&client, &wait)
            .await
            .unwrap_err();
        let BulkWriteError::InDoubt(doubt) = error else {
            panic!("not in doubt: {error}");
        };
        let jobs = sandbox.bulk_jobs();
        assert_eq!(jobs.len(), 1);
        let url = jobs[0].callback_url.as_deref().unwrap();
        assert!(
            url.ends_with(&format!("?attempt={}", doubt.token.as_deref().unwrap())),
            "{url}"
        );
        assert_eq!(jobs[0].file_id.as_deref(), Some(doubt.file_id.as_str()));
        assert!(receiver.received().is_empty());
        assert_eq!(creations(&sandbox.journal()).len(), 1);
        assert_eq!(copies(&sandbox, &records), vec![1; records.len()]);
    }

    /// What one lane of the soak did.
    #[derive(Debug, Default)]
    struct Lane {
        writes: usize,
        rows: usize,
        creations: usize,
        applied: usize,
        lost: usize,
        found: usize,
        resent: usize,
        in_doubt: usize,
        in_doubt_applied: usize,
        duplicates: usize,
        missing: usize,
    }

    /// Many writes under seeded faults on the job creation (30% of the answers lost after the
    /// job was made, 20% of the rest refused `500` before), in three lanes: with a callback
    /// receiver, keyed on a unique e-mail, and neither. Every row of every write is checked
    /// against the store, every creation against the journal.
    #[tokio::test]
    async fn soak_many_writes_under_lost_creations() {
        const WRITES: usize = 30;
        const ROWS: usize = 20;
        let sandbox = Sandbox::start().await.unwrap();
        let client = client(&sandbox);
        let receiver = CallbackReceiver::loopback().await.unwrap();
        let creation = |fault| {
            FaultRule::new(fault)
                .method("POST")
                .path_contains("/bulk/v8/write")
        };
        sandbox.set_faults(Faults {
            seed: 15,
            rules: vec![
                creation(Fault::DropConnection)
                    .after_apply()
                    .probability(0.3),
                creation(Fault::InternalError).probability(0.2),
            ],
            ..Faults::default()
        });
        let mut lanes: Vec<(&str, Lane)> = ["callback", "keyed", "neither"]
            .into_iter()
            .map(|name| (name, Lane::default()))
            .collect();
        for round in 0..WRITES {
            for (name, lane) in &mut lanes {
                let records = contacts(&format!("soak.{name}.{round}"), ROWS);
                let write = BulkWrite::new("1000", MODULE, BulkOperation::Insert, &records);
                // A job the sandbox makes calls back at once: three seconds is a bound, far
                // above it, for the creations refused before applying, which never call back.
                let mut wait = quick();
                let write = match *name {
                    "callback" => {
                        wait = wait.deadline(Duration::from_secs(3));
                        write.callbacks(&receiver)
                    }
                    "keyed" => write.unique_key("Email"),
                    _ => write,
                };
                sandbox.clear_journal();
                let answer = write.send(&client, &wait).await;
                let journal = creations(&sandbox.journal());
                let applied = journal.iter().filter(|(a, _)| *a).count();
                lane.writes += 1;
                lane.rows += ROWS;
                lane.creations += journal.len();
                lane.applied += applied;
                let stored = copies(&sandbox, &records);
                lane.duplicates += stored.iter().map(|n| n.saturating_sub(1)).sum::<usize>();
                match answer {
                    Ok(written) => {
                        lane.lost += written.attempts.iter().filter(|a| a.lost.is_some()).count();
                        match written.action {
                            JobAction::Created => {}
                            JobAction::Found => lane.found += 1,
                            JobAction::Resent => lane.resent += 1,
                        }
                        lane.missing += stored.iter().filter(|n| **n == 0).count();
                        let status = if written.action == JobAction::Resent && applied > 1 {
                            RowStatus::Updated
                        } else {
                            RowStatus::Added
                        };
                        check_outcomes(&sandbox, &records, &written.outcomes, status);
                    }
                    Err(BulkWriteError::InDoubt(doubt)) => {
                        lane.lost += doubt.attempts.len();
                        lane.in_doubt += 1;
                        lane.in_doubt_applied += applied;
                        // Never sent again blindly: one creation, or for keyed rows every
                        // creation allowed, all unanswered; the rows stored once if the
                        // journal says one was applied, else not at all.
                        let sent = if *name == "keyed" { MAX_CREATIONS } else { 1 };
                        assert_eq!(journal.len(), sent, "{name} {round}");
                        assert_eq!(doubt.attempts.len(), sent, "{name} {round}");
                        assert_eq!(stored, vec![applied.min(1); ROWS], "{name} {round}");
                    }
                    Err(e) => panic!("{name} {round}: {e}"),
                }
            }
        }
        for (name, lane) in &lanes {
            println!(
                "bulk write soak, {name}: {} writes, {} rows, {} creations sent ({} applied, {} unanswered), \
                 {} found by callback, {} sent again keyed, {} in doubt ({} of them applied), \
                 {} duplicate rows, {} rows missing from completed writes",
                lane.writes, lane.rows, lane.creations, lane.applied, lane.lost, lane.found,
                lane.resent, lane.in_doubt, lane.in_doubt_applied, lane.duplicates, lane.missing
            );
            assert_eq!(lane.duplicates, 0, "{name}");
            assert_eq!(lane.missing, 0, "{name}");
            assert!(lane.lost > 0, "{name}: the faults never struck");
        }
        let (callback, keyed, neither) = (&lanes[0].1, &lanes[1].1, &lanes[2].1);
        // With a receiver, every answer lost after applying is found by its callback; only a
        // creation refused before applying (no job, no callback) is in doubt.
        assert!(callback.found > 0);
        assert_eq!(callback.in_doubt_applied, 0);
        assert!(keyed.resent > 0);
        assert_eq!(neither.found + neither.resent, 0);
        assert_eq!(neither.creations, neither.writes);
        assert!(neither.in_doubt > 0);
    }
}

#[tokio::test]
async fn a_callback_by_another_method_than_post_is_refused_and_no_job_made() {
    use zoho_crm_api::bulk_read::{BulkQuery, Callback, CreateBulkRead};
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let mut job = CreateBulkRead::of(BulkQuery::module("Leads"));
    job.callback = Some(Callback {
        url: "http://127.0.0.1:9/hook".into(),
        method: "get".into(),
    });
    let error = job.send(&client).await.unwrap_err();
    assert_eq!(
        error.code().map(|c| c.as_str()),
        Some("INVALID_CALLBACK_METHOD")
    );
    assert!(sandbox.bulk_jobs().is_empty());
}
