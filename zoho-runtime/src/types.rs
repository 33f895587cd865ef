//! Small types that say what they are: record ids, API versions, HTTP methods, secrets.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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

/// A version of Zoho CRM's REST API, the `{version}` of `/crm/{version}/…`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum ApiVersion {
    /// `v2`
    V2,
    /// `v2.1`
    V2_1,
    /// `v3`
    V3,
    /// `v4`
    V4,
    /// `v5`
    V5,
    /// `v6`
    V6,
    /// `v7`
    V7,
    /// `v8`, the current version and the client's default.
    #[default]
    V8,
}

impl ApiVersion {
    /// Every version, oldest first.
    pub const ALL: [ApiVersion; 8] = [
        ApiVersion::V2,
        ApiVersion::V2_1,
        ApiVersion::V3,
        ApiVersion::V4,
        ApiVersion::V5,
        ApiVersion::V6,
        ApiVersion::V7,
        ApiVersion::V8,
    ];

    /// The version as it appears in a URL: `v2.1`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ApiVersion::V2 => "v2",
            ApiVersion::V2_1 => "v2.1",
            ApiVersion::V3 => "v3",
            ApiVersion::V4 => "v4",
            ApiVersion::V5 => "v5",
            ApiVersion::V6 => "v6",
            ApiVersion::V7 => "v7",
            ApiVersion::V8 => "v8",
        }
    }

    /// Parses `v2`, `v2.1`, `v3` … `v8`.
    pub fn parse(text: &str) -> Option<ApiVersion> {
        ApiVersion::ALL.into_iter().find(|v| v.as_str() == text)
    }
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The HTTP methods Zoho CRM's API uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The method's name: `PUT`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Whether sending the same request twice leaves Zoho as sending it once would (RFC 9110's
    /// idempotent methods). `POST` and `PATCH` are not, unless an endpoint is declared so.
    pub const fn is_idempotent(self) -> bool {
        matches!(self, Method::Get | Method::Put | Method::Delete)
    }

    pub(crate) fn to_reqwest(self) -> reqwest::Method {
        match self {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Patch => reqwest::Method::PATCH,
            Method::Delete => reqwest::Method::DELETE,
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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
