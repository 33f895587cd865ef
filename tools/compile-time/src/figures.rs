//! Figures: samples, medians, LLVM IR counts and the report.

use std::fs;
use std::path::Path;

use crate::workspace::list;
use crate::{CRATES, ENDPOINTS, TARGET_RATIO};

/// One timed command: its wall time, and the CPU time of the processes it waited for (cargo and
/// rustc), which a busy machine disturbs less.
#[derive(Clone, Copy)]
pub(crate) struct Sample {
    pub(crate) wall: f64,
    pub(crate) cpu: Option<f64>,
}

/// The CPU seconds (user and system) of this process's finished children, from
/// `/proc/self/stat` (`cutime`, `cstime`, in clock ticks of 1/100 s); `None` elsewhere.
pub(crate) fn children_cpu() -> Option<f64> {
    let stat = fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat
        .get(stat.rfind(')')? + 2..)?
        .split_whitespace()
        .collect();
    let ticks = |i: usize| fields.get(i)?.parse::<u64>().ok();
    Some((ticks(13)? + ticks(14)?) as f64 / 100.0)
}

#[derive(Default)]
pub(crate) struct Figures {
    clean: [Vec<Sample>; 2],
    incremental: [Vec<Sample>; 2],
}

impl Figures {
    pub(crate) fn push(&mut self, krate: &str, clean: Sample, incremental: Sample) {
        let i = usize::from(krate != CRATES[0]);
        self.clean[i].push(clean);
        self.incremental[i].push(incremental);
    }
}

pub(crate) struct Ir {
    pub(crate) lines: usize,
    pub(crate) functions: usize,
}

/// Lines of the crates' endpoint files (without `types.rs` and `lib.rs`).
pub(crate) fn source_sizes(dir: &Path) -> Result<[usize; 2], String> {
    let mut sizes = [0; 2];
    for (i, krate) in CRATES.iter().enumerate() {
        for file in list(&dir.join(krate).join("src"))? {
            let name = file
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            if name != "types.rs" && name != "lib.rs" {
                let text =
                    fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
                sizes[i] += text.lines().count();
            }
        }
    }
    Ok(sizes)
}

/// The median and the range of some seconds; `None` when there are none.
fn stats(mut secs: Vec<f64>) -> Option<(f64, f64, f64)> {
    secs.sort_by(f64::total_cmp);
    let (first, last) = (*secs.first()?, *secs.last()?);
    let mid = secs.len() / 2;
    let median = if secs.len() % 2 == 1 {
        secs[mid]
    } else {
        (secs[mid - 1] + secs[mid]) / 2.0
    };
    Some((median, first, last))
}

pub(crate) fn report(
    figures: &Figures,
    ir: &[Ir; 2],
    source: &[usize; 2],
    runs: usize,
    profile: &str,
) {
    println!("\ncompile_time: {profile}; medians of {runs} runs (min–max), seconds; `cargo build -p <crate> --lib`");
    println!(
        "  {:<40} {:>18} {:>18} {:>10}  target",
        "", "generated", "handwritten", "ratio g/h"
    );
    let rows = [
        ("clean build, wall time", &figures.clean, false),
        ("clean build, CPU time", &figures.clean, true),
        (
            "incremental (one endpoint edited), wall",
            &figures.incremental,
            false,
        ),
        (
            "incremental (one endpoint edited), CPU",
            &figures.incremental,
            true,
        ),
    ];
    for (label, samples, cpu) in rows {
        let pick = |i: usize| -> Option<(f64, f64, f64)> {
            let secs: Option<Vec<f64>> = samples[i]
                .iter()
                .map(|s| if cpu { s.cpu } else { Some(s.wall) })
                .collect();
            stats(secs?)
        };
        let (Some(g), Some(h)) = (pick(0), pick(1)) else {
            println!("  {label:<40} (not measured on this system)");
            continue;
        };
        let ratio = g.0 / h.0;
        let verdict = match (cpu, ratio <= TARGET_RATIO) {
            (true, _) => "(cross-check)".to_owned(),
            (false, true) => format!("<= {TARGET_RATIO}: met"),
            (false, false) => format!("<= {TARGET_RATIO}: MISSED"),
        };
        let cell = |(m, lo, hi): (f64, f64, f64)| format!("{m:.2} ({lo:.2}–{hi:.2})");
        println!(
            "  {label:<40} {:>18} {:>18} {ratio:>10.2}  {verdict}",
            cell(g),
            cell(h)
        );
    }
    let per = |n: usize| n as f64 / ENDPOINTS as f64;
    let ratio = |a: usize, b: usize| a as f64 / b as f64;
    println!("\ncompile_time: code per endpoint (the library's LLVM IR in one codegen unit, debug; source lines)");
    println!(
        "  {:<40} {:>18} {:>18} {:>10}",
        "", "generated", "handwritten", "ratio g/h"
    );
    println!(
        "  {:<40} {:>18.1} {:>18.1} {:>10.2}",
        "LLVM IR lines per endpoint",
        per(ir[0].lines),
        per(ir[1].lines),
        ratio(ir[0].lines, ir[1].lines)
    );
    println!(
        "  {:<40} {:>18.2} {:>18.2} {:>10.2}",
        "functions defined per endpoint",
        per(ir[0].functions),
        per(ir[1].functions),
        ratio(ir[0].functions, ir[1].functions)
    );
    println!(
        "  {:<40} {:>18.1} {:>18.1} {:>10.2}",
        "source lines per endpoint",
        per(source[0]),
        per(source[1]),
        ratio(source[0], source[1])
    );
    println!(
        "  totals: IR lines {} / {}, functions {} / {}, source lines {} / {}",
        ir[0].lines, ir[1].lines, ir[0].functions, ir[1].functions, source[0], source[1]
    );
}
