//! Variable groups: the groups variables belong to (`settings/variable_groups`). Zoho creates
//! them (`General` is every organisation's); the API reads them.
//!
//! ```
//! use zoho_crm_api::variable_groups::{GetVariableGroupByApiName, GetVariableGroups};
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
//! let groups = GetVariableGroups::new().send(&client).await?.unwrap();
//! let general = &groups.variable_groups[0];
//! assert_eq!(general.api_name.as_deref(), Some("General"));
//! let again = GetVariableGroupByApiName::new("General").send(&client).await?.unwrap();
//! assert_eq!(again.variable_groups[0].id, general.id);
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;

use crate::setting::Extra;
use crate::{declared, ApiOperation};

/// One variable group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct VariableGroup {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its API name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_name: Option<String>,
    /// Its label, as shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_label: Option<String>,
    /// What it is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of the reads: `{"variable_groups": […]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct VariableGroups {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub variable_groups: Vec<VariableGroup>,
}

/// Lists the variable groups.
#[zoho_endpoint(GET "/settings/variable_groups", scope = "ZohoCRM.settings.variable_groups.READ", response = Option<VariableGroups>)]
#[derive(Debug, Clone, Default)]
pub struct GetVariableGroups {}

impl GetVariableGroups {
    /// The call.
    pub fn new() -> Self {
        Self::default()
    }
}

/// Reads one variable group by id.
#[zoho_endpoint(GET "/settings/variable_groups/<id>", scope = "ZohoCRM.settings.variable_groups.READ", response = Option<VariableGroups>)]
#[derive(Debug, Clone)]
pub struct GetVariableGroup {
    /// Its id.
    pub id: String,
}

impl GetVariableGroup {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>) -> Self {
        GetVariableGroup { id: id.into() }
    }
}

/// Reads one variable group by API name.
#[zoho_endpoint(GET "/settings/variable_groups/<api_name>", scope = "ZohoCRM.settings.variable_groups.READ", response = Option<VariableGroups>)]
#[derive(Debug, Clone)]
pub struct GetVariableGroupByApiName {
    /// Its API name.
    pub api_name: String,
}

impl GetVariableGroupByApiName {
    /// The call, with its options left out.
    pub fn new(api_name: impl Into<String>) -> Self {
        GetVariableGroupByApiName {
            api_name: api_name.into(),
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetVariableGroups,
    GetVariableGroup,
    GetVariableGroupByApiName
];
