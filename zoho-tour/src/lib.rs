//! The tour of the zoho workspace: the seed declarations, and the code the examples, the
//! end-to-end tests and the benches share.
//!
//! - [`seeds`]: the five Zoho CRM operations of the seed documents, declared with
//!   `#[zoho_endpoint]`;
//! - [`common`]: where the examples connect, and how they print a request and its outcome;
//! - [`tour`]: the tour's body, which `examples/crm_tour.rs` runs on standard output and
//!   `tests/secrets.rs` into a buffer.

pub mod common;
pub mod seeds;
pub mod tour;
