//! Four worker processes update 10,000 leads each on one sandbox whose limit is 10 calls at
//! once, sharing one token and one semaphore through one `redis-server`; one of them is killed
//! with `SIGKILL` mid-run and started again.
//!
//! `cargo test -p zoho-redis --test workers -- --nocapture` prints the figures.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::{self, Signal};
use nix::unistd::Pid;
use zoho_redis::local_server::RedisServer;
use zoho_sandbox::{Faults, OAuthClient, Sandbox, ALL_SCOPES};

type Fallible<T = ()> = Result<T, Box<dyn std::error::Error>>;

const WORKERS: usize = 4;
const RECORDS: usize = 10_000;
const LIMIT: usize = 10;
const LEASE: Duration = Duration::from_secs(2);
const TOKEN_LIFE: Duration = Duration::from_secs(2);

struct Run {
    dir: PathBuf,
    redis: String,
    sandbox: String,
    oauth: OAuthClient,
}

impl Run {
    fn ids(&self, worker: usize) -> PathBuf {
        self.dir.join(format!("ids-{worker}"))
    }

    fn progress(&self, worker: usize) -> PathBuf {
        self.dir.join(format!("progress-{worker}"))
    }

    fn spawn(&self, worker: usize) -> Fallible<Child> {
        let child = Command::new(env!("CARGO_BIN_EXE_zoho-redis-worker"))
            .args(["--redis", &self.redis, "--org", "workers-test"])
            .args(["--api", &self.sandbox, "--accounts", &self.sandbox])
            .args(["--client-id", &self.oauth.client_id])
            .args(["--client-secret", &self.oauth.client_secret])
            .args(["--refresh-token", &self.oauth.refresh_token])
            .arg("--ids")
            .arg(self.ids(worker))
            .arg("--progress")
            .arg(self.progress(worker))
            .args(["--tag", &format!("worker-{worker}")])
            .args(["--limit", &LIMIT.to_string()])
            .args(["--lease-ms", &LEASE.as_millis().to_string()])
            .stdout(Stdio::piped())
            .spawn()?;
        Ok(child)
    }
}

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Permits whose lease runs now and whose holder's name starts with `pid-`.
async fn permits_of(redis: &str, pid: u32) -> Fallible<usize> {
    let mut conn = redis::Client::open(redis)?
        .get_multiplexed_async_connection()
        .await?;
    let (secs, micros): (u64, u64) = redis::cmd("TIME").query_async(&mut conn).await?;
    let holders: Vec<String> = redis::cmd("ZRANGEBYSCORE")
        .arg("zoho:{workers-test}:permits")
        .arg(format!("({}", secs * 1000 + micros / 1000))
        .arg("+inf")
        .query_async(&mut conn)
        .await?;
    let prefix = format!("{pid}-");
    Ok(holders.iter().filter(|h| h.starts_with(&prefix)).count())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_processes_share_one_limit_and_one_token_and_survive_a_sigkill() -> Fallible {
    let redis = RedisServer::start().unwrap_or_else(|e| panic!("{e}"));
    let sandbox = Sandbox::builder()
        .generated_records(false)
        .oauth_token_ttl(TOKEN_LIFE)
        .start()
        .await?;
    sandbox.set_faults(Faults {
        latency_ms: 40,
        max_concurrent: Some(LIMIT),
        ..Faults::default()
    });
    let dir = std::env::temp_dir().join(format!("zoho-redis-workers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let run = Run {
        dir,
        redis: redis.url(),
        sandbox: sandbox.base_url().to_owned(),
        oauth: sandbox.oauth_client(ALL_SCOPES),
    };
    let mut owner = HashMap::new();
    for worker in 0..WORKERS {
        let mut ids = String::new();
        for i in 0..RECORDS {
            let fields = serde_json::json!({"Last_Name": format!("W{worker}-{i}")});
            let id = sandbox
                .insert_record("Leads", fields)
                .ok_or("no Leads module")?;
            ids.push_str(&id);
            ids.push('\n');
            owner.insert(id, worker);
        }
        std::fs::write(run.ids(worker), ids)?;
    }

    let started = Instant::now();
    let mut children: Vec<Child> = (0..WORKERS)
        .map(|w| run.spawn(w))
        .collect::<Fallible<_>>()?;

    // Worker 0 is killed a third of the way through its records, holding permits. It is
    // stopped (SIGSTOP) before its permits are counted, so it cannot give them back between
    // the count and the kill; stopped holding none, it is let go on and caught again.
    let victim = children[0].id();
    let pid = Pid::from_raw(i32::try_from(victim)?);
    loop {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "worker 0 made no progress"
        );
        if lines(&run.progress(0)).len() >= RECORDS / 3 {
            signal::kill(pid, Signal::SIGSTOP)?;
            if permits_of(&run.redis, victim).await? > 0 {
                break;
            }
            signal::kill(pid, Signal::SIGCONT)?;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    children[0].kill()?;
    children[0].wait()?;
    let killed_at = Instant::now();
    let done_before_kill: HashSet<String> = lines(&run.progress(0))
        .iter()
        .filter_map(|l| l.split(' ').next().map(str::to_owned))
        .collect();
    let held_at_kill = permits_of(&run.redis, victim).await?;
    assert!(held_at_kill > 0, "worker 0 was killed holding permits");
    while permits_of(&run.redis, victim).await? > 0 {
        // Within the lease (renewed at most a lease before the kill), give or take a poll.
        let waited = killed_at.elapsed();
        assert!(
            waited < LEASE + Duration::from_millis(500),
            "the dead worker's permits still held after {waited:?}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let recovered = killed_at.elapsed();
    children[0] = run.spawn(0)?;

    let mut reports = Vec::new();
    for child in children {
        let output = child.wait_with_output()?;
        assert!(output.status.success(), "a worker failed");
        reports.push(String::from_utf8_lossy(&output.stdout).trim().to_owned());
    }
    let elapsed = started.elapsed();

    // No 429: the sandbox refuses the 11th call in flight, and never had to.
    let journal = sandbox.journal();
    let crm: Vec<_> = journal
        .iter()
        .filter(|e| e.path.starts_with("/crm"))
        .collect();
    let refused = crm.iter().filter(|e| e.fault.is_some()).count();
    assert_eq!(refused, 0, "calls answered 429 TOO_MANY_REQUESTS");
    assert!(sandbox.peak_in_flight() <= LIMIT);

    // One token at a time for everyone: every mint was used, and at most one per half-life.
    let mints = sandbox.token_requests();
    let used: HashSet<_> = crm
        .iter()
        .filter_map(|e| e.header("authorization"))
        .collect();
    let half_lives = (elapsed.as_secs_f64() / (TOKEN_LIFE.as_secs_f64() / 2.0)).ceil() as usize;
    assert_eq!(used.len(), mints, "a token was minted and never used");
    assert!(
        mints <= half_lives + 1,
        "{mints} mints in {half_lives} half-lives"
    );

    // Every record: one outcome line, `ok`, its worker's tag; applied once, or twice for the
    // calls in flight when worker 0 died (an update may be repeated; it sets the same value).
    let mut outcomes: HashMap<String, Vec<String>> = HashMap::new();
    for worker in 0..WORKERS {
        for line in lines(&run.progress(worker)) {
            let (id, verdict) = line.split_once(' ').ok_or("a torn progress line")?;
            outcomes
                .entry(id.to_owned())
                .or_default()
                .push(verdict.to_owned());
        }
    }
    let mut twice = 0;
    for (id, worker) in &owner {
        assert_eq!(
            outcomes.get(id).map(Vec::as_slice),
            Some(&["ok".to_owned()][..]),
            "{id}"
        );
        let record = sandbox.record("Leads", id).ok_or("a lead vanished")?;
        assert_eq!(record["Description"], format!("worker-{worker}"));
        let writes = sandbox.write_count("Leads", id);
        let resent = *worker == 0 && !done_before_kill.contains(id);
        assert!(
            writes == 1 || (resent && writes == 2),
            "{id} applied {writes} times"
        );
        twice += usize::from(writes == 2);
    }
    assert!(
        twice <= LIMIT * 100,
        "only calls in flight at the kill were sent again"
    );

    println!(
        "{} workers x {RECORDS} records, limit {LIMIT}: {} calls in {elapsed:.2?}, 429s: {refused}, \
         peak in flight: {}, token mints: {mints} (token life {TOKEN_LIFE:?}), \
         killed worker held {held_at_kill} permits, back after {recovered:.2?} (lease {LEASE:?}), \
         records applied twice: {twice}; reports: {reports:?}",
        WORKERS,
        crm.len(),
        sandbox.peak_in_flight()
    );
    let _ = std::fs::remove_dir_all(&run.dir);
    Ok(())
}
