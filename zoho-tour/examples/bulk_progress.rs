//! A sync job: 10,000 lead updates sent through the embedded sandbox with a progress bar.
//!
//! `cargo run --example bulk_progress`
//!
//! The client is set up as a production job would be: OAuth with a token store, the
//! organisation's edition as the concurrency limit, retries for what is safe to repeat. The
//! sandbox answers slowly, refuses a few calls with `429` and `500`, and has 1 lead in 50
//! locked: the job still ends with one outcome per record, in input order.

use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use zoho_runtime::auth::{MemoryTokenStore, RefreshingToken};
use zoho_runtime::serde::Serialize;
use zoho_runtime::{zoho_endpoint, Client, Edition, Progress, RecordId};
use zoho_sandbox::{Fault, FaultRule, Faults, RecordState, Sandbox, ALL_SCOPES};

/// A change to one lead.
#[derive(Serialize)]
#[serde(crate = "zoho_runtime::serde")]
struct LeadChange {
    id: RecordId,
    #[serde(rename = "Lead_Status")]
    status: &'static str,
}

/// Updates leads by the ids in the records.
#[zoho_endpoint(PUT "/Leads", scope = "ZohoCRM.modules.leads.UPDATE")]
struct UpdateLeads {
    #[zoho(records)]
    leads: Vec<LeadChange>,
}

const RECORDS: usize = 10_000;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = busy_sandbox().await?;
    let ids = stored_leads(&sandbox);

    let credentials = sandbox.oauth_client(ALL_SCOPES);
    let tokens = RefreshingToken::builder(
        credentials.client_id.as_str(),
        credentials.client_secret.as_str(),
        credentials.refresh_token.as_str(),
    )
    .accounts_url(sandbox.accounts_url())
    .store(MemoryTokenStore::new())
    .build()?;
    // No API domain here: the token answer names it, as Zoho's does.
    let client = Client::builder()
        .token_provider(tokens)
        .edition(Edition::Professional)
        .build()?;

    let leads = ids
        .iter()
        .map(|id| LeadChange {
            id: id.clone(),
            status: "Contacted",
        })
        .collect();
    let bar = progress_bar()?;
    let started = Instant::now();
    let outcomes = client
        .batch(&UpdateLeads { leads })
        .on_progress(|progress| show(&bar, progress))
        .send()
        .await?;
    bar.finish();

    println!("{outcomes} in {:.1?}", started.elapsed());
    println!(
        "{} calls sent for {} batches (the rest were retries), token requests: {}, \
         at most {} calls in flight",
        sandbox.journal().len(),
        RECORDS.div_ceil(100),
        sandbox.token_requests(),
        sandbox.peak_in_flight()
    );
    for (index, failure) in outcomes.failures().take(3) {
        let code = failure.code().map(|c| c.as_str()).unwrap_or("-");
        println!("  record {index} ({}): {code}: {failure}", ids[index]);
    }
    Ok(())
}

/// A sandbox that answers in about 30 ms, allows Professional's 15 calls at once, and refuses
/// some calls for a while.
async fn busy_sandbox() -> std::io::Result<Sandbox> {
    let faults = Faults {
        seed: 1,
        latency_ms: 30,
        max_concurrent: Some(Edition::Professional.max_concurrent()),
        rules: vec![
            FaultRule::new(Fault::TooManyRequests).probability(0.05),
            FaultRule::new(Fault::InternalError).probability(0.02),
        ],
        ..Faults::default()
    };
    Sandbox::builder()
        .generated_records(false)
        .faults(faults)
        .start()
        .await
}

/// Leads to update, stored straight into the sandbox; 1 in 50 locked.
fn stored_leads(sandbox: &Sandbox) -> Vec<RecordId> {
    (0..RECORDS)
        .filter_map(|i| {
            let fields = serde_json::json!({ "Last_Name": format!("Lead {i}") });
            let id = sandbox.insert_record("Leads", fields)?;
            if i % 50 == 7 {
                sandbox.set_record_state("Leads", &id, RecordState::Locked);
            }
            Some(RecordId::new(id))
        })
        .collect()
}

/// `[#########---------]  4200/10000 records, 84 failed`, redrawn in place on standard error.
fn progress_bar() -> Result<ProgressBar, indicatif::style::TemplateError> {
    let style = ProgressStyle::with_template("[{bar:40}] {pos:>6}/{len} records, {msg} failed")?
        .progress_chars("#-");
    Ok(ProgressBar::new(RECORDS as u64)
        .with_style(style)
        .with_message("0"))
}

/// Moves the bar to where the batch stands.
fn show(bar: &ProgressBar, progress: Progress) {
    bar.set_length(progress.total as u64);
    bar.set_position(progress.done as u64);
    bar.set_message(progress.failed.to_string());
}
