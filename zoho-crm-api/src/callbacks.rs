//! A receiver of bulk jobs' callbacks (feature `callbacks`): a small HTTP listener that keeps
//! every callback Zoho POSTs when a bulk read or bulk write job ends, so that a job whose
//! creation went unanswered can be found again instead of being created twice
//! ([`BulkWrite::callbacks`](crate::bulk_write::BulkWrite::callbacks)).
//!
//! Each creation attempt gets a callback URL of its own, `…/zoho/bulk-callback?attempt=<token>`
//! ([`CallbackReceiver::attempt`]): the token is what matches a callback to the attempt that
//! made it, since Zoho documents that "the job's details are posted to this URL on successful
//! completion of job or on failure of job" but not the body it posts. The body is kept as it
//! came, with the job's id read from its `id` (a write job's details) or `job_id` (a bulk read
//! callback), its state from `status` or `state`, and the file ids of its `resource`. Whether
//! Zoho keeps the callback URL's query as given is not documented either; a callback without
//! a token still matches an attempt by the file id its body names.
//!
//! The listener answers `200` to a JSON body POSTed to its path and `400` to anything else; it
//! stops when the receiver is dropped. Zoho reaches only a public URL: run it behind a proxy
//! or tunnel and give that URL with [`CallbackReceiver::public_url`]. The token is 128 bits
//! drawn from the standard library's per-process random hashing keys: enough that callbacks
//! are not mistaken for one another, and that a stranger cannot guess one.
//!
//! ```
//! use zoho_crm_api::bulk_read::{BulkQuery, CreateBulkRead};
//! use zoho_crm_api::callbacks::CallbackReceiver;
//! use zoho_runtime::Client;
//! use zoho_sandbox::Sandbox;
//! use std::time::Duration;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start().await?;
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! let receiver = CallbackReceiver::loopback().await?;
//! let attempt = receiver.attempt();
//! let mut job = CreateBulkRead::of(BulkQuery::module("Leads"));
//! job.callback = Some(attempt.callback.clone());
//! let created = job.send(&client).await?;
//! let called = receiver.wait_for(&attempt, None, Duration::from_secs(10)).await.expect("a callback");
//! assert_eq!(called.job_id.as_deref(), created.job_id());
//! assert_eq!(called.state.as_deref(), Some("COMPLETED"));
//! # Ok(())
//! # }
//! ```

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use tokio::sync::{oneshot, Notify};
use zoho_runtime::Json;

use crate::bulk_read::Callback;

/// The path the listener takes callbacks on.
pub const CALLBACK_PATH: &str = "/zoho/bulk-callback";

/// The query parameter of the callback URL that carries an attempt's token.
pub const TOKEN_PARAM: &str = "attempt";

/// One callback as received.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct JobCallback {
    /// The attempt token of the URL it was POSTed to, if the URL had one.
    pub token: Option<String>,
    /// The job's id: the body's `id`, else its `job_id`.
    pub job_id: Option<String>,
    /// The job's state: the body's `status`, else its `state` (`COMPLETED`, `FAILED`).
    pub state: Option<String>,
    /// The `file_id` of each of the body's `resource` items (a write job's files).
    pub file_ids: Vec<String>,
    /// The body as received.
    pub body: Json,
}

