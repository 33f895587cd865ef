//! What the settings areas share: the outcomes of a settings write, which Zoho answers under
//! the area's own key rather than `data`, and the `{id, name, api_name}` references settings
//! use to name modules, users, groups and layouts.

use std::collections::BTreeMap;
use std::ops::Deref;

use zoho_runtime::serde::de::{Deserializer, Error as _};
use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{Code, Details, Json, Outcome, Outcomes, RecordError, RecordSuccess};

/// The per-item outcomes of a settings write: `{"variables": [{code, details, message,
/// status}, …]}`, `{"fiscal_year": {…}}` — one outcome per item sent, in the order sent.
///
/// It dereferences to [`Outcomes`]. Its [`status`](Outcomes::status) is 200 whatever Zoho
/// answered (201, 202, 207, or 400 when every item failed, each with its error): a declared
/// answer type is decoded from the body alone.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsOutcomes(Outcomes);

impl SettingsOutcomes {
    /// The outcomes.
    pub fn into_outcomes(self) -> Outcomes {
        self.0
    }
}

impl Deref for SettingsOutcomes {
    type Target = Outcomes;

    fn deref(&self) -> &Outcomes {
        &self.0
    }
}

/// One outcome as Zoho writes it.
#[derive(Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
struct RawOutcome {
    code: Code,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    details: Option<Details>,
}

impl RawOutcome {
    fn into_outcome(self) -> Outcome {
        let failed = match &self.status {
            Some(status) => status.eq_ignore_ascii_case("error"),
            None => self.code != Code::Success,
        };
        let (code, message) = (self.code, self.message.unwrap_or_default());
        let details = self.details.unwrap_or_default();
        if failed {
            Err(RecordError {
                code,
                message,
                details,
            })
        } else {
            Ok(RecordSuccess {
                code,
                message,
                details,
                action: None,
            })
        }
    }
}

/// The outcomes under one key: a list, or one object for a single setting.
#[derive(Deserialize)]
#[serde(crate = "zoho_runtime::serde", untagged)]
enum OneOrMany {
    Many(Vec<RawOutcome>),
    One(RawOutcome),
}

impl<'de> Deserialize<'de> for SettingsOutcomes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let body = BTreeMap::<String, Json>::deserialize(deserializer)?;
        let list = body
            .into_values()
            .find_map(|value| OneOrMany::deserialize(value).ok())
            .ok_or_else(|| D::Error::custom("no key holds outcomes (`code`, `status`, …)"))?;
        let items = match list {
            OneOrMany::Many(items) => items.into_iter().map(RawOutcome::into_outcome).collect(),
            OneOrMany::One(item) => vec![item.into_outcome()],
        };
        Ok(SettingsOutcomes(Outcomes::new(200, items)))
    }
}

/// A reference to another setting, module, user, group or layout: any of `id`, `name` and
/// `api_name` Zoho gives.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Ref {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name, as shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its API name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_name: Option<String>,
}

impl Ref {
    /// A reference by id.
    pub fn id(id: impl Into<String>) -> Self {
        Ref {
            id: Some(id.into()),
            ..Ref::default()
        }
    }

    /// A reference by API name (a module: `Leads`).
    pub fn api_name(api_name: impl Into<String>) -> Self {
        Ref {
            api_name: Some(api_name.into()),
            ..Ref::default()
        }
    }

    /// A reference by name.
    pub fn name(name: impl Into<String>) -> Self {
        Ref {
            name: Some(name.into()),
            ..Ref::default()
        }
    }
}

/// The keys of an item this crate does not type, kept as Zoho sent them and sent back as given.
pub type Extra = BTreeMap<String, Json>;

/// Zoho's criteria, as sharing, scoring and record locking rules take them: one comparison
/// (`{"comparator": "equal", "field": {"api_name": "Lead_Status"}, "value": "Junk Lead"}`) or
/// a group of them joined by `AND` or `OR`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Criteria {
    /// `equal`, `not_equal`, `in`, `contains`, `starts_with`, `greater_than`, ….
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparator: Option<String>,
    /// The field compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<Ref>,
    /// The value compared with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Json>,
    /// `AND` or `OR`, for a group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_operator: Option<String>,
    /// The criteria of a group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Vec<Criteria>>,
}

impl Criteria {
    /// The field `api_name` compared with `value` by `comparator`.
    pub fn compare(api_name: &str, comparator: &str, value: impl Into<Json>) -> Self {
        Criteria {
            comparator: Some(comparator.to_owned()),
            field: Some(Ref::api_name(api_name)),
            value: Some(value.into()),
            ..Criteria::default()
        }
    }

    /// Every one of `criteria`.
    pub fn all(criteria: Vec<Criteria>) -> Self {
        Criteria::group("AND", criteria)
    }

    /// Any one of `criteria`.
    pub fn any(criteria: Vec<Criteria>) -> Self {
        Criteria::group("OR", criteria)
    }

    fn group(operator: &str, criteria: Vec<Criteria>) -> Self {
        Criteria {
            group_operator: Some(operator.to_owned()),
            group: Some(criteria),
            ..Criteria::default()
        }
    }
}
