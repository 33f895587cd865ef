//! 3. Bulk throughput, and the driver of parts 3 and 5, which share a sandbox runtime.

use std::error::Error as StdError;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use hyper::header::{AUTHORIZATION, CONTENT_TYPE};
use hyper::StatusCode;
use serde::Serialize;
use serde_json::json;
use zoho_runtime::{zoho_endpoint, Client, Endpoint, Outcomes, RecordId};
use zoho_sandbox::{Faults, Sandbox};
use zoho_tour::seeds::{ids, LeadUpdate};

use crate::capacity::{hammer, json_put, sandbox_capacity};
use crate::records::{hand_client, Envelope, HandAnswer, Lead, UpdateLeads};
use crate::support::{percentile, thousands, Fallible, Row, Verdict};

const BULK_RECORDS: usize = 10_000;
const BULK_RUNS: usize = 5;
const UNLIMITED_RUNS: usize = 3;
const NAIVE_SAMPLE: usize = 250;
const LATENCY_MS: u64 = 20;
const LIMIT: usize = 10;

/// A lead's status change: the record of the project's bulk example
/// (`examples/bulk_progress.rs`), an id and one field.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct StatusChange {
    pub(crate) id: RecordId,
    #[serde(rename = "Lead_Status")]
    pub(crate) lead_status: &'static str,
}

/// Changes the status of leads named by the `id` of each record.
#[zoho_endpoint(PUT "/Leads", scope = "ZohoCRM.modules.leads.UPDATE", version = "v2")]
struct UpdateLeadStatuses {
    /// The changes.
    #[zoho(records)]
    leads: Vec<StatusChange>,
}

/// Part 3, then part 5 on the same sandbox.
///
/// The sandbox stands for Zoho, another machine: it runs on a Tokio runtime of its own, so its
/// handlers (which hold the store's lock for a whole write) never hold up the client's worker
/// threads. The client runs on a multi-thread runtime, as under `#[tokio::main]`.
pub(crate) fn bulk_and_sandbox(rows: &mut Vec<Row>, bulk: bool, capacity: bool) -> Fallible {
    let server = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("sandbox")
        .build()?;
    let client = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    if bulk {
        let section = Instant::now();
        let sandbox = server.block_on(Sandbox::builder().generated_records(false).start())?;
        let (ids, leads) = stored_leads(&sandbox)?;
        client.block_on(bulk_throughput(rows, &sandbox, &ids, &leads))?;
        println!("  (bulk section: {:.1?})", section.elapsed());
    }
    if capacity {
        // A fresh sandbox, so its leads are as small as at the start of part 3.
        let section = Instant::now();
        let sandbox = server.block_on(Sandbox::builder().generated_records(false).start())?;
        let (ids, leads) = stored_leads(&sandbox)?;
        client.block_on(sandbox_capacity(rows, &sandbox, &ids, &leads))?;
        println!("  (sandbox section: {:.1?})", section.elapsed());
    }
    Ok(())
}

/// 10,000 leads stored straight into the sandbox (a `Last_Name` each), and seed 002's update
/// of each of them as a record: the seed's fields without its two unique ones (every lead
/// cannot hold the same `Email` or `Mobile`), 24 fields a record.
fn stored_leads(sandbox: &Sandbox) -> Fallible<(Vec<RecordId>, Vec<Lead>)> {
    let ids = (0..BULK_RECORDS)
        .map(|i| {
            let fields = json!({ "Last_Name": format!("Lead {i}") });
            sandbox
                .insert_record("Leads", fields)
                .map(RecordId::new)
                .ok_or_else(|| "the sandbox did not store a lead".into())
        })
        .collect::<Fallible<Vec<RecordId>>>()?;
    let mut update = LeadUpdate::seed(ids::USER);
    update.email = None;
    update.mobile = None;
    let leads = ids
        .iter()
        .map(|id| Lead::of(&update, Some(id.clone())))
        .collect();
    Ok((ids, leads))
}

/// The theoretical ceiling: `LIMIT` calls in flight, each of 100 records, each taking the
/// added latency.
pub(crate) fn ceiling() -> f64 {
    (LIMIT * 100) as f64 / (LATENCY_MS as f64 / 1000.0)
}

