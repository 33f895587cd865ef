//! The organisation's modules: `settings/modules`, listed, read by API name or id, custom
//! modules created, labels changed.
//!
//! ```
//! use zoho_crm_api::modules::{GetModule, GetModules, NewModule, CreateModules};
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
//! let modules = GetModules::all().send(&client).await?.unwrap_or_default();
//! let leads = modules.modules.iter().find(|m| m.api_name == "Leads").unwrap();
//! assert!(leads.api_supported);
//!
//! let created = CreateModules::of(vec![NewModule::new("Voyage", "Voyages")])
//!     .send(&client)
//!     .await?;
//! assert!(created[0].is_ok());
//! let voyages = GetModule::named("Voyages").send(&client).await?.unwrap_or_default();
//! assert_eq!(voyages.modules[0].generated_type.as_deref(), Some("custom"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;

use crate::{declared, ApiOperation};

/// Lists the organisation's modules; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/settings/modules", scope = "ZohoCRM.settings.modules.READ", response = Option<Modules>)]
#[derive(Default)]
pub struct GetModules {
    /// Only modules of these statuses: `visible`, `user_hidden`, `system_hidden`,
    /// `scheduled_for_deletion`, comma-separated.
    #[zoho(query)]
    pub status: Option<String>,
}

impl GetModules {
    /// Every module.
    pub fn all() -> Self {
        GetModules::default()
    }

    /// Only modules of this status.
    pub fn with_status(mut self, status: impl Into<String>) -> Self {
        self.status = Some(status.into());
        self
    }
}

/// Reads one module by its API name.
#[zoho_endpoint(GET "/settings/modules/<api_name>", scope = "ZohoCRM.settings.modules.READ", response = Option<Modules>)]
pub struct GetModule {
    /// The module's API name: `Leads`.
    pub api_name: String,
}

impl GetModule {
    /// The module `api_name`.
    pub fn named(api_name: impl Into<String>) -> Self {
        GetModule {
            api_name: api_name.into(),
        }
    }
}

/// Reads one module by its id.
#[zoho_endpoint(GET "/settings/modules/<id>", scope = "ZohoCRM.settings.modules.READ", response = Option<Modules>)]
pub struct GetModuleById {
    /// The module's id.
    pub id: String,
}

/// Creates custom modules; one outcome per module, its id in the details.
#[zoho_endpoint(POST "/settings/modules", scope = "ZohoCRM.settings.modules.CREATE")]
pub struct CreateModules {
    /// The modules to create.
    #[zoho(targets)]
    pub modules: Vec<NewModule>,
}

impl CreateModules {
    /// Creates these modules.
    pub fn of(modules: Vec<NewModule>) -> Self {
        CreateModules { modules }
    }
}

/// Changes modules named by id or API name in each item.
#[zoho_endpoint(PUT "/settings/modules", scope = "ZohoCRM.settings.modules.UPDATE")]
pub struct UpdateModules {
    /// The changes, each naming its module.
    #[zoho(targets)]
    pub modules: Vec<ModuleUpdate>,
}

/// Changes the module named by its API name.
#[zoho_endpoint(PUT "/settings/modules/<api_name>", scope = "ZohoCRM.settings.modules.UPDATE")]
pub struct UpdateModule {
    /// The module's API name.
    pub api_name: String,
    /// The change (its `id` and `api_name` may be left out).
    #[zoho(targets)]
    pub modules: [ModuleUpdate; 1],
}

/// Changes the module named by its id.
#[zoho_endpoint(PUT "/settings/modules/<id>", scope = "ZohoCRM.settings.modules.UPDATE")]
pub struct UpdateModuleById {
    /// The module's id.
    pub id: String,
    /// The change.
    #[zoho(targets)]
    pub modules: [ModuleUpdate; 1],
}

/// A custom module to create.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct NewModule {
    /// Its name in the singular: `Voyage`.
    pub singular_label: String,
    /// Its name in the plural: `Voyages`.
    pub plural_label: String,
    /// Its API name; Zoho makes one of the plural label when left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_name: Option<String>,
    /// The profiles that may use it, by id (Zoho requires at least one in real organisations).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<IdOnly>,
}

impl NewModule {
    /// A module of these labels.
    pub fn new(singular: impl Into<String>, plural: impl Into<String>) -> Self {
        NewModule {
            singular_label: singular.into(),
            plural_label: plural.into(),
            api_name: None,
            profiles: Vec::new(),
        }
    }

    /// Gives it this API name.
    pub fn with_api_name(mut self, api_name: impl Into<String>) -> Self {
        self.api_name = Some(api_name.into());
        self
    }

    /// Lets this profile use it.
    pub fn with_profile(mut self, id: impl Into<String>) -> Self {
        self.profiles.push(IdOnly { id: id.into() });
        self
    }
}

/// Something named by its id alone: `{"id": "…"}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct IdOnly {
    /// The id.
    pub id: String,
}

/// A change of a module's labels.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ModuleUpdate {
    /// The module, by id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The module, by API name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_name: Option<String>,
    /// Its new name in the singular.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub singular_label: Option<String>,
    /// Its new name in the plural.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plural_label: Option<String>,
}

impl ModuleUpdate {
    /// A change of the module `api_name`.
    pub fn of(api_name: impl Into<String>) -> Self {
        ModuleUpdate {
            api_name: Some(api_name.into()),
            ..ModuleUpdate::default()
        }
    }

    /// A change of the module whose id is `id`.
    pub fn by_id(id: impl Into<String>) -> Self {
        ModuleUpdate {
            id: Some(id.into()),
            ..ModuleUpdate::default()
        }
    }

    /// Renames it.
    pub fn with_labels(mut self, singular: impl Into<String>, plural: impl Into<String>) -> Self {
        self.singular_label = Some(singular.into());
        self.plural_label = Some(plural.into());
        self
    }
}

/// The answer of [`GetModules`], [`GetModule`] and [`GetModuleById`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Modules {
    /// Every module, in Zoho's order.
    #[serde(default)]
    pub modules: Vec<Module>,
}

/// One module, as `settings/modules` describes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Module {
    /// The name used in paths and in `settings/fields?module=`: `Leads`, `Services__s`.
    pub api_name: String,
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its name in the singular, as shown.
    #[serde(default)]
    pub singular_label: Option<String>,
    /// Its name in the plural, as shown.
    #[serde(default)]
    pub plural_label: Option<String>,
    /// Whether the API serves its records (some modules are shown only in the web client).
    #[serde(default)]
    pub api_supported: bool,
    /// `default` for Zoho's modules, `custom` for the organisation's own.
    #[serde(default)]
    pub generated_type: Option<String>,
    /// `visible`, `user_hidden`, `system_hidden`, `scheduled_for_deletion`.
    #[serde(default)]
    pub status: Option<String>,
    /// Its place in the organisation's list of modules.
    #[serde(default)]
    pub sequence_number: Option<u32>,
    /// Whether records may be created.
    #[serde(default)]
    pub creatable: bool,
    /// Whether records may be changed.
    #[serde(default)]
    pub editable: bool,
    /// Whether records may be deleted.
    #[serde(default)]
    pub deletable: bool,
}

impl Module {
    /// Whether it is one of Zoho's system modules, whose API names end in `__s`.
    pub fn is_system(&self) -> bool {
        self.api_name.ends_with("__s")
    }

    /// Whether the organisation created it.
    pub fn is_custom(&self) -> bool {
        self.generated_type.as_deref() == Some("custom")
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetModules,
    GetModule,
    GetModuleById,
    CreateModules,
    UpdateModules,
    UpdateModule,
    UpdateModuleById,
];
