//! Data sharing rules: access to a module's records granted to roles, groups or all users beyond
//! the records' owners (`settings/data_sharing/rules?module=`), with searches, per-module
//! summaries and reruns.
//!
//! ```
//! use zoho_crm_api::setting::Ref;
//! use zoho_crm_api::sharing_rules::{CreateSharingRules, GetSharingRules, SharingParty, SharingRule};
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
//! let sales = SharingParty::new("roles", Ref::id("5725767000000026005"));
//! let rule = SharingRule::new("Leads to sales", "Record_Owner_Based", "read", sales.clone())
//!     .with_shared_from(SharingParty::new("all_users", Ref::default()));
//! CreateSharingRules::new("Leads", vec![rule]).send(&client).await?;
//! let rules = GetSharingRules::new("Leads").send(&client).await?.unwrap();
//! assert_eq!(rules.sharing_rules[0].status.as_deref(), Some("active"));
//! # Ok(())
//! # }
//! ```
//!
//! The sandbox stores rules and their state; every token it issues is one administrator's, who
//! sees every record, so a rule grants nothing a call could observe.

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::Json;
use zoho_runtime::PageInfo;

use crate::setting::{Criteria, Extra, Ref, SettingsOutcomes};
use crate::{declared, ApiOperation};

/// Who a sharing rule shares from or to: a role, a group, or all users.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct SharingParty {
    /// `roles`, `groups` or `all_users`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// The role or group, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<Ref>,
    /// Whether the role's subordinates are included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subordinates: Option<bool>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl SharingParty {
    /// A role or group (`type`) named by `resource`.
    pub fn new(r#type: impl Into<String>, resource: Ref) -> Self {
        SharingParty {
            r#type: Some(r#type.into()),
            resource: Some(resource),
            ..Default::default()
        }
    }

    /// With `type` set.
    pub fn with_type(mut self, r#type: impl Into<String>) -> Self {
        self.r#type = Some(r#type.into());
        self
    }

    /// With `resource` set.
    pub fn with_resource(mut self, resource: Ref) -> Self {
        self.resource = Some(resource);
        self
    }

    /// With `subordinates` set.
    pub fn with_subordinates(mut self, subordinates: bool) -> Self {
        self.subordinates = Some(subordinates);
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// One data sharing rule: access to records granted beyond their owners.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct SharingRule {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `Record_Owner_Based` or `Criteria_Based`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// `read` or `read_write_delete`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permission_type: Option<String>,
    /// Whether superiors of those shared to get the access too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superiors_allowed: Option<bool>,
    /// Whose records are shared, for an owner-based rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_from: Option<SharingParty>,
    /// Who gets the access.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_to: Option<SharingParty>,
    /// Which records are shared, for a criteria-based rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Criteria>,
    /// The module.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<Ref>,
    /// `active` or `inactive`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Whether more records match than Zoho computes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub match_limit_exceeded: Option<bool>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl SharingRule {
    /// A rule named `name` of this type, granting `permission_type` to `shared_to`.
    pub fn new(
        name: impl Into<String>,
        r#type: impl Into<String>,
        permission_type: impl Into<String>,
        shared_to: SharingParty,
    ) -> Self {
        SharingRule {
            name: Some(name.into()),
            r#type: Some(r#type.into()),
            permission_type: Some(permission_type.into()),
            shared_to: Some(shared_to),
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

    /// With `type` set.
    pub fn with_type(mut self, r#type: impl Into<String>) -> Self {
        self.r#type = Some(r#type.into());
        self
    }

    /// With `permission_type` set.
    pub fn with_permission_type(mut self, permission_type: impl Into<String>) -> Self {
        self.permission_type = Some(permission_type.into());
        self
    }

    /// With `superiors_allowed` set.
    pub fn with_superiors_allowed(mut self, superiors_allowed: bool) -> Self {
        self.superiors_allowed = Some(superiors_allowed);
        self
    }

    /// With `shared_from` set.
    pub fn with_shared_from(mut self, shared_from: SharingParty) -> Self {
        self.shared_from = Some(shared_from);
        self
    }

    /// With `shared_to` set.
    pub fn with_shared_to(mut self, shared_to: SharingParty) -> Self {
        self.shared_to = Some(shared_to);
        self
    }

    /// With `criteria` set.
    pub fn with_criteria(mut self, criteria: Criteria) -> Self {
        self.criteria = Some(criteria);
        self
    }

    /// With `module` set.
    pub fn with_module(mut self, module: Ref) -> Self {
        self.module = Some(module);
        self
    }

    /// With `status` set.
    pub fn with_status(mut self, status: impl Into<String>) -> Self {
        self.status = Some(status.into());
        self
    }

    /// With `match_limit_exceeded` set.
    pub fn with_match_limit_exceeded(mut self, match_limit_exceeded: bool) -> Self {
        self.match_limit_exceeded = Some(match_limit_exceeded);
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// A module's sharing rules in numbers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct RulesSummary {
    /// The module.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<Ref>,
    /// Whether Zoho is computing the rules now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_computation_status: Option<bool>,
    /// How many rules the module has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_count: Option<u64>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of the reads: `{"sharing_rules": […], "info": {…}}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct SharingRules {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub sharing_rules: Vec<SharingRule>,
    /// The page's `info`, for listings Zoho pages.
    #[serde(default)]
    pub info: Option<PageInfo>,
}

/// The answer of the summaries: `{"sharing_rules_summary": […]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct SharingRulesSummary {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub sharing_rules_summary: Vec<RulesSummary>,
    /// The page's `info`, for listings Zoho pages.
    #[serde(default)]
    pub info: Option<PageInfo>,
}

/// Lists a module's sharing rules.
#[zoho_endpoint(GET "/settings/data_sharing/rules", scope = "ZohoCRM.settings.data_sharing.READ", response = Option<SharingRules>)]
#[derive(Debug, Clone)]
pub struct GetSharingRules {
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Items per page.
    #[zoho(query)]
    pub per_page: Option<u32>,
}

impl GetSharingRules {
    /// The rules of `module`.
    pub fn new(module: impl Into<String>) -> Self {
        GetSharingRules {
            module: module.into(),
            page: None,
            per_page: None,
        }
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

/// Creates sharing rules (Zoho takes one a call).
#[zoho_endpoint(POST "/settings/data_sharing/rules", scope = "ZohoCRM.settings.data_sharing.CREATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct CreateSharingRules {
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
    /// The rules.
    #[zoho(envelope)]
    pub sharing_rules: Vec<SharingRule>,
}

impl CreateSharingRules {
    /// Creates these rules in `module`.
    pub fn new(module: impl Into<String>, sharing_rules: Vec<SharingRule>) -> Self {
        CreateSharingRules {
            module: module.into(),
            sharing_rules,
        }
    }
}

/// Updates sharing rules named by their `id`.
#[zoho_endpoint(PUT "/settings/data_sharing/rules", scope = "ZohoCRM.settings.data_sharing.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateSharingRules {
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
    /// The rules.
    #[zoho(envelope)]
    pub sharing_rules: Vec<SharingRule>,
}

impl UpdateSharingRules {
    /// Updates these rules.
    pub fn new(module: impl Into<String>, sharing_rules: Vec<SharingRule>) -> Self {
        UpdateSharingRules {
            module: module.into(),
            sharing_rules,
        }
    }
}

/// The module's rules meeting every filter.
#[zoho_endpoint(POST "/settings/data_sharing/rules/search", scope = "ZohoCRM.settings.data_sharing.READ", response = Option<SharingRules>)]
#[derive(Debug, Clone)]
pub struct SearchSharingRules {
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Items per page.
    #[zoho(query)]
    pub per_page: Option<u32>,
    /// The filters, each a criterion on the items' keys (`name`, `status`, …).
    #[zoho(envelope)]
    pub filters: Vec<Criteria>,
}

impl SearchSharingRules {
    /// The rules of `module` meeting `filters`.
    pub fn new(module: impl Into<String>, filters: Vec<Criteria>) -> Self {
        SearchSharingRules {
            module: module.into(),
            filters,
            page: None,
            per_page: None,
        }
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

/// Deactivates a rule.
#[zoho_endpoint(DELETE "/settings/data_sharing/rules/<id>/actions/activate", scope = "ZohoCRM.settings.data_sharing.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct DeactivateSharingRule {
    /// Its id.
    pub id: String,
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
}

impl DeactivateSharingRule {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>, module: impl Into<String>) -> Self {
        DeactivateSharingRule {
            id: id.into(),
            module: module.into(),
        }
    }
}

/// Activates a rule.
#[zoho_endpoint(PUT "/settings/data_sharing/rules/<id>/actions/activate", scope = "ZohoCRM.settings.data_sharing.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct ActivateSharingRule {
    /// Its id.
    pub id: String,
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
}

impl ActivateSharingRule {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>, module: impl Into<String>) -> Self {
        ActivateSharingRule {
            id: id.into(),
            module: module.into(),
        }
    }
}

