//! Small types that say what they are: record ids, secrets; API versions and HTTP methods come
//! from `zoho-spec`, the rules the macro, the runtime and the sandbox share.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use zoho_spec::{ApiVersion, Method};

/// A Zoho record id: an 18–19 digit number that Zoho documents as a string.
///
/// It is kept as text end to end, so it never passes through a float. It deserializes from a JSON
/// string or a JSON integer (Zoho and its SDKs use both) and always serializes as a string.
///
/// ```
/// use zoho_runtime::RecordId;
/// let id: RecordId = serde_json::from_str("4150868000003384003").unwrap();
/// assert_eq!(id.as_str(), "4150868000003384003");
/// assert_eq!(serde_json::to_string(&id).unwrap(), r#""4150868000003384003""#);
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordId(String);

impl RecordId {
    /// Wraps an id given as text. No check is made: Zoho is the judge of what it accepts, and
    /// external ids (`extcontact3`) travel in the same places.
    pub fn new(id: impl Into<String>) -> Self {
        RecordId(id.into())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id as an owned `String`.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Debug for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for RecordId {
    fn from(id: &str) -> Self {
        RecordId(id.to_owned())
    }
}

impl From<String> for RecordId {
    fn from(id: String) -> Self {
        RecordId(id)
    }
}

impl From<u64> for RecordId {
    fn from(id: u64) -> Self {
        RecordId(id.to_string())
    }
}

impl AsRef<str> for RecordId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for RecordId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for RecordId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl Serialize for RecordId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for RecordId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RecordIdVisitor)
    }
}

struct RecordIdVisitor;

impl Visitor<'_> for RecordIdVisitor {
    type Value = RecordId;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a record id as a string or an integer")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RecordId, E> {
        Ok(RecordId(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<RecordId, E> {
        Ok(RecordId(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RecordId, E> {
        Ok(RecordId(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RecordId, E> {
        Ok(RecordId(v.to_string()))
    }

    // An id that arrives as a float has already lost digits: refusing it is the only honest answer.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RecordId, E> {
        Err(E::invalid_type(de::Unexpected::Float(v), &self))
    }
}

/// A secret (access token, refresh token, client secret) that never shows in `Debug` or
/// `Display`: both print `[redacted]`. Read it with [`Secret::expose`], where it is needed.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself. Every call site is a place the secret leaves this type: keep them few.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the secret is empty (an empty token is refused before anything is sent).
    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret::new(value)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret::new(value)
    }
}
