//! [`SharedLimits`]: the org's concurrency limit and credit budget, shared by every worker, as
//! the client's [`Admission`].

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use redis::Script;
use zoho_runtime::admission::{Admission, CallInfo, Permit};
use zoho_runtime::auth::BoxFuture;

use crate::credits::{cost, Charge, CreditBudget, LocalBudget, CHARGE};
use crate::semaphore::Semaphore;
use crate::{Error, Fallback, RedisOrg};

/// What a worker does with a call the credit budget cannot pay for now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum OnSpent {
    /// Fails the call at once with [`Error::CreditsSpent`], which says when budget comes back.
    Refuse,
    /// Waits for budget to come back, when it comes back within `at_most`; refuses otherwise.
    Wait {
        /// The longest wait for credits.
        at_most: Duration,
    },
}

/// The org's limits as every worker must see them.
#[derive(Clone, Debug)]
pub struct Limits {
    max_concurrent: usize,
    lease: Duration,
    max_wait: Duration,
    credits: Option<CreditBudget>,
    on_spent: OnSpent,
    heavy: Option<usize>,
}

/// Whether Zoho counts a call against its lower limit of heavy calls: a write of more than 10
/// records, a lead conversion, a bulk job; in short, a call that costs more than 1 credit.
pub fn is_heavy(call: &CallInfo) -> bool {
    cost(call) > 1
}

impl Limits {
    /// At most `max_concurrent` calls in flight across all workers (Zoho's limit per edition:
    /// [`zoho_runtime::Edition::max_concurrent`]; about 10 for heavy calls), leases of 10 s,
    /// a wait of at most 60 s for a permit, and no credit budget.
    pub fn new(max_concurrent: usize) -> Self {
        Limits {
            max_concurrent,
            lease: Duration::from_secs(10),
            max_wait: Duration::from_secs(60),
            credits: None,
            on_spent: OnSpent::Refuse,
            heavy: None,
        }
    }

    /// At most `max` [heavy](is_heavy) calls in flight across all workers, within the limit
    /// of all calls (Zoho's is about 10). Off by default.
    pub fn heavy_max_concurrent(mut self, max: usize) -> Self {
        self.heavy = Some(max);
        self
    }

    /// How long a permit outlives a worker that died holding it (default 10 s). A live worker
    /// renews its permits every third of this while their calls run.
    pub fn lease(mut self, lease: Duration) -> Self {
        self.lease = lease;
        self
    }

    /// The longest a call waits for a permit before failing with [`Error::WaitedTooLong`]
    /// (default 60 s).
    pub fn max_wait(mut self, wait: Duration) -> Self {
        self.max_wait = wait;
        self
    }

    /// Counts each call's credits against `budget`, shared by every worker.
    pub fn credits(mut self, budget: CreditBudget) -> Self {
        self.credits = Some(budget);
        self
    }

    /// What a call the budget cannot pay now does (default [`OnSpent::Refuse`]).
    pub fn on_spent(mut self, on_spent: OnSpent) -> Self {
        self.on_spent = on_spent;
        self
    }
}

/// The org's concurrency limit and credit budget, kept in Redis and shared by every worker
/// that names the same org: plug it into a client with
/// [`ClientBuilder::admission`](zoho_runtime::ClientBuilder::admission). Cheap to clone.
///
/// Each attempt takes a permit (a lease in a Redis semaphore, renewed while the call runs)
/// and pays its credits ([`cost`](crate::cost)) before it goes out.
#[derive(Clone)]
pub struct SharedLimits {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for SharedLimits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedLimits")
            .field("redis", &self.inner.org.conn.url)
            .field("max_concurrent", &self.inner.semaphore.limit)
            .field("credits", &self.inner.limits.credits)
            .finish_non_exhaustive()
    }
}

struct Inner {
    org: RedisOrg,
    limits: Limits,
    semaphore: Semaphore,
    heavy: Option<Semaphore>,
    charge: Script,
    /// Credits this process paid.
    spent: AtomicU64,
    local: Option<LocalShare>,
}