async fn bulk_throughput(
    rows: &mut Vec<Row>,
    sandbox: &Sandbox,
    ids: &[RecordId],
    leads: &[Lead],
) -> Fallible {
    // The client keeps itself to 10 calls in flight; the sandbox refuses an 11th with 429, as
    // Zoho would, so a client that went over would show retries.
    let client = Client::builder()
        .api_domain(sandbox.base_url())
        .access_token(sandbox.access_token())
        .max_concurrent(LIMIT)
        .build()?;
    let statuses = UpdateLeadStatuses {
        leads: ids
            .iter()
            .map(|id| StatusChange {
                id: id.clone(),
                lead_status: "Contacted",
            })
            .collect(),
    };
    let full = UpdateLeads {
        leads: leads.to_vec(),
    };

    // The references run while the leads are as small as in the status-change runs.
    let by_hand = HandBulk::new(sandbox, statuses.leads.clone())?;
    let status_figures = bulk_case(sandbox, &client, &statuses, &by_hand, "status changes").await?;
    let references = bulk_references(sandbox, ids, &statuses.leads).await?;
    let by_hand = HandBulk::new(sandbox, full.leads.clone())?;
    let full_figures = bulk_case(
        sandbox,
        &client,
        &full,
        &by_hand,
        "seed 002 leads (24 fields)",
    )
    .await?;

    // The naive loop: one record per call, one call after the other, on a sample.
    sandbox.set_faults(faults(LATENCY_MS));
    let started = Instant::now();
    for change in &statuses.leads[..NAIVE_SAMPLE] {
        let one = UpdateLeadStatuses {
            leads: vec![change.clone()],
        };
        let outcomes = client.send(&one).await?;
        if !outcomes.all_succeeded() {
            return Err(format!("naive update of {}: {outcomes}", change.id).into());
        }
    }
    let naive_elapsed = started.elapsed();
    let naive = NAIVE_SAMPLE as f64 / naive_elapsed.as_secs_f64();
    println!(
        "  naive loop: {NAIVE_SAMPLE} status changes one per call in {naive_elapsed:.2?} = {naive:.1} records/s \
         ({:.0} s for {})",
        BULK_RECORDS as f64 / naive,
        thousands(BULK_RECORDS as f64)
    );
    sandbox.clear_faults();

    for (name, figures) in [
        ("status changes", &status_figures),
        ("seed 002 leads, 24 fields", &full_figures),
    ] {
        let share = figures.median / ceiling();
        rows.push(Row {
            measure: format!(
                "3. bulk, {name}: records/s, {LIMIT} in flight, +{LATENCY_MS} ms (median of {BULK_RUNS})"
            ),
            generated: thousands(figures.median),
            baseline: format!("ceiling {}", thousands(ceiling())),
            ratio: format!("{:.1}%", share * 100.0),
            target: "≥ 90%".to_owned(),
            verdict: if share >= 0.9 {
                Verdict::Pass
            } else {
                Verdict::Miss
            },
        });
        rows.push(Row {
            measure: "   same, written by hand: reqwest + serde, 10 tasks (records/s)".to_owned(),
            generated: thousands(figures.median),
            baseline: thousands(figures.by_hand),
            ratio: format!("{:.3}", figures.median / figures.by_hand),
            target: "—".to_owned(),
            verdict: Verdict::Info,
        });
        rows.push(Row {
            measure: "   same, no added latency: what client + sandbox process here".to_owned(),
            generated: thousands(figures.unlimited),
            baseline: format!("ceiling {}", thousands(ceiling())),
            ratio: format!("{:.1}%", figures.unlimited / ceiling() * 100.0),
            target: "—".to_owned(),
            verdict: Verdict::Info,
        });
    }
    rows.push(Row {
        measure: "   reference: a bare tokio sleep of 20 ms (ms)".to_owned(),
        generated: "—".to_owned(),
        baseline: format!("{:.2}", references.sleep_ms),
        ratio: format!("{:.1}%", LATENCY_MS as f64 / references.sleep_ms * 100.0),
        target: "—".to_owned(),
        verdict: Verdict::Info,
    });
    rows.push(Row {
        measure: "   reference: 10 plain GETs in flight, +20 ms (calls/s)".to_owned(),
        generated: "—".to_owned(),
        baseline: format!("{:.0} of 500", references.get_calls),
        ratio: format!("{:.1}%", references.get_calls / 500.0 * 100.0),
        target: "—".to_owned(),
        verdict: Verdict::Info,
    });
    rows.push(Row {
        measure: "   reference: plain reqwest, same status bodies, answers not decoded".to_owned(),
        generated: "—".to_owned(),
        baseline: thousands(references.put_records),
        ratio: format!("{:.1}%", references.put_records / ceiling() * 100.0),
        target: "—".to_owned(),
        verdict: Verdict::Info,
    });
    rows.push(Row {
        measure: format!("3. naive loop, one status change per call ({NAIVE_SAMPLE} sampled)"),
        generated: format!("{naive:.1}"),
        baseline: format!("bulk {}", thousands(status_figures.median)),
        ratio: format!("bulk ×{:.0}", status_figures.median / naive),
        target: "—".to_owned(),
        verdict: Verdict::Info,
    });
    Ok(())
}

