//! A module's fields: `GET /settings/fields?module=`.
//!
//! ```
//! use zoho_crm_api::fields::GetFields;
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
//! let fields = GetFields::of("Leads").send(&client).await?.unwrap_or_default();
//! let status = fields.get("Lead_Status").unwrap();
//! assert_eq!(status.data_type, "picklist");
//! assert!(status.pick_list_values.iter().any(|v| v.actual_value == "Contacted"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::Deserialize;
use zoho_runtime::zoho_endpoint;

use crate::{declared, ApiOperation};

/// Lists a module's fields; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/settings/fields", scope = "ZohoCRM.settings.fields.READ", response = Option<Fields>)]
pub struct GetFields {
    /// The module's API name: `Leads`.
    #[zoho(query)]
    pub module: String,
}

impl GetFields {
    /// The fields of `module`.
    pub fn of(module: impl Into<String>) -> Self {
        GetFields {
            module: module.into(),
        }
    }
}

/// The answer of [`GetFields`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Fields {
    /// Every field of the module.
    #[serde(default)]
    pub fields: Vec<Field>,
}

impl Fields {
    /// The field with this API name.
    pub fn get(&self, api_name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.api_name == api_name)
    }
}

/// One field, as `settings/fields` describes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Field {
    /// The name records use for it: `Last_Name`.
    pub api_name: String,
    /// Its label, as shown.
    #[serde(default)]
    pub field_label: Option<String>,
    /// Zoho's data type: `text`, `picklist`, `lookup`, `formula`, ….
    pub data_type: String,
    /// The JSON type of its values: `string`, `integer`, `double`, `boolean`, `jsonobject`,
    /// `jsonarray`.
    #[serde(default)]
    pub json_type: Option<String>,
    /// The longest value it takes.
    #[serde(default)]
    pub length: Option<u64>,
    /// Set by Zoho only.
    #[serde(default)]
    pub read_only: bool,
    /// Read-only by the organisation's field permissions.
    #[serde(default)]
    pub field_read_only: bool,
    /// Required in every insert.
    #[serde(default)]
    pub system_mandatory: bool,
    /// Added by the organisation rather than by Zoho.
    #[serde(default)]
    pub custom_field: bool,
    /// A picklist's or multi-select's values.
    #[serde(default)]
    pub pick_list_values: Vec<PicklistValue>,
    /// A lookup's target; Zoho answers `{}` for other fields.
    #[serde(default)]
    pub lookup: Option<Lookup>,
    /// A formula's return type; Zoho answers `{}` for other fields.
    #[serde(default)]
    pub formula: Option<Formula>,
    /// A subform field's module.
    #[serde(default)]
    pub subform: Option<Subform>,
}

impl Field {
    /// The module a lookup field points to.
    pub fn lookup_module(&self) -> Option<&str> {
        let module = self.lookup.as_ref()?.module.as_ref()?;
        module.api_name.as_deref()
    }
}

/// One value of a picklist.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct PicklistValue {
    /// As shown.
    #[serde(default)]
    pub display_value: String,
    /// As sent and stored.
    pub actual_value: String,
}

/// What a lookup field points to.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Lookup {
    /// The module of the records it points to.
    #[serde(default)]
    pub module: Option<ModuleRef>,
}

/// A module named by a field's metadata.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ModuleRef {
    /// Its API name.
    #[serde(default)]
    pub api_name: Option<String>,
}

/// A formula field's metadata.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Formula {
    /// The data type it computes: `double`, `string`, `date`, ….
    #[serde(default)]
    pub return_type: Option<String>,
}

/// A subform field's metadata.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Subform {
    /// The subform's module.
    #[serde(default)]
    pub module: Option<String>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![GetFields];
