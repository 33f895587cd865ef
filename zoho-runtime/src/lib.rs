//! Typed Zoho CRM calls, declared with one attribute.
//!
//! Annotate a struct with `#[zoho_endpoint]` and it becomes a request: its fields fill the path,
//! the query, the headers and the `{"data": […]}` body, and `send` returns Zoho's answer decoded
//! into per-record outcomes or a typed error.
//!
//! ```
//! use zoho_runtime::{zoho_endpoint, Client, RecordId};
//!
//! /// Gives a contact a role on a deal.
//! #[zoho_endpoint(PUT "/Deals/<deal_id>/Contact_Roles/<contact_id>",
//!                 scope = ["ZohoCRM.modules.deals.UPDATE", "ZohoCRM.modules.contacts.UPDATE"],
//!                 version = "v6")]
//! pub struct AddContactRole {
//!     pub deal_id: RecordId,
//!     pub contact_id: RecordId,
//!     #[zoho(rename = "Contact_Role")]
//!     pub role: RoleRef,
//! }
//!
//! #[derive(serde::Serialize)]
//! pub struct RoleRef {
//!     pub name: String,
//!     pub id: RecordId,
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), zoho_runtime::Error> {
//! let client = Client::builder().access_token("1000.example").build()?;
//! let call = AddContactRole {
//!     deal_id: "4150868000003384003".into(),
//!     contact_id: "4150868000003283024".into(),
//!     role: RoleRef { name: "Executive Sponsor".into(), id: "3652397000000006877".into() },
//! };
//!
//! // Render without sending: what `call.send(&client).await` would put on the wire.
//! let request = call.prepare(&client).await?;
//! assert_eq!(
//!     request.url,
//!     "https://www.zohoapis.com/crm/v6/Deals/4150868000003384003/Contact_Roles/4150868000003283024"
//! );
//! assert_eq!(request.header("Authorization"), Some("Zoho-oauthtoken 1000.example"));
//! assert_eq!(
//!     request.body_json().unwrap(),
//!     serde_json::json!({"data": [{"Contact_Role": {"name": "Executive Sponsor", "id": "3652397000000006877"}}]})
//! );
//! # Ok(())
//! # }
//! ```
//!
//! # What a call returns
//!
//! - A write endpoint yields [`Outcomes`]: one [`Outcome`] per record sent, in the order sent,
//!   each a success with its `details` or a [`RecordError`] with Zoho's code, message and
//!   details. Zoho answers those with 200, 201, 202 or 207, and with 400 when every record failed.
//! - A request-level refusal (`{"code": …, "status": "error"}` at the top) is [`Error::Api`].
//! - An answer that is not Zoho JSON is [`Error::UnexpectedBody`], with the status and the start
//!   of the body. A different number of outcomes than records sent is [`Error::OutcomeCount`].
//! - With `response = T`, the answer is decoded into `T`; `204 No Content` decodes as `null`
//!   (so `Option<T>` gives `None`).
//! - [`Client::send_all`] gives each record one of three outcomes: applied (`Ok`, with its id),
//!   refused (Zoho said no, or [`RecordFailure::NotApplied`]), or in doubt
//!   ([`RecordFailure::may_have_been_applied`]: the answer was lost). An insert declared with
//!   `unique = "…"` is sent again as an upsert on those fields when its fate is unknown, and
//!   [`Action`] says whether it created each record or found it; [`BatchOutcomes::reconcile`]
//!   settles the rest ([`reconcile`]).

//! # Reading records
//!
//! A list call declared with `#[zoho(page)]` (and `per_page`, `page_token`), a search, or a COQL
//! query (`#[zoho(coql)]`) answers one [`Page`] a call. [`Client::records`] walks every record of
//! it, and [`Client::pages`] every page, the way Zoho pages each: `page` up to 2,000 records and
//! then the `page_token` of the page before (past 2,000 Zoho answers
//! `DISCRETE_PAGINATION_LIMIT_EXCEEDED` to `page`), search by `page` alone (2,000 at most),
//! COQL by rewriting the query's `LIMIT offset, n` (2,000 a call, offsets up to 100,000). A walk
//! stops after the page whose `info.more_records` is `false`.
//!
//! One page is in memory at a time. A page whose call fails is retried under the client's
//! [`RetryPolicy`]; a walk that stops anyway ends with one [`PagingError`] saying how far it got
//! (records and pages yielded, the [`Position`](paging::Position) it asked for) and why
//! ([`PagingFailure`](paging::PagingFailure): the call's error, an expired page token, a limit
//! of Zoho's). Both walks are [`Stream`](futures_util::Stream)s, with `next_page` and
//! `next_record` for loops without `StreamExt`; the blocking client's are iterators.
//!
//! ```
//! use zoho_runtime::{zoho_endpoint, Client, Page, Record};
//! use zoho_sandbox::Sandbox;
//!
//! /// A page of a module's records.
//! #[zoho_endpoint(GET "/<module>", scope = "ZohoCRM.modules.<module>.READ", response = Page<Record>)]
//! pub struct ListRecords {
//!     pub module: String,
//!     #[zoho(query)]
//!     pub fields: Vec<String>,
//!     #[zoho(page)]
//!     pub page: Option<u32>,
//!     #[zoho(per_page)]
//!     pub per_page: Option<u32>,
//!     #[zoho(page_token)]
//!     pub page_token: Option<String>,
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start().await?;
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! let call = ListRecords {
//!     module: "Leads".into(),
//!     fields: vec!["Last_Name".into()],
//!     page: None,
//!     per_page: Some(4),
//!     page_token: None,
//! };
//! let mut leads = client.records(call);
//! let mut read = 0;
//! while let Some(lead) = leads.next_record().await {
//!     match lead {
//!         Ok(lead) => {
//!             assert!(lead.id().is_some());
//!             read += 1;
//!         }
//!         Err(stopped) => {
//!             eprintln!("{} records read before: {stopped}", stopped.records);
//!             return Err(stopped.into());
//!         }
//!     }
//! }
//! assert_eq!(read, sandbox.records("Leads").len());
//! # Ok(())
//! # }
//! ```
//!
//! # Where things are
//!
//! - At the root: what a program calls — [`Client`], the [`Endpoint`] trait the attribute
//!   implements, [`Error`], the outcomes, batches, [`Scope`]s and [`ScopeSet`]s.
//! - [`auth`]: access tokens — fixed, refreshed with Zoho's refresh-token grant, or from a
//!   provider of your own — and where they are kept.
//! - [`record`]: record types checked against the organisation's schema, with
//!   [`zoho_record`] and [`zoho_picklist`].
//! - [`reconcile`]: settling records whose fate is unknown, by a search or a lookup of your own.
//! - [`endpoint`]: what an endpoint written by hand implements [`Endpoint`] with.
//! - [`files`]: uploads (`multipart/form-data`, files streamed from disk) and downloads
//!   handed over as a stream.
//! - [`jobs`]: waiting for bulk and mass-action jobs.
//! - [`paging`]: walking paged calls ([`Pages`], [`Records`], [`Paged`]).
//! - [`admission`]: what each attempt waits for (the concurrency limit), and the trait to share
//!   it with other processes.
//! - `blocking` (with the feature `blocking`): the client for programs without an async runtime.

// Code that `#[zoho_endpoint]` generates names the runtime `::zoho_runtime`, in this crate's
// own doctests and tests too.
extern crate self as zoho_runtime;

pub mod auth;
mod batch;
#[cfg(feature = "blocking")]
pub mod blocking;
mod caller;
mod client;
mod code;
mod dynamic;
pub mod endpoint;
mod error;
pub mod files;
pub mod jobs;
mod limit;
mod meta;
mod outcome;
mod page;
pub mod paging;
pub mod reconcile;
pub mod record;
mod request;
mod response;
mod retry;
mod scope;
mod types;
mod upsert;

pub use batch::{Batch, BatchOutcome, BatchOutcomes, Progress, RecordFailure};
pub use caller::{CallFuture, Caller};
pub use client::{
    Client, ClientBuilder, DataCenter, PreparedRequest, DEFAULT_MAX_BODY, DEFAULT_MAX_CONCURRENT,
    DEFAULT_TIMEOUT,
};
pub use code::Code;
pub use dynamic::Record;
pub use endpoint::Endpoint;
pub use error::Error;
pub use limit::Edition;
pub use outcome::{Action, Details, Outcome, Outcomes, RecordError, RecordSuccess, UserRef};
pub use page::{Page, PageInfo};
pub use paging::{Paged, Pages, PagingError, Records};
pub use request::Nullable;
pub use retry::RetryPolicy;
pub use scope::{Operation, Scope, ScopeSet};
pub use types::{ApiVersion, RecordId};

/// What a client waits for before each attempt: a slot under the concurrency limit by default
/// ([`ClientBuilder::max_concurrent`]), or any [`Admission`](admission::Admission) given to
/// [`ClientBuilder::admission`], such as one shared by several processes with the org's API
/// credits (the `zoho-redis` crate's).
pub mod admission {
    pub use crate::limit::{Admission, CallInfo, Permit};
}

#[doc = include_str!("../docs/zoho_endpoint.md")]
pub use zoho_macros::zoho_endpoint;

/// Checks a record type against the organisation's schema snapshot; see the README's
/// "Records checked against the org's schema" and [`record`].
pub use zoho_macros::zoho_record;

/// Declares an enum of a picklist's values, each checked against the schema snapshot.
pub use zoho_macros::zoho_picklist;

/// The JSON value type, for endpoints whose answers are not given a type of their own.
pub use serde_json::Value as Json;

/// `serde`, re-exported so record types can derive its traits without a dependency of their own:
/// `#[derive(zoho_runtime::serde::Serialize)] #[serde(crate = "zoho_runtime::serde")]`.
pub use serde;

/// Entry points for the fuzz targets in `fuzz/` to parsers that are not public. Built only with
/// `--cfg fuzzing`, which `cargo fuzz` sets. Not a public API.
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod __fuzz {
    pub use crate::auth::refresh::fuzz_token_answer as token_answer;
}

/// What the code `#[zoho_endpoint]` generates refers to, and nothing else. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::caller::Caller;
    pub use crate::endpoint::{
        decode_json, decode_outcomes, BatchAxis, BodyWriter, Endpoint, EndpointMeta, Method,
        RawResponse, RecordList, RequestParts, Segment,
    };
    pub use crate::files::{decode_download, Download, FileField, FormValue};
    pub use crate::meta::Domain;
    pub use crate::page::Page;
    pub use crate::paging::{IsPage, Paged, PagingFields, Style as PagingStyle};
    #[allow(deprecated)]
    pub use crate::record::{assert_picklist_of, Picklist, Reference, Unchecked};
    pub use crate::{ApiVersion, Client, Error, Json, Outcomes, PreparedRequest};
    pub use core::ops::Range;
}
