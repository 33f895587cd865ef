//! How much of the org's ceiling 4 worker processes reach together through Redis, against one
//! process alone under the same limit, and what the Redis round trips cost per call.
//!
//! `cargo bench -p zoho-redis --bench workers` (needs `redis-server`: `apt-get install
//! redis-server`). The sandbox answers each call after a fixed latency and refuses the 11th
//! call in flight with `429`; every worker updates its share of 40,000 leads, 100 a call. "1
//! via Redis" is one worker through the shared limits alone: the cost of Redis without the
//! contention of four processes.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use zoho_redis::local_server::RedisServer;
use zoho_redis::{Limits, RedisOrg};
use zoho_runtime::admission::{Admission, CallInfo};
use zoho_runtime::endpoint::Method;
use zoho_sandbox::{Faults, OAuthClient, Sandbox, ALL_SCOPES};

type Fallible<T = ()> = Result<T, Box<dyn std::error::Error>>;

const LIMIT: usize = 10;
const TOTAL: usize = 40_000;
const LATENCIES_MS: [u64; 2] = [40, 10];
const ROUND_TRIPS: usize = 2_000;
const RUNS: usize = 3;

struct Bench {
    sandbox: Sandbox,
    oauth: OAuthClient,
    redis: RedisServer,
    dir: PathBuf,
    ids: Vec<String>,
}

impl Bench {
    /// Writes `parts` id files of the leads and runs one worker on each, at once: the seconds
    /// from the first call of any worker to the last answer of any (process start-up and
    /// reading the ids are left out, alike for one process and four).
    fn run(&self, parts: usize, local: bool, org: &str) -> Fallible<f64> {
        let share = self.ids.len() / parts;
        let mut children = Vec::new();
        for part in 0..parts {
            let ids = self.dir.join(format!("{org}-ids-{part}"));
            let progress = self.dir.join(format!("{org}-progress-{part}"));
            std::fs::write(&ids, self.ids[part * share..][..share].join("\n"))?;
            let _ = std::fs::remove_file(&progress);
            children.push(self.spawn(&ids, &progress, local, org)?);
        }
        let (mut first, mut last) = (u128::MAX, 0);
        for child in children {
            let out = child.wait_with_output()?;
            let line = String::from_utf8_lossy(&out.stdout);
            let fields: Vec<u128> = line
                .split_whitespace()
                .filter_map(|f| f.parse().ok())
                .collect();
            let [.., start, end] = fields[..] else {
                return Err(format!("a worker failed: {line}").into());
            };
            if !out.status.success() {
                return Err("a worker failed".into());
            }
            (first, last) = (first.min(start), last.max(end));
        }
        Ok(last.saturating_sub(first) as f64 / 1000.0)
    }

    fn spawn(&self, ids: &Path, progress: &Path, local: bool, org: &str) -> Fallible<Child> {
        let base = self.sandbox.base_url();
        let mut command = Command::new(env!("CARGO_BIN_EXE_zoho-redis-worker"));
        command
            .args(["--redis", &self.redis.url(), "--org", org, "--api", base])
            .args(["--accounts", base, "--client-id", &self.oauth.client_id])
            .args(["--client-secret", &self.oauth.client_secret])
            .args(["--refresh-token", &self.oauth.refresh_token])
            .arg("--ids")
            .arg(ids)
            .arg("--progress")
            .arg(progress)
            .args(["--tag", org, "--limit", &LIMIT.to_string()])
            .stdout(Stdio::piped());
        if local {
            command.arg("--local");
        }
        Ok(command.spawn()?)
    }

    fn refused(&self) -> usize {
        self.sandbox
            .journal()
            .iter()
            .filter(|e| e.fault.is_some())
            .count()
    }
}