/// Reads one rule.
#[zoho_endpoint(GET "/settings/data_sharing/rules/<id>", scope = "ZohoCRM.settings.data_sharing.READ", response = Option<SharingRules>)]
#[derive(Debug, Clone)]
pub struct GetSharingRule {
    /// Its id.
    pub id: String,
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
}

impl GetSharingRule {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>, module: impl Into<String>) -> Self {
        GetSharingRule {
            id: id.into(),
            module: module.into(),
        }
    }
}

/// Updates one rule.
#[zoho_endpoint(PUT "/settings/data_sharing/rules/<id>", scope = "ZohoCRM.settings.data_sharing.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateSharingRule {
    /// Its id.
    pub id: String,
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
    /// What changes, as one rule.
    #[zoho(envelope)]
    pub sharing_rules: Vec<SharingRule>,
}

impl UpdateSharingRule {
    /// The call, with its options left out.
    pub fn new(
        id: impl Into<String>,
        module: impl Into<String>,
        sharing_rules: Vec<SharingRule>,
    ) -> Self {
        UpdateSharingRule {
            id: id.into(),
            module: module.into(),
            sharing_rules,
        }
    }
}

/// Deletes one rule.
#[zoho_endpoint(DELETE "/settings/data_sharing/rules/<id>", scope = "ZohoCRM.settings.data_sharing.DELETE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct DeleteSharingRule {
    /// Its id.
    pub id: String,
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
}

