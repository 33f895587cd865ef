//! Variables: named values of the organisation that workflows, functions and templates read,
//! each in a variable group (`settings/variables`).
//!
//! ```
//! use zoho_runtime::Json;
//! use zoho_crm_api::setting::Ref;
//! use zoho_crm_api::variables::{CreateVariables, DeleteVariable, GetVariableByApiName, UpdateVariable, Variable};
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
//! let vat = Variable::new("VAT rate", "VAT_rate", "double", Ref::api_name("General"))
//!     .with_value(Json::from(20.0));
//! let created = CreateVariables::new(vec![vat]).send(&client).await?;
//! let id = created[0].as_ref().unwrap().details.str("id").unwrap().to_owned();
//!
//! let changed = Variable::default().with_value(Json::from(21.0));
//! UpdateVariable::new(&id, vec![changed]).send(&client).await?;
//! let read = GetVariableByApiName::new("VAT_rate").send(&client).await?.unwrap();
//! assert_eq!(read.variables[0].value, Some(Json::from(21.0)));
//!
//! DeleteVariable::new(&id).send(&client).await?;
//! assert!(GetVariableByApiName::new("VAT_rate").send(&client).await.is_err());
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::Json;

use crate::setting::{Extra, Ref, SettingsOutcomes};
use crate::{declared, ApiOperation};

/// One variable: a named value workflows, functions and templates read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Variable {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name, as shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The name formulas and functions use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_name: Option<String>,
    /// Its data type: `text`, `integer`, `long`, `double`, `percent`, `currency`, `date`, `datetime`, `email`, `phone`, `url`, `checkbox`, `textarea`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// Its value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Json>,
    /// What it is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The group it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variable_group: Option<Ref>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Variable {
    /// A new variable: its name, API name, data type and group.
    pub fn new(
        name: impl Into<String>,
        api_name: impl Into<String>,
        r#type: impl Into<String>,
        variable_group: Ref,
    ) -> Self {
        Variable {
            name: Some(name.into()),
            api_name: Some(api_name.into()),
            r#type: Some(r#type.into()),
            variable_group: Some(variable_group),
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

    /// With `api_name` set.
    pub fn with_api_name(mut self, api_name: impl Into<String>) -> Self {
        self.api_name = Some(api_name.into());
        self
    }

    /// With `type` set.
    pub fn with_type(mut self, r#type: impl Into<String>) -> Self {
        self.r#type = Some(r#type.into());
        self
    }

    /// With `value` set.
    pub fn with_value(mut self, value: Json) -> Self {
        self.value = Some(value);
        self
    }

    /// With `description` set.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// With `variable_group` set.
    pub fn with_variable_group(mut self, variable_group: Ref) -> Self {
        self.variable_group = Some(variable_group);
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// The answer of the reads: `{"variables": […]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Variables {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub variables: Vec<Variable>,
}

/// Lists the variables, of one group with `group`; `None` when there are none.
#[zoho_endpoint(GET "/settings/variables", scope = "ZohoCRM.settings.variables.READ", response = Option<Variables>)]
#[derive(Debug, Clone, Default)]
pub struct GetVariables {
    /// The group, by id or API name.
    #[zoho(query)]
    pub group: Option<String>,
}

impl GetVariables {
    /// The call, with its options left out.
    pub fn new() -> Self {
        GetVariables { group: None }
    }

    /// With `group` given.
    pub fn with_group(mut self, group: impl Into<String>) -> Self {
        self.group = Some(group.into());
        self
    }
}

/// Creates variables; each outcome names the new id.
#[zoho_endpoint(POST "/settings/variables", scope = "ZohoCRM.settings.variables.CREATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct CreateVariables {
    /// The variables, each naming itself by `id` (or `api_name` in an update).
    #[zoho(envelope)]
    pub variables: Vec<Variable>,
}

impl CreateVariables {
    /// Creates these variables.
    pub fn new(variables: Vec<Variable>) -> Self {
        CreateVariables { variables }
    }
}

/// Updates variables named by their `id` or `api_name`.
#[zoho_endpoint(PUT "/settings/variables", scope = "ZohoCRM.settings.variables.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateVariables {
    /// The variables, each naming itself by `id` (or `api_name` in an update).
    #[zoho(envelope)]
    pub variables: Vec<Variable>,
}

