//! Record types checked against the organisation's schema: the values their fields hold and
//! the traits the checks of [`zoho_record`](crate::zoho_record) ask of types they cannot judge
//! by name.

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