/// The share of the limits a worker keeps to itself while Redis is unreachable.
struct LocalShare {
    permits: Arc<tokio::sync::Semaphore>,
    heavy: Option<Arc<tokio::sync::Semaphore>>,
    budget: Option<Mutex<LocalBudget>>,
    retry_redis_after: Duration,
}

impl RedisOrg {
    /// The org's shared limits. Nothing is sent to Redis until the first call.
    pub fn limits(&self, limits: Limits) -> Result<SharedLimits, Error> {
        if limits.max_concurrent == 0 {
            return Err(Error::Config("`max_concurrent` must be at least 1".into()));
        }
        if limits.heavy == Some(0) {
            return Err(Error::Config(
                "`heavy_max_concurrent` must be at least 1".into(),
            ));
        }
        if limits.lease < Duration::from_millis(30) {
            return Err(Error::Config("a lease must be at least 30 ms".into()));
        }
        let semaphore = |keys: &crate::keys::SemaphoreKeys, max: usize| {
            Semaphore::new(
                Arc::clone(&self.conn),
                keys.clone(),
                max,
                limits.lease,
                limits.max_wait,
            )
        };
        let local = local_share(&self.fallback, &limits);
        Ok(SharedLimits {
            inner: Arc::new(Inner {
                org: self.clone(),
                semaphore: semaphore(&self.keys.permits, limits.max_concurrent),
                heavy: limits
                    .heavy
                    .map(|max| semaphore(&self.keys.heavy_permits, max)),
                charge: Script::new(CHARGE),
                spent: AtomicU64::new(0),
                local,
                limits,
            }),
        })
    }
}

fn local_share(fallback: &Fallback, limits: &Limits) -> Option<LocalShare> {
    let Fallback::LocalShare {
        workers,
        retry_redis_after,
    } = *fallback
    else {
        return None;
    };
    let workers = workers.max(1);
    let budget = limits.credits.map(|b| {
        let share = CreditBudget::per(b.credits / workers as u64, b.window);
        Mutex::new(LocalBudget::new(share))
    });
    let share = |max: usize| Arc::new(tokio::sync::Semaphore::new((max / workers).max(1)));
    Some(LocalShare {
        permits: share(limits.max_concurrent),
        heavy: limits.heavy.map(share),
        budget,
        retry_redis_after,
    })
}

impl SharedLimits {
    /// Credits this process paid for its calls (every attempt counts, as Zoho counts them).
    pub fn credits_spent(&self) -> u64 {
        self.inner.spent.load(Ordering::Relaxed)
    }

    /// Credits every worker spent in the budget's window, as Redis counts them; `0` without a
    /// budget.
    pub async fn org_credits_spent(&self) -> Result<u64, Error> {
        match self.charge_shared(0).await? {
            Charge::Paid { spent } | Charge::Later { spent, .. } => Ok(spent),
            Charge::Never => Ok(0),
        }
    }

    /// Permits held now by every worker, lapsed leases not counted.
    pub async fn permits_in_use(&self) -> Result<usize, Error> {
        let conn = &self.inner.org.conn;
        let mut c = conn.get().await?;
        let (secs, micros): (u64, u64) = redis::cmd("TIME")
            .query_async(&mut c)
            .await
            .map_err(|e| conn.unreachable(e))?;
        let now = secs * 1000 + micros / 1000;
        redis::cmd("ZCOUNT")
            .arg(&self.inner.org.keys.permits.holders)
            .arg(format!("({now}"))
            .arg("+inf")
            .query_async(&mut c)
            .await
            .map_err(|e| conn.unreachable(e))
    }

    async fn admit_call(&self, call: CallInfo) -> Result<Permit, Error> {
        let (cost, heavy) = (cost(&call), is_heavy(&call));
        let inner = &self.inner;
        let Some(local) = &inner.local else {
            return self.admit_shared(cost, heavy).await;
        };
        if !inner.org.conn.skipping() {
            match self.admit_shared(cost, heavy).await {
                Err(Error::Unreachable { .. }) => inner.org.conn.skip_for(local.retry_redis_after),
                other => return other,
            }
        }
        self.admit_local(local, cost, heavy).await
    }

