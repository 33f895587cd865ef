//! The organisation's modules: `GET /settings/modules`.
//!
//! ```
//! use zoho_crm_api::modules::GetModules;
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
//! let modules = GetModules {}.send(&client).await?.unwrap_or_default();
//! let leads = modules.modules.iter().find(|m| m.api_name == "Leads").unwrap();
//! assert!(leads.api_supported);
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::Deserialize;
use zoho_runtime::zoho_endpoint;

use crate::{declared, ApiOperation};

/// Lists the organisation's modules; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/settings/modules", scope = "ZohoCRM.settings.modules.READ", response = Option<Modules>)]
pub struct GetModules {}

/// The answer of [`GetModules`].
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
}

impl Module {
    /// Whether it is one of Zoho's system modules, whose API names end in `__s`.
    pub fn is_system(&self) -> bool {
        self.api_name.ends_with("__s")
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![GetModules];
