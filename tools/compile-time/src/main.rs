//! What `#[zoho_endpoint]` costs at compile time, against the same endpoints written by hand.
//!
//! Run with `cargo run --release -p zoho-compile-time` (`-- --help` lists the options). It
//! writes a small workspace under `<target>/compile-bench/` with two library crates of 200
//! endpoints each, built from one table:
//!
//! - `generated`: every endpoint declared with `#[zoho_endpoint(…)]`;
//! - `handwritten`: the same endpoints written against the runtime's public API: the struct,
//!   `impl Endpoint` (`META`, `write_request`, `batch_len`, `decode`) and the inherent
//!   `send`/`prepare`, as a person would write them.
//!
//! Each crate has an example, `render_<crate>`, with the same source in both, that renders every
//! endpoint with fixed values (metadata, scopes, the prepared request, each batch's request, the
//! decoding of a success and of a refusal). The tool runs both and stops with an error if their
//! outputs differ in any byte. Then it times, several times, alternating which crate goes first:
//!
//! - a clean build of each library alone (`cargo clean -p <crate>`, then `cargo build -p <crate>
//!   --lib`; dependencies already built), in the `dev` profile;
//! - an incremental rebuild after one endpoint's path changes in one file;
//!
//! and prints the medians of the wall time (and, as a cross-check a busy machine disturbs less,
//! of the CPU time of cargo and rustc) with the ratios generated / handwritten, against the
//! target of 1.3. Last, it emits each library's LLVM IR (`--emit=llvm-ir`, one codegen unit)
//! and counts its lines and defined functions per endpoint, the equivalent of `cargo llvm-lines`.
//!
//! `--runs N` (or `COMPILE_BENCH_RUNS`) sets the number of timed repetitions (5 by default).
//! `--optimised-macros` (or `COMPILE_BENCH_OPTIMISED_MACROS=1`) measures instead with proc macros
//! and build scripts compiled with optimisations (`[profile.dev.build-override] opt-level = 3`),
//! in a workspace of its own (`<target>/compile-bench-optimised-macros/`, whose first run
//! rebuilds every dependency).

mod figures;
mod generated;
mod handwritten;
mod shared;
mod table;
mod workspace;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use crate::figures::{report, source_sizes, Figures};
use crate::table::table;
use crate::workspace::{same_behaviour, Bench};

/// The ratio generated / handwritten the issue sets for clean and incremental builds.
const TARGET_RATIO: f64 = 1.3;

/// How many endpoints each crate declares.
const ENDPOINTS: usize = 200;

/// What `#[zoho_endpoint]` costs at compile time, against the same endpoints written by hand.
#[derive(Parser)]
#[command(name = "zoho-compile-time")]
struct Args {
    /// Timed repetitions of each build, alternating which crate goes first.
    #[arg(long, env = "COMPILE_BENCH_RUNS", default_value_t = 5, value_parser = positive)]
    runs: usize,
    /// Compile proc macros and build scripts with optimisations, in a workspace of their own.
    #[arg(long, env = "COMPILE_BENCH_OPTIMISED_MACROS")]
    optimised_macros: bool,
}

/// A number of runs: a whole number above zero.
fn positive(text: &str) -> Result<usize, String> {
    text.parse::<usize>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("`{text}` is not a positive number, write e.g. `--runs 5`"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("compile_time: FAILED: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let started = Instant::now();
    let runs = args.runs;
    // This package sits at `tools/compile-time/` in the repository.
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .ok_or("the package has no repository two folders up")?
        .to_path_buf();
    let optimised_macros = args.optimised_macros;
    let name = if optimised_macros {
        "compile-bench-optimised-macros"
    } else {
        "compile-bench"
    };
    let bench = Bench::new(outer_target_dir()?.join(name), optimised_macros);
    println!(
        "compile_time: {ENDPOINTS} endpoints per crate, {runs} timed runs; workspace {}",
        bench.dir.display()
    );

    let endpoints = table();
    assert_eq!(
        endpoints.len(),
        ENDPOINTS,
        "the table has {ENDPOINTS} endpoints"
    );
    bench.write_workspace(&repo, &endpoints)?;
    let source = source_sizes(&bench.dir)?;

    // Dependencies, both libraries and both renderers: built once, not timed.
    let setup = Instant::now();
    bench.cargo(&["build", "--workspace", "--lib"])?;
    let generated = bench.run_example("generated")?;
    let handwritten = bench.run_example("handwritten")?;
    same_behaviour(&generated, &handwritten)?;
    println!(
        "compile_time: setup (dependencies, both crates, both renderers) {:.1} s; the {} endpoints render identically in both crates ({} lines, {} bytes)",
        setup.elapsed().as_secs_f64(),
        ENDPOINTS,
        generated.lines().count(),
        generated.len()
    );

    let mut figures = Figures::default();
    for i in 0..runs {
        let order = if i % 2 == 0 {
            CRATES
        } else {
            [CRATES[1], CRATES[0]]
        };
        for krate in order {
            bench.cargo(&["clean", "-p", krate])?;
            let clean = bench.timed(&["build", "-p", krate, "--lib"])?;
            bench.edit_one_endpoint(krate, &endpoints, i % 2 == 0)?;
            let incremental = bench.timed(&["build", "-p", krate, "--lib"])?;
            figures.push(krate, clean, incremental);
        }
        println!("compile_time: run {}/{runs} done", i + 1);
    }
    bench.write_crate(&endpoints, "generated")?;
    bench.write_crate(&endpoints, "handwritten")?;

    let ir = [bench.llvm_ir("generated")?, bench.llvm_ir("handwritten")?];
    let profile = if optimised_macros {
        "dev profile, proc macros and build scripts optimised (build-override opt-level = 3)"
    } else {
        "dev profile as cargo sets it (proc macros unoptimised)"
    };
    report(&figures, &ir, &source, runs, profile);
    println!(
        "compile_time: elapsed {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The two crates, in the order the report names them.
const CRATES: [&str; 2] = ["generated", "handwritten"];

/// Where the outer build puts its artifacts: `CARGO_TARGET_DIR` when it is absolute, otherwise
/// the nearest folder above this binary that holds cargo's `CACHEDIR.TAG`.
fn outer_target_dir() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from) {
        if dir.is_absolute() {
            return Ok(dir);
        }
    }
    let exe =
        std::env::current_exe().map_err(|e| format!("cannot locate the bench binary: {e}"))?;
    exe.ancestors()
        .find(|dir| dir.join("CACHEDIR.TAG").is_file())
        .or_else(|| exe.ancestors().nth(3))
        .map(Path::to_path_buf)
        .ok_or_else(|| format!("cannot find the target folder above {}", exe.display()))
}
