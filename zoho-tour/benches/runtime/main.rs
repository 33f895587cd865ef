//! Runtime benchmarks: what a declared endpoint costs per call against hand-written code, what
//! the `{"data": […]}` envelope and the outcome decoding cost against plain serde, how close
//! bulk updates come to the ceiling that the concurrency limit and Zoho's latency allow, and how
//! much the sandbox serves on loopback.
//!
//! `cargo bench` runs it (with the compile-time bench); `cargo bench --bench runtime -- bulk`
//! runs only the sections named (`percall`, `envelope`, `bulk`, `sandbox`). BENCHMARKS.md
//! describes the method and keeps the figures.
//!
//! A hand-rolled harness, not a statistics framework: the comparisons are A/B in one process,
//! alternating blocks of the two sides round after round, and the figures wanted are ratios.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::error::Error as StdError;
use std::hint::black_box;
use std::net::Ipv4Addr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, AUTHORIZATION, CONTENT_TYPE};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use zoho_runtime::{
    zoho_endpoint, Client, Code, Details, Endpoint, Outcome, Outcomes, RawResponse, RecordError,
    RecordId, RecordSuccess,
};
use zoho_sandbox::{Faults, Sandbox};
use zoho_tour::seeds::{ids, UpdateLead, UserId};

type Fallible<T = ()> = Result<T, Box<dyn StdError + Send + Sync>>;

/// The token both sides of the per-call comparison send; the answer server does not check it.
const TOKEN: &str = "1000.3f9a1c0d5e7b4a2c8d6e0f1a2b3c4d5e.9f8e7d6c5b4a39281706f5e4d3c2b1a0";

// ------------------------------------------------------------------------------------------
// Allocation counting
// ------------------------------------------------------------------------------------------

/// The system allocator, counting the calls that obtain memory (`alloc`, `alloc_zeroed`,
/// `realloc`) made by each thread.
///
/// The count is per thread so that a section can count what its measured code allocates on the
/// bench's main thread while servers run on other threads. The counter is a `const`-initialised
/// thread local of a type without destructor, so touching it never allocates.
struct CountingAllocator;

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

fn count_allocation() {
    let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
}

/// The allocations the current thread has made so far.
fn allocations() -> u64 {
    ALLOCATIONS.try_with(Cell::get).unwrap_or(0)
}

// SAFETY: every method defers to `System` with the caller's arguments unchanged; counting
// touches only a thread-local `Cell<u64>`, which neither allocates nor unwinds.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_allocation();
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which `System` shares.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count_allocation();
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_allocation();
        // SAFETY: `ptr` and `layout` come from this allocator, which is `System`'s.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as for `realloc`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

// ------------------------------------------------------------------------------------------
// The A/B harness and the report
// ------------------------------------------------------------------------------------------

/// Which side of a comparison a block of operations runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    /// Through the `#[zoho_endpoint]` declaration and the runtime.
    Generated,
    /// Hand-written `reqwest` + `serde_json`, or plain serde.
    Baseline,
}

/// The figures of one A/B comparison: nanoseconds per operation of each block, and
/// allocations per operation over every measured block.
struct Ab {
    generated: Vec<f64>,
    baseline: Vec<f64>,
    generated_allocs: f64,
    baseline_allocs: f64,
}

impl Ab {
    fn generated_median(&self) -> f64 {
        percentile(&self.generated, 0.5)
    }

    fn baseline_median(&self) -> f64 {
        percentile(&self.baseline, 0.5)
    }

    /// The ratio of the medians, generated over baseline.
    fn ratio(&self) -> f64 {
        self.generated_median() / self.baseline_median()
    }

    /// The 25th and 75th percentiles of the per-round ratios (each round's two blocks ran back
    /// to back, so their ratio cancels slow drifts of the machine).
    fn round_ratio_spread(&self) -> (f64, f64) {
        let ratios: Vec<f64> = self
            .generated
            .iter()
            .zip(&self.baseline)
            .map(|(g, b)| g / b)
            .collect();
        (percentile(&ratios, 0.25), percentile(&ratios, 0.75))
    }

