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
//! # One dependency
//!
//! The attribute and the client are `zoho-runtime`'s, re-exported as [`runtime`] (and the
//! attribute at the root), so this crate is the only one a program needs: operations of your
//! own are declared beside these with [`zoho_endpoint`], whose generated code names the runtime
//! as your `Cargo.toml` does (`zoho_crm_api::runtime` when this crate is all it has). The
//! catalogue is a crate of its own rather than part of the runtime so that a program declaring
//! its few operations by hand does not compile some 400 it never calls.
//!
//! # Every operation in one list
//!
//! [`AREAS`] holds every declared operation, area by area, with its method, path and scopes
//! ([`ApiOperation`]); [`operations`] walks them all.

pub mod coql;
pub mod fields;
pub mod modules;
pub mod records;
pub mod search;

/// The runtime the operations are declared with and sent through.
pub use zoho_runtime as runtime;
pub use zoho_runtime::{zoho_endpoint, Client, Error, Outcomes, Page, PageInfo, Record, RecordId};

use zoho_runtime::endpoint::EndpointMeta;

/// One declared operation: the area it belongs to, its type's name and its static description.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct ApiOperation {
    /// The module it is declared in: `zoho_crm_api::notes`.
    pub module_path: &'static str,
    /// Its type as written in the list: `GetNotes`, `GetRecords<Record>`.
    pub written: &'static str,
    /// Its method, path, scopes and version.
    pub meta: &'static EndpointMeta,
}

impl ApiOperation {
    /// Its type's name without parameters: `GetRecords` of `GetRecords<Record>`.
    pub fn name(&self) -> &'static str {
        let end = self
            .written
            .find(|c: char| c == '<' || c.is_whitespace())
            .unwrap_or(self.written.len());
        &self.written[..end]
    }

    /// The area: the last part of [`module_path`](ApiOperation::module_path), `notes`.
    pub fn area(&self) -> &'static str {
        self.module_path
            .rsplit("::")
            .next()
            .unwrap_or(self.module_path)
    }
}

/// Lists an area's operations: `declared![GetNotes, AddNotes<Record>]`.
macro_rules! declared {
    ($($ty:ty),* $(,)?) => {
        &[$(
            $crate::ApiOperation {
                module_path: ::core::module_path!(),
                written: ::core::stringify!($ty),
                meta: <$ty as ::zoho_runtime::Endpoint>::META,
            }
        ),*]
    };
}
pub(crate) use declared;

/// Every declared operation, area by area, in the order of the crate's modules.
pub static AREAS: &[&[ApiOperation]] = &[
    modules::OPERATIONS,
    fields::OPERATIONS,
    records::OPERATIONS,
    search::OPERATIONS,
    coql::OPERATIONS,
];

/// Every declared operation.
pub fn operations() -> impl Iterator<Item = &'static ApiOperation> {
    AREAS.iter().flat_map(|area| area.iter())
}
