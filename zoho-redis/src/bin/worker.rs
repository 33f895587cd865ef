//! One worker of the multi-process test and benchmark: updates the leads listed in a file,
//! 100 a call, through a client whose token and limits are shared through Redis, and appends
//! each record's outcome to a progress file, so a worker started again skips what is done.
//!
//! `zoho-redis-worker --redis URL --org NAME --api URL --accounts URL --client-id ID
//! --client-secret S --refresh-token T --ids FILE --progress FILE --tag TEXT [--limit N]
//! [--lease-ms N] [--local]` (`--local`: the client's own limit, no Redis, for the baseline).
//! Prints one line at the end: `done <records> <failed> <credits> <millis> <first call> <last
//! answer>`, the last two in milliseconds since the Unix epoch, so runs of several processes can
//! be measured from the first call to the last answer.

use std::collections::{HashMap, HashSet};
use std::io::Write as _;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use zoho_redis::{Limits, RedisOrg, SharedLimits, TokenSharing};
use zoho_runtime::auth::RefreshingToken;
use zoho_runtime::{zoho_endpoint, Client, Outcome};

/// The fields a worker sets.
#[derive(zoho_runtime::serde::Serialize)]
#[serde(crate = "zoho_runtime::serde")]
struct Lead {
    id: String,
    #[serde(rename = "Description")]
    description: String,
}

/// Updates leads named by the `id` of each record.
#[zoho_endpoint(PUT "/Leads", scope = "ZohoCRM.modules.leads.UPDATE", version = "v2")]
struct UpdateLeads {
    #[zoho(records)]
    leads: Vec<Lead>,
}

type Fallible<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

struct Args(HashMap<String, String>);

impl Args {
    fn parse() -> Fallible<Args> {
        let mut map = HashMap::new();
        let mut it = std::env::args().skip(1);
        while let Some(flag) = it.next() {
            let name = flag
                .strip_prefix("--")
                .ok_or(format!("unexpected `{flag}`"))?;
            let value = if name == "local" {
                "yes".to_owned()
            } else {
                it.next().ok_or(format!("`{flag}` needs a value"))?
            };
            map.insert(name.to_owned(), value);
        }
        Ok(Args(map))
    }

    fn get(&self, name: &str) -> Fallible<&str> {
        Ok(self
            .0
            .get(name)
            .ok_or(format!("missing `--{name}`"))?
            .as_str())
    }

    fn number(&self, name: &str, default: u64) -> Fallible<u64> {
        match self.0.get(name) {
            Some(v) => Ok(v.parse().map_err(|e| format!("`--{name}`: {e}"))?),
            None => Ok(default),
        }
    }
}

/// The client, with its limits when they are shared.
fn client(args: &Args) -> Fallible<(Client, Option<SharedLimits>)> {
    let refresher = RefreshingToken::builder(
        args.get("client-id")?,
        args.get("client-secret")?,
        args.get("refresh-token")?,
    )
    .accounts_url(args.get("accounts")?)
    .build()?;
    let limit = args.number("limit", 10)? as usize;
    let builder = Client::builder().api_domain(args.get("api")?);
    if args.0.contains_key("local") {
        let client = builder
            .token_provider(refresher)
            .max_concurrent(limit)
            .build()?;
        return Ok((client, None));
    }
    let org = RedisOrg::builder(args.get("redis")?, args.get("org")?).build()?;
    let lease = Duration::from_millis(args.number("lease-ms", 2000)?);
    let limits = org.limits(Limits::new(limit).lease(lease))?;
    let tokens = org.token_with(refresher, TokenSharing::default().lease(lease));
    let client = builder
        .token_provider(tokens)
        .admission(limits.clone())
        .build()?;
    Ok((client, Some(limits)))
}

/// The ids of the file that the progress file does not list yet.
fn remaining(args: &Args) -> Fallible<Vec<String>> {
    let done: HashSet<String> = std::fs::read_to_string(args.get("progress")?)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| line.split(' ').next().map(str::to_owned))
        .collect();
    Ok(std::fs::read_to_string(args.get("ids")?)?
        .lines()
        .filter(|id| !id.is_empty() && !done.contains(*id))
        .map(str::to_owned)
        .collect())
}

/// One line per record: its id and `ok`, Zoho's code, or `call-failed`.
fn outcome_lines(
    ids: &[String],
    result: &Result<zoho_runtime::Outcomes, zoho_runtime::Error>,
) -> String {
    let mut lines = String::new();
    for (i, id) in ids.iter().enumerate() {
        let verdict = match result {
            Ok(outcomes) => match outcomes.get(i) {
                Some(Outcome::Ok(_)) => "ok".to_owned(),
                Some(Outcome::Err(e)) => e.code.to_string(),
                None => "missing".to_owned(),
            },
            Err(_) => "call-failed".to_owned(),
        };
        lines.push_str(&format!("{id} {verdict}\n"));
    }
    lines
}

/// The records of one run, shared by its tasks.
struct Job {
    ids: Vec<String>,
    tag: String,
    progress: Mutex<std::fs::File>,
    next: AtomicUsize,
    failed: AtomicUsize,
}

impl Job {
    /// Takes the next 100 records until none are left.
    async fn take_turns(&self, client: &Client) -> std::io::Result<()> {
        loop {
            let start = self.next.fetch_add(100, Ordering::SeqCst);
            let Some(batch) = self.ids.get(start..(start + 100).min(self.ids.len())) else {
                return Ok(());
            };
            if batch.is_empty() {
                return Ok(());
            }
            let leads = batch
                .iter()
                .map(|id| Lead {
                    id: id.clone(),
                    description: self.tag.clone(),
                })
                .collect();
            let result = client.send(&UpdateLeads { leads }).await;
            if let Err(error) = &result {
                eprintln!("a call failed: {error}");
            }
            let lines = outcome_lines(batch, &result);
            let failed = lines.lines().filter(|l| !l.ends_with(" ok")).count();
            self.failed.fetch_add(failed, Ordering::SeqCst);
            // One write per call: a worker killed mid-run leaves whole calls in the file.
            self.progress
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .write_all(lines.as_bytes())?;
        }
    }
}

async fn run(args: Args) -> Fallible<String> {
    let (client, limits) = client(&args)?;
    let progress = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(args.get("progress")?)?;
    let job = Arc::new(Job {
        ids: remaining(&args)?,
        tag: args.get("tag")?.to_owned(),
        progress: Mutex::new(progress),
        next: AtomicUsize::new(0),
        failed: AtomicUsize::new(0),
    });
    let started = Instant::now();
    let first_call = unix_ms();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..client.max_concurrent() {
        let (client, job) = (client.clone(), job.clone());
        tasks.spawn(async move { job.take_turns(&client).await });
    }
    while let Some(joined) = tasks.join_next().await {
        joined??;
    }
    let credits = limits.map_or(0, |l| l.credits_spent());
    Ok(format!(
        "done {} {} {credits} {} {first_call} {}",
        job.ids.len(),
        job.failed.load(Ordering::SeqCst),
        started.elapsed().as_millis(),
        unix_ms()
    ))
}

fn unix_ms() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis()
}

#[tokio::main]
async fn main() -> ExitCode {
    let result = match Args::parse() {
        Ok(args) => run(args).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