impl DeleteSharingRule {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>, module: impl Into<String>) -> Self {
        DeleteSharingRule {
            id: id.into(),
            module: module.into(),
        }
    }
}

/// How many rules each module has (or `module` has).
#[zoho_endpoint(GET "/settings/data_sharing/rules/actions/summary", scope = "ZohoCRM.settings.data_sharing.READ", response = Option<SharingRulesSummary>)]
#[derive(Debug, Clone, Default)]
pub struct GetSharingRulesSummary {
    /// Only this module's, by API name.
    #[zoho(query)]
    pub module: Option<String>,
}

impl GetSharingRulesSummary {
    /// The call, with its options left out.
    pub fn new() -> Self {
        GetSharingRulesSummary { module: None }
    }

    /// With `module` given.
    pub fn with_module(mut self, module: impl Into<String>) -> Self {
        self.module = Some(module.into());
        self
    }
}

/// The summaries meeting every filter.
#[zoho_endpoint(POST "/settings/data_sharing/rules/actions/summary", scope = "ZohoCRM.settings.data_sharing.READ", response = Option<SharingRulesSummary>)]
#[derive(Debug, Clone)]
pub struct SearchSharingRulesSummary {
    /// Only this module's, by API name.
    #[zoho(query)]
    pub module: Option<String>,
    /// The filters, each a criterion on the items' keys (`name`, `status`, …).
    #[zoho(envelope)]
    pub filters: Vec<Criteria>,
}

impl SearchSharingRulesSummary {
    /// The summaries meeting `filters`.
    pub fn new(filters: Vec<Criteria>) -> Self {
        SearchSharingRulesSummary {
            filters,
            module: None,
        }
    }

    /// With `module` given.
    pub fn with_module(mut self, module: impl Into<String>) -> Self {
        self.module = Some(module.into());
        self
    }
}

/// Recomputes a module's rules; Zoho answers `SCHEDULED`.
#[zoho_endpoint(POST "/settings/data_sharing/rules/actions/run", scope = "ZohoCRM.settings.data_sharing.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct RerunSharingRules {
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
}

impl RerunSharingRules {
    /// The call, with its options left out.
    pub fn new(module: impl Into<String>) -> Self {
        RerunSharingRules {
            module: module.into(),
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetSharingRules,
    CreateSharingRules,
    UpdateSharingRules,
    SearchSharingRules,
    DeactivateSharingRule,
    ActivateSharingRule,
    GetSharingRule,
    UpdateSharingRule,
    DeleteSharingRule,
    GetSharingRulesSummary,
    SearchSharingRulesSummary,
    RerunSharingRules
];