/// Microseconds on the caller's path per admission through Redis (the acquire script), and
/// for reference per `PING`, one call after another. The release is one more round trip, on a
/// task of its own, off the caller's path.
async fn round_trip_us(redis: &RedisServer) -> Fallible<(f64, f64)> {
    let org = RedisOrg::builder(redis.url(), "round-trips").build()?;
    let limits = org.limits(Limits::new(LIMIT))?;
    let call = CallInfo::new(Method::Put, "/Leads").records(100);
    drop(limits.admit(call).await?);
    let mut admitting = Duration::ZERO;
    for _ in 0..ROUND_TRIPS {
        while limits.permits_in_use().await? > 0 {}
        let started = Instant::now();
        let permit = limits.admit(call).await?;
        admitting += started.elapsed();
        drop(permit);
    }
    let mut conn = redis::Client::open(redis.url())?
        .get_multiplexed_async_connection()
        .await?;
    let started = Instant::now();
    for _ in 0..ROUND_TRIPS {
        let _: String = redis::cmd("PING").query_async(&mut conn).await?;
    }
    let ping = started.elapsed();
    let per = |total: Duration| total.as_secs_f64() / ROUND_TRIPS as f64 * 1e6;
    Ok((per(admitting), per(ping)))
}

/// The median of `RUNS` runs' records per second.
fn median(bench: &Bench, parts: usize, local: bool, org: &str) -> Fallible<f64> {
    let mut rates = (0..RUNS)
        .map(|run| Ok(TOTAL as f64 / bench.run(parts, local, &format!("{org}-{run}"))?))
        .collect::<Fallible<Vec<f64>>>()?;
    rates.sort_by(f64::total_cmp);
    Ok(rates[RUNS / 2])
}

fn main() -> Fallible {
    let server = tokio::runtime::Runtime::new()?;
    let sandbox = server.block_on(Sandbox::builder().generated_records(false).start())?;
    let redis = RedisServer::start()?;
    let dir = std::env::temp_dir().join(format!("zoho-redis-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let ids = (0..TOTAL)
        .map(|i| sandbox.insert_record("Leads", serde_json::json!({"Last_Name": format!("B{i}")})))
        .collect::<Option<Vec<_>>>()
        .ok_or("no Leads module")?;
    let oauth = sandbox.oauth_client(ALL_SCOPES);
    let bench = Bench {
        sandbox,
        oauth,
        redis,
        dir,
        ids,
    };

    println!(
        "{TOTAL} leads, 100 a call, limit {LIMIT} in flight (the sandbox answers 429 past it); median of {RUNS} runs"
    );
    println!(
        "{:<12} {:>12} {:>14} {:>14} {:>10} {:>14} {:>10} {:>6}",
        "latency",
        "ceiling r/s",
        "1 process r/s",
        "1 via Redis",
        "vs alone",
        "4 workers r/s",
        "4 vs 1",
        "429s"
    );
    for latency_ms in LATENCIES_MS {
        bench.sandbox.set_faults(Faults {
            latency_ms,
            max_concurrent: Some(LIMIT),
            ..Faults::default()
        });
        let ceiling = (LIMIT * 100) as f64 / (latency_ms as f64 / 1000.0);
        let alone = median(&bench, 1, true, &format!("alone-{latency_ms}"))?;
        let one_shared = median(&bench, 1, false, &format!("one-{latency_ms}"))?;
        let shared = median(&bench, 4, false, &format!("shared-{latency_ms}"))?;
        println!(
            "{:<12} {:>12.0} {:>14.0} {:>14.0} {:>9.1}% {:>14.0} {:>9.1}% {:>6}",
            format!("{latency_ms} ms"),
            ceiling,
            alone,
            one_shared,
            one_shared / alone * 100.0,
            shared,
            shared / alone * 100.0,
            bench.refused()
        );
    }
    let (admit, ping) = server.block_on(round_trip_us(&bench.redis))?;
    println!(
        "admission through Redis (the acquire script, loopback): {admit:.0} µs a call on the caller's path \
         ({:.2}% of a 40 ms call; a PING is {ping:.0} µs); the release is one more, off the path",
        admit / 40_000.0 * 100.0
    );
    let _ = std::fs::remove_dir_all(&bench.dir);
    Ok(())
}
