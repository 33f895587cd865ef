//! Record types checked against the organisation's schema at compile time.
//!
//! Every organisation has its own fields, so no library knows them in advance; a misspelled
//! field, a value of the wrong type, a read-only field in an update or a mandatory field left out
//! of an insert would otherwise surface as `INVALID_DATA` or `MANDATORY_NOT_FOUND`, record by
//! record, in production. `zoho-schema pull` writes the organisation's field metadata into a
//! snapshot beside the crate's `Cargo.toml`, one JSON file per module (`zoho-schema/Leads.json`);
//! [`zoho_record`](crate::zoho_record) checks a record struct against it at every build, offline.
//!
//! ```
//! use zoho_runtime::record::Lookup;
//! use zoho_runtime::{zoho_record, RecordId};
//!
//! /// What this program changes on a lead.
//! #[zoho_record(module = "Leads", usage = "update")]
//! pub struct LeadUpdate {
//!     pub id: RecordId,
//!     #[zoho(rename = "Lead_Status")]
//!     pub status: Option<String>,
//!     #[zoho(rename = "No_of_Employees")]
//!     pub employees: Option<i32>,
//!     #[zoho(rename = "Owner")]
//!     pub owner: Option<Lookup>,
//! }
//!
//! let update = LeadUpdate {
//!     id: "738964000002148061".into(),
//!     status: Some("Contacted".into()),
//!     employees: None,
//!     owner: Some(Lookup::new("738964000000295001")),
//! };
//! // Sent under the checked names; `None` is left out, as a `null` would clear the value.
//! assert_eq!(
//!     serde_json::to_value(&update).unwrap(),
//!     serde_json::json!({
//!         "id": "738964000002148061",
//!         "Lead_Status": "Contacted",
//!         "Owner": { "id": "738964000000295001" }
//!     })
//! );
//! ```
//!
//! # `#[zoho_record(module = "…", usage = "…" [, typed_dates])]`
//!
//! - `module`: the module's API name, whose file the snapshot must hold.
//! - `usage`: `"insert"` (no read-only or computed field, every mandatory field), `"update"` (no
//!   read-only or computed field) or `"read"` (anything the module has).
//! - `typed_dates`: `date` and `datetime` fields must have a date type (a `String` is refused).
//!
//! A field is sent under `#[zoho(rename = "Api_Name")]`, or `#[serde(rename = "…")]`, or its
//! own name, as the runtime sends record fields; that name is the one checked. `id` is every
//! record's. The attribute derives serde's `Serialize` and `Deserialize` (through
//! [`serde`]), leaving out `None` fields; do not derive them again.
//!
//! Each error points at its field and all are reported in one build: a name the module lacks
//! (with "did you mean", for case and `_` mistakes and custom fields), a type that cannot hold
//! the field's data type (the rules are [`zoho_spec::fields`]'s: text, whole numbers that fit,
//! numbers with a fraction, `bool`, dates, [`Lookup`] or a [`Reference`] for lookups, a list for
//! multi-selects and subforms, [`Json`](crate::Json) for anything), a picklist enum of another
//! field, a read-only or formula field in a type for writes, a mandatory field missing from a
//! type for inserts.
//!
//! # Picklists
//!
//! [`zoho_picklist`](crate::zoho_picklist) declares an enum of a picklist's values, each checked
//! against the values the field offers: `#[zoho_picklist(module = "Leads", field =
//! "Lead_Status")] enum LeadStatus { Contacted, #[zoho(rename = "Not Contacted")] NotContacted }`.
//! A record field of a picklist may be a `String` or that enum.
//!
//! # Where the snapshot is
//!
//! `zoho-schema/` beside the crate's `Cargo.toml`, or the directory the environment variable
//! `ZOHO_SCHEMA_DIR` names at build time (relative to `Cargo.toml`). The build depends on each
//! file it reads, so a new pull rebuilds what it changes (a change of the variable alone does
//! not: `cargo clean -p` the crate then). Without a snapshot the checks are off, and the build
//! says so once, with a warning; a `ZOHO_SCHEMA_DIR` that names no directory is an error.

use serde::{Deserialize, Serialize};

use crate::RecordId;

/// A lookup or owner field's value: `{"id": …}` when sent; Zoho answers `{"name", "id"}`.
///
/// ```
/// use zoho_runtime::record::Lookup;
///
/// let owner = Lookup::new("738964000000012345");
/// assert_eq!(serde_json::to_string(&owner).unwrap(), r#"{"id":"738964000000012345"}"#);
/// let read: Lookup = serde_json::from_str(r#"{"name":"Patricia Boyle","id":"7"}"#).unwrap();
/// assert_eq!(read.name.as_deref(), Some("Patricia Boyle"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lookup {
    /// The record's (or user's) id.
    pub id: RecordId,
    /// Its name, as Zoho answers it; never sent.
    #[serde(default, skip_serializing)]
    pub name: Option<String>,
}

impl Lookup {
    /// A reference to the record with this id.
    pub fn new(id: impl Into<RecordId>) -> Self {
        Lookup {
            id: id.into(),
            name: None,
        }
    }
}

/// A type that a lookup field can hold: it is sent as `{"id": …}`.
///
/// Implement it for a type of your own that serializes so.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an `{{\"id\": …}}` reference, which a Zoho lookup field holds",
    label = "a lookup field",
    note = "write `zoho_runtime::record::Lookup`, or implement `zoho_runtime::record::Reference` for a type sent as `{{\"id\": …}}`"
)]
pub trait Reference {}

impl Reference for Lookup {}
impl Reference for crate::UserRef {}

/// An enum of a picklist's values, declared with [`zoho_picklist`](crate::zoho_picklist), which
/// implements it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a picklist enum, which a Zoho picklist field holds here",
    label = "a picklist field",
    note = "write `String`, or an enum declared with `#[zoho_runtime::zoho_picklist(module = \"…\", field = \"…\")]`"
)]
pub trait Picklist {
    /// The module whose field lists these values.
    const MODULE: &'static str;
    /// The API name of the field.
    const FIELD: &'static str;
}

/// Whether the enum `P` lists the values of `module`'s `field`; panics with `message` (at
/// compile time, in a constant) when it lists another field's.
#[doc(hidden)]
pub const fn assert_picklist_of<P: Picklist>(module: &str, field: &str, message: &str) {
    if !same(P::MODULE, module) || !same(P::FIELD, field) {
        panic!("{}", message);
    }
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Said by a record type's expansion when no schema snapshot was found, so the build warns once.
#[doc(hidden)]
#[deprecated(
    note = "no Zoho schema snapshot was found, so `#[zoho_record]` types are not checked: run `zoho-schema pull` to write `zoho-schema/` beside Cargo.toml, or set `ZOHO_SCHEMA_DIR`"
)]
pub struct Unchecked;
