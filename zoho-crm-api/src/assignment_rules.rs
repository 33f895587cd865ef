//! Assignment rules: who new records of a module are given to
//! (`settings/automation/assignment_rules`), read-only through the API.
//!
//! ```
//! use zoho_crm_api::assignment_rules::GetAssignmentRules;
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
//! let rules = GetAssignmentRules::new().with_module("Leads").send(&client).await?.unwrap();
//! assert_eq!(rules.assignment_rules[0].default_assignee.as_ref().unwrap().name.as_deref(), Some("Patricia Boyle"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;

use crate::setting::{Extra, Ref};
use crate::{declared, ApiOperation};

/// One assignment rule: who new records of a module are given to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct AssignmentRule {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The module.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<Ref>,
    /// Who gets records no entry matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_assignee: Option<Ref>,
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

/// The answer of the reads: `{"assignment_rules": […]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct AssignmentRules {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub assignment_rules: Vec<AssignmentRule>,
}

/// Lists the assignment rules, of one module when asked.
#[zoho_endpoint(GET "/settings/automation/assignment_rules", scope = "ZohoCRM.settings.assignment_rules.READ", response = Option<AssignmentRules>)]
#[derive(Debug, Clone, Default)]
pub struct GetAssignmentRules {
    /// Only this module's, by API name.
    #[zoho(query)]
    pub module: Option<String>,
}

impl GetAssignmentRules {
    /// The call, with its options left out.
    pub fn new() -> Self {
        GetAssignmentRules { module: None }
    }

    /// With `module` given.
    pub fn with_module(mut self, module: impl Into<String>) -> Self {
        self.module = Some(module.into());
        self
    }
}

/// Reads one assignment rule.
#[zoho_endpoint(GET "/settings/automation/assignment_rules/<id>", scope = "ZohoCRM.settings.assignment_rules.READ", response = Option<AssignmentRules>)]
#[derive(Debug, Clone)]
pub struct GetAssignmentRule {
    /// Its id.
    pub id: String,
    /// Only this module's, by API name.
    #[zoho(query)]
    pub module: Option<String>,
}

impl GetAssignmentRule {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>) -> Self {
        GetAssignmentRule {
            id: id.into(),
            module: None,
        }
    }

    /// With `module` given.
    pub fn with_module(mut self, module: impl Into<String>) -> Self {
        self.module = Some(module.into());
        self
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![GetAssignmentRules, GetAssignmentRule];