impl JobCallback {
    fn of(token: Option<String>, body: Json) -> Self {
        let text = |key: &str| match body.get(key) {
            Some(Json::String(s)) => Some(s.clone()),
            Some(Json::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        let job_id = text("id").or_else(|| text("job_id"));
        let state = text("status").or_else(|| text("state"));
        let file_ids = body
            .get("resource")
            .and_then(Json::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|r| match r.get("file_id") {
                        Some(Json::String(s)) => Some(s.clone()),
                        Some(Json::Number(n)) => Some(n.to_string()),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        JobCallback {
            token,
            job_id,
            state,
            file_ids,
            body,
        }
    }

    /// Whether this callback is the one of `attempt`: its token, or, without a token, a file
    /// id of `file_id`.
    pub fn answers(&self, attempt: &CallbackAttempt, file_id: Option<&str>) -> bool {
        match &self.token {
            Some(token) => *token == attempt.token,
            None => file_id.is_some_and(|f| self.file_ids.iter().any(|id| id == f)),
        }
    }
}

/// A creation attempt's token and the callback to create its job with.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CallbackAttempt {
    /// The token in the callback URL's query.
    pub token: String,
    /// `{"url": "…?attempt=<token>", "method": "post"}`.
    pub callback: Callback,
}

#[derive(Debug, Default)]
struct Inbox {
    received: Mutex<Vec<JobCallback>>,
    arrived: Notify,
    refused: AtomicU64,
}

impl Inbox {
    fn received(&self) -> MutexGuard<'_, Vec<JobCallback>> {
        // A poisoned lock only means a thread panicked while pushing: the list is whole.
        self.received.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The listener and what it received; dropping it stops the listener.
#[derive(Debug)]
pub struct CallbackReceiver {
    url: String,
    local_addr: SocketAddr,
    inbox: Arc<Inbox>,
    next: AtomicU64,
    stop: Option<oneshot::Sender<()>>,
}

impl CallbackReceiver {
    /// A listener on `127.0.0.1` on a port of the system's choosing.
    pub async fn loopback() -> std::io::Result<Self> {
        Self::bind(SocketAddr::from(([127, 0, 0, 1], 0))).await
    }

    /// A listener on `addr`; its callback URLs name `http://{addr}` until
    /// [`public_url`](Self::public_url) says otherwise.
    pub async fn bind(addr: SocketAddr) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let local_addr = listener.local_addr()?;
        let inbox = Arc::new(Inbox::default());
        let app = Router::new()
            .route(CALLBACK_PATH, post(receive))
            .with_state(inbox.clone());
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
        Ok(CallbackReceiver {
            url: format!("http://{local_addr}{CALLBACK_PATH}"),
            local_addr,
            inbox,
            next: AtomicU64::new(0),
            stop: Some(stop),
        })
    }

    /// The URL Zoho is to POST to, when a proxy forwards it to this listener's
    /// [`CALLBACK_PATH`] (`https://hooks.example.com/zoho/bulk-callback`); a query it has is
    /// kept, the attempt's token appended.
    pub fn public_url(mut self, url: impl Into<String>) -> Self {
        self.url = url.into();
        self
    }

    /// The address the listener is bound to.
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// A new attempt: a token no other attempt has, and the callback carrying it.
    pub fn attempt(&self) -> CallbackAttempt {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let keys = std::collections::hash_map::RandomState::new();
        let high = keys.hash_one((n, self.local_addr.port(), "high"));
        let low = keys.hash_one((n, self.local_addr.port(), "low"));
        let token = format!("{high:016x}{low:016x}");
        let joint = if self.url.contains('?') { '&' } else { '?' };
        CallbackAttempt {
            callback: Callback::post(format!("{}{joint}{TOKEN_PARAM}={token}", self.url)),
            token,
        }
    }

    /// Every callback received so far, in order.
    pub fn received(&self) -> Vec<JobCallback> {
        self.inbox.received().clone()
    }

    /// How many POSTs to [`CALLBACK_PATH`] were refused, their body not JSON.
    pub fn refused(&self) -> u64 {
        self.inbox.refused.load(Ordering::Relaxed)
    }

    /// The first callback received for `attempt` (or, without a token, for `file_id`).
    pub fn of_attempt(
        &self,
        attempt: &CallbackAttempt,
        file_id: Option<&str>,
    ) -> Option<JobCallback> {
        self.inbox
            .received()
            .iter()
            .find(|c| c.answers(attempt, file_id))
            .cloned()
    }

    /// Waits at most `within` for the callback of `attempt` (see [`of_attempt`](Self::of_attempt));
    /// `None` when none came.
    pub async fn wait_for(
        &self,
        attempt: &CallbackAttempt,
        file_id: Option<&str>,
        within: Duration,
    ) -> Option<JobCallback> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let arrived = self.inbox.arrived.notified();
            if let Some(found) = self.of_attempt(attempt, file_id) {
                return Some(found);
            }
            if tokio::time::timeout_at(deadline, arrived).await.is_err() {
                return self.of_attempt(attempt, file_id);
            }
        }
    }
}

impl Drop for CallbackReceiver {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn receive(
    State(inbox): State<Arc<Inbox>>,
    Query(query): Query<HashMap<String, String>>,
    body: Bytes,
) -> StatusCode {
    let Ok(body) = serde_json::from_slice::<Json>(&body) else {
        inbox.refused.fetch_add(1, Ordering::Relaxed);
        return StatusCode::BAD_REQUEST;
    };
    let token = query.get(TOKEN_PARAM).cloned();
    inbox.received().push(JobCallback::of(token, body));
    inbox.arrived.notify_waiters();
    StatusCode::OK
}
