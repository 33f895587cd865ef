//! The Redis keys of one org. The org's name is in braces, a hash tag, so every key of an org
//! lands on one node of a Redis Cluster and the scripts may touch them together.

/// The keys of one semaphore.
#[derive(Clone, Debug)]
pub(crate) struct SemaphoreKeys {
    /// Sorted set: the semaphore's holders, scored by when their lease ends.
    pub holders: String,
    /// List: wake-ups for waiters, one per place given back.
    pub wake: String,
}

/// Every key an org's handles use.
#[derive(Clone, Debug)]
pub(crate) struct Keys {
    /// The semaphore of every call.
    pub permits: SemaphoreKeys,
    /// The semaphore of heavy calls, taken before the other.
    pub heavy_permits: SemaphoreKeys,
    /// Sorted set: the credit buckets with spending in the window.
    pub credit_buckets: String,
    /// Hash: credits spent per bucket.
    pub credit_spent: String,
    /// String: credits spent in the window.
    pub credit_total: String,
    /// Hash: the shared access token and when it is due for refresh.
    pub token: String,
    /// String: who holds the lease to refresh the token.
    pub token_lease: String,
}

impl Keys {
    pub(crate) fn new(org: &str) -> Keys {
        let key = |part: &str| format!("zoho:{{{org}}}:{part}");
        Keys {
            permits: SemaphoreKeys {
                holders: key("permits"),
                wake: key("permits:wake"),
            },
            heavy_permits: SemaphoreKeys {
                holders: key("heavy-permits"),
                wake: key("heavy-permits:wake"),
            },
            credit_buckets: key("credits:buckets"),
            credit_spent: key("credits:spent"),
            credit_total: key("credits:total"),
            token: key("token"),
            token_lease: key("token:lease"),
        }
    }
}
