//! The client-wide cap on calls in flight, so a busy job stays under Zoho's concurrency limit,
//! and the [`Admission`] trait through which another limiter (one shared between processes)
//! takes its place.

use std::fmt;
use std::sync::Arc;

use tokio::sync::Semaphore;

use crate::auth::token::BoxFuture;
use crate::error::Error;
use crate::types::Method;

/// A Zoho CRM edition, for its limit on API calls in flight at once per organisation.
///
/// Past the limit Zoho answers `429 TOO_MANY_REQUESTS`; a client told its edition never goes
/// past it on its own. The limit is the organisation's, so leave room when other programs call
/// the same organisation: [`ClientBuilder::max_concurrent`](crate::ClientBuilder::max_concurrent)
/// takes any number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Edition {
    /// Free: 5 calls at once.
    Free,
    /// Standard: 10.
    Standard,
    /// Professional: 15.
    Professional,
    /// Enterprise: 20.
    Enterprise,
    /// Ultimate: 25.
    Ultimate,
}

impl Edition {
    /// How many calls Zoho serves at once for an organisation of this edition.
    pub const fn max_concurrent(self) -> usize {
        match self {
            Edition::Free => 5,
            Edition::Standard => 10,
            Edition::Professional => 15,
            Edition::Enterprise => 20,
            Edition::Ultimate => 25,
        }
    }
}

/// What an attempt is about to send, for an [`Admission`] to price and admit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CallInfo {
    /// The HTTP method.
    pub method: Method,
    /// The endpoint's path template as declared: `/Leads/<id>`.
    pub path: &'static str,
    /// The API root the path follows: `/crm`, or `/crm/bulk` for the bulk API; `None` when the
    /// request was prepared without its endpoint's description.
    pub root: Option<&'static str>,
    /// How many records (or ids) the call carries, when it carries a list.
    pub records: Option<usize>,
}

impl CallInfo {
    /// A call of `method` on `path`, with no root and no record count.
    pub const fn new(method: Method, path: &'static str) -> Self {
        CallInfo {
            method,
            path,
            root: None,
            records: None,
        }
    }

    /// The call follows this API root.
    pub const fn root(mut self, root: &'static str) -> Self {
        self.root = Some(root);
        self
    }

    /// The call carries `records` records.
    pub const fn records(mut self, records: usize) -> Self {
        self.records = Some(records);
        self
    }
}

/// A call's place under an [`Admission`]'s limits: held while the attempt runs, given back
/// when dropped.
pub struct Permit {
    _held: Box<dyn Send + Sync>,
}

impl Permit {
    /// A permit that gives back `held` (a semaphore permit, a lease) when dropped.
    pub fn new(held: impl Send + Sync + 'static) -> Self {
        Permit {
            _held: Box::new(held),
        }
    }
}

impl fmt::Debug for Permit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Permit").finish_non_exhaustive()
    }
}

/// Decides when an attempt may go out: before each attempt, the client asks for a [`Permit`]
/// and holds it until the answer is read.
///
/// The client's own limit is a semaphore of
/// [`ClientBuilder::max_concurrent`](crate::ClientBuilder::max_concurrent) permits in this
/// process. [`ClientBuilder::admission`](crate::ClientBuilder::admission) plugs in another, such
/// as one that shares an organisation's concurrency limit and API credits between processes. An
/// error from [`Admission::admit`] fails the call without sending it.
pub trait Admission: Send + Sync + 'static {
    /// Waits until `call` may go out, and returns its permit.
    fn admit(&self, call: CallInfo) -> BoxFuture<'_, Result<Permit, Error>>;

    /// The most calls in flight at once that this admission allows (for the client's `Debug`
    /// and [`Client::max_concurrent`](crate::Client::max_concurrent)).
    fn max_concurrent(&self) -> usize;
}

/// Permits for calls in flight, shared by every clone of a client.
#[derive(Clone, Debug)]
pub(crate) struct ConcurrencyLimit {
    permits: Arc<Semaphore>,
    max: usize,
}

impl ConcurrencyLimit {
    /// A limit of `max` calls at once; `max` is at least 1 (the builder refuses 0).
    pub(crate) fn new(max: usize) -> Self {
        let max = max.max(1);
        ConcurrencyLimit {
            permits: Arc::new(Semaphore::new(max)),
            max,
        }
    }

    /// Waits for a free slot; the call holds it until the permit is dropped. Waiters are served
    /// in arrival order, so batches go out roughly in the order they were queued.
    pub(crate) async fn acquire(&self) -> Result<tokio::sync::OwnedSemaphorePermit, Error> {
        // The semaphore is never closed; the error arm only keeps this free of panics.
        Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|_| Error::config("the client's concurrency limit was closed"))
    }
}

impl Admission for ConcurrencyLimit {
    fn admit(&self, _call: CallInfo) -> BoxFuture<'_, Result<Permit, Error>> {
        Box::pin(async move { self.acquire().await.map(Permit::new) })
    }

    fn max_concurrent(&self) -> usize {
        self.max
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editions_follow_zoho() {
        let limits = [
            Edition::Free,
            Edition::Standard,
            Edition::Professional,
            Edition::Enterprise,
            Edition::Ultimate,
        ]
        .map(Edition::max_concurrent);
        assert_eq!(limits, [5, 10, 15, 20, 25]);
    }

    #[tokio::test]
    async fn clones_share_the_permits() {
        let limit = ConcurrencyLimit::new(2);
        let clone = limit.clone();
        let a = limit.acquire().await.unwrap();
        let _b = clone.acquire().await.unwrap();
        assert_eq!(limit.permits.available_permits(), 0);
        drop(a);
        assert_eq!(clone.permits.available_permits(), 1);
    }

    #[tokio::test]
    async fn an_admission_permit_holds_its_place_until_dropped() {
        let limit = ConcurrencyLimit::new(1);
        let call = CallInfo::new(Method::Put, "/Leads")
            .root("/crm")
            .records(100);
        assert_eq!(call.records, Some(100));
        let permit = limit.admit(call).await.unwrap();
        assert_eq!(limit.permits.available_permits(), 0);
        assert_eq!(Admission::max_concurrent(&limit), 1);
        drop(permit);
        assert_eq!(limit.permits.available_permits(), 1);
    }
}
