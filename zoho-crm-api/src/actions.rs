//! Small types the action areas share: references by id, the one-item acknowledgements some
//! actions answer instead of a `data` array, and the status row of Zoho's mass-action jobs.

use zoho_runtime::jobs::JobState;
use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{Code, Details, RecordId};

/// `{"id": "…"}`: a user, a record or a custom view named by its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct IdRef {
    /// The id.
    pub id: RecordId,
}

impl IdRef {
    /// A reference to `id`.
    pub fn new(id: impl Into<RecordId>) -> Self {
        IdRef { id: id.into() }
    }
}

/// `{"api_name": "Contacts", "id": "…"}`: a module, or a record of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct ModuleRef {
    /// The module's API name.
    pub api_name: String,
    /// The module's (or the record's) id, when Zoho asks for or gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
}

impl ModuleRef {
    /// The module `api_name`, without an id.
    pub fn named(api_name: impl Into<String>) -> Self {
        ModuleRef {
            api_name: api_name.into(),
            id: None,
        }
    }
}

/// One acknowledgement, `{code, details, message, status}`, as an action answers it at the top
/// of its body or under a key of its own (`share`, `watch`, `recycle_bin`, `merge`).
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Ack {
    /// `SUCCESS`, `SCHEDULED`, or the error's code.
    pub code: Code,
    /// Zoho's words.
    #[serde(default)]
    pub message: String,
    /// `success` or `error`.
    #[serde(default)]
    pub status: String,
    /// What it is about: `id`, `job_id`, `api_name`, …
    #[serde(default)]
    pub details: Details,
}

impl Ack {
    /// Whether Zoho says it succeeded.
    pub fn is_success(&self) -> bool {
        self.status.eq_ignore_ascii_case("success")
    }

    /// The `job_id` of a scheduled action.
    pub fn job_id(&self) -> Option<RecordId> {
        self.details.job_id()
    }
}

/// The state of a job's status row, read from Zoho's `Status` word; an answer without a row is
/// still pending.
pub(crate) fn row_state(status: Option<&str>) -> JobState {
    status.map_or(JobState::Pending, JobState::from_zoho)
}
