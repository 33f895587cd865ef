//! A semaphore of the org's concurrency limit kept in Redis, with leases: a sorted set of
//! holders scored by when their lease ends. A holder renews its lease while its call runs; a
//! holder that dies stops renewing, and its place is free when the lease ends.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use redis::aio::MultiplexedConnection;
use redis::Script;
use tokio::sync::oneshot;

use crate::conn::Connection;
use crate::keys::SemaphoreKeys as Keys;
use crate::Error;

/// Frees expired leases, then takes a place if fewer than `ARGV[1]` are held: answers
/// `{1}`, or `{0, ms until the first lease ends}`.
const ACQUIRE: &str = r#"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], 2 * tonumber(ARGV[2]))
  return {1}
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tonumber(first[2]) - now}
"#;

/// Extends a lease that is still held: `1`, or `0` if it ended (and the place may be taken).
const RENEW: &str = r#"
if not redis.call('ZSCORE', KEYS[1], ARGV[2]) then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[1]), ARGV[2])
redis.call('PEXPIRE', KEYS[1], 2 * tonumber(ARGV[1]))
return 1
"#;

/// Gives a place back and wakes one waiter, keeping at most `ARGV[2]` wake-ups queued.
const RELEASE: &str = r#"
if redis.call('ZREM', KEYS[1], ARGV[1]) == 1 then
  redis.call('LPUSH', KEYS[2], 1)
  redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[2]) - 1)
  redis.call('PEXPIRE', KEYS[2], 60000)
end
return 1
"#;

/// The longest one `BLPOP` blocks before the semaphore is looked at again.
const LONGEST_BLOCK: Duration = Duration::from_millis(500);

/// The Redis side of the semaphore, shared by the clones of a limiter.
pub(crate) struct Semaphore {
    pub(crate) conn: Arc<Connection>,
    keys: Keys,
    pub(crate) limit: usize,
    pub(crate) lease: Duration,
    max_wait: Duration,
    acquire: Script,
    renew: Arc<Script>,
    release: Arc<Script>,
    /// Connections for `BLPOP`, idle: each waiting task blocks on one of its own, so waiters
    /// are served in parallel, in Redis's order.
    idle: std::sync::Mutex<Vec<MultiplexedConnection>>,
    /// Makes each holder's name unique within the process.
    next: AtomicU64,
    /// Makes each holder's name unique across processes.
    process: String,
}

/// One place under the limit. Dropping it gives the place back.
pub(crate) struct Lease {
    _done: oneshot::Sender<()>,
}

/// What one try at the semaphore came to.
enum Try {
    Taken,
    Full { first_ends: Duration },
}

impl Semaphore {
    pub(crate) fn new(
        conn: Arc<Connection>,
        keys: Keys,
        limit: usize,
        lease: Duration,
        max_wait: Duration,
    ) -> Self {
        Semaphore {
            conn,
            keys,
            limit,
            lease,
            max_wait,
            acquire: Script::new(ACQUIRE),
            renew: Arc::new(Script::new(RENEW)),
            release: Arc::new(Script::new(RELEASE)),
            idle: std::sync::Mutex::new(Vec::new()),
            next: AtomicU64::new(0),
            process: format!("{}-{:016x}", std::process::id(), fastrand::u64(..)),
        }
    }

    /// Waits for a place, at most the configured wait.
    pub(crate) async fn acquire(&self) -> Result<Lease, Error> {
        let started = Instant::now();
        let holder = format!(
            "{}-{}",
            self.process,
            self.next.fetch_add(1, Ordering::Relaxed)
        );
        let first_ends = match self.try_take(&holder).await? {
            Try::Taken => return Ok(self.hold(holder)),
            Try::Full { first_ends } => first_ends,
        };
        let mut conn = None;
        let taken = self
            .wait_for_place(&holder, first_ends, started, &mut conn)
            .await;
        if let Some(conn) = conn {
            let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
            if idle.len() < self.limit {
                idle.push(conn);
            }
        }
        taken.map(|()| self.hold(holder))
    }

