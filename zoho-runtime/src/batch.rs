//! Sending any number of records: split into calls Zoho accepts, sent concurrently within the
//! client's limit, and answered with one outcome per record, in input order.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use futures_util::stream::{self, StreamExt};

use crate::client::Client;
use crate::code::Code;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::outcome::{Outcomes, RecordError, RecordSuccess};
use crate::request::RequestParts;
use crate::response::decode_outcomes;
use crate::upsert::{self, Resent};

/// Why one record of [`Client::send_all`] did not succeed.
#[derive(Clone, Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RecordFailure {
    /// Zoho refused the record itself (`RECORD_LOCKED`, `DUPLICATE_DATA`, …); the rest of its
    /// batch was answered one by one.
    #[error(transparent)]
    Refused(RecordError),
    /// The record's whole batch failed: the error is shared by every record of the batch.
    #[error("the batch of records {}..{} failed: {error}", records.start, records.end)]
    BatchFailed {
        /// The batch's error.
        error: Arc<Error>,
        /// The input records the batch carried, by index.
        records: Range<usize>,
    },
    /// The record's batch failed with its fate unknown, and reconciliation
    /// ([`BatchOutcomes::reconcile`]) found the record is not in Zoho: it is safe to send again.
    #[error("not applied (reconciled after the batch of records {}..{} failed: {error})", records.start, records.end)]
    NotApplied {
        /// The batch's error.
        error: Arc<Error>,
        /// The input records the batch carried, by index.
        records: Range<usize>,
    },
    /// The record's batch failed with its fate unknown, and reconciliation could not tell
    /// whether Zoho applied it, for `reason`.
    #[error("may have been applied, and reconciliation cannot tell: {reason} (the batch of records {}..{} failed: {error})", records.start, records.end)]
    Undecided {
        /// The batch's error.
        error: Arc<Error>,
        /// The input records the batch carried, by index.
        records: Range<usize>,
        /// Why reconciliation could not tell.
        reason: String,
    },
}

impl RecordFailure {
    /// Zoho's code for the failure, when Zoho gave one.
    pub fn code(&self) -> Option<&Code> {
        match self {
            RecordFailure::Refused(error) => Some(&error.code),
            RecordFailure::BatchFailed { error, .. }
            | RecordFailure::NotApplied { error, .. }
            | RecordFailure::Undecided { error, .. } => error.code(),
        }
    }

    /// Whether Zoho may have applied the record all the same: its batch may have reached Zoho
    /// but no usable answer came back (see [`Error::may_have_been_applied`]), and
    /// reconciliation has not settled it. Check such records in Zoho before sending them again:
    /// [`BatchOutcomes::reconcile`] does.
    pub fn may_have_been_applied(&self) -> bool {
        match self {
            RecordFailure::Refused(_) | RecordFailure::NotApplied { .. } => false,
            RecordFailure::BatchFailed { error, .. } => error.may_have_been_applied(),
            RecordFailure::Undecided { .. } => true,
        }
    }

    /// The error of the record's batch, when the batch failed as a whole.
    pub fn batch_error(&self) -> Option<(&Arc<Error>, &Range<usize>)> {
        match self {
            RecordFailure::Refused(_) => None,
            RecordFailure::BatchFailed { error, records }
            | RecordFailure::NotApplied { error, records }
            | RecordFailure::Undecided { error, records, .. } => Some((error, records)),
        }
    }
}

/// What happened to one record of [`Client::send_all`].
pub type BatchOutcome = Result<RecordSuccess, RecordFailure>;

/// The outcomes of [`Client::send_all`]: exactly one per input record, in input order.
#[derive(Clone, Debug)]
pub struct BatchOutcomes {
    items: Vec<BatchOutcome>,
}

crate::outcome::outcome_list!(BatchOutcomes, BatchOutcome, RecordFailure);

impl BatchOutcomes {
    /// Outcomes, one per input record in input order.
    pub(crate) fn from_items(items: Vec<BatchOutcome>) -> Self {
        BatchOutcomes { items }
    }