/// The batching path written by hand: `LIMIT` tasks take the next 100 records in turn, render
/// them with `serde_json::to_vec`, send them with reqwest and decode every answer with serde,
/// checking one success per record.
struct HandBulk<T> {
    http: reqwest::Client,
    auth: Arc<String>,
    url: Arc<String>,
    records: Arc<Vec<T>>,
}

impl<T: Serialize + Send + Sync + 'static> HandBulk<T> {
    fn new(sandbox: &Sandbox, records: Vec<T>) -> Fallible<Self> {
        Ok(HandBulk {
            http: hand_client()?,
            auth: Arc::new(format!("Zoho-oauthtoken {}", sandbox.access_token())),
            url: Arc::new(format!("{}/Leads", sandbox.crm_url("v2"))),
            records: Arc::new(records),
        })
    }

    /// Sends every record once: records per second.
    async fn run(&self) -> Fallible<f64> {
        let next = Arc::new(AtomicUsize::new(0));
        let started = Instant::now();
        let tasks: Vec<_> = (0..LIMIT)
            .map(|_| {
                let (http, auth, url) = (self.http.clone(), self.auth.clone(), self.url.clone());
                let (records, next) = (self.records.clone(), next.clone());
                tokio::spawn(async move {
                    loop {
                        let start = next.fetch_add(100, Ordering::SeqCst);
                        let end = (start + 100).min(records.len());
                        let Some(batch) = records.get(start..end).filter(|b| !b.is_empty()) else {
                            return Ok::<(), Box<dyn StdError + Send + Sync>>(());
                        };
                        let body = serde_json::to_vec(&Envelope { data: batch })?;
                        let response = http
                            .put(url.as_str())
                            .header(AUTHORIZATION, auth.as_str())
                            .header(CONTENT_TYPE, "application/json")
                            .body(body)
                            .send()
                            .await?;
                        let bytes = response.bytes().await?;
                        let answer: HandAnswer = serde_json::from_slice(&bytes)?;
                        if answer.data.len() != batch.len()
                            || answer.data.iter().any(|r| r.status != "success")
                        {
                            return Err("a hand-written batch failed".into());
                        }
                    }
                })
            })
            .collect();
        for task in tasks {
            task.await??;
        }
        Ok(self.records.len() as f64 / started.elapsed().as_secs_f64())
    }
}

/// Part 3's reference figures, without the runtime's client.
struct References {
    /// Plain GETs of one lead per second, `LIMIT` in flight, with the added latency: the most
    /// calls the sandbox's latency lets through on this machine when a call costs nothing else.
    get_calls: f64,
    /// Records per second of plain reqwest PUTs of 100 status changes (bodies rendered once,
    /// answers read but not decoded), `LIMIT` in flight, with the added latency.
    put_records: f64,
    /// How long a bare `tokio::time::sleep` of the added latency takes here, in milliseconds.
    sleep_ms: f64,
}

/// Part 3's references: what the sandbox allows at +20 ms when the client does no work.
async fn bulk_references(
    sandbox: &Sandbox,
    ids: &[RecordId],
    changes: &[StatusChange],
) -> Fallible<References> {
    const DURATION: Duration = Duration::from_secs(2);
    const SLEEPS: u32 = 50;
    // The sandbox adds its latency with Tokio's timer, which fires on millisecond ticks.
    let started = Instant::now();
    for _ in 0..SLEEPS {
        tokio::time::sleep(Duration::from_millis(LATENCY_MS)).await;
    }
    let sleep_ms = started.elapsed().as_secs_f64() * 1000.0 / f64::from(SLEEPS);
    println!("  reference: tokio::time::sleep({LATENCY_MS} ms) takes {sleep_ms:.2} ms here");
    sandbox.set_faults(faults(LATENCY_MS));
    let http = hand_client()?;
    let auth = format!("Zoho-oauthtoken {}", sandbox.access_token());
    let crm = sandbox.crm_url("v2");
    let get_url = format!("{crm}/Leads/{}", ids[0]);
    let get_calls = hammer(sandbox, LIMIT, DURATION, StatusCode::OK, {
        let (http, auth) = (http.clone(), auth.clone());
        move || http.get(&get_url).header(AUTHORIZATION, &auth)
    })
    .await?;
    println!(
        "  reference: {LIMIT} plain GETs in flight at +{LATENCY_MS} ms: {get_calls:.0} calls/s ({:.1}% of {:.0}), a call every {:.1} ms per slot",
        get_calls / (LIMIT as f64 * 1000.0 / LATENCY_MS as f64) * 100.0,
        LIMIT as f64 * 1000.0 / LATENCY_MS as f64,
        LIMIT as f64 / get_calls * 1000.0
    );
    let put_url = format!("{crm}/Leads");
    let body = Bytes::from(serde_json::to_vec(&Envelope {
        data: &changes[..100],
    })?);
    let put_calls = hammer(
        sandbox,
        LIMIT,
        DURATION,
        StatusCode::OK,
        json_put(&http, &auth, put_url, body),
    )
    .await?;
    let put_records = put_calls * 100.0;
    println!(
        "  reference: plain reqwest PUTs of 100 status changes, {LIMIT} in flight at +{LATENCY_MS} ms: {} records/s ({:.1}%), a call every {:.1} ms per slot",
        thousands(put_records),
        put_records / ceiling() * 100.0,
        cycle_ms(put_records)
    );
    sandbox.clear_faults();
    Ok(References {
        get_calls,
        put_records,
        sleep_ms,
    })
}

