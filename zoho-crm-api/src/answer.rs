//! The per-item outcome of writes whose answer lists items under a key of their own rather than
//! `data`: `{"tags": [{code, details, message, status}]}`, `{"contact_roles": […]}`, ….

use zoho_runtime::serde::Deserialize;
use zoho_runtime::{Json, RecordId};

/// What Zoho says of one item written: `SUCCESS` and its id, or an error code and why.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ActionOutcome {
    /// `SUCCESS`, `DUPLICATE_DATA`, `INVALID_DATA`, ….
    pub code: String,
    /// `success` or `error`.
    pub status: String,
    /// `tags created successfully`, `contact role added`, ….
    #[serde(default)]
    pub message: String,
    /// The item's id and times, or what was wrong.
    #[serde(default)]
    pub details: Json,
}

impl ActionOutcome {
    /// Whether Zoho accepted the item.
    pub fn succeeded(&self) -> bool {
        self.status == "success"
    }

    /// The item's id, when the answer names one (as text or as a number).
    pub fn id(&self) -> Option<RecordId> {
        id_in(&self.details, "id")
    }
}

/// The id under `key` of a JSON object, written as text or as a number.
pub(crate) fn id_in(object: &Json, key: &str) -> Option<RecordId> {
    match object.get(key)? {
        Json::String(text) => Some(RecordId::from(text.as_str())),
        Json::Number(n) => n.as_u64().map(RecordId::from),
        _ => None,
    }
}
