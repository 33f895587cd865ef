//! Reading 100,000 records: the peak of allocated memory while walking them with
//! `Client::records` (one page in memory at a time), beside the same records collected into a
//! `Vec` (the baseline), and beside the data's size.
//!
//! `cargo bench -p zoho-tour --bench reading`. BENCHMARKS.md, part 7, keeps the figures.
//!
//! The sandbox runs in this process, on threads of its own, and its allocations are counted
//! too: its store is allocated before the measure starts and is not part of the peak, but what
//! it allocates to answer each page (a sort of the module's records, the page's JSON) is. The
//! baseline pays the same, so the difference between the two is what the walk keeps.

use std::alloc::{GlobalAlloc, Layout, System};
use std::marker::PhantomData;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use zoho_runtime::serde::de::DeserializeOwned;
use zoho_runtime::{zoho_endpoint, Client, Page, Record};
use zoho_sandbox::Sandbox;

/// The system allocator, keeping the bytes live now and the most live since the last reset.
struct PeakAllocator;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn shrank(bytes: usize) {
    LIVE.fetch_sub(bytes, Ordering::Relaxed);
}

// SAFETY: every method defers to `System` with the caller's arguments unchanged; the counting
// touches only atomics, which neither allocate nor unwind.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for PeakAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which `System` shares.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` and `layout` come from this allocator, which is `System`'s.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            shrank(layout.size());
            grew(new_size);
        }
        new
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as for `realloc`.
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }
}

#[global_allocator]
static ALLOCATOR: PeakAllocator = PeakAllocator;

/// Starts a measure: the peak is what is live now.
fn reset_peak() -> usize {
    let now = LIVE.load(Ordering::Relaxed);
    PEAK.store(now, Ordering::Relaxed);
    now
}

/// A page of a module's records.
#[zoho_endpoint(GET "/<module>", scope = "ZohoCRM.modules.<module>.READ", response = Page<R>)]
struct GetRecords<R: DeserializeOwned + Send + 'static> {
    module: String,
    #[zoho(query)]
    fields: Vec<String>,
    #[zoho(page)]
    page: Option<u32>,
    #[zoho(per_page)]
    per_page: Option<u32>,
    #[zoho(page_token)]
    page_token: Option<String>,
    record: PhantomData<fn() -> R>,
}

fn every_lead() -> GetRecords<Record> {
    GetRecords {
        module: "Leads".into(),
        fields: ["Last_Name", "Company", "Email", "Lead_Status"]
            .map(String::from)
            .to_vec(),
        page: None,
        per_page: Some(200),
        page_token: None,
        record: PhantomData,
    }
}

const RECORDS: usize = 100_000;

type Fallible<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// What one way of reading cost.
struct Measure {
    records: usize,
    /// The records' JSON, as the walk saw them, in bytes.
    data_bytes: usize,
    peak_bytes: usize,
    seconds: f64,
}

async fn walk(client: &Client) -> Fallible<Measure> {
    let start = reset_peak();
    let clock = Instant::now();
    let (mut records, mut data_bytes) = (0, 0);
    let mut leads = client.records(every_lead());
    while let Some(lead) = leads.next_record().await {
        data_bytes += serde_json::to_vec(&lead?)?.len();
        records += 1;
    }
    let seconds = clock.elapsed().as_secs_f64();
    let peak_bytes = PEAK.load(Ordering::Relaxed) - start;
    Ok(Measure {
        records,
        data_bytes,
        peak_bytes,
        seconds,
    })
}

async fn collect_all(client: &Client) -> Fallible<Measure> {
    let start = reset_peak();
    let clock = Instant::now();
    let mut all: Vec<Record> = Vec::new();
    let mut leads = client.records(every_lead());
    while let Some(lead) = leads.next_record().await {
        all.push(lead?);
    }
    let seconds = clock.elapsed().as_secs_f64();
    let peak_bytes = PEAK.load(Ordering::Relaxed) - start;
    let data_bytes = all
        .iter()
        .map(|r| serde_json::to_vec(r).map_or(0, |v| v.len()))
        .sum();
    Ok(Measure {
        records: all.len(),
        data_bytes,
        peak_bytes,
        seconds,
    })
}

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / 1_048_576.0)
}

fn main() -> Fallible {
    let server = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let sandbox = server.block_on(Sandbox::start())?;
    let seeded = sandbox.records("Leads").len();
    for i in seeded..RECORDS {
        let lead = serde_json::json!({
            "Last_Name": format!("Reader{i:06}"), "Company": "Zylker",
            "Email": format!("reader{i}@zylker.example"), "Lead_Status": "Contacted",
        });
        sandbox
            .insert_record("Leads", lead)
            .ok_or("no Leads module")?;
    }
    let client = Client::builder()
        .api_domain(sandbox.base_url())
        .access_token(sandbox.access_token())
        .build()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    println!("reading {RECORDS} leads (4 fields), 200 a page, from the embedded sandbox");
    // Alternating, twice each: the figures kept are the second of each.
    let mut rows = Vec::new();
    for round in 0..2 {
        let streamed = runtime.block_on(walk(&client))?;
        let collected = runtime.block_on(collect_all(&client))?;
        if round == 1 {
            rows.push(("Client::records, one page at a time", streamed));
            rows.push(("baseline: every record collected into a Vec", collected));
        }
    }
    println!("\n| way | records | data (JSON) | peak allocated | peak / data | time |");
    println!("|---|---|---|---|---|---|");
    for (name, m) in &rows {
        assert_eq!(m.records, RECORDS, "{name} read every record");
        println!(
            "| {name} | {} | {} | {} | {:.3} | {:.2} s |",
            m.records,
            mib(m.data_bytes),
            mib(m.peak_bytes),
            m.peak_bytes as f64 / m.data_bytes as f64,
            m.seconds
        );
    }
    Ok(())
}
