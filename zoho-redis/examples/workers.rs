//! Two (or more) workers of one org sharing its budget: run this in two terminals against one
//! sandbox and one Redis, and watch each worker's spending add up to the org's.
//!
//! ```text
//! redis-server --port 6379 --save "" --appendonly no      # terminal 1
//! cargo run -p zoho-sandbox                                # terminal 2: prints credentials
//! cargo run -p zoho-redis --example workers -- A --client-id … --client-secret … --refresh-token …
//! cargo run -p zoho-redis --example workers -- B --client-id … --client-secret … --refresh-token …
//! ```
//!
//! Each worker updates the sandbox's leads, 100 a call (10 credits), under a budget of 200
//! credits per minute and 2 calls in flight for the whole org; when the budget is spent, both
//! wait for it to come back. Options: `--redis URL` (default `redis://127.0.0.1:6379/`), `--api
//! URL` (default `http://127.0.0.1:8080`), `--calls N` (default 40).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use zoho_redis::{CreditBudget, Limits, OnSpent, RedisOrg};
use zoho_runtime::auth::RefreshingToken;
use zoho_runtime::{zoho_endpoint, Client, Json};

/// Lists leads: their ids.
#[zoho_endpoint(GET "/Leads", scope = "ZohoCRM.modules.leads.READ", version = "v8", response = Json)]
struct ListLeads {
    #[zoho(query)]
    fields: &'static str,
    #[zoho(query)]
    per_page: u32,
}

#[derive(zoho_runtime::serde::Serialize)]
#[serde(crate = "zoho_runtime::serde")]
struct Lead {
    id: String,
    #[serde(rename = "Description")]
    description: String,
}

/// Updates leads named by the `id` of each record.
#[zoho_endpoint(PUT "/Leads", scope = "ZohoCRM.modules.leads.UPDATE", version = "v8")]
struct UpdateLeads {
    #[zoho(records)]
    leads: Vec<Lead>,
}

type Fallible<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// The worker's name, then `--flag value` pairs.
fn args() -> Fallible<(String, HashMap<String, String>)> {
    let mut it = std::env::args().skip(1);
    let name = it
        .next()
        .ok_or("usage: workers NAME --client-id … --client-secret … --refresh-token …")?;
    let mut flags = HashMap::new();
    while let (Some(flag), Some(value)) = (it.next(), it.next()) {
        let flag = flag
            .strip_prefix("--")
            .ok_or(format!("unexpected `{flag}`"))?;
        flags.insert(flag.to_owned(), value);
    }
    Ok((name, flags))
}

#[tokio::main]
async fn main() -> Fallible {
    let (name, flags) = args()?;
    let flag = |key: &str, default: &str| flags.get(key).cloned().unwrap_or(default.to_owned());
    let need = |key: &str| flags.get(key).cloned().ok_or(format!("missing `--{key}`"));
    let api = flag("api", "http://127.0.0.1:8080");
    let calls: usize = flag("calls", "40").parse()?;

    let org =
        RedisOrg::builder(flag("redis", "redis://127.0.0.1:6379/"), "workers-example").build()?;
    let limits = org.limits(
        Limits::new(2)
            .credits(CreditBudget::per(200, Duration::from_secs(60)))
            .on_spent(OnSpent::Wait {
                at_most: Duration::from_secs(120),
            }),
    )?;
    let refresher = RefreshingToken::builder(
        need("client-id")?,
        need("client-secret")?,
        need("refresh-token")?,
    )
    .accounts_url(&api)
    .build()?;
    let client = Client::builder()
        .api_domain(&api)
        .token_provider(org.token(refresher))
        .admission(limits.clone())
        .build()?;

    let listed = client
        .send(&ListLeads {
            fields: "Last_Name",
            per_page: 100,
        })
        .await?;
    let ids: Vec<String> = listed["data"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|lead| lead["id"].as_str().map(str::to_owned))
        .collect();
    println!(
        "[{name}] {} leads; {calls} calls of 10 credits each, 200 credits a minute for the org",
        ids.len()
    );
    for call in 1..=calls {
        let started = Instant::now();
        let leads = ids
            .iter()
            .map(|id| Lead {
                id: id.clone(),
                description: format!("{name} call {call}"),
            })
            .collect();
        let outcomes = client.send(&UpdateLeads { leads }).await?;
        let waited = started.elapsed();
        println!(
            "[{name}] call {call:>3}: {} ok in {waited:.1?}; this worker spent {:>4}, the org {:>3} of 200 in the last minute",
            outcomes.successes().count(),
            limits.credits_spent(),
            limits.org_credits_spent().await?,
        );
    }
    Ok(())
}
