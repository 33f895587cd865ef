//! The client-wide cap on calls in flight, so a busy job stays under Zoho's concurrency limit.

use std::sync::Arc;

use tokio::sync::{Semaphore, SemaphorePermit};

use crate::error::Error;

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

    /// The most calls in flight at once.
    pub(crate) fn max(&self) -> usize {
        self.max
    }

    /// Waits for a free slot; the call holds it until the permit is dropped. Waiters are served
    /// in arrival order, so batches go out roughly in the order they were queued.
    pub(crate) async fn acquire(&self) -> Result<SemaphorePermit<'_>, Error> {
        // The semaphore is never closed; the error arm only keeps this free of panics.
        self.permits
            .acquire()
            .await
            .map_err(|_| Error::config("the client's concurrency limit was closed"))
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
}