    /// The records whose fate is unknown, with their index in the input: those for which
    /// [`RecordFailure::may_have_been_applied`] is true.
    pub fn in_doubt(&self) -> impl Iterator<Item = (usize, &RecordFailure)> {
        self.failures().filter(|(_, f)| f.may_have_been_applied())
    }
}

/// How far a [`Client::send_all`] has come, reported after each batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Progress {
    /// Records with an outcome so far.
    pub done: usize,
    /// Of those, the ones that failed.
    pub failed: usize,
    /// Records in the call.
    pub total: usize,
}

impl Progress {
    fn add(&mut self, outcomes: &[BatchOutcome]) {
        self.done += outcomes.len();
        self.failed += outcomes.iter().filter(|o| o.is_err()).count();
    }
}

/// A [`Client::send_all`] being set up: add a progress hook, then [`Batch::send`].
#[must_use = "a batch does nothing until `send` is awaited"]
pub struct Batch<'a, E> {
    client: &'a Client,
    endpoint: &'a E,
    progress: Option<Box<dyn FnMut(Progress) + Send + 'a>>,
}

impl<E> fmt::Debug for Batch<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Batch")
            .field("endpoint", &std::any::type_name::<E>())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Sends a call with any number of records and answers one outcome per record, in input
    /// order. See [`Client::batch`] for the details and a progress hook.
    pub async fn send_all<E>(&self, endpoint: &E) -> Result<BatchOutcomes, Error>
    where
        E: Endpoint<Response = Outcomes>,
    {
        self.batch(endpoint).send().await
    }

    /// Sets up a call with any number of records.
    ///
    /// The endpoint's batch list (its `#[zoho(records)]` field, or the ids of a mass update) is
    /// split into calls of at most 100 records (500 ids), sent concurrently within the
    /// client's concurrency limit, each retried as the client's [`RetryPolicy`](crate::RetryPolicy)
    /// allows. The answer has exactly one outcome per input record, in input order: Zoho's
    /// per-record verdict, or [`RecordFailure::BatchFailed`] with the error of a batch that
    /// failed as a whole. `Err` is kept for what fails before anything is sent, such as a
    /// scope the client was not granted.
    pub fn batch<'a, E>(&'a self, endpoint: &'a E) -> Batch<'a, E>
    where
        E: Endpoint<Response = Outcomes>,
    {
        Batch {
            client: self,
            endpoint,
            progress: None,
        }
    }
}

impl<'a, E> Batch<'a, E>
where
    E: Endpoint<Response = Outcomes>,
{
    /// Calls `hook` after each batch with the records done so far.
    pub fn on_progress(mut self, hook: impl FnMut(Progress) + Send + 'a) -> Self {
        self.progress = Some(Box::new(hook));
        self
    }

    /// Sends every batch and gathers the outcomes.
    pub async fn send(self) -> Result<BatchOutcomes, Error> {
        let Batch {
            client,
            endpoint,
            mut progress,
        } = self;
        let pieces = plan(endpoint)?;
        // Checked once, before anything is sent: every batch needs the same scopes.
        if let Some(first) = pieces.first() {
            client.check_scopes(&render(endpoint, first.range.clone())?)?;
        }
        let mut report = Progress {
            done: 0,
            failed: 0,
            total: pieces.iter().map(|p| p.len).sum(),
        };
        let mut answered = Vec::with_capacity(pieces.len());
        let mut in_flight = stream::iter(pieces)
            .map(|piece| send_piece(client, endpoint, piece))
            .buffer_unordered(client.max_concurrent());
        while let Some((start, outcomes)) = in_flight.next().await {
            report.add(&outcomes);
            if let Some(hook) = progress.as_mut() {
                hook(report);
            }
            answered.push((start, outcomes));
        }
        answered.sort_unstable_by_key(|(start, _)| *start);
        let items = answered.into_iter().flat_map(|(_, o)| o).collect();
        Ok(BatchOutcomes { items })
    }
}

