//! 5. Sandbox capacity.

use std::error::Error as StdError;
use std::time::{Duration, Instant};

use bytes::Bytes;
use hyper::header::{AUTHORIZATION, CONTENT_TYPE};
use hyper::{Method, StatusCode};
use zoho_runtime::RecordId;
use zoho_sandbox::Sandbox;

use crate::bulk::{ceiling, StatusChange};
use crate::records::{hand_client, Envelope, Lead};
use crate::support::{thousands, Fallible, Row, Verdict};

/// Requests per second the sandbox serves with no latency and no limit, from `CONCURRENCY`
/// connections of a plain reqwest client on the same machine: one record read, updates of 100
/// records of each of part 3's two kinds, and inserts of 100 full leads.
pub(crate) async fn sandbox_capacity(
    rows: &mut Vec<Row>,
    sandbox: &Sandbox,
    ids: &[RecordId],
    leads: &[Lead],
) -> Fallible {
    const CONCURRENCY: usize = 16;
    const DURATION: Duration = Duration::from_secs(2);

    sandbox.clear_faults();
    let http = hand_client()?;
    let auth = format!("Zoho-oauthtoken {}", sandbox.access_token());
    let crm = sandbox.crm_url("v2");
    let changes: Vec<StatusChange> = ids[..100]
        .iter()
        .map(|id| StatusChange {
            id: id.clone(),
            lead_status: "Contacted",
        })
        .collect();
    let bodies = [
        (
            "PUT 100 status changes",
            Bytes::from(serde_json::to_vec(&Envelope { data: &changes })?),
        ),
        (
            "PUT 100 seed 002 leads",
            Bytes::from(serde_json::to_vec(&Envelope {
                data: &leads[..100],
            })?),
        ),
    ];

    let get_url = format!("{crm}/Leads/{}", ids[0]);
    let get = hammer(sandbox, CONCURRENCY, DURATION, StatusCode::OK, {
        let (http, auth) = (http.clone(), auth.clone());
        move || http.get(&get_url).header(AUTHORIZATION, &auth)
    })
    .await?;
    println!(
        "  GET one lead: {} requests/s ({CONCURRENCY} connections, {DURATION:?})",
        thousands(get)
    );
    rows.push(Row {
        measure: "5. sandbox: GET one lead (requests/s)".to_owned(),
        generated: "—".to_owned(),
        baseline: thousands(get),
        ratio: "—".to_owned(),
        target: "—".to_owned(),
        verdict: Verdict::Info,
    });

    // What part 3 asks of it at the ceiling: 10 calls of 100 records every 20 ms.
    let needed = ceiling();
    // The inserts come last: each call adds 100 leads the other measures would then meet.
    let insert = Bytes::from(serde_json::to_vec(&Envelope {
        data: &leads[..100],
    })?);
    let writes = bodies
        .into_iter()
        .map(|(name, body)| {
            (
                name,
                StatusCode::OK,
                json_write(&http, &auth, Method::PUT, format!("{crm}/Leads"), body),
            )
        })
        .chain([(
            "POST 100 seed 002 leads",
            StatusCode::CREATED,
            json_write(&http, &auth, Method::POST, format!("{crm}/Leads"), insert),
        )]);
    for (name, expected, request) in writes {
        let rate = hammer(sandbox, CONCURRENCY, DURATION, expected, request).await?;
        let records = rate * 100.0;
        println!(
            "  {name}: {} requests/s = {} records/s ({CONCURRENCY} connections, {DURATION:?})",
            thousands(rate),
            thousands(records)
        );
        rows.push(Row {
            measure: format!("5. sandbox: {name} (records/s; part 3 needs 50,000)"),
            generated: "—".to_owned(),
            baseline: thousands(records),
            ratio: format!("×{:.2} of need", records / needed),
            target: "—".to_owned(),
            verdict: Verdict::Info,
        });
    }
    Ok(())
}

/// The same `PUT` of a JSON body, built anew for each call `hammer` makes.
pub(crate) fn json_put(
    http: &reqwest::Client,
    auth: &str,
    url: String,
    body: Bytes,
) -> impl Fn() -> reqwest::RequestBuilder + Clone + Send + 'static {
    json_write(http, auth, Method::PUT, url, body)
}

/// The same write of a JSON body, built anew for each call `hammer` makes.
fn json_write(
    http: &reqwest::Client,
    auth: &str,
    method: Method,
    url: String,
    body: Bytes,
) -> impl Fn() -> reqwest::RequestBuilder + Clone + Send + 'static {
    let (http, auth) = (http.clone(), auth.to_owned());
    move || {
        http.request(method.clone(), &url)
            .header(AUTHORIZATION, &auth)
            .header(CONTENT_TYPE, "application/json")
            .body(body.clone())
    }
}

/// Sends requests from `concurrency` tasks for `duration` and answers the rate of those
/// answered `expected`; any other answer ends the measure with an error.
pub(crate) async fn hammer(
    sandbox: &Sandbox,
    concurrency: usize,
    duration: Duration,
    expected: StatusCode,
    request: impl Fn() -> reqwest::RequestBuilder + Clone + Send + 'static,
) -> Fallible<f64> {
    let started = Instant::now();
    let deadline = started + duration;
    let tasks: Vec<_> = (0..concurrency)
        .map(|_| {
            let request = request.clone();
            tokio::spawn(async move {
                let mut done = 0u64;
                while Instant::now() < deadline {
                    let response = request().send().await?;
                    let status = response.status();
                    response.bytes().await?;
                    if status != expected {
                        return Err(format!("the sandbox answered {status}").into());
                    }
                    done += 1;
                }
                Ok::<u64, Box<dyn StdError + Send + Sync>>(done)
            })
        })
        .collect();
    // Every request is journaled with its body: keep the journal from growing for seconds.
    while Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        sandbox.clear_journal();
    }
    let mut done = 0;
    for task in tasks {
        done += task.await??;
    }
    let elapsed = started.elapsed();
    sandbox.clear_journal();
    Ok(done as f64 / elapsed.as_secs_f64())
}
