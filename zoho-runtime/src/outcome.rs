//! What Zoho answers for each record of a write: [`Outcomes`], one [`Outcome`] per record,
//! each a [`RecordSuccess`] or a [`RecordError`] with its [`Details`].

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::code::Code;
use crate::types::RecordId;

/// The `details` object of an answer or outcome, with typed access to the keys Zoho documents.
///
/// Every key is kept, known or not (`RECORD_LOCKED` carries an `action`, for one).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(transparent)]
pub struct Details(Map<String, Value>);

/// A user as answers name one: `{"name": "Patricia Boyle", "id": "738964000000291009"}`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct UserRef {
    /// The user's name.
    pub name: String,
    /// The user's id.
    pub id: RecordId,
}

impl Details {
    /// The value of any key.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// A key's value as text, when it is a string.
    pub fn str(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(Value::as_str)
    }

    /// Every key and value.
    pub fn as_map(&self) -> &Map<String, Value> {
        &self.0
    }

    /// Whether there are no details.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `id`: the record written, or the one an error is about.
    pub fn id(&self) -> Option<RecordId> {
        self.record_id("id")
    }

    /// `job_id`: the job a scheduled operation (mass update by view) runs as.
    pub fn job_id(&self) -> Option<RecordId> {
        self.record_id("job_id")
    }

    /// `api_name`: the field an error is about.
    pub fn api_name(&self) -> Option<&str> {
        self.str("api_name")
    }

    /// `json_path`: where in the body the error is.
    pub fn json_path(&self) -> Option<&str> {
        self.str("json_path")
    }

    /// `expected_data_type`: what Zoho wanted where it found something else.
    pub fn expected_data_type(&self) -> Option<&str> {
        self.str("expected_data_type")
    }

    /// `param_name`: the request parameter an error is about.
    pub fn param_name(&self) -> Option<&str> {
        self.str("param_name")
    }

    /// `limit`: the most a call may carry (Zoho writes it as a string or a number).
    pub fn limit(&self) -> Option<u64> {
        self.number("limit")
    }

    /// `maximum_length`: the longest value a field takes.
    pub fn maximum_length(&self) -> Option<u64> {
        self.number("maximum_length")
    }

    /// `resource_path_index`: which path segment an error is about.
    pub fn resource_path_index(&self) -> Option<u64> {
        self.number("resource_path_index")
    }

    /// `duplicate_record`: the record a `DUPLICATE_DATA` error collides with.
    pub fn duplicate_record(&self) -> Option<&Value> {
        self.0.get("duplicate_record")
    }

    /// `Created_Time`, as Zoho wrote it.
    pub fn created_time(&self) -> Option<&str> {
        self.str("Created_Time")
    }

    /// `Modified_Time`, as Zoho wrote it.
    pub fn modified_time(&self) -> Option<&str> {
        self.str("Modified_Time")
    }

    /// `Created_By`.
    pub fn created_by(&self) -> Option<UserRef> {
        self.user("Created_By")
    }

    /// `Modified_By`.
    pub fn modified_by(&self) -> Option<UserRef> {
        self.user("Modified_By")
    }

    fn record_id(&self, key: &str) -> Option<RecordId> {
        match self.0.get(key)? {
            Value::String(text) => Some(RecordId::new(text.as_str())),
            Value::Number(n) if n.is_u64() || n.is_i64() => Some(RecordId::new(n.to_string())),
            _ => None,
        }
    }

    fn number(&self, key: &str) -> Option<u64> {
        match self.0.get(key)? {
            Value::Number(n) => n.as_u64(),
            Value::String(text) => text.trim().parse().ok(),
            _ => None,
        }
    }

    fn user(&self, key: &str) -> Option<UserRef> {
        UserRef::deserialize(self.0.get(key)?).ok()
    }
}

