//! The state the server's tasks and the [`Sandbox`](crate::Sandbox) handle share.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use crate::auth::Auth;
use crate::faults::FaultState;
use crate::journal::JournalEntry;
use crate::store::Store;

/// Everything behind one `Arc`. Each part has its own lock, held only for synchronous work.
#[derive(Debug)]
pub(crate) struct Shared {
    pub store: Mutex<Store>,
    pub auth: Mutex<Auth>,
    pub faults: Mutex<FaultState>,
    pub journal: Mutex<Vec<JournalEntry>>,
    /// Deleted records, for `GET /{module}/deleted`.
    pub recycle: Mutex<crate::recycle::RecycleBin>,
    pub in_flight: AtomicUsize,
    /// The most CRM requests ever in flight at once.
    pub peak_in_flight: AtomicUsize,
    /// What the token endpoint answers as `api_domain`: the sandbox's own base URL.
    pub api_domain: String,
    /// Status checks a `cvid` mass-update job answers `SCHEDULED` before `COMPLETED`.
    pub job_polls: u32,
    /// Attachments, photos, uploaded files and bulk-write zips (`crate::files`).
    pub files: Mutex<crate::files::FileStore>,
    /// Bulk read and bulk write jobs (`crate::bulk`).
    pub bulk: Mutex<crate::bulk::BulkJobs>,
}

/// Locks a mutex, going on after a panic elsewhere: the data stays usable for the next request.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// One CRM request in flight, counted for the concurrency limit until dropped.
pub(crate) struct Slot<'a> {
    counter: &'a AtomicUsize,
}

/// The counters a [`Slot`] keeps: requests in flight now, and the most ever.
pub(crate) struct Gauges<'a> {
    pub now: &'a AtomicUsize,
    pub peak: &'a AtomicUsize,
}

impl<'a> Slot<'a> {
    /// Takes a slot, or `None` when `max` are already taken.
    pub(crate) fn take(gauges: Gauges<'a>, max: Option<usize>) -> Option<Self> {
        let before = gauges.now.fetch_add(1, Ordering::SeqCst);
        if max.is_some_and(|m| before >= m) {
            gauges.now.fetch_sub(1, Ordering::SeqCst);
            return None;
        }
        gauges.peak.fetch_max(before + 1, Ordering::SeqCst);
        Some(Slot {
            counter: gauges.now,
        })
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        self.counter.fetch_sub(1, Ordering::SeqCst);
    }
}
