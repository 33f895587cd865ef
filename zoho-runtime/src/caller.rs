//! What a declared call's `send` takes: the async [`Client`], whose answer is awaited, or the
//! blocking client (feature `blocking`), whose answer comes back at once. So
//! `call.send(&client)` reads the same with both.

use std::future::Future;
use std::pin::Pin;

use crate::client::Client;
use crate::endpoint::Endpoint;
use crate::error::Error;

/// A client a call can be sent through: [`Client`] (`call.send(&client).await?`) or
/// `blocking::Client` (`call.send(&client)?`).
pub trait Caller {
    /// What sending answers: a future of the result, or the result.
    type Answer<'a, E: Endpoint + 'a>
    where
        Self: 'a;

    /// Sends `call`; see [`Client::send`].
    fn call<'a, E: Endpoint>(&'a self, call: &'a E) -> Self::Answer<'a, E>;
}

/// The future of an async call.
pub type CallFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, Error>> + Send + 'a>>;

impl Caller for Client {
    type Answer<'a, E: Endpoint + 'a> = CallFuture<'a, E::Response>;

    fn call<'a, E: Endpoint>(&'a self, call: &'a E) -> Self::Answer<'a, E> {
        Box::pin(self.send(call))
    }
}

#[cfg(feature = "blocking")]
impl Caller for crate::blocking::Client {
    type Answer<'a, E: Endpoint + 'a> = Result<E::Response, Error>;

    fn call<'a, E: Endpoint>(&'a self, call: &'a E) -> Self::Answer<'a, E> {
        self.send(call)
    }
}
