//! Runtime benchmarks: what a declared endpoint costs per call against hand-written code, what
//! the `{"data": […]}` envelope and the outcome decoding cost against plain serde, how close
//! bulk updates come to the ceiling that the concurrency limit and Zoho's latency allow, and how
//! much the sandbox serves on loopback.
//!
//! `cargo bench` runs it; `cargo bench --bench runtime -- bulk` runs only the parts named
//! (`percall`, `envelope`, `bulk`, `sandbox`). BENCHMARKS.md describes the method and keeps the
//! figures.
//!
//! One module per part: `percall` (1), `envelope` (2), `bulk` (3, and the driver it shares with
//! 5), `capacity` (5); `records` holds the records, declarations and hand-written equivalents
//! they compare, `server` the answer server, `support` the harness and the report.
//!
//! A hand-rolled harness, not a statistics framework: the comparisons are A/B in one process,
//! alternating blocks of the two sides round after round, and the figures wanted are ratios.

mod bulk;
mod capacity;
mod envelope;
mod percall;
mod records;
mod server;
mod support;

use std::time::Instant;

use crate::bulk::bulk_and_sandbox;
use crate::envelope::envelope;
use crate::percall::per_call;
use crate::support::{print_table, Fallible, Verdict};

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