/// One call of a batch: which records it carries (`None`: the endpoint has no batch list, so
/// the call is sent whole), and how many outcomes it owes.
struct Piece {
    range: Option<Range<usize>>,
    start: usize,
    len: usize,
}

fn plan<E: Endpoint>(endpoint: &E) -> Result<Vec<Piece>, Error> {
    let (Some(axis), Some(len)) = (E::META.batch, endpoint.batch_len()) else {
        let expected = render(endpoint, None)?.expected_outcomes().unwrap_or(1);
        return Ok(vec![Piece {
            range: None,
            start: 0,
            len: expected,
        }]);
    };
    let size = axis.limit();
    let pieces = (0..len).step_by(size).map(|start| {
        let end = (start + size).min(len);
        Piece {
            range: Some(start..end),
            start,
            len: end - start,
        }
    });
    Ok(pieces.collect())
}

pub(crate) fn render<E: Endpoint>(
    endpoint: &E,
    range: Option<Range<usize>>,
) -> Result<RequestParts, Error> {
    let mut parts = RequestParts::new(E::META);
    endpoint.write_request(&mut parts, range)?;
    Ok(parts)
}

/// Sends one piece and answers exactly `piece.len` outcomes, whatever happens. A piece whose
/// fate is unknown is sent again as an upsert when its endpoint declares unique fields.
async fn send_piece<E>(client: &Client, endpoint: &E, piece: Piece) -> (usize, Vec<BatchOutcome>)
where
    E: Endpoint<Response = Outcomes>,
{
    let records = piece.start..piece.start + piece.len;
    let parts = match render(endpoint, piece.range.clone()) {
        Ok(parts) => parts,
        Err(error) => return (piece.start, spread(Err(error), records)),
    };
    let result = async {
        let raw = client.execute_parts(&parts).await?;
        E::decode(&raw, parts.expected_outcomes())
    }
    .await;
    let outcomes = match counted(result, records.len()) {
        Err(error) if error.may_have_been_applied() => match upsert::upsert_of(E::META) {
            Some(upsert) => resend(client, &parts, upsert, error, records).await,
            None => spread(Err(error), records),
        },
        other => spread(other, records),
    };
    (piece.start, outcomes)
}

/// Zoho's outcomes when there is one per record, else the error they amount to.
fn counted(result: Result<Outcomes, Error>, expected: usize) -> Result<Outcomes, Error> {
    match result {
        Ok(outcomes) if outcomes.len() != expected => Err(Error::OutcomeCount {
            status: outcomes.status(),
            expected,
            outcomes,
        }),
        other => other,
    }
}

/// Sends the records of a piece in doubt again as an upsert, and answers one outcome for each:
/// Zoho's verdict for those it carried, the first error for those it could not carry (no key)
/// and for all of them when the upsert failed with nothing better to say.
async fn resend(
    client: &Client,
    insert: &RequestParts,
    upsert: &'static crate::meta::EndpointMeta,
    error: Error,
    records: Range<usize>,
) -> Vec<BatchOutcome> {
    let resent = match upsert::resend_request(insert, upsert) {
        Ok(None) => Resent::Nothing,
        Ok(Some((parts, positions))) => {
            let result = async {
                let raw = client.execute_parts(&parts).await?;
                decode_outcomes(&raw, parts.expected_outcomes())
            };
            match counted(result.await, positions.len()) {
                Ok(outcomes) => Resent::Answered {
                    positions,
                    outcomes,
                },
                Err(error) => Resent::Failed { positions, error },
            }
        }
        Err(reason) => Resent::Failed {
            positions: Vec::new(),
            error: reason,
        },
    };
    merge(spread(Err(error), records.clone()), resent, &records)
}