    fn print(&self, name: &str) {
        let (low, high) = self.round_ratio_spread();
        println!(
            "  {name}: generated {} (IQR {}–{}), baseline {} (IQR {}–{}); ratio {:.3} \
             (per-round ratios p25–p75 {:.3}–{:.3}); allocations/op {:.1} vs {:.1}",
            time(self.generated_median()),
            time(percentile(&self.generated, 0.25)),
            time(percentile(&self.generated, 0.75)),
            time(self.baseline_median()),
            time(percentile(&self.baseline, 0.25)),
            time(percentile(&self.baseline, 0.75)),
            self.ratio(),
            low,
            high,
            self.generated_allocs,
            self.baseline_allocs,
        );
    }
}

/// Runs `rounds` rounds of one block of `per_round` operations of each side, alternating which
/// side goes first, after one warm-up block of each. `run(side, n)` runs `n` operations.
fn ab(
    rounds: usize,
    per_round: usize,
    mut run: impl FnMut(Side, usize) -> Fallible,
) -> Fallible<Ab> {
    run(Side::Generated, per_round)?;
    run(Side::Baseline, per_round)?;
    let mut result = Ab {
        generated: Vec::with_capacity(rounds),
        baseline: Vec::with_capacity(rounds),
        generated_allocs: 0.0,
        baseline_allocs: 0.0,
    };
    let (mut generated_allocs, mut baseline_allocs) = (0u64, 0u64);
    for round in 0..rounds {
        let order = if round % 2 == 0 {
            [Side::Generated, Side::Baseline]
        } else {
            [Side::Baseline, Side::Generated]
        };
        for side in order {
            let allocs_before = allocations();
            let started = Instant::now();
            run(side, per_round)?;
            let per_op = started.elapsed().as_nanos() as f64 / per_round as f64;
            let allocs = allocations() - allocs_before;
            match side {
                Side::Generated => {
                    result.generated.push(per_op);
                    generated_allocs += allocs;
                }
                Side::Baseline => {
                    result.baseline.push(per_op);
                    baseline_allocs += allocs;
                }
            }
        }
    }
    let ops = (rounds * per_round) as f64;
    result.generated_allocs = generated_allocs as f64 / ops;
    result.baseline_allocs = baseline_allocs as f64 / ops;
    Ok(result)
}

/// The `p` quantile (0 … 1) of `values`, by linear interpolation.
fn percentile(values: &[f64], p: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = p * (sorted.len() - 1) as f64;
    let (low, high) = (rank.floor() as usize, rank.ceil() as usize);
    sorted[low] + (sorted[high] - sorted[low]) * (rank - low as f64)
}

/// Nanoseconds, written with a unit that keeps three or four digits.
fn time(ns: f64) -> String {
    if ns >= 1_000_000.0 {
        format!("{:.2} ms", ns / 1_000_000.0)
    } else if ns >= 1_000.0 {
        format!("{:.2} µs", ns / 1_000.0)
    } else {
        format!("{ns:.0} ns")
    }
}

/// A whole number with thousands separators: `48,213`.
fn thousands(n: f64) -> String {
    let digits = format!("{:.0}", n.max(0.0));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How a figure stands against its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    Pass,
    Miss,
    /// A figure without a target of its own.
    Info,
}

impl Verdict {
    fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "PASS",
            Verdict::Miss => "MISS",
            Verdict::Info => "info",
        }
    }
}

/// One line of the final table.
struct Row {
    measure: String,
    generated: String,
    baseline: String,
    ratio: String,
    target: String,
    verdict: Verdict,
}

impl Row {
    /// A row for an A/B comparison whose ratio must stay at or under `max` (`None`: no target).
    fn ratio(measure: &str, ab: &Ab, max: Option<f64>) -> Row {
        let ratio = ab.ratio();
        let (target, verdict) = match max {
            Some(max) if ratio <= max => (format!("≤ {max:.2}"), Verdict::Pass),
            Some(max) => (format!("≤ {max:.2}"), Verdict::Miss),
            None => ("—".to_owned(), Verdict::Info),
        };
        Row {
            measure: measure.to_owned(),
            generated: time(ab.generated_median()),
            baseline: time(ab.baseline_median()),
            ratio: format!("{ratio:.3}"),
            target,
            verdict,
        }
    }
}

