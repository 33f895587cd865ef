//! What every part shares: the error type, allocation counting, the A/B harness and the
//! report.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::error::Error as StdError;
use std::time::Instant;

pub(crate) type Fallible<T = ()> = Result<T, Box<dyn StdError + Send + Sync>>;

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

/// Which side of a comparison a block of operations runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    /// Through the `#[zoho_endpoint]` declaration and the runtime.
    Generated,
    /// Hand-written `reqwest` + `serde_json`, or plain serde.
    Baseline,
}

/// The figures of one A/B comparison: nanoseconds per operation of each block, and
/// allocations per operation over every measured block.
pub(crate) struct Ab {
    generated: Vec<f64>,
    baseline: Vec<f64>,
    pub(crate) generated_allocs: f64,
    pub(crate) baseline_allocs: f64,
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

    pub(crate) fn print(&self, name: &str) {
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
pub(crate) fn ab(
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
pub(crate) fn percentile(values: &[f64], p: f64) -> f64 {
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
pub(crate) fn thousands(n: f64) -> String {
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
pub(crate) enum Verdict {
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
pub(crate) struct Row {
    pub(crate) measure: String,
    pub(crate) generated: String,
    pub(crate) baseline: String,
    pub(crate) ratio: String,
    pub(crate) target: String,
    pub(crate) verdict: Verdict,
}

impl Row {
    /// A row for an A/B comparison whose ratio must stay at or under `max` (`None`: no target).
    pub(crate) fn ratio(measure: &str, ab: &Ab, max: Option<f64>) -> Row {
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

pub(crate) fn print_table(rows: &[Row]) {
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
