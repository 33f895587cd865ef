//! A record that needs no declaring: its fields by API name, with typed accessors.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::Error;
use crate::outcome::UserRef;
use crate::RecordId;

/// A record of any module as a map of its fields by API name, for calls whose record type is
/// not declared: the system fields have typed accessors, any other field is read with
/// [`get`](Record::get) and written with [`set`](Record::set).
///
/// ```
/// use zoho_runtime::Record;
///
/// let mut lead = Record::new();
/// lead.set("Last_Name", "Bryant").set("No_of_Employees", 40);
/// assert_eq!(lead.get::<i64>("No_of_Employees").unwrap(), Some(40));
/// // A field of another type is an error that names it, not a silent `None`.
/// assert!(lead.get::<i64>("Last_Name").is_err());
///
/// let read: Record = serde_json::from_str(
///     r#"{"id": "4150868000003384003", "Owner": {"name": "Patricia Boyle", "id": "4150868000000225013"}}"#,
/// ).unwrap();
/// assert_eq!(read.id().unwrap().as_str(), "4150868000003384003");
/// assert_eq!(read.owner().unwrap().name, "Patricia Boyle");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Record(Map<String, Value>);

impl Record {
    /// A record with no fields.
    pub fn new() -> Self {
        Record::default()
    }

    /// The record's id, when it has one (records read back, or an update's target).
    pub fn id(&self) -> Option<RecordId> {
        self.0.get("id")?.as_str().map(RecordId::new)
    }

    /// A field's value decoded as `T`; `Ok(None)` when the field is absent or `null`, an error
    /// naming the field when its value is not a `T`.
    pub fn get<T: DeserializeOwned>(&self, field: &str) -> Result<Option<T>, Error> {
        match self.0.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => T::deserialize(value)
                .map(Some)
                .map_err(|e| Error::FieldType {
                    field: field.to_owned(),
                    type_name: std::any::type_name::<T>(),
                    reason: e.to_string(),
                }),
        }
    }

    /// A field's value as Zoho sent it.
    pub fn value(&self, field: &str) -> Option<&Value> {
        self.0.get(field)
    }

    /// Sets a field (a `null` value clears it when sent), and returns the record for chaining.
    pub fn set(&mut self, field: impl Into<String>, value: impl Into<Value>) -> &mut Self {
        self.0.insert(field.into(), value.into());
        self
    }

    /// Removes a field, so that it is not sent; returns its value.
    pub fn remove(&mut self, field: &str) -> Option<Value> {
        self.0.remove(field)
    }

    /// `Owner`: the user who owns the record.
    pub fn owner(&self) -> Option<UserRef> {
        self.get("Owner").ok().flatten()
    }

    /// `Created_By`.
    pub fn created_by(&self) -> Option<UserRef> {
        self.get("Created_By").ok().flatten()
    }

    /// `Modified_By`.
    pub fn modified_by(&self) -> Option<UserRef> {
        self.get("Modified_By").ok().flatten()
    }

    /// `Created_Time`, in ISO 8601 with its offset, as Zoho sends it.
    pub fn created_time(&self) -> Option<&str> {
        self.0.get("Created_Time")?.as_str()
    }

    /// `Modified_Time`, in ISO 8601 with its offset.
    pub fn modified_time(&self) -> Option<&str> {
        self.0.get("Modified_Time")?.as_str()
    }

    /// The fields, by API name.
    pub fn fields(&self) -> &Map<String, Value> {
        &self.0
    }

    /// The fields, to change at will.
    pub fn fields_mut(&mut self) -> &mut Map<String, Value> {
        &mut self.0
    }

    /// The fields, taken.
    pub fn into_fields(self) -> Map<String, Value> {
        self.0
    }
}

impl From<Map<String, Value>> for Record {
    fn from(fields: Map<String, Value>) -> Self {
        Record(fields)
    }
}

impl<K: Into<String>, V: Into<Value>> FromIterator<(K, V)> for Record {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Record(
            iter.into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}
