//! Settling the records whose fate is unknown: [`BatchOutcomes::reconcile`] looks each one up
//! in Zoho and turns "may have been applied" into applied (with the record's id), not applied
//! (safe to send again), or a reason it cannot tell.
//!
//! The lookup is pluggable: [`SearchLocator`] (the default) searches the module by the
//! endpoint's unique fields or by fields you name; any [`Locator`] (or a closure through
//! [`locator_fn`]) may decide instead, from COQL, a report, or a system of your own.
//!
//! ```
//! use zoho_runtime::reconcile::SearchLocator;
//! use zoho_runtime::{zoho_endpoint, Client, RecordFailure};
//!
//! #[derive(zoho_runtime::serde::Serialize)]
//! #[serde(crate = "zoho_runtime::serde")]
//! pub struct NewLead {
//!     #[serde(rename = "Last_Name")]
//!     pub last_name: String,
//! }
//!
//! #[zoho_endpoint(POST "/Leads", scope = "ZohoCRM.modules.leads.CREATE")]
//! pub struct InsertLeads {
//!     #[zoho(records)]
//!     pub leads: Vec<NewLead>,
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), zoho_runtime::Error> {
//! # let sandbox = zoho_sandbox::Sandbox::start().await.unwrap();
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! let call = InsertLeads { leads: vec![NewLead { last_name: "Reconciled".into() }] };
//! let outcomes = client.send_all(&call).await?;
//! // Records whose batch was lost on the way are looked up by `Last_Name`.
//! let outcomes = outcomes
//!     .reconcile(&client, &call, &SearchLocator::by_fields(["Last_Name"]))
//!     .await;
//! for (i, failure) in outcomes.failures() {
//!     match failure {
//!         RecordFailure::NotApplied { .. } => println!("record {i}: not in Zoho, send it again"),
//!         RecordFailure::Undecided { reason, .. } => println!("record {i}: cannot tell: {reason}"),
//!         other => println!("record {i}: {other}"),
//!     }
//! }
//! assert_eq!(outcomes.in_doubt().count(), 0);
//! # Ok(())
//! # }
//! ```

mod search;

use std::future::Future;
use std::ops::Range;
use std::sync::Arc;

use futures_util::future::BoxFuture;
use serde_json::Value;

use crate::batch::{render, BatchOutcome, BatchOutcomes, RecordFailure};
use crate::client::Client;
use crate::code::Code;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::outcome::{Action, Details, Outcomes, RecordSuccess};
use crate::types::RecordId;

pub use search::SearchLocator;

/// A record whose fate is unknown, as the lookup is given it.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct InDoubt {
    /// The record's index in the input.
    pub index: usize,
    /// The module it was sent to: the first segment of the call's path (`Leads`).
    pub module: String,
    /// The record as it was sent: its JSON in `data`.
    pub record: Value,
    /// The endpoint's unique fields ([`EndpointMeta::unique`](crate::endpoint::EndpointMeta::unique)).
    pub keys: &'static [&'static str],
}

/// What a lookup says of one record in doubt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The record is in Zoho, with this id: the write was applied.
    Applied(RecordId),
    /// The record is not in Zoho: the write was not applied, and is safe to send again.
    NotApplied,
    /// The lookup cannot tell, for this reason.
    CannotTell(String),
}

/// Finds out what became of records in doubt: one [`Verdict`] per record given, in order. A
/// lookup that answers fewer leaves the rest undecided; it never loses a record.
pub trait Locator: Send + Sync {
    /// The verdicts for `doubts`, in their order.
    fn look_up<'a>(
        &'a self,
        client: &'a Client,
        doubts: &'a [InDoubt],
    ) -> BoxFuture<'a, Vec<Verdict>>;
}

/// A [`Locator`] from a closure given a clone of the client and the records in doubt.
///
/// ```
/// use zoho_runtime::reconcile::{locator_fn, Verdict};
///
/// // Every record the closure is given was found not applied, say by a report of your own.
/// let lookup = locator_fn(|_client, doubts| async move {
///     doubts.iter().map(|_| Verdict::NotApplied).collect::<Vec<_>>()
/// });
/// # let _ = lookup;
/// ```
pub fn locator_fn<F, Fut>(f: F) -> impl Locator
where
    F: Fn(Client, Vec<InDoubt>) -> Fut + Send + Sync,
    Fut: Future<Output = Vec<Verdict>> + Send + 'static,
{
    FnLocator(f)
}

struct FnLocator<F>(F);

impl<F, Fut> Locator for FnLocator<F>
where
    F: Fn(Client, Vec<InDoubt>) -> Fut + Send + Sync,
    Fut: Future<Output = Vec<Verdict>> + Send + 'static,
{
    fn look_up<'a>(
        &'a self,
        client: &'a Client,
        doubts: &'a [InDoubt],
    ) -> BoxFuture<'a, Vec<Verdict>> {
        Box::pin((self.0)(client.clone(), doubts.to_vec()))
    }
}