/// The accessors, iterators and `Display` shared by the lists of per-record outcomes
/// ([`Outcomes`] and `BatchOutcomes`): each holds `items: Vec<Result<RecordSuccess, $failure>>`,
/// one per record, in the order sent.
macro_rules! outcome_list {
    ($list:ident, $outcome:ty, $failure:ty) => {
        impl $list {
            /// Whether every record succeeded.
            pub fn all_succeeded(&self) -> bool {
                self.items.iter().all(Result::is_ok)
            }

            /// The records that succeeded, with their index in the input.
            pub fn successes(
                &self,
            ) -> impl Iterator<Item = (usize, &$crate::outcome::RecordSuccess)> {
                self.items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, o)| o.as_ref().ok().map(|s| (i, s)))
            }

            /// The records that failed, with their index in the input.
            pub fn failures(&self) -> impl Iterator<Item = (usize, &$failure)> {
                self.items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, o)| o.as_ref().err().map(|e| (i, e)))
            }

            /// The outcomes as a `Vec`, one per record, in input order.
            pub fn into_vec(self) -> Vec<$outcome> {
                self.items
            }
        }

        impl ::std::ops::Deref for $list {
            type Target = [$outcome];

            fn deref(&self) -> &[$outcome] {
                &self.items
            }
        }

        impl IntoIterator for $list {
            type Item = $outcome;
            type IntoIter = ::std::vec::IntoIter<$outcome>;

            fn into_iter(self) -> Self::IntoIter {
                self.items.into_iter()
            }
        }

        impl<'a> IntoIterator for &'a $list {
            type Item = &'a $outcome;
            type IntoIter = ::std::slice::Iter<'a, $outcome>;

            fn into_iter(self) -> Self::IntoIter {
                self.items.iter()
            }
        }

        impl ::std::fmt::Display for $list {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let failed = self.failures().count();
                let total = self.items.len();
                write!(
                    f,
                    "{total} records, {} succeeded, {failed} failed",
                    total - failed
                )
            }
        }
    };
}

pub(crate) use outcome_list;

/// A record Zoho accepted.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordSuccess {
    /// Usually [`Code::Success`].
    pub code: Code,
    /// Zoho's message: `record updated`, `relation added`, …
    pub message: String,
    /// What Zoho says of the record: its `id`, times and users, or a `job_id`.
    pub details: Details,
    /// What was done to the record, when the answer says (an upsert's `action`) or the record
    /// was settled without an answer of its own (found by reconciliation); `None` for a plain
    /// write's answer.
    pub action: Option<Action>,
}

impl RecordSuccess {
    /// The id of the record written, when the answer names one.
    pub fn id(&self) -> Option<RecordId> {
        self.details.id()
    }

    /// Whether the record was already in Zoho rather than created by this call: an upsert
    /// that found it ([`Action::Update`]), or a record reconciliation found ([`Action::Found`]).
    pub fn was_already_there(&self) -> bool {
        matches!(self.action, Some(Action::Update | Action::Found))
    }
}

/// What was done to a record that succeeded, beyond a plain write.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Action {
    /// An upsert created the record (`"action": "insert"`).
    Insert,
    /// An upsert found the record by a duplicate-check field and updated it with the values
    /// sent (`"action": "update"`): for an insert sent again, the first send had created it.
    Update,
    /// Reconciliation found the record in Zoho: the write had been applied, no answer said so.
    Found,
    /// An `action` this crate does not know, as written.
    Other(String),
}

impl Action {
    /// Zoho's `action` as written, in any case.
    pub fn parse(text: &str) -> Action {
        match text.to_ascii_lowercase().as_str() {
            "insert" => Action::Insert,
            "update" => Action::Update,
            _ => Action::Other(text.to_owned()),
        }
    }
}

/// A record Zoho refused, with everything it said about why.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("record refused with {code}: {message}")]
pub struct RecordError {
    /// What went wrong: `DUPLICATE_DATA`, `MANDATORY_NOT_FOUND`, …
    pub code: Code,
    /// Zoho's message.
    pub message: String,
    /// `api_name`, `json_path`, `expected_data_type`, `id`, … as Zoho gave them.
    pub details: Details,
}

/// What happened to one record of a call.
pub type Outcome = Result<RecordSuccess, RecordError>;

/// The per-record outcomes of a write: exactly one per record sent, in the order sent.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcomes {
    status: u16,
    items: Vec<Outcome>,
}

impl Outcomes {
    /// Outcomes as decoded from an answer with HTTP `status`.
    pub fn new(status: u16, items: Vec<Outcome>) -> Self {
        Outcomes { status, items }
    }

    /// The HTTP status of the answer (200, 201, 202, 207, or 400 when every record failed).
    pub fn status(&self) -> u16 {
        self.status
    }
}

outcome_list!(Outcomes, Outcome, RecordError);
