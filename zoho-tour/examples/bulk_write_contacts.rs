//! Bulk write: builds a zip of a CSV from contact records, uploads it to the content domain,
//! creates the insert job, waits for it, and reads each record's outcome from the result file,
//! in the order the records were given (one of them lacks its mandatory `Last_Name`).
//!
//! The write is keyed on `Email` (`unique_key`): were the job's creation to go unanswered, it
//! would be sent again as an upsert on the e-mail, which cannot import a contact twice. On the
//! embedded sandbox it also runs a loopback `CallbackReceiver`, by whose callback an unanswered
//! creation's job is found again; against Zoho, whose callbacks reach only a public URL, set
//! `ZOHO_CALLBACK_URL` to the public address that forwards to `ZOHO_CALLBACK_BIND`
//! (`host:port`) to do the same.
//!
//! Runs against the embedded sandbox, or the server named by `ZOHO_API_DOMAIN` and
//! `ZOHO_ACCESS_TOKEN` (or the refresh-token variables of `common::connect`); the organisation
//! id for `X-CRM-ORG` is `org=…` on the command line or `ZOHO_ORG_ID`. The token needs
//! `ZohoCRM.bulk.CREATE`, `ZohoCRM.bulk.READ`, `ZohoCRM.modules.contacts.CREATE` and
//! `ZohoFiles.files.ALL`.

use std::time::Duration;

use zoho_crm_api::bulk_file::{csv_rows, RowStatus};
use zoho_crm_api::bulk_write::{BulkOperation, BulkWrite};
use zoho_crm_api::callbacks::CallbackReceiver;
use zoho_crm_api::Record;
use zoho_runtime::jobs::Wait;
use zoho_tour::common;

fn contact(first: &str, last: Option<&str>, email: &str) -> Record {
    let mut record = Record::new();
    record.set("First_Name", first).set("Email", email);
    if let Some(last) = last {
        record.set("Last_Name", last);
    }
    record
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let conn = common::connect().await?;
    let org = std::env::var("ZOHO_ORG_ID").unwrap_or_else(|_| conn.id("org", "1000"));
    let contacts = vec![
        contact("Grace", Some("Hopper"), "grace.hopper@example.com"),
        contact("Nameless", None, "nameless@example.com"),
        contact("Hedy", Some("Lamarr"), "hedy.lamarr@example.com"),
    ];
    for row in csv_rows(&contacts)? {
        println!("csv  | {}", row.join(","));
    }
    // The sandbox finishes a job at its second status check; Zoho takes seconds to minutes.
    let first = if conn.sandbox.is_some() { 50 } else { 2_000 };
    let wait = Wait::default()
        .interval(Duration::from_millis(first))
        .deadline(Duration::from_secs(15 * 60));
    let receiver = match std::env::var("ZOHO_CALLBACK_URL") {
        Ok(url) => {
            let bind = std::env::var("ZOHO_CALLBACK_BIND")?.parse()?;
            Some(CallbackReceiver::bind(bind).await?.public_url(url))
        }
        Err(_) if conn.sandbox.is_some() => Some(CallbackReceiver::loopback().await?),
        Err(_) => None,
    };
    let mut write =
        BulkWrite::new(&org, "Contacts", BulkOperation::Insert, &contacts).unique_key("Email");
    if let Some(receiver) = &receiver {
        write = write.callbacks(receiver);
    }
    let written = write.send(&conn.client, &wait).await?;
    println!(
        "job {} ({:?}, {} creation(s) sent)",
        written.job_id,
        written.action,
        written.attempts.len()
    );
    let outcomes = written.outcomes;
    for (record, outcome) in contacts.iter().zip(&outcomes) {
        let email = record
            .value("Email")
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        match outcome {
            Ok(done) if done.status == RowStatus::Added => {
                println!(
                    "added   {email}: id {}",
                    done.id.as_ref().map_or("?", |id| id.as_str())
                )
            }
            Ok(done) => println!("{:?} {email}", done.status),
            Err(error) => println!(
                "refused {email}: {} ({})",
                error.code,
                error.field.as_deref().unwrap_or("")
            ),
        }
    }
    Ok(())
}