impl BatchOutcomes {
    /// Settles the records in doubt ([`BatchOutcomes::in_doubt`]) of a call made with
    /// `endpoint`, by asking `lookup` about each. The other outcomes are kept as they are.
    ///
    /// Each record in doubt becomes `Ok` with [`Action::Found`] and the id found
    /// ([`Verdict::Applied`]), [`RecordFailure::NotApplied`] (safe to send again), or
    /// [`RecordFailure::Undecided`] with the reason; those stay in doubt, and a later
    /// `reconcile` asks about them again. `endpoint` must be the call the outcomes came from:
    /// the records are read from it.
    pub async fn reconcile<E, L>(self, client: &Client, endpoint: &E, lookup: &L) -> BatchOutcomes
    where
        E: Endpoint<Response = Outcomes>,
        L: Locator + ?Sized,
    {
        let mut items = self.into_vec();
        let (doubts, unreadable) = doubts_of(endpoint, &items);
        for (index, reason) in unreadable {
            settle(&mut items[index], Verdict::CannotTell(reason));
        }
        if doubts.is_empty() {
            return BatchOutcomes::from_items(items);
        }
        let verdicts = lookup.look_up(client, &doubts).await;
        let mut verdicts = verdicts.into_iter();
        for doubt in &doubts {
            let verdict = verdicts.next().unwrap_or_else(|| {
                Verdict::CannotTell("the lookup gave no verdict for this record".to_owned())
            });
            settle(&mut items[doubt.index], verdict);
        }
        BatchOutcomes::from_items(items)
    }
}

/// The records in doubt as sent, and the indices of those whose request could not be read
/// back, with why.
fn doubts_of<E: Endpoint>(
    endpoint: &E,
    items: &[BatchOutcome],
) -> (Vec<InDoubt>, Vec<(usize, String)>) {
    let mut doubts = Vec::new();
    let mut unreadable = Vec::new();
    let mut batch: Option<(Range<usize>, Result<Sent, String>)> = None;
    for (index, item) in items.iter().enumerate() {
        let Err(failure) = item else { continue };
        let Some((_, records)) = failure
            .batch_error()
            .filter(|_| failure.may_have_been_applied())
        else {
            continue;
        };
        if batch.as_ref().map(|(r, _)| r) != Some(records) {
            batch = Some((records.clone(), Sent::read(endpoint, records)));
        }
        let Some((_, sent)) = &batch else { continue };
        match sent.as_ref().map(|s| s.record(index - records.start)) {
            Ok(Some(record)) => doubts.push(InDoubt {
                index,
                module: sent.as_ref().map(|s| s.module.clone()).unwrap_or_default(),
                record,
                keys: E::META.unique,
            }),
            Ok(None) => unreadable.push((index, "the call has no such record".to_owned())),
            Err(reason) => unreadable.push((index, reason.clone())),
        }
    }
    (doubts, unreadable)
}

/// A batch's request read back: its module and the records of its `data`.
struct Sent {
    module: String,
    records: Vec<Value>,
}

impl Sent {
    fn read<E: Endpoint>(endpoint: &E, records: &Range<usize>) -> Result<Sent, String> {
        let range = E::META.batch.map(|_| records.clone());
        let parts = render(endpoint, range).map_err(|e| format!("the call cannot be read: {e}"))?;
        let path = parts.path().map_err(|e| e.to_string())?;
        let module = path.trim_start_matches('/').split('/').next().unwrap_or("");
        let body: Value = serde_json::from_slice(parts.body_bytes().unwrap_or(b"{}"))
            .map_err(|e| format!("the call's body cannot be read: {e}"))?;
        let Some(Value::Array(data)) = body.get("data").cloned() else {
            return Err("the call sends no records (`data`) to look up".to_owned());
        };
        Ok(Sent {
            module: percent_encoding::percent_decode_str(module)
                .decode_utf8_lossy()
                .into_owned(),
            records: data,
        })
    }

    fn record(&self, position: usize) -> Option<Value> {
        self.records.get(position).cloned()
    }
}

/// Writes a verdict over a record's outcome in doubt.
fn settle(item: &mut BatchOutcome, verdict: Verdict) {
    let Err(failure) = item else { return };
    let Some((error, records)) = failure.batch_error() else {
        return;
    };
    let (error, records): (Arc<Error>, Range<usize>) = (error.clone(), records.clone());
    *item = match verdict {
        Verdict::Applied(id) => Ok(found(id)),
        Verdict::NotApplied => Err(RecordFailure::NotApplied { error, records }),
        Verdict::CannotTell(reason) => Err(RecordFailure::Undecided {
            error,
            records,
            reason,
        }),
    };
}

/// The success of a record reconciliation found in Zoho.
fn found(id: RecordId) -> RecordSuccess {
    let details: Details =
        serde_json::from_value(serde_json::json!({ "id": id.as_str() })).unwrap_or_default();
    RecordSuccess {
        code: Code::Success,
        message: "found in Zoho by reconciliation".to_owned(),
        details,
        action: Some(Action::Found),
    }
}
