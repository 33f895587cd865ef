//! Scoring rules: scores records of a module earn by their fields and signals
//! (`settings/automation/scoring_rules`), activated, cloned, and run over a module's records.
//!
//! ```
//! use zoho_crm_api::scoring_rules::{ActivateScoringRule, CreateScoringRules, FieldRule, GetScoringRules, ScoringRule};
//! use zoho_crm_api::setting::{Criteria, Ref};
//! use zoho_runtime::Client;
//! use zoho_sandbox::Sandbox;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start().await?;
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! let hot = FieldRule::new(10, Criteria::compare("Lead_Status", "equal", "Contacted"));
//! let rule = ScoringRule::new("Hot leads", Ref::api_name("Leads"), Ref::id("5725767000000091055"))
//!     .with_field_rules(vec![hot]);
//! let created = CreateScoringRules::new(vec![rule]).send(&client).await?;
//! let id = created[0].as_ref().unwrap().details.str("id").unwrap().to_owned();
//! ActivateScoringRule::new(&id).send(&client).await?;
//! let active = GetScoringRules::new().with_active(true).send(&client).await?.unwrap();
//! assert_eq!(active.scoring_rules[0].name.as_deref(), Some("Hot leads"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::Json;
use zoho_runtime::PageInfo;

use crate::setting::{Criteria, Extra, Ref, SettingsOutcomes};
use crate::{declared, ApiOperation};

/// A score a record earns when it meets criteria.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct FieldRule {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The score, negative to take away.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<i64>,
    /// What the record must meet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Criteria>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FieldRule {
    /// `score` for records meeting `criteria`.
    pub fn new(score: i64, criteria: Criteria) -> Self {
        FieldRule {
            score: Some(score),
            criteria: Some(criteria),
            ..Default::default()
        }
    }

    /// With `id` set.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// With `score` set.
    pub fn with_score(mut self, score: i64) -> Self {
        self.score = Some(score);
        self
    }

    /// With `criteria` set.
    pub fn with_criteria(mut self, criteria: Criteria) -> Self {
        self.criteria = Some(criteria);
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// One scoring rule: scores records of a module earn by their fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ScoringRule {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What it is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The module it scores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<Ref>,
    /// The layout of the module.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<Ref>,
    /// Whether it scores records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// Scores for field values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_rules: Option<Vec<FieldRule>>,
    /// Scores for signals (emails opened, visits, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signal_rules: Option<Vec<Json>>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_time: Option<String>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_time: Option<String>,
    /// Who created it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<Ref>,
    /// Who last changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_by: Option<Ref>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ScoringRule {
    /// A rule named `name` for the layout `layout` of `module`.
    pub fn new(name: impl Into<String>, module: Ref, layout: Ref) -> Self {
        ScoringRule {
            name: Some(name.into()),
            module: Some(module),
            layout: Some(layout),
            ..Default::default()
        }
    }

    /// With `id` set.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// With `name` set.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// With `description` set.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// With `module` set.
    pub fn with_module(mut self, module: Ref) -> Self {
        self.module = Some(module);
        self
    }

    /// With `layout` set.
    pub fn with_layout(mut self, layout: Ref) -> Self {
        self.layout = Some(layout);
        self
    }

    /// With `active` set.
    pub fn with_active(mut self, active: bool) -> Self {
        self.active = Some(active);
        self
    }

    /// With `field_rules` set.
    pub fn with_field_rules(mut self, field_rules: Vec<FieldRule>) -> Self {
        self.field_rules = Some(field_rules);
        self
    }

    /// With `signal_rules` set.
    pub fn with_signal_rules(mut self, signal_rules: Vec<Json>) -> Self {
        self.signal_rules = Some(signal_rules);
        self
    }

    /// With `created_time` set.
    pub fn with_created_time(mut self, created_time: impl Into<String>) -> Self {
        self.created_time = Some(created_time.into());
        self
    }

    /// With `modified_time` set.
    pub fn with_modified_time(mut self, modified_time: impl Into<String>) -> Self {
        self.modified_time = Some(modified_time.into());
        self
    }

    /// With `created_by` set.
    pub fn with_created_by(mut self, created_by: Ref) -> Self {
        self.created_by = Some(created_by);
        self
    }

    /// With `modified_by` set.
    pub fn with_modified_by(mut self, modified_by: Ref) -> Self {
        self.modified_by = Some(modified_by);
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// A rule a run applies, by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct RuleId {
    /// The rule's id.
    pub id: String,
}

impl RuleId {
    /// The rule `id`.
    pub fn new(id: impl Into<String>) -> Self {
        RuleId { id: id.into() }
    }
}

/// The answer of the reads: `{"scoring_rules": […], "info": {…}}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ScoringRules {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub scoring_rules: Vec<ScoringRule>,
    /// The page's `info`, for listings Zoho pages.
    #[serde(default)]
    pub info: Option<PageInfo>,
}