fn print_table(rows: &[Row]) {
    let headers = [
        "measure",
        "generated",
        "hand-written / plain / reference",
        "ratio",
        "target",
        "result",
    ];
    let cells: Vec<[&str; 6]> = rows
        .iter()
        .map(|r| {
            [
                r.measure.as_str(),
                r.generated.as_str(),
                r.baseline.as_str(),
                r.ratio.as_str(),
                r.target.as_str(),
                r.verdict.as_str(),
            ]
        })
        .collect();
    let mut widths = headers.map(|h| h.chars().count());
    for row in &cells {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &[&str; 6]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell}{}", " ".repeat(width - cell.chars().count())))
            .collect();
        println!("| {} |", padded.join(" | "));
    };
    line(&headers);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    println!("|-{}-|", rule.join("-|-"));
    for row in &cells {
        line(row);
    }
}

// ------------------------------------------------------------------------------------------
// The records, the declarations and the hand-written equivalents
// ------------------------------------------------------------------------------------------

/// Seed 002's lead as a record of a `data` array: the same 26 fields and types as
/// [`UpdateLead`], plus the `id` a bulk update names its record by (left out when the id is in
/// the path). Serialised by serde's derive, as a hand-written program would.
#[derive(Clone, Debug, Serialize)]
struct Lead {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<RecordId>,
    #[serde(rename = "Owner", skip_serializing_if = "Option::is_none")]
    owner: Option<UserId>,
    #[serde(rename = "Last_Name", skip_serializing_if = "Option::is_none")]
    last_name: Option<String>,
    #[serde(rename = "Email", skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(rename = "Rating", skip_serializing_if = "Option::is_none")]
    rating: Option<String>,
    #[serde(rename = "Website", skip_serializing_if = "Option::is_none")]
    website: Option<String>,
    #[serde(rename = "Twitter", skip_serializing_if = "Option::is_none")]
    twitter: Option<String>,
    #[serde(rename = "Salutation", skip_serializing_if = "Option::is_none")]
    salutation: Option<String>,
    #[serde(rename = "First_Name", skip_serializing_if = "Option::is_none")]
    first_name: Option<String>,
    #[serde(rename = "Lead_Status", skip_serializing_if = "Option::is_none")]
    lead_status: Option<String>,
    #[serde(rename = "Industry", skip_serializing_if = "Option::is_none")]
    industry: Option<String>,
    #[serde(rename = "Skype_ID", skip_serializing_if = "Option::is_none")]
    skype_id: Option<String>,
    #[serde(rename = "Phone", skip_serializing_if = "Option::is_none")]
    phone: Option<String>,
    #[serde(rename = "Street", skip_serializing_if = "Option::is_none")]
    street: Option<String>,
    #[serde(rename = "Zip_Code", skip_serializing_if = "Option::is_none")]
    zip_code: Option<String>,
    #[serde(rename = "Email_Opt_Out", skip_serializing_if = "Option::is_none")]
    email_opt_out: Option<bool>,
    #[serde(rename = "Designation", skip_serializing_if = "Option::is_none")]
    designation: Option<String>,
    #[serde(rename = "City", skip_serializing_if = "Option::is_none")]
    city: Option<String>,
    #[serde(rename = "No_of_Employees", skip_serializing_if = "Option::is_none")]
    no_of_employees: Option<i64>,
    #[serde(rename = "Mobile", skip_serializing_if = "Option::is_none")]
    mobile: Option<String>,
    #[serde(rename = "State", skip_serializing_if = "Option::is_none")]
    state: Option<String>,
    #[serde(rename = "Lead_Source", skip_serializing_if = "Option::is_none")]
    lead_source: Option<String>,
    #[serde(rename = "Country", skip_serializing_if = "Option::is_none")]
    country: Option<String>,
    #[serde(rename = "Fax", skip_serializing_if = "Option::is_none")]
    fax: Option<String>,
    #[serde(rename = "Annual_Revenue", skip_serializing_if = "Option::is_none")]
    annual_revenue: Option<f64>,
    #[serde(rename = "Secondary_Email", skip_serializing_if = "Option::is_none")]
    secondary_email: Option<String>,
}

