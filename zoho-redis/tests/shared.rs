//! The shared token, semaphore and credit budget, each worker a handle of its own (its own
//! Redis connections, its own memory), against a real `redis-server` and the sandbox.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use zoho_redis::local_server::RedisServer;
use zoho_redis::{
    CreditBudget, Error, Fallback, Limits, OnSpent, RedisOrg, SharedLimits, TokenSharing,
};
use zoho_runtime::admission::{Admission, CallInfo};
use zoho_runtime::auth::{RefreshingToken, TokenProvider};
use zoho_runtime::endpoint::Method;
use zoho_runtime::{zoho_endpoint, Client};
use zoho_sandbox::{Faults, OAuthClient, Sandbox, ALL_SCOPES};

type Fallible = Result<(), Box<dyn std::error::Error>>;

/// A `redis-server` of its own for one test; fails, saying how to install it, without one.
fn redis() -> RedisServer {
    RedisServer::start().unwrap_or_else(|e| panic!("{e}"))
}

#[derive(zoho_runtime::serde::Serialize)]
#[serde(crate = "zoho_runtime::serde")]
struct Lead {
    id: String,
    #[serde(rename = "Description")]
    description: &'static str,
}

#[zoho_endpoint(PUT "/Leads", scope = "ZohoCRM.modules.leads.UPDATE", version = "v2")]
struct UpdateLeads {
    #[zoho(records)]
    leads: Vec<Lead>,
}

fn leads(sandbox: &Sandbox, n: usize) -> Vec<String> {
    (0..n)
        .filter_map(|i| {
            sandbox.insert_record("Leads", serde_json::json!({"Last_Name": format!("L{i}")}))
        })
        .collect()
}

fn update(ids: &[String]) -> UpdateLeads {
    let leads = ids
        .iter()
        .map(|id| Lead {
            id: id.clone(),
            description: "shared",
        })
        .collect();
    UpdateLeads { leads }
}

/// A worker's own refresher, of the org's one OAuth client and refresh token.
fn refresher(sandbox: &Sandbox) -> RefreshingToken {
    // The sandbox registers a client per call: one per sandbox, as one org has one.
    static CLIENTS: std::sync::Mutex<Vec<(String, OAuthClient)>> =
        std::sync::Mutex::new(Vec::new());
    let mut clients = CLIENTS.lock().unwrap();
    let oauth = match clients.iter().find(|(url, _)| url == sandbox.base_url()) {
        Some((_, oauth)) => oauth.clone(),
        None => {
            let oauth = sandbox.oauth_client(ALL_SCOPES);
            clients.push((sandbox.base_url().to_owned(), oauth.clone()));
            oauth
        }
    };
    RefreshingToken::builder(oauth.client_id, oauth.client_secret, oauth.refresh_token)
        .accounts_url(sandbox.accounts_url())
        .build()
        .unwrap()
}

fn org(redis: &RedisServer) -> RedisOrg {
    RedisOrg::builder(redis.url(), "test-org").build().unwrap()
}

/// Four workers' clients, each with its own org handle, sharing `limits`.
fn workers(redis: &RedisServer, sandbox: &Sandbox, limits: Limits) -> Vec<(Client, SharedLimits)> {
    (0..4)
        .map(|_| {
            let org = org(redis);
            let shared = org.limits(limits.clone()).unwrap();
            let client = Client::builder()
                .api_domain(sandbox.base_url())
                .token_provider(org.token(refresher(sandbox)))
                .admission(shared.clone())
                .build()
                .unwrap();
            (client, shared)
        })
        .collect()
}