/// The sandbox's faults for part 3: `latency_ms` added to every call, `LIMIT` calls at once.
fn faults(latency_ms: u64) -> Faults {
    Faults {
        latency_ms,
        max_concurrent: Some(LIMIT),
        ..Faults::default()
    }
}

/// How long each of the `LIMIT` slots took per call of 100 records, on average, at `rate`
/// records per second: the added latency plus everything else a call costs.
fn cycle_ms(rate: f64) -> f64 {
    (LIMIT * 100) as f64 / rate * 1000.0
}

/// Part 3's figures for one kind of record, in records per second.
struct BulkFigures {
    /// The median of the measured runs with the added latency.
    median: f64,
    /// The same for the batching written by hand.
    by_hand: f64,
    /// The median of the runs without added latency.
    unlimited: f64,
}

/// Sends `call`'s 10,000 records through `send_all`, alternating with the same records sent
/// by hand: one warm-up run of each and `BULK_RUNS` measured runs with the added latency,
/// then `UNLIMITED_RUNS` of `send_all` without it.
async fn bulk_case<E, T>(
    sandbox: &Sandbox,
    client: &Client,
    call: &E,
    by_hand: &HandBulk<T>,
    name: &str,
) -> Fallible<BulkFigures>
where
    E: Endpoint<Response = Outcomes>,
    T: Serialize + Send + Sync + 'static,
{
    println!("  {name}:");
    sandbox.set_faults(faults(LATENCY_MS));
    let (mut rates, mut hand_rates) = (Vec::new(), Vec::new());
    for run in 0..=BULK_RUNS {
        let (rate, hand) = if run % 2 == 0 {
            let rate = bulk_run(sandbox, client, call).await?;
            (rate, by_hand.run().await?)
        } else {
            let hand = by_hand.run().await?;
            (bulk_run(sandbox, client, call).await?, hand)
        };
        println!(
            "    run {run}{}: {} records/s ({:.1}% of the ceiling), a call every {:.1} ms per slot; by hand {} records/s",
            if run == 0 { " (warm-up)" } else { "" },
            thousands(rate),
            rate / ceiling() * 100.0,
            cycle_ms(rate),
            thousands(hand)
        );
        if run > 0 {
            rates.push(rate);
            hand_rates.push(hand);
        }
    }
    sandbox.set_faults(faults(0));
    let mut unlimited = Vec::new();
    for _ in 0..UNLIMITED_RUNS {
        unlimited.push(bulk_run(sandbox, client, call).await?);
    }
    let unlimited = percentile(&unlimited, 0.5);
    println!(
        "    without added latency: {} records/s (median of {UNLIMITED_RUNS}), a call every {:.1} ms per slot",
        thousands(unlimited),
        cycle_ms(unlimited)
    );
    let peak = sandbox.peak_in_flight();
    println!("    at most {peak} calls in flight (limit {LIMIT}), no 429");
    if peak > LIMIT {
        return Err(format!("{peak} calls in flight, over the limit of {LIMIT}").into());
    }
    Ok(BulkFigures {
        median: percentile(&rates, 0.5),
        by_hand: percentile(&hand_rates, 0.5),
        unlimited,
    })
}

/// One `send_all` of every record: records per second, after checking that every record
/// succeeded in exactly one call per 100 records (so no call was refused and retried).
async fn bulk_run<E>(sandbox: &Sandbox, client: &Client, call: &E) -> Fallible<f64>
where
    E: Endpoint<Response = Outcomes>,
{
    sandbox.clear_journal();
    let started = Instant::now();
    let outcomes = client.send_all(call).await?;
    let elapsed = started.elapsed();
    let calls = sandbox.journal().len();
    if outcomes.len() != BULK_RECORDS || !outcomes.all_succeeded() {
        return Err(format!("bulk run: {outcomes}").into());
    }
    if calls != BULK_RECORDS / 100 {
        return Err(format!("bulk run: {calls} calls, so some were retried").into());
    }
    Ok(BULK_RECORDS as f64 / elapsed.as_secs_f64())
}
