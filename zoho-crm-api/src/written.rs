//! Shapes the answers of Zoho's organisation and people areas share: per-item outcomes under
//! the resource's own key (`{"users": [{code, details, message, status}]}` rather than
//! `{"data": […]}`), `{name, id}` references, and counts Zoho writes as a number or a string.
//!
//! ```
//! use zoho_crm_api::runtime::{serde::Deserialize, Json};
//! use zoho_crm_api::written::Written;
//!
//! let answer: Json = r#"{"roles": [{"code": "SUCCESS", "details": {"id": "5725767000000100123"},
//!                                   "message": "role added", "status": "success"}]}"#
//!     .parse()
//!     .unwrap();
//! let written = Written::deserialize(answer).unwrap();
//! assert_eq!(written.key, "roles");
//! assert!(written.all_succeeded());
//! assert_eq!(written.ids()[0].as_ref().unwrap().as_str(), "5725767000000100123");
//! ```

use zoho_runtime::serde::de::{self, Deserializer};
use zoho_runtime::serde::Deserialize;
use zoho_runtime::{Code, Details, Json, Outcome, RecordError, RecordId, RecordSuccess};

/// The per-item outcomes of a write of users, roles, profiles, territories, groups,
/// currencies or unavailability, one per item sent, in the order sent, with the key Zoho
/// answered them under.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Written {
    /// The key of the answer: `users`, `roles`, `territories`, ….
    pub key: String,
    /// One outcome per item.
    pub outcomes: Vec<Outcome>,
}

impl Written {
    /// Whether every item succeeded.
    pub fn all_succeeded(&self) -> bool {
        self.outcomes.iter().all(Result::is_ok)
    }

    /// The ids of the items written, in order; `None` for a failed item.
    pub fn ids(&self) -> Vec<Option<RecordId>> {
        self.outcomes
            .iter()
            .map(|o| o.as_ref().ok().and_then(RecordSuccess::id))
            .collect()
    }

    /// The failed items, with their index.
    pub fn failures(&self) -> impl Iterator<Item = (usize, &RecordError)> {
        self.outcomes
            .iter()
            .enumerate()
            .filter_map(|(i, o)| o.as_ref().err().map(|e| (i, e)))
    }

    /// The first outcome: the only one of a call that writes one item.
    pub fn first(&self) -> Option<&Outcome> {
        self.outcomes.first()
    }
}

/// One item of the answer, as Zoho writes it.
#[derive(Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
struct Item {
    code: Code,
    #[serde(default)]
    details: Details,
    #[serde(default)]
    message: String,
    #[serde(default)]
    status: String,
}

impl Item {
    fn into_outcome(self) -> Outcome {
        if self.status.eq_ignore_ascii_case("error") {
            Err(RecordError {
                code: self.code,
                message: self.message,
                details: self.details,
            })
        } else {
            Ok(RecordSuccess {
                code: self.code,
                message: self.message,
                details: self.details,
                action: None,
            })
        }
    }
}

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Json::Object(top) = Json::deserialize(deserializer)? else {
            return Err(de::Error::custom("expected a JSON object"));
        };
        // The outcomes are the one key whose value is a list (or, for the base currency, an
        // object) of items with a `code`.
        // A lone outcome at the top (a deleted profile's answer).
        if top.contains_key("code") {
            let item = Item::deserialize(Json::Object(top)).map_err(de::Error::custom)?;
            return Ok(Written {
                key: String::new(),
                outcomes: vec![item.into_outcome()],
            });
        }
        let (key, value) = top
            .into_iter()
            .find(|(_, v)| v.is_array() || v.get("code").is_some())
            .ok_or_else(|| de::Error::custom("no list of outcomes in the answer"))?;
        let items = match value {
            Json::Array(items) => items,
            single => vec![single],
        };
        let outcomes = items
            .into_iter()
            .map(|item| Item::deserialize(item).map(Item::into_outcome))
            .collect::<Result<_, _>>()
            .map_err(de::Error::custom)?;
        Ok(Written { key, outcomes })
    }
}

/// Something Zoho names by id and name in an answer: a role, a profile, a user, a territory.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Ref {
    /// Its id.
    pub id: RecordId,
    /// Its name, where Zoho gives one.
    #[serde(default, alias = "Name")]
    pub name: Option<String>,
}

/// A count Zoho answers as a number or as a string of digits.
pub(crate) fn count<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    match Json::deserialize(deserializer)? {
        Json::Number(n) => n.as_u64().ok_or_else(|| de::Error::custom("not a count")),
        Json::String(s) => s.parse().map_err(de::Error::custom),
        Json::Null => Ok(0),
        _ => Err(de::Error::custom("not a count")),
    }
}