impl Lead {
    /// The record carrying `call`'s fields, with `id` as its `id` key.
    fn of(call: &UpdateLead, id: Option<RecordId>) -> Lead {
        let c = call.clone();
        Lead {
            id,
            owner: c.owner,
            last_name: c.last_name,
            email: c.email,
            description: c.description,
            rating: c.rating,
            website: c.website,
            twitter: c.twitter,
            salutation: c.salutation,
            first_name: c.first_name,
            lead_status: c.lead_status,
            industry: c.industry,
            skype_id: c.skype_id,
            phone: c.phone,
            street: c.street,
            zip_code: c.zip_code,
            email_opt_out: c.email_opt_out,
            designation: c.designation,
            city: c.city,
            no_of_employees: c.no_of_employees,
            mobile: c.mobile,
            state: c.state,
            lead_source: c.lead_source,
            country: c.country,
            fax: c.fax,
            annual_revenue: c.annual_revenue,
            secondary_email: c.secondary_email,
        }
    }
}

/// Updates leads named by the `id` of each record: the batching path (`send_all` splits the
/// records 100 a call).
#[zoho_endpoint(PUT "/Leads", scope = "ZohoCRM.modules.leads.UPDATE", version = "v2")]
struct UpdateLeads {
    /// The leads.
    #[zoho(records)]
    leads: Vec<Lead>,
}

/// `{"data": …}`, written by hand.
#[derive(Serialize)]
struct Envelope<T> {
    data: T,
}

/// A request rendered by hand: what `Client::prepare` renders for the generated side.
#[derive(Debug, PartialEq)]
struct HandRequest {
    url: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

/// Seed 002's update written by hand with `reqwest` and `serde_json`.
struct HandUpdate<'a> {
    base_url: &'a str,
    token: &'a str,
    id: &'a str,
    lead: &'a Lead,
}

impl HandUpdate<'_> {
    fn url(&self) -> String {
        format!("{}/crm/v2/Leads/{}", self.base_url, self.id)
    }

    fn body(&self) -> Fallible<Vec<u8>> {
        Ok(serde_json::to_vec(&Envelope { data: [self.lead] })?)
    }

    /// URL, headers and body, without sending.
    fn render(&self) -> Fallible<HandRequest> {
        Ok(HandRequest {
            url: self.url(),
            headers: vec![
                (
                    "Authorization".to_owned(),
                    format!("Zoho-oauthtoken {}", self.token),
                ),
                ("Content-Type".to_owned(), "application/json".to_owned()),
            ],
            body: self.body()?,
        })
    }

    /// Sends the update and decodes the answer into one typed result per record.
    async fn send(&self, http: &reqwest::Client) -> Fallible<Vec<HandResult>> {
        let response = http
            .put(self.url())
            .header(AUTHORIZATION, format!("Zoho-oauthtoken {}", self.token))
            .header(CONTENT_TYPE, "application/json")
            .body(self.body()?)
            .send()
            .await?;
        let status = response.status();
        let body = response.bytes().await?;
        if !status.is_success() {
            return Err(format!("HTTP {status}").into());
        }
        let answer: HandAnswer = serde_json::from_slice(&body)?;
        Ok(answer.data)
    }
}

/// A write's answer, as a hand-written program would declare it.
#[derive(Debug, Deserialize)]
struct HandAnswer {
    data: Vec<HandResult>,
}

/// One record's result, as a hand-written program would declare it.
#[derive(Debug, Deserialize)]
struct HandResult {
    code: String,
    message: String,
    status: String,
    #[serde(default)]
    details: Map<String, Value>,
}

/// The answer decoded by plain serde into the runtime's own field types.
#[derive(Deserialize)]
struct PlainAnswer {
    data: Vec<PlainResult>,
}

#[derive(Deserialize)]
struct PlainResult {
    code: Code,
    message: String,
    status: String,
    #[serde(default)]
    details: Details,
}