/// Creates scoring rules, inactive.
#[zoho_endpoint(POST "/settings/automation/scoring_rules", scope = "ZohoCRM.settings.scoring_rules.CREATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct CreateScoringRules {
    /// The rules.
    #[zoho(envelope)]
    pub scoring_rules: Vec<ScoringRule>,
}

impl CreateScoringRules {
    /// Creates these rules.
    pub fn new(scoring_rules: Vec<ScoringRule>) -> Self {
        CreateScoringRules { scoring_rules }
    }
}

/// Lists scoring rules, filtered by module, layout, state or name.
#[zoho_endpoint(GET "/settings/automation/scoring_rules", scope = "ZohoCRM.settings.scoring_rules.READ", response = Option<ScoringRules>)]
#[derive(Debug, Clone, Default)]
pub struct GetScoringRules {
    /// Only this module's, by API name.
    #[zoho(query)]
    pub module: Option<String>,
    /// Only this layout's.
    #[zoho(query)]
    pub layout_id: Option<String>,
    /// Only active (or inactive) rules.
    #[zoho(query)]
    pub active: Option<bool>,
    /// Only the rule of this name.
    #[zoho(query)]
    pub name: Option<String>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Items per page.
    #[zoho(query)]
    pub per_page: Option<u32>,
}

impl GetScoringRules {
    /// The call, with its options left out.
    pub fn new() -> Self {
        GetScoringRules {
            module: None,
            layout_id: None,
            active: None,
            name: None,
            page: None,
            per_page: None,
        }
    }

    /// With `module` given.
    pub fn with_module(mut self, module: impl Into<String>) -> Self {
        self.module = Some(module.into());
        self
    }

    /// With `layout_id` given.
    pub fn with_layout_id(mut self, layout_id: impl Into<String>) -> Self {
        self.layout_id = Some(layout_id.into());
        self
    }

    /// With `active` given.
    pub fn with_active(mut self, active: bool) -> Self {
        self.active = Some(active);
        self
    }

    /// With `name` given.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// With `page` given.
    pub fn with_page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }

    /// With `per_page` given.
    pub fn with_per_page(mut self, per_page: u32) -> Self {
        self.per_page = Some(per_page);
        self
    }
}

/// Updates rules named by their `id`.
#[zoho_endpoint(PUT "/settings/automation/scoring_rules", scope = "ZohoCRM.settings.scoring_rules.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateScoringRules {
    /// The rules.
    #[zoho(envelope)]
    pub scoring_rules: Vec<ScoringRule>,
}

impl UpdateScoringRules {
    /// Updates these rules.
    pub fn new(scoring_rules: Vec<ScoringRule>) -> Self {
        UpdateScoringRules { scoring_rules }
    }
}

/// Deletes the rules of `ids`.
#[zoho_endpoint(DELETE "/settings/automation/scoring_rules", scope = "ZohoCRM.settings.scoring_rules.DELETE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct DeleteScoringRules {
    /// Their ids.
    #[zoho(query)]
    pub ids: Vec<String>,
}

impl DeleteScoringRules {
    /// Deletes these rules.
    pub fn new(ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        DeleteScoringRules {
            ids: ids.into_iter().map(Into::into).collect(),
        }
    }
}

/// Updates one rule.
#[zoho_endpoint(PUT "/settings/automation/scoring_rules/<id>", scope = "ZohoCRM.settings.scoring_rules.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateScoringRule {
    /// Its id.
    pub id: String,
    /// What changes, as one rule.
    #[zoho(envelope)]
    pub scoring_rules: Vec<ScoringRule>,
}