impl UpdateVariables {
    /// Updates these variables.
    pub fn new(variables: Vec<Variable>) -> Self {
        UpdateVariables { variables }
    }
}

/// Deletes the variables of `ids`.
#[zoho_endpoint(DELETE "/settings/variables", scope = "ZohoCRM.settings.variables.DELETE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct DeleteVariables {
    /// Their ids.
    #[zoho(query)]
    pub ids: Vec<String>,
}

impl DeleteVariables {
    /// Deletes these variables.
    pub fn new(ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        DeleteVariables {
            ids: ids.into_iter().map(Into::into).collect(),
        }
    }
}

/// Reads one variable by id.
#[zoho_endpoint(GET "/settings/variables/<id>", scope = "ZohoCRM.settings.variables.READ", response = Option<Variables>)]
#[derive(Debug, Clone)]
pub struct GetVariable {
    /// Its id.
    pub id: String,
    /// Its group, by id or API name.
    #[zoho(query)]
    pub group: Option<String>,
}

impl GetVariable {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>) -> Self {
        GetVariable {
            id: id.into(),
            group: None,
        }
    }

    /// With `group` given.
    pub fn with_group(mut self, group: impl Into<String>) -> Self {
        self.group = Some(group.into());
        self
    }
}

/// Updates one variable named by id.
#[zoho_endpoint(PUT "/settings/variables/<id>", scope = "ZohoCRM.settings.variables.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateVariable {
    /// Its id.
    pub id: String,
    /// Its group, by id or API name.
    #[zoho(query)]
    pub group: Option<String>,
    /// What changes, as one variable.
    #[zoho(envelope)]
    pub variables: Vec<Variable>,
}

impl UpdateVariable {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>, variables: Vec<Variable>) -> Self {
        UpdateVariable {
            id: id.into(),
            variables,
            group: None,
        }
    }

    /// With `group` given.
    pub fn with_group(mut self, group: impl Into<String>) -> Self {
        self.group = Some(group.into());
        self
    }
}

/// Deletes one variable.
#[zoho_endpoint(DELETE "/settings/variables/<id>", scope = "ZohoCRM.settings.variables.DELETE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct DeleteVariable {
    /// Its id.
    pub id: String,
}

impl DeleteVariable {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>) -> Self {
        DeleteVariable { id: id.into() }
    }
}

/// Updates one variable named by its API name.
#[zoho_endpoint(PUT "/settings/variables/<api_name>", scope = "ZohoCRM.settings.variables.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateVariableByApiName {
    /// Its API name.
    pub api_name: String,
    /// Its group, by id or API name.
    #[zoho(query)]
    pub group: Option<String>,
    /// What changes, as one variable.
    #[zoho(envelope)]
    pub variables: Vec<Variable>,
}

impl UpdateVariableByApiName {
    /// The call, with its options left out.
    pub fn new(api_name: impl Into<String>, variables: Vec<Variable>) -> Self {
        UpdateVariableByApiName {
            api_name: api_name.into(),
            variables,
            group: None,
        }
    }

    /// With `group` given.
    pub fn with_group(mut self, group: impl Into<String>) -> Self {
        self.group = Some(group.into());
        self
    }
}

/// Reads one variable by its API name.
#[zoho_endpoint(GET "/settings/variables/<api_name>", scope = "ZohoCRM.settings.variables.READ", response = Option<Variables>)]
#[derive(Debug, Clone)]
pub struct GetVariableByApiName {
    /// Its API name.
    pub api_name: String,
    /// Its group, by id or API name.
    #[zoho(query)]
    pub group: Option<String>,
}

impl GetVariableByApiName {
    /// The call, with its options left out.
    pub fn new(api_name: impl Into<String>) -> Self {
        GetVariableByApiName {
            api_name: api_name.into(),
            group: None,
        }
    }

    /// With `group` given.
    pub fn with_group(mut self, group: impl Into<String>) -> Self {
        self.group = Some(group.into());
        self
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetVariables,
    CreateVariables,
    UpdateVariables,
    DeleteVariables,
    GetVariable,
    UpdateVariable,
    DeleteVariable,
    UpdateVariableByApiName,
    GetVariableByApiName
];