/// Plain serde's decoding of a write's answer into the same [`Outcomes`] the runtime gives.
fn plain_outcomes(status: u16, body: &[u8]) -> Fallible<Outcomes> {
    let answer: PlainAnswer = serde_json::from_slice(body)?;
    let items = answer
        .data
        .into_iter()
        .map(|r| -> Outcome {
            if r.status == "error" {
                Err(RecordError {
                    code: r.code,
                    message: r.message,
                    details: r.details,
                })
            } else {
                Ok(RecordSuccess {
                    code: r.code,
                    message: r.message,
                    details: r.details,
                })
            }
        })
        .collect();
    Ok(Outcomes::new(status, items))
}

/// The same reqwest settings as the runtime's client: connect timeout, timeout, no redirects.
fn hand_client() -> Fallible<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(60))
        .redirect(reqwest::redirect::Policy::none())
        .build()?)
}

/// Seed 002's recorded answers.
fn seed_002() -> Fallible<Value> {
    Ok(serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/002_update_lead.json"
    )))?)
}

/// The recorded answer named `name`: its status and its body as bytes.
fn recorded_answer(seed: &Value, name: &str) -> Fallible<(u16, Value)> {
    let pair = seed["pairs"]
        .as_array()
        .and_then(|pairs| pairs.iter().find(|p| p["name"] == name))
        .ok_or_else(|| format!("no recorded answer `{name}`"))?;
    let status = pair["response"]["status"]
        .as_u64()
        .ok_or("a recorded answer without status")?;
    Ok((status as u16, pair["response"]["body"].clone()))
}

// ------------------------------------------------------------------------------------------
// A minimal answer server
// ------------------------------------------------------------------------------------------

/// A request as the answer server received it.
#[derive(Debug, PartialEq)]
struct Received {
    method: String,
    uri: String,
    headers: Vec<(String, Vec<u8>)>,
    body: Bytes,
}

#[derive(Default)]
struct Capture {
    on: AtomicBool,
    received: Mutex<Vec<Received>>,
}

/// An HTTP/1.1 server on loopback, on its own thread, that answers every request with one
/// recorded answer: the least work a server can do, so the client's cost is what varies.
struct AnswerServer {
    base_url: String,
    capture: Arc<Capture>,
}

impl AnswerServer {
    fn start(status: u16, body: Vec<u8>) -> Fallible<AnswerServer> {
        let listener = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        listener.set_nonblocking(true)?;
        let base_url = format!("http://{}", listener.local_addr()?);
        let status = StatusCode::from_u16(status)?;
        let body = Bytes::from(body);
        let capture = Arc::new(Capture::default());
        let shared = capture.clone();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        std::thread::Builder::new()
            .name("answer-server".into())
            .spawn(move || runtime.block_on(serve(listener, status, body, shared)))?;
        Ok(AnswerServer { base_url, capture })
    }

    /// The requests received while `during` ran.
    async fn capture<F: std::future::Future<Output = Fallible>>(
        &self,
        during: F,
    ) -> Fallible<Vec<Received>> {
        self.capture.on.store(true, Ordering::SeqCst);
        let result = during.await;
        self.capture.on.store(false, Ordering::SeqCst);
        result?;
        let mut received = self.capture.received.lock().map_err(|_| "poisoned")?;
        Ok(std::mem::take(&mut *received))
    }
}

async fn serve(
    listener: std::net::TcpListener,
    status: StatusCode,
    body: Bytes,
    capture: Arc<Capture>,
) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        let (body, capture) = (body.clone(), capture.clone());
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request| {
                answer(request, status, body.clone(), capture.clone())
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn answer(
    request: Request<Incoming>,
    status: StatusCode,
    body: Bytes,
    capture: Arc<Capture>,
) -> Result<Response<Full<Bytes>>, hyper::Error> {
    let (parts, incoming) = request.into_parts();
    let received = incoming.collect().await?.to_bytes();
    if capture.on.load(Ordering::SeqCst) {
        let entry = Received {
            method: parts.method.to_string(),
            uri: parts.uri.to_string(),
            headers: parts
                .headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.as_bytes().to_vec()))
                .collect(),
            body: received,
        };
        if let Ok(mut list) = capture.received.lock() {
            list.push(entry);
        }
    }
    let mut response = Response::new(Full::new(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json;charset=UTF-8"),
    );
    Ok(response)
}

