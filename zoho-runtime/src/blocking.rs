//! A client for programs without an async runtime (the `blocking` feature).
//!
//! ```
//! use zoho_runtime::Client;
//!
//! # fn main() -> Result<(), zoho_runtime::Error> {
//! let client = Client::builder().access_token("1000.example").build_blocking()?;
//! // `client.send(&call)?` sends a declared endpoint and waits for the answer.
//! assert_eq!(client.as_async().api_domain(), "https://www.zohoapis.com");
//! # Ok(())
//! # }
//! ```

use std::fmt;
use std::future::Future;
use std::sync::Arc;

use crate::batch::{BatchOutcomes, Progress};
use crate::client::{ClientBuilder, PreparedRequest};
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::outcome::Outcomes;

/// A Zoho CRM client whose calls block the calling thread.
///
/// It wraps the async [`Client`](crate::Client), with everything that comes with it (token
/// refresh, retries, the concurrency limit, batching), and runs it on a runtime of its own.
/// Cheap to clone; clones share the runtime and may be used from several threads at once.
///
/// Calling it from inside an async runtime is refused with [`Error::Config`]: blocking there
/// would stall the runtime. Use the async client there.
#[derive(Clone)]
pub struct Client {
    inner: crate::Client,
    runtime: Arc<Runtime>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("blocking::Client")
            .field("client", &self.inner)
            .finish()
    }
}

/// The runtime the calls run on. One worker thread drives connections and timers, so that any
/// number of threads can block on calls at once.
struct Runtime(Option<tokio::runtime::Runtime>);

impl Drop for Runtime {
    fn drop(&mut self) {
        // Dropping a runtime from async code panics; shutting it down in the background does not.
        if let Some(runtime) = self.0.take() {
            runtime.shutdown_background();
        }
    }
}

impl ClientBuilder {
    /// Builds a [`blocking::Client`](Client).
    pub fn build_blocking(self) -> Result<Client, Error> {
        Client::new(self.build()?)
    }
}

impl Client {
    /// Wraps an async client.
    pub fn new(client: crate::Client) -> Result<Client, Error> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("zoho-blocking")
            .enable_all()
            .build()
            .map_err(|e| {
                Error::config(format!("cannot start the blocking client's runtime: {e}"))
            })?;
        Ok(Client {
            inner: client,
            runtime: Arc::new(Runtime(Some(runtime))),
        })
    }

    /// The async client inside.
    pub fn as_async(&self) -> &crate::Client {
        &self.inner
    }

    pub(crate) fn block_on<F: Future>(&self, future: F) -> Result<F::Output, Error> {
        if tokio::runtime::Handle::try_current().is_ok() {
            return Err(Error::config(
                "the blocking client was called from async code, which it would stall; use `zoho_runtime::Client` there",
            ));
        }
        match &self.runtime.0 {
            Some(runtime) => Ok(runtime.block_on(future)),
            None => Err(Error::config("the blocking client's runtime is shut down")),
        }
    }

    /// Sends a call and decodes the answer; see [`crate::Client::send`].
    pub fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Response, Error> {
        self.block_on(self.inner.send(endpoint))?
    }

    /// Renders a call without sending it; see [`crate::Client::prepare`].
    pub fn prepare<E: Endpoint>(&self, endpoint: &E) -> Result<PreparedRequest, Error> {
        self.block_on(self.inner.prepare(endpoint))?
    }

    /// Sends any number of records in batches; see [`crate::Client::send_all`].
    pub fn send_all<E>(&self, endpoint: &E) -> Result<BatchOutcomes, Error>
    where
        E: Endpoint<Response = Outcomes>,
    {
        self.block_on(self.inner.send_all(endpoint))?
    }

    /// Same as [`Client::send_all`], calling `hook` after each batch.
    pub fn send_all_with_progress<E>(
        &self,
        endpoint: &E,
        hook: impl FnMut(Progress) + Send,
    ) -> Result<BatchOutcomes, Error>
    where
        E: Endpoint<Response = Outcomes>,
    {
        self.block_on(self.inner.batch(endpoint).on_progress(hook).send())?
    }
}