    async fn admit_shared(&self, cost: u64, heavy: bool) -> Result<Permit, Error> {
        let inner = &self.inner;
        if let Some(budget) = inner.limits.credits {
            let started = Instant::now();
            loop {
                let charge = self.charge_shared(cost).await?;
                if self.paid(charge, cost, budget, started).await? {
                    break;
                }
            }
        }
        // Heavy first, then any: every worker takes them in this order, so none waits for a
        // place while holding one another needs first.
        let heavy = match (&inner.heavy, heavy) {
            (Some(semaphore), true) => Some(semaphore.acquire().await?),
            _ => None,
        };
        let lease = inner.semaphore.acquire().await?;
        Ok(Permit::new((heavy, lease)))
    }

    /// Whether the charge was paid; after a wait the caller tries again.
    async fn paid(
        &self,
        charge: Charge,
        cost: u64,
        budget: CreditBudget,
        started: Instant,
    ) -> Result<bool, Error> {
        let (back_in, spent) = match charge {
            Charge::Paid { .. } => {
                self.inner.spent.fetch_add(cost, Ordering::Relaxed);
                return Ok(true);
            }
            Charge::Never => {
                return Err(Error::CostAboveBudget {
                    cost,
                    budget: budget.credits,
                })
            }
            Charge::Later { back_in, spent } => (back_in, spent),
        };
        let refused = Error::CreditsSpent {
            cost,
            spent,
            budget: budget.credits,
            back_in,
        };
        match self.inner.limits.on_spent {
            OnSpent::Wait { at_most } if started.elapsed() + back_in <= at_most => {
                tokio::time::sleep(back_in).await;
                Ok(false)
            }
            _ => Err(refused),
        }
    }

    async fn charge_shared(&self, cost: u64) -> Result<Charge, Error> {
        let Some(budget) = self.inner.limits.credits else {
            return Ok(Charge::Paid { spent: 0 });
        };
        let org = &self.inner.org;
        let mut c = org.conn.get().await?;
        let keys = &org.keys;
        let reply: Vec<i64> = self
            .inner
            .charge
            .key(&keys.credit_buckets)
            .key(&keys.credit_spent)
            .key(&keys.credit_total)
            .arg(cost)
            .arg(budget.credits)
            .arg(budget.window.as_millis() as u64)
            .arg(budget.bucket_ms())
            .invoke_async(&mut c)
            .await
            .map_err(|e| org.conn.unreachable(e))?;
        Ok(Charge::from_reply(&reply))
    }

    async fn admit_local(
        &self,
        local: &LocalShare,
        cost: u64,
        heavy: bool,
    ) -> Result<Permit, Error> {
        if let (Some(budget), Some(config)) = (&local.budget, self.inner.limits.credits) {
            let started = Instant::now();
            loop {
                let charge = budget
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .charge(cost);
                if self.paid(charge, cost, config, started).await? {
                    break;
                }
            }
        }
        let heavy = match (&local.heavy, heavy) {
            (Some(permits), true) => Some(self.local_permit(permits).await?),
            _ => None,
        };
        let permit = self.local_permit(&local.permits).await?;
        Ok(Permit::new((heavy, permit)))
    }

    async fn local_permit(
        &self,
        permits: &Arc<tokio::sync::Semaphore>,
    ) -> Result<tokio::sync::OwnedSemaphorePermit, Error> {
        let wait = self.inner.limits.max_wait;
        match tokio::time::timeout(wait, Arc::clone(permits).acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            _ => Err(Error::WaitedTooLong {
                what: "permit",
                waited: wait,
            }),
        }
    }
}

impl Admission for SharedLimits {
    fn admit(&self, call: CallInfo) -> BoxFuture<'_, Result<Permit, zoho_runtime::Error>> {
        Box::pin(async move { self.admit_call(call).await.map_err(Into::into) })
    }

    fn max_concurrent(&self) -> usize {
        self.inner.semaphore.limit
    }
}