// ------------------------------------------------------------------------------------------
// 1. Per-call overhead
// ------------------------------------------------------------------------------------------

/// Seed 002's update sent through the declaration and by hand to the same answer server, and
/// rendered without sending by both.
fn per_call(rows: &mut Vec<Row>) -> Fallible {
    const SEND_ROUNDS: usize = 100;
    const SENDS_PER_ROUND: usize = 100;
    const RENDER_ROUNDS: usize = 60;
    const RENDERS_PER_ROUND: usize = 2_000;

    let seed = seed_002()?;
    let (status, body) = recorded_answer(&seed, "SUCCESS RESPONSE")?;
    let server = AnswerServer::start(status, serde_json::to_vec(&body)?)?;
    // The client runs on this thread alone, so the allocations counted are the client's.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let client = Client::builder()
        .api_domain(&server.base_url)
        .access_token(TOKEN)
        .build()?;
    let http = hand_client()?;
    let call = UpdateLead::seed(ids::LEAD, ids::USER);
    let lead = Lead::of(&call, None);
    let hand = HandUpdate {
        base_url: &server.base_url,
        token: TOKEN,
        id: ids::LEAD,
        lead: &lead,
    };

    runtime.block_on(same_request_and_answer(
        &server, &client, &http, &call, &hand,
    ))?;
    println!(
        "  checked: both sides render and send byte-identical requests and decode the same results"
    );

    let send = ab(SEND_ROUNDS, SENDS_PER_ROUND, |side, n| {
        runtime.block_on(async {
            for _ in 0..n {
                match side {
                    Side::Generated => {
                        let outcomes = black_box(&call).send(&client).await?;
                        black_box(outcomes);
                    }
                    Side::Baseline => {
                        black_box(black_box(&hand).send(&http).await?);
                    }
                }
            }
            Ok(())
        })
    })?;
    send.print("send + decode");
    rows.push(Row::ratio(
        "1a. per call: seed 002 update, send + decode (loopback)",
        &send,
        Some(1.05),
    ));

    let render = ab(RENDER_ROUNDS, RENDERS_PER_ROUND, |side, n| {
        runtime.block_on(async {
            for _ in 0..n {
                match side {
                    Side::Generated => {
                        black_box(client.prepare(black_box(&call)).await?);
                    }
                    Side::Baseline => {
                        black_box(black_box(&hand).render()?);
                    }
                }
            }
            Ok(())
        })
    })?;
    render.print("render only");
    rows.push(Row::ratio(
        "1b. render only: URL, headers, body",
        &render,
        Some(1.05),
    ));
    Ok(())
}

/// The honesty check: both sides render the same URL, headers and body, put byte-identical
/// requests on the wire, and decode the recorded answer into the same results.
async fn same_request_and_answer(
    server: &AnswerServer,
    client: &Client,
    http: &reqwest::Client,
    call: &UpdateLead,
    hand: &HandUpdate<'_>,
) -> Fallible {
    let prepared = client.prepare(call).await?;
    let rendered = hand.render()?;
    let generated = HandRequest {
        url: prepared.url.clone(),
        headers: prepared.headers.clone(),
        body: prepared.body.clone().unwrap_or_default(),
    };
    if generated != rendered {
        return Err(format!("renders differ:\n{generated:?}\n{rendered:?}").into());
    }

    let mut outcomes = None;
    let generated = server
        .capture(async {
            outcomes = Some(call.send(client).await?);
            Ok(())
        })
        .await?;
    let mut results = None;
    let baseline = server
        .capture(async {
            results = Some(hand.send(http).await?);
            Ok(())
        })
        .await?;
    if generated.len() != 1 || generated != baseline {
        return Err(format!("requests differ:\n{generated:?}\n{baseline:?}").into());
    }
    let (Some(outcomes), Some(results)) = (outcomes, results) else {
        return Err("a side gave no answer".into());
    };
    let same = outcomes.len() == results.len()
        && outcomes.iter().zip(&results).all(|(outcome, result)| {
            let (ok, code, message, details) = match outcome {
                Ok(s) => (true, &s.code, &s.message, &s.details),
                Err(e) => (false, &e.code, &e.message, &e.details),
            };
            ok == (result.status == "success")
                && code.as_str() == result.code
                && *message == result.message
                && *details.as_map() == result.details
        });
    if !same {
        return Err(format!("decoded answers differ:\n{outcomes:?}\n{results:?}").into());
    }
    Ok(())
}