/// The outcomes of a piece after its records with keys were sent again.
fn merge(
    mut outcomes: Vec<BatchOutcome>,
    resent: Resent,
    records: &Range<usize>,
) -> Vec<BatchOutcome> {
    match resent {
        Resent::Nothing => {}
        Resent::Answered {
            positions,
            outcomes: answered,
        } => {
            for (position, outcome) in positions.into_iter().zip(answered) {
                outcomes[position] = outcome.map_err(RecordFailure::Refused);
            }
        }
        // The upsert's error, when it too leaves the records in doubt, is the latest word on
        // them; a refusal of the upsert says nothing of the first send, whose error stays.
        Resent::Failed { positions, error } => {
            tracing::warn!(error = %error, "an insert in doubt could not be sent again as an upsert");
            if error.may_have_been_applied() {
                let error = Arc::new(error);
                for position in positions {
                    outcomes[position] = Err(RecordFailure::BatchFailed {
                        error: error.clone(),
                        records: records.clone(),
                    });
                }
            }
        }
    }
    outcomes
}

/// Zoho's outcomes when there is one per record; else the batch's error on every record.
fn spread(result: Result<Outcomes, Error>, records: Range<usize>) -> Vec<BatchOutcome> {
    let error = match counted(result, records.len()) {
        Ok(outcomes) => {
            return outcomes
                .into_iter()
                .map(|o| o.map_err(RecordFailure::Refused))
                .collect();
        }
        Err(error) => error,
    };
    let error = Arc::new(error);
    records
        .clone()
        .map(|_| {
            Err(RecordFailure::BatchFailed {
                error: error.clone(),
                records: records.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::RecordError;

    fn refused() -> Outcomes {
        let error = RecordError {
            code: Code::RecordLocked,
            message: "locked".into(),
            details: Default::default(),
        };
        Outcomes::new(207, vec![Err(error.clone()), Err(error)])
    }

    #[test]
    fn a_whole_answer_is_kept_record_by_record() {
        let outcomes = spread(Ok(refused()), 4..6);
        assert_eq!(outcomes.len(), 2);
        assert!(
            matches!(&outcomes[0], Err(RecordFailure::Refused(e)) if e.code == Code::RecordLocked)
        );
    }

    #[test]
    fn a_short_answer_fails_every_record_of_the_batch() {
        let outcomes = spread(Ok(refused()), 10..13);
        assert_eq!(outcomes.len(), 3);
        for outcome in &outcomes {
            match outcome {
                Err(failure @ RecordFailure::BatchFailed { error, records }) => {
                    assert_eq!(records, &(10..13));
                    assert!(matches!(**error, Error::OutcomeCount { expected: 3, .. }));
                    assert!(failure.may_have_been_applied());
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn an_answer_that_could_not_be_read_may_have_been_applied_unless_it_refused() {
        let failed = |error: Error| {
            RecordFailure::BatchFailed {
                error: Arc::new(error),
                records: 0..1,
            }
            .may_have_been_applied()
        };
        let unreadable = |status: u16| Error::UnexpectedBody {
            status,
            reason: "the body is empty".into(),
            body_start: String::new(),
        };
        assert!(failed(unreadable(200)));
        assert!(failed(unreadable(502)));
        assert!(!failed(unreadable(400)));
        assert!(!failed(unreadable(307)));
        assert!(failed(Error::BodyTooLarge {
            status: 201,
            limit: 10
        }));
        assert!(!failed(Error::BodyTooLarge {
            status: 404,
            limit: 10
        }));
        let refusal = |status: u16| Error::Api {
            status,
            code: Code::InternalError,
            message: String::new(),
            details: Default::default(),
        };
        assert!(!failed(refusal(200)), "Zoho said the request failed");
        assert!(failed(refusal(500)));
    }

    #[test]
    fn a_batch_error_is_shared_not_copied() {
        let outcomes = spread(Err(Error::config("x")), 0..2);
        let errors: Vec<_> = outcomes
            .iter()
            .map(|o| match o {
                Err(RecordFailure::BatchFailed { error, .. }) => Arc::as_ptr(error),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(errors[0], errors[1]);
        assert!(!outcomes[0].as_ref().unwrap_err().may_have_been_applied());
    }
}
