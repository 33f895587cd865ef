//! The organisation's wizards: `settings/wizards`, a layout's fields entered screen by
//! screen.
//!
//! ```
//! use zoho_crm_api::wizards::{GetWizard, GetWizards};
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
//! let wizards = GetWizards {}.send(&client).await?.unwrap_or_default();
//! let first = &wizards.wizards[0];
//! let one = GetWizard::of(&first.id).send(&client).await?.unwrap_or_default();
//! assert_eq!(one.wizards[0].name, first.name);
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::Deserialize;
use zoho_runtime::zoho_endpoint;

use crate::fields::ModuleRef;
use crate::{declared, ApiOperation};

/// Lists the wizards; `None` when there are none.
#[zoho_endpoint(GET "/settings/wizards", scope = "ZohoCRM.settings.wizards.READ", response = Option<Wizards>)]
pub struct GetWizards {}

/// Reads one wizard, in one of its layouts.
#[zoho_endpoint(GET "/settings/wizards/<wizard_id>", scope = "ZohoCRM.settings.wizards.READ", response = Option<Wizards>)]
pub struct GetWizard {
    /// The wizard's id.
    pub wizard_id: String,
    /// The layout it is read in.
    #[zoho(query)]
    pub layout_id: Option<String>,
}

impl GetWizard {
    /// The wizard `id`.
    pub fn of(id: impl Into<String>) -> Self {
        GetWizard {
            wizard_id: id.into(),
            layout_id: None,
        }
    }
}

/// The answer of [`GetWizards`] and [`GetWizard`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Wizards {
    /// The wizards.
    #[serde(default)]
    pub wizards: Vec<Wizard>,
}

/// One wizard.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Wizard {
    /// Its id.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Whether it is in use.
    #[serde(default)]
    pub active: bool,
    /// Its module.
    #[serde(default)]
    pub module: Option<ModuleRef>,
    /// Its screens, per layout.
    #[serde(default)]
    pub containers: Vec<Container>,
}

/// A wizard's screens in one layout.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Container {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// The layout.
    #[serde(default)]
    pub layout: Option<LayoutRef>,
    /// The screens, in order.
    #[serde(default)]
    pub screens: Vec<Screen>,
}

/// A layout a wizard names.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct LayoutRef {
    /// Its id.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
}

/// One screen of a wizard.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Screen {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its label.
    #[serde(default)]
    pub display_label: Option<String>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![GetWizards, GetWizard];