// ------------------------------------------------------------------------------------------
// 2. Envelope and decoding
// ------------------------------------------------------------------------------------------

/// 100 records of seed 002's lead, ids counting up from `first`.
fn hundred_leads(first: u64) -> Vec<Lead> {
    let call = UpdateLead::seed(ids::LEAD, ids::USER);
    (0..100)
        .map(|i| Lead::of(&call, Some(RecordId::from(first + i))))
        .collect()
}

/// A 207 answer of 100 outcomes built from seed 002's recorded ones: 90 successes (each with
/// its own id) and, every tenth record, the recorded `DUPLICATE_DATA` refusal.
fn hundred_outcomes(first: u64) -> Fallible<Vec<u8>> {
    let seed = seed_002()?;
    let (_, success) = recorded_answer(&seed, "SUCCESS RESPONSE")?;
    let (_, duplicate) = recorded_answer(&seed, "DUPLICATE_DATA")?;
    let data: Vec<Value> = (0..100u64)
        .map(|i| {
            let template = if i % 10 == 9 { &duplicate } else { &success };
            let mut item = template["data"][0].clone();
            if i % 10 != 9 {
                item["details"]["id"] = json!((first + i).to_string());
            }
            item
        })
        .collect();
    Ok(serde_json::to_vec(&json!({ "data": data }))?)
}

/// Serialising 100 records into `{"data": […]}` and decoding 100 outcomes, generated against
/// plain serde on the same structs.
fn envelope(rows: &mut Vec<Row>) -> Fallible {
    const ROUNDS: usize = 40;
    const PER_ROUND: usize = 100;
    const FIRST_ID: u64 = 5_725_767_000_000_200_000;

    let call = UpdateLeads {
        leads: hundred_leads(FIRST_ID),
    };
    let generated = call.request_parts()?;
    let plain = serde_json::to_vec(&Envelope { data: &call.leads })?;
    if generated.body_bytes() != Some(plain.as_slice()) {
        return Err("the generated and the plain bodies differ".into());
    }
    let raw = RawResponse::new(207, hundred_outcomes(FIRST_ID)?);
    let decoded = UpdateLeads::decode(&raw, generated.expected_outcomes())?;
    if decoded != plain_outcomes(207, &raw.body)? || decoded.len() != 100 {
        return Err("the generated and the plain decodings differ".into());
    }
    println!(
        "  checked: identical {}-byte bodies; identical outcomes from a {}-byte answer",
        plain.len(),
        raw.body.len()
    );

    let serialise = ab(ROUNDS, PER_ROUND, |side, n| {
        for _ in 0..n {
            match side {
                Side::Generated => {
                    black_box(black_box(&call).request_parts()?);
                }
                Side::Baseline => {
                    let leads = &black_box(&call).leads;
                    black_box(serde_json::to_vec(&Envelope { data: leads })?);
                }
            }
        }
        Ok(())
    })?;
    serialise.print("100-record envelope");
    rows.push(Row::ratio(
        "2a. serialise 100 records into {\"data\": […]}",
        &serialise,
        Some(1.10),
    ));

    let decode = ab(ROUNDS, PER_ROUND, |side, n| {
        for _ in 0..n {
            match side {
                Side::Generated => {
                    black_box(UpdateLeads::decode(black_box(&raw), Some(100))?);
                }
                Side::Baseline => {
                    black_box(plain_outcomes(207, black_box(&raw.body))?);
                }
            }
        }
        Ok(())
    })?;
    decode.print("100-outcome answer");
    rows.push(Row::ratio(
        "2b. decode a 100-outcome answer",
        &decode,
        Some(1.10),
    ));
    rows.push(Row {
        measure: "2c. allocations/op: serialise, decode".to_owned(),
        generated: format!(
            "{:.1}, {:.1}",
            serialise.generated_allocs, decode.generated_allocs
        ),
        baseline: format!(
            "{:.1}, {:.1}",
            serialise.baseline_allocs, decode.baseline_allocs
        ),
        ratio: format!(
            "{:.2}, {:.2}",
            serialise.generated_allocs / serialise.baseline_allocs,
            decode.generated_allocs / decode.baseline_allocs
        ),
        target: "—".to_owned(),
        verdict: Verdict::Info,
    });
    Ok(())
}