fn too_many_requests(sandbox: &Sandbox) -> usize {
    let journal = sandbox.journal();
    journal.iter().filter(|e| e.fault.is_some()).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn four_workers_never_pass_the_orgs_limit() -> Fallible {
    let redis = redis();
    let sandbox = Sandbox::builder().generated_records(false).start().await?;
    sandbox.set_faults(Faults {
        latency_ms: 20,
        max_concurrent: Some(3),
        ..Faults::default()
    });
    let ids = Arc::new(leads(&sandbox, 1000));
    let mut calls = tokio::task::JoinSet::new();
    for (w, (client, _)) in workers(&redis, &sandbox, Limits::new(3))
        .into_iter()
        .enumerate()
    {
        for t in 0..5 {
            let (client, ids) = (client.clone(), ids.clone());
            calls.spawn(async move {
                let start = (w * 5 + t) * 50;
                client.send(&update(&ids[start..start + 50])).await
            });
        }
    }
    while let Some(done) = calls.join_next().await {
        assert!(done?.is_ok());
    }
    assert_eq!(too_many_requests(&sandbox), 0, "no call was answered 429");
    assert_eq!(
        sandbox.peak_in_flight(),
        3,
        "the limit was used, never passed"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_mint_for_all_workers_and_one_for_all_after_a_401() -> Fallible {
    let redis = redis();
    let sandbox = Sandbox::builder().generated_records(false).start().await?;
    let ids = leads(&sandbox, 40);
    let workers = workers(&redis, &sandbox, Limits::new(10));
    let send_all = |workers: &[(Client, SharedLimits)]| {
        let mut calls = tokio::task::JoinSet::new();
        for (w, (client, _)) in workers.iter().enumerate() {
            for t in 0..5 {
                let (client, batch) = (client.clone(), ids[(w * 5 + t)..][..1].to_vec());
                calls.spawn(async move { client.send(&update(&batch)).await });
            }
        }
        calls.join_all()
    };
    assert!(send_all(&workers).await.iter().all(Result::is_ok));
    assert_eq!(
        sandbox.token_requests(),
        1,
        "20 calls of 4 workers, one token"
    );

    let token = workers[0].0.prepare(&update(&ids[..1])).await?;
    let secret = token
        .header("Authorization")
        .unwrap()
        .trim_start_matches("Zoho-oauthtoken ");
    assert!(sandbox.expire_token(secret));
    assert!(send_all(&workers).await.iter().all(Result::is_ok));
    assert_eq!(
        sandbox.token_requests(),
        2,
        "one 401 seen by 20 calls, one refresh"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_is_minted_once_per_expiry() -> Fallible {
    let redis = redis();
    let sandbox = Sandbox::builder()
        .generated_records(false)
        .oauth_token_ttl(Duration::from_secs(2))
        .start()
        .await?;
    let ids = leads(&sandbox, 4);
    let workers = workers(&redis, &sandbox, Limits::new(10));
    let started = Instant::now();
    while started.elapsed() < Duration::from_millis(3500) {
        for (w, (client, _)) in workers.iter().enumerate() {
            client.send(&update(&ids[w..w + 1])).await?;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Refreshed at half life: at 0 s, 1 s, 2 s and 3 s.
    let used: HashSet<_> = sandbox
        .journal()
        .iter()
        .filter_map(|e| e.header("authorization").map(str::to_owned))
        .collect();
    assert_eq!(
        sandbox.token_requests(),
        4,
        "one mint per half-life, not per worker"
    );
    assert_eq!(used.len(), 4, "every minted token was used");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_waiting_on_a_dead_refresher_takes_over_after_its_lease() -> Fallible {
    let redis = redis();
    let sandbox = Sandbox::builder().generated_records(false).start().await?;
    // A worker that took the lease and died: the lease is there, no token.
    let mut conn = redis::Client::open(redis.url())?
        .get_multiplexed_async_connection()
        .await?;
    let _: () = redis::cmd("SET")
        .arg("zoho:{test-org}:token:lease")
        .arg("dead")
        .arg("PX")
        .arg(500)
        .query_async(&mut conn)
        .await?;
    let tokens = org(&redis).token_with(
        refresher(&sandbox),
        TokenSharing::default().lease(Duration::from_secs(1)),
    );
    let started = Instant::now();
    tokens.token().await?;
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(400) && waited < Duration::from_secs(2),
        "{waited:?}"
    );
    assert_eq!(sandbox.token_requests(), 1);
    Ok(())
}

#[test]
fn permits_of_a_dead_worker_come_back_after_the_lease() -> Fallible {
    let redis = redis();
    let limits = Limits::new(2).lease(Duration::from_millis(600));
    let call = CallInfo::new(Method::Get, "/Leads");
    // A worker takes both permits, then its runtime (and every task of it) is gone.
    let dead = tokio::runtime::Runtime::new()?;
    dead.block_on(async {
        let shared = org(&redis).limits(limits.clone())?;
        let held = [shared.admit(call).await?, shared.admit(call).await?];
        std::mem::forget(held);
        Ok::<_, Box<dyn std::error::Error>>(())
    })?;
    dead.shutdown_background();
    let live = tokio::runtime::Runtime::new()?;
    live.block_on(async {
        let shared = org(&redis).limits(limits)?;
        assert_eq!(shared.permits_in_use().await?, 2);
        let started = Instant::now();
        let _permit = shared.admit(call).await?;
        let waited = started.elapsed();
        assert!(
            waited >= Duration::from_millis(300) && waited < Duration::from_secs(1),
            "{waited:?}"
        );
        Ok(())
    })
}

#[tokio::test]
async fn a_permit_is_not_waited_for_forever() -> Fallible {
    let redis = redis();
    let shared = org(&redis).limits(Limits::new(1).max_wait(Duration::from_millis(300)))?;
    let call = CallInfo::new(Method::Get, "/Leads");
    let _held = shared.admit(call).await?;
    let started = Instant::now();
    let error = shared.admit(call).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(1));
    let source = std::error::Error::source(&error).and_then(|s| s.downcast_ref::<Error>());
    assert!(
        matches!(source, Some(Error::WaitedTooLong { what: "permit", .. })),
        "{error}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn credits_are_counted_for_the_org_and_refused_with_when_they_come_back() -> Fallible {
    let redis = redis();
    let sandbox = Sandbox::builder().generated_records(false).start().await?;
    let ids = leads(&sandbox, 100);
    let budget = CreditBudget::per(25, Duration::from_secs(2));
    let workers = workers(&redis, &sandbox, Limits::new(10).credits(budget));
    // 100 records: 10 credits a call.
    workers[0].0.send(&update(&ids)).await?;
    workers[1].0.send(&update(&ids)).await?;
    let error = workers[2].0.send(&update(&ids)).await.unwrap_err();
    let Some(zoho_runtime::Error::Admission {
        retry_in: Some(back),
        ..
    }) = Some(&error)
    else {
        panic!("{error}");
    };
    assert!(
        *back <= Duration::from_secs(2) && *back > Duration::from_millis(1500),
        "{back:?}"
    );
    let source = std::error::Error::source(&error).and_then(|s| s.downcast_ref::<Error>());
    assert!(matches!(
        source,
        Some(Error::CreditsSpent {
            cost: 10,
            spent: 20,
            budget: 25,
            ..
        })
    ));
    // A call of 5 records (1 credit) still fits.
    workers[3].0.send(&update(&ids[..5])).await?;
    assert_eq!(workers[0].1.credits_spent(), 10);
    assert_eq!(workers[3].1.credits_spent(), 1);
    assert_eq!(workers[2].1.org_credits_spent().await?, 21);
    let calls = sandbox
        .journal()
        .iter()
        .filter(|e| e.path.starts_with("/crm"))
        .count();
    assert_eq!(calls, 3, "the refused call was never sent");

    // Waiting instead: the call goes out when the first spending leaves the window.
    let waiting = org(&redis).limits(Limits::new(10).credits(budget).on_spent(OnSpent::Wait {
        at_most: Duration::from_secs(5),
    }))?;
    let started = Instant::now();
    let _permit = waiting
        .admit(CallInfo::new(Method::Put, "/Leads").records(100))
        .await?;
    assert!(started.elapsed() > Duration::from_millis(1000));
    Ok(())
}

#[tokio::test]
async fn an_unreachable_redis_is_a_typed_error_in_bounded_time() -> Fallible {
    let mut redis = redis();
    let url = redis.url();
    redis.kill();
    let org = RedisOrg::builder(url, "test-org")
        .timeout(Duration::from_millis(300))
        .build()?;
    let shared = org.limits(Limits::new(4))?;
    let started = Instant::now();
    let error = shared
        .admit(CallInfo::new(Method::Get, "/Leads"))
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    let source = std::error::Error::source(&error).and_then(|s| s.downcast_ref::<Error>());
    assert!(matches!(source, Some(Error::Unreachable { .. })), "{error}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_a_fallback_workers_go_on_under_their_local_share() -> Fallible {
    let mut redis = redis();
    let sandbox = Sandbox::builder().generated_records(false).start().await?;
    sandbox.set_faults(Faults {
        latency_ms: 20,
        ..Faults::default()
    });
    let ids = Arc::new(leads(&sandbox, 200));
    let org = RedisOrg::builder(redis.url(), "test-org")
        .timeout(Duration::from_millis(300))
        .fallback(Fallback::local_share(4))
        .build()?;
    let client = Client::builder()
        .api_domain(sandbox.base_url())
        .token_provider(org.token(refresher(&sandbox)))
        .admission(org.limits(Limits::new(8))?)
        .build()?;
    client.send(&update(&ids[..1])).await?;
    redis.kill();
    let mut calls = tokio::task::JoinSet::new();
    for i in 0..20 {
        let (client, ids) = (client.clone(), ids.clone());
        calls.spawn(async move { client.send(&update(&ids[i * 10..][..10])).await });
    }
    for done in calls.join_all().await {
        assert!(done.is_ok(), "{done:?}");
    }
    assert!(
        sandbox.peak_in_flight() <= 2,
        "the local share of 8 among 4 workers"
    );
    assert!(ids
        .iter()
        .all(|id| sandbox.write_count("Leads", id) == 1 || id == &ids[0]));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn heavy_calls_keep_to_their_own_lower_limit() -> Fallible {
    let redis = redis();
    let sandbox = Sandbox::builder().generated_records(false).start().await?;
    sandbox.set_faults(Faults {
        latency_ms: 20,
        ..Faults::default()
    });
    let ids = Arc::new(leads(&sandbox, 1200));
    let limits = Limits::new(10).heavy_max_concurrent(2);
    let mut calls = tokio::task::JoinSet::new();
    for (w, (client, _)) in workers(&redis, &sandbox, limits).into_iter().enumerate() {
        for t in 0..3 {
            let (client, ids) = (client.clone(), ids.clone());
            // 50 records a call: a heavy write (5 credits).
            calls.spawn(async move { client.send(&update(&ids[(w * 3 + t) * 100..][..50])).await });
        }
    }
    while let Some(done) = calls.join_next().await {
        assert!(done?.is_ok());
    }
    assert_eq!(sandbox.peak_in_flight(), 2, "12 heavy calls, 2 at a time");

    // Light calls are not held back by the heavy limit.
    let light = CallInfo::new(Method::Put, "/Leads").records(10);
    assert!(!zoho_redis::is_heavy(&light));
    let shared = org(&redis).limits(Limits::new(10).heavy_max_concurrent(1))?;
    let _heavy = shared
        .admit(CallInfo::new(Method::Put, "/Leads").records(11))
        .await?;
    let permits = [shared.admit(light).await?, shared.admit(light).await?];
    assert_eq!(shared.permits_in_use().await?, 3);
    drop(permits);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_redis_from_the_start_a_fallback_worker_refreshes_its_own_token() -> Fallible {
    let mut redis = redis();
    let url = redis.url();
    redis.kill();
    let sandbox = Sandbox::builder().generated_records(false).start().await?;
    let ids = leads(&sandbox, 10);
    let org = RedisOrg::builder(url, "test-org")
        .timeout(Duration::from_millis(300))
        .fallback(Fallback::local_share(2))
        .build()?;
    let client = Client::builder()
        .api_domain(sandbox.base_url())
        .token_provider(org.token(refresher(&sandbox)))
        .admission(org.limits(Limits::new(4))?)
        .build()?;
    let started = Instant::now();
    for id in &ids {
        client.send(&update(std::slice::from_ref(id))).await?;
    }
    // Redis is tried once, then passed over: not a timeout per call.
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(sandbox.token_requests(), 1);
    Ok(())
}

#[tokio::test]
async fn without_a_fallback_an_unreachable_redis_fails_the_token_with_a_reason() -> Fallible {
    let mut redis = redis();
    let url = redis.url();
    redis.kill();
    let sandbox = Sandbox::builder().generated_records(false).start().await?;
    let org = RedisOrg::builder(url, "test-org")
        .timeout(Duration::from_millis(300))
        .build()?;
    let error = org.token(refresher(&sandbox)).token().await.unwrap_err();
    assert!(
        matches!(&error, zoho_runtime::Error::Auth { reason } if reason.contains("unreachable")),
        "{error}"
    );
    assert_eq!(
        sandbox.token_requests(),
        0,
        "no worker refreshes on its own unless told to"
    );
    Ok(())
}