impl UpdateScoringRule {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>, scoring_rules: Vec<ScoringRule>) -> Self {
        UpdateScoringRule {
            id: id.into(),
            scoring_rules,
        }
    }
}

/// Reads one rule.
#[zoho_endpoint(GET "/settings/automation/scoring_rules/<id>", scope = "ZohoCRM.settings.scoring_rules.READ", response = Option<ScoringRules>)]
#[derive(Debug, Clone)]
pub struct GetScoringRule {
    /// Its id.
    pub id: String,
    /// Its layout.
    #[zoho(query)]
    pub layout_id: Option<String>,
    /// Its state.
    #[zoho(query)]
    pub active: Option<bool>,
    /// Its name.
    #[zoho(query)]
    pub name: Option<String>,
}

impl GetScoringRule {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>) -> Self {
        GetScoringRule {
            id: id.into(),
            layout_id: None,
            active: None,
            name: None,
        }
    }

    /// With `layout_id` given.
    pub fn with_layout_id(mut self, layout_id: impl Into<String>) -> Self {
        self.layout_id = Some(layout_id.into());
        self
    }

    /// With `active` given.
    pub fn with_active(mut self, active: bool) -> Self {
        self.active = Some(active);
        self
    }

    /// With `name` given.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
}

/// Deletes one rule.
#[zoho_endpoint(DELETE "/settings/automation/scoring_rules/<id>", scope = "ZohoCRM.settings.scoring_rules.DELETE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct DeleteScoringRule {
    /// Its id.
    pub id: String,
}

impl DeleteScoringRule {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>) -> Self {
        DeleteScoringRule { id: id.into() }
    }
}

/// Activates a rule.
#[zoho_endpoint(PUT "/settings/automation/scoring_rules/<id>/actions/activate", scope = "ZohoCRM.settings.scoring_rules.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct ActivateScoringRule {
    /// Its id.
    pub id: String,
}

impl ActivateScoringRule {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>) -> Self {
        ActivateScoringRule { id: id.into() }
    }
}

/// Deactivates a rule.
#[zoho_endpoint(DELETE "/settings/automation/scoring_rules/<id>/actions/activate", scope = "ZohoCRM.settings.scoring_rules.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct DeactivateScoringRule {
    /// Its id.
    pub id: String,
}

impl DeactivateScoringRule {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>) -> Self {
        DeactivateScoringRule { id: id.into() }
    }
}

/// Copies a rule, inactive; the outcome names the copy's id.
#[zoho_endpoint(POST "/settings/automation/scoring_rules/<id>/actions/clone", scope = "ZohoCRM.settings.scoring_rules.CREATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct CloneScoringRule {
    /// Its id.
    pub id: String,
    /// What the copy changes (its `name`).
    #[zoho(envelope)]
    pub scoring_rules: Option<Vec<ScoringRule>>,
}

impl CloneScoringRule {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>) -> Self {
        CloneScoringRule {
            id: id.into(),
            scoring_rules: None,
        }
    }

    /// With `scoring_rules` given.
    pub fn with_scoring_rules(mut self, scoring_rules: Vec<ScoringRule>) -> Self {
        self.scoring_rules = Some(scoring_rules);
        self
    }
}

/// Scores the module's records by its active rules, or the rules named.
#[zoho_endpoint(PUT "/<module>/actions/run_scoring_rules", scope = "ZohoCRM.settings.scoring_rules.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct RunScoringRules {
    /// The module, by API name.
    pub module: String,
    /// The rules to run; all active ones when left out.
    #[zoho(envelope)]
    pub scoring_rules: Option<Vec<RuleId>>,
}

impl RunScoringRules {
    /// The call, with its options left out.
    pub fn new(module: impl Into<String>) -> Self {
        RunScoringRules {
            module: module.into(),
            scoring_rules: None,
        }
    }

    /// With `scoring_rules` given.
    pub fn with_scoring_rules(mut self, scoring_rules: Vec<RuleId>) -> Self {
        self.scoring_rules = Some(scoring_rules);
        self
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    CreateScoringRules,
    GetScoringRules,
    UpdateScoringRules,
    DeleteScoringRules,
    UpdateScoringRule,
    GetScoringRule,
    DeleteScoringRule,
    ActivateScoringRule,
    DeactivateScoringRule,
    CloneScoringRule,
    RunScoringRules
];