// ------------------------------------------------------------------------------------------
// 3. Bulk throughput and 5. sandbox capacity
// ------------------------------------------------------------------------------------------

const BULK_RECORDS: usize = 10_000;
const BULK_RUNS: usize = 5;
const UNLIMITED_RUNS: usize = 3;
const NAIVE_SAMPLE: usize = 250;
const LATENCY_MS: u64 = 20;
const LIMIT: usize = 10;

/// A lead's status change: the record of the project's bulk example
/// (`examples/bulk_progress.rs`), an id and one field.
#[derive(Clone, Debug, Serialize)]
struct StatusChange {
    id: RecordId,
    #[serde(rename = "Lead_Status")]
    lead_status: &'static str,
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
fn bulk_and_sandbox(rows: &mut Vec<Row>, bulk: bool, capacity: bool) -> Fallible {
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
    let mut update = UpdateLead::seed(ids::LEAD, ids::USER);
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
fn ceiling() -> f64 {
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
    let get_calls = hammer(sandbox, LIMIT, DURATION, {
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

/// Requests per second the sandbox serves with no latency and no limit, from `CONCURRENCY`
/// connections of a plain reqwest client on the same machine: one record read, and writes of
/// 100 records of each of part 3's two kinds.
async fn sandbox_capacity(
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
    let get = hammer(sandbox, CONCURRENCY, DURATION, {
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
    for (name, body) in bodies {
        let rate = hammer(
            sandbox,
            CONCURRENCY,
            DURATION,
            json_put(&http, &auth, format!("{crm}/Leads"), body),
        )
        .await?;
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

/// Sends requests from `concurrency` tasks for `duration` and answers the rate of successes.
/// The same `PUT` of a JSON body, built anew for each call `hammer` makes.
fn json_put(
    http: &reqwest::Client,
    auth: &str,
    url: String,
    body: Bytes,
) -> impl Fn() -> reqwest::RequestBuilder + Clone + Send + 'static {
    let (http, auth) = (http.clone(), auth.to_owned());
    move || {
        http.put(&url)
            .header(AUTHORIZATION, &auth)
            .header(CONTENT_TYPE, "application/json")
            .body(body.clone())
    }
}

async fn hammer(
    sandbox: &Sandbox,
    concurrency: usize,
    duration: Duration,
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
                    if status != StatusCode::OK {
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

// ------------------------------------------------------------------------------------------

fn main() -> Fallible {
    // `cargo bench` passes `--bench`; any other argument names a section to run.
    let chosen: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let wants = |name: &str| chosen.is_empty() || chosen.iter().any(|c| c == name);
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("runtime benchmarks ({cores} cores available)");
    let all = Instant::now();
    let mut rows = Vec::new();

    if wants("percall") {
        println!("\n1. per-call overhead (seed 002 update, loopback answer server)");
        let section = Instant::now();
        per_call(&mut rows)?;
        println!("  (per-call section: {:.1?})", section.elapsed());
    }
    if wants("envelope") {
        println!("\n2. envelope and decoding (100 records, 100 outcomes)");
        let section = Instant::now();
        envelope(&mut rows)?;
        println!("  (envelope section: {:.1?})", section.elapsed());
    }
    let (bulk, capacity) = (wants("bulk"), wants("sandbox"));
    if bulk || capacity {
        println!("\n3. bulk throughput and 5. sandbox capacity (embedded sandbox)");
        bulk_and_sandbox(&mut rows, bulk, capacity)?;
    }

    println!("\nsummary ({:.1?} in all)\n", all.elapsed());
    print_table(&rows);
    let missed = rows.iter().filter(|r| r.verdict == Verdict::Miss).count();
    if missed > 0 {
        println!("\n{missed} target(s) missed: BENCHMARKS.md says why and what would close them");
    }
    Ok(())
}
