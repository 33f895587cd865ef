//! Zoho CRM v8's operations, declared with `#[zoho_endpoint]` alone: one module per area of
//! the API, each operation a struct whose fields are the call's parameters and whose answer is
//! typed.
//!
//! ```
//! use zoho_crm_api::fields::GetFields;
//! use zoho_runtime::Client;
//! use zoho_sandbox::Sandbox;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start().await?;
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! let fields = GetFields::of("Leads").send(&client).await?.unwrap_or_default();
//! assert!(fields.get("Last_Name").is_some_and(|f| f.system_mandatory));
//! # Ok(())
//! # }
//! ```
//!
//! The areas so far are the metadata the schema snapshot of `zoho-schema` is made from:
//! [`modules`] (`settings/modules`) and [`fields`] (`settings/fields`). The other areas of the
//! API (records, notes, attachments, COQL, bulk read, …) come in later, each in a file of its
//! own.
//!
//! The attribute and the client are `zoho-runtime`'s, re-exported as [`runtime`]. To declare
//! operations of your own beside these, depend on `zoho-runtime` too for now: the code
//! `#[zoho_endpoint]` generates names `::zoho_runtime`.

pub mod fields;
pub mod modules;

/// The runtime the operations are declared with and sent through.
pub use zoho_runtime as runtime;