    /// Blocks until a release wakes us, the first lease ends or the wait is over, then tries
    /// again, until a place is taken.
    async fn wait_for_place(
        &self,
        holder: &str,
        mut first_ends: Duration,
        started: Instant,
        conn: &mut Option<MultiplexedConnection>,
    ) -> Result<(), Error> {
        let deadline = started + self.max_wait;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(self.waited(started));
            }
            self.block(conn, first_ends.min(LONGEST_BLOCK).min(left))
                .await?;
            first_ends = match self.try_take(holder).await? {
                Try::Taken => return Ok(()),
                Try::Full { first_ends } => first_ends,
            };
        }
    }

    fn waited(&self, started: Instant) -> Error {
        Error::WaitedTooLong {
            what: "permit",
            waited: started.elapsed(),
        }
    }

    async fn try_take(&self, holder: &str) -> Result<Try, Error> {
        let mut conn = self.conn.get().await?;
        let reply: Vec<i64> = self
            .acquire
            .key(&self.keys.holders)
            .arg(self.limit)
            .arg(self.lease.as_millis() as u64)
            .arg(holder)
            .invoke_async(&mut conn)
            .await
            .map_err(|e| self.conn.unreachable(e))?;
        Ok(match reply.as_slice() {
            [1, ..] => Try::Taken,
            [_, ms, ..] => Try::Full {
                first_ends: Duration::from_millis((*ms).max(1) as u64),
            },
            _ => Try::Full {
                first_ends: Duration::from_millis(1),
            },
        })
    }

    /// Blocks on the wake-up list on the waiter's own connection: an idle one, or a new one.
    async fn block(
        &self,
        line: &mut Option<MultiplexedConnection>,
        block: Duration,
    ) -> Result<(), Error> {
        if line.is_none() {
            let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
            *line = match idle {
                Some(conn) => Some(conn),
                None => Some(self.conn.dedicated(LONGEST_BLOCK).await?),
            };
        }
        let Some(conn) = line.as_mut() else {
            return Ok(());
        };
        let seconds = (block.as_millis().max(1) as f64) / 1000.0;
        let woken: Result<Option<(String, String)>, _> = redis::cmd("BLPOP")
            .arg(&self.keys.wake)
            .arg(seconds)
            .query_async(conn)
            .await;
        match woken {
            Ok(_) => Ok(()),
            Err(e) => {
                // A broken connection is made again by the next wait.
                *line = None;
                Err(self.conn.unreachable(e))
            }
        }
    }

    /// Keeps renewing the lease until the [`Lease`] is dropped, then gives the place back.
    fn hold(&self, holder: String) -> Lease {
        let (done, mut dropped) = oneshot::channel::<()>();
        let conn = Arc::clone(&self.conn);
        let (renew, release) = (Arc::clone(&self.renew), Arc::clone(&self.release));
        let keys = self.keys.clone();
        let (lease, limit) = (self.lease, self.limit);
        tokio::spawn(async move {
            let every = lease / 3;
            loop {
                tokio::select! {
                    _ = &mut dropped => break,
                    _ = tokio::time::sleep(every) => {
                        if !renew_once(&conn, &renew, &keys, lease, &holder).await {
                            tracing::warn!(holder, "a permit's lease ended while its call ran; the org's limit may be passed");
                        }
                    }
                }
            }
            give_back(&conn, &release, &keys, limit, &holder).await;
        });
        Lease { _done: done }
    }
}

async fn renew_once(
    conn: &Connection,
    renew: &Script,
    keys: &Keys,
    lease: Duration,
    holder: &str,
) -> bool {
    let Ok(mut c) = conn.get().await else {
        return false;
    };
    let held: Result<i64, _> = renew
        .key(&keys.holders)
        .arg(lease.as_millis() as u64)
        .arg(holder)
        .invoke_async(&mut c)
        .await;
    held == Ok(1)
}

/// Gives a place back; if Redis cannot be told, the lease ends on its own.
async fn give_back(conn: &Connection, release: &Script, keys: &Keys, limit: usize, holder: &str) {
    let Ok(mut c) = conn.get().await else { return };
    let done: Result<i64, _> = release
        .key(&keys.holders)
        .key(&keys.wake)
        .arg(holder)
        .arg(limit)
        .invoke_async(&mut c)
        .await;
    if let Err(error) = done {
        tracing::warn!(%error, "a permit could not be given back; its lease ends on its own");
    }
}
