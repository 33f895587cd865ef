//! The duplicate check preference of Leads: which records a new lead is compared with to find it
//! a duplicate (`settings/duplicate_check_preference?module=Leads`). With
//! `mapped_module_records`, a new lead whose mapped field matches a contact's is refused as
//! `DUPLICATE_DATA`.
//!
//! ```
//! use zoho_crm_api::duplicate_check_preference::*;
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
//! let by_email = TypeConfiguration::new("Contacts", vec![FieldMapping::new("Email", "Email")]);
//! let preference = DuplicateCheckPreference::new("mapped_module_records").with_type_configurations(vec![by_email]);
//! CreateDuplicateCheckPreference::new("Leads", preference).send(&client).await?;
//! let read = GetDuplicateCheckPreference::new("Leads").send(&client).await?.unwrap();
//! assert_eq!(read.duplicate_check_preference.unwrap().r#type.as_deref(), Some("mapped_module_records"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::Json;

use crate::setting::{Extra, Ref, SettingsOutcomes};
use crate::{declared, ApiOperation};

/// One unique field of the module mapped to a field of another module.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct FieldMapping {
    /// The field of the module the preference is of: `Email` of Leads.
    #[serde(default)]
    pub current_field: Ref,
    /// The field it is compared with: `Email` of Contacts.
    #[serde(default)]
    pub mapped_field: Ref,
}

impl FieldMapping {
    /// The field `current` compared with the field `mapped`, by API names.
    pub fn new(current: &str, mapped: &str) -> Self {
        FieldMapping {
            current_field: Ref::api_name(current),
            mapped_field: Ref::api_name(mapped),
        }
    }
}

/// The module records are compared with, and by which fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct TypeConfiguration {
    /// The module compared with: `Contacts`.
    #[serde(default)]
    pub mapped_module: Ref,
    /// The fields compared.
    #[serde(default)]
    pub field_mappings: Vec<FieldMapping>,
}

impl TypeConfiguration {
    /// Records compared with those of `module` by these fields.
    pub fn new(module: &str, field_mappings: Vec<FieldMapping>) -> Self {
        TypeConfiguration {
            mapped_module: Ref::api_name(module),
            field_mappings,
        }
    }
}

/// Which records a new lead is compared with to find it a duplicate.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct DuplicateCheckPreference {
    /// `converted_records` (leads, converted ones too) or `mapped_module_records` (records of another module).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// For `mapped_module_records`: the modules and fields compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_configurations: Option<Vec<TypeConfiguration>>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl DuplicateCheckPreference {
    /// A preference of this type.
    pub fn new(r#type: impl Into<String>) -> Self {
        DuplicateCheckPreference {
            r#type: Some(r#type.into()),
            ..Default::default()
        }
    }

    /// With `type` set.
    pub fn with_type(mut self, r#type: impl Into<String>) -> Self {
        self.r#type = Some(r#type.into());
        self
    }

    /// With `type_configurations` set.
    pub fn with_type_configurations(mut self, type_configurations: Vec<TypeConfiguration>) -> Self {
        self.type_configurations = Some(type_configurations);
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// The answer of [`GetDuplicateCheckPreference`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct DuplicateCheckPreferenceAnswer {
    /// The setting.
    #[serde(default)]
    pub duplicate_check_preference: Option<DuplicateCheckPreference>,
}

/// Reads the module's preference; `None` when it has none.
#[zoho_endpoint(GET "/settings/duplicate_check_preference", scope = "ZohoCRM.settings.duplicate_check_preference.READ", response = Option<DuplicateCheckPreferenceAnswer>)]
#[derive(Debug, Clone)]
pub struct GetDuplicateCheckPreference {
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
}

impl GetDuplicateCheckPreference {
    /// The call, with its options left out.
    pub fn new(module: impl Into<String>) -> Self {
        GetDuplicateCheckPreference {
            module: module.into(),
        }
    }
}

/// Enables the preference.
#[zoho_endpoint(POST "/settings/duplicate_check_preference", scope = "ZohoCRM.settings.duplicate_check_preference.CREATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct CreateDuplicateCheckPreference {
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
    /// The preference.
    #[zoho(envelope)]
    pub duplicate_check_preference: DuplicateCheckPreference,
}

impl CreateDuplicateCheckPreference {
    /// Enables this preference for `module`.
    pub fn new(
        module: impl Into<String>,
        duplicate_check_preference: DuplicateCheckPreference,
    ) -> Self {
        CreateDuplicateCheckPreference {
            module: module.into(),
            duplicate_check_preference,
        }
    }
}

/// Changes the preference.
#[zoho_endpoint(PUT "/settings/duplicate_check_preference", scope = "ZohoCRM.settings.duplicate_check_preference.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateDuplicateCheckPreference {
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
    /// What changes.
    #[zoho(envelope)]
    pub duplicate_check_preference: DuplicateCheckPreference,
}

impl UpdateDuplicateCheckPreference {
    /// Changes `module`'s preference.
    pub fn new(
        module: impl Into<String>,
        duplicate_check_preference: DuplicateCheckPreference,
    ) -> Self {
        UpdateDuplicateCheckPreference {
            module: module.into(),
            duplicate_check_preference,
        }
    }
}

/// Disables the preference.
#[zoho_endpoint(DELETE "/settings/duplicate_check_preference", scope = "ZohoCRM.settings.duplicate_check_preference.DELETE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct DeleteDuplicateCheckPreference {
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
}

impl DeleteDuplicateCheckPreference {
    /// The call, with its options left out.
    pub fn new(module: impl Into<String>) -> Self {
        DeleteDuplicateCheckPreference {
            module: module.into(),
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetDuplicateCheckPreference,
    CreateDuplicateCheckPreference,
    UpdateDuplicateCheckPreference,
    DeleteDuplicateCheckPreference
];
