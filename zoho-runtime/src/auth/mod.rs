//! Access tokens: where a [`Client`](crate::Client) gets them, how they are refreshed, and
//! where they are kept across restarts.
//!
//! - [`StaticToken`]: one fixed token, never refreshed (what
//!   [`ClientBuilder::access_token`](crate::ClientBuilder::access_token) sets).
//! - [`RefreshingToken`]: Zoho's refresh-token grant, refreshed ahead of expiry, one refresh at
//!   a time, kept in a [`TokenStore`] ([`FileTokenStore`], [`MemoryTokenStore`]).
//! - [`TokenProvider`]: the trait to implement for any other source.
//!
//! Secrets are [`Secret`]s: neither `Debug` nor `Display` shows them.

pub(crate) mod refresh;
pub(crate) mod store;
pub(crate) mod token;

pub use crate::types::Secret;
pub use refresh::{RefreshingToken, RefreshingTokenBuilder};
pub use store::{FileTokenStore, MemoryTokenStore, StoredToken, TokenStore};
pub use token::{AccessToken, BoxFuture, StaticToken, TokenProvider};
