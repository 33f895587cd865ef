//! A module's related lists: `settings/related_lists`.
//!
//! ```
//! use zoho_crm_api::related_lists::{GetRelatedList, GetRelatedLists};
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
//! let lists = GetRelatedLists::of("Deals").send(&client).await?.unwrap_or_default();
//! let roles = lists.related_lists.iter().find(|r| r.api_name == "Contact_Roles").unwrap();
//! let one = GetRelatedList::of("Deals", &roles.id).send(&client).await?.unwrap_or_default();
//! assert_eq!(one.related_lists[0].module_name(), Some("Contacts"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::Deserialize;
use zoho_runtime::zoho_endpoint;

use crate::fields::ModuleRef;
use crate::{declared, ApiOperation};

/// Lists a module's related lists.
#[zoho_endpoint(GET "/settings/related_lists", scope = "ZohoCRM.settings.related_lists.READ", response = Option<RelatedLists>)]
pub struct GetRelatedLists {
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// Only the lists of this layout.
    #[zoho(query)]
    pub layout_id: Option<String>,
}

impl GetRelatedLists {
    /// The related lists of `module`.
    pub fn of(module: impl Into<String>) -> Self {
        GetRelatedLists {
            module: module.into(),
            layout_id: None,
        }
    }
}

/// Reads one related list.
#[zoho_endpoint(GET "/settings/related_lists/<id>", scope = "ZohoCRM.settings.related_lists.READ", response = Option<RelatedLists>)]
pub struct GetRelatedList {
    /// The list's id.
    pub id: String,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// The layout it is read in.
    #[zoho(query)]
    pub layout_id: Option<String>,
}

impl GetRelatedList {
    /// The related list `id` of `module`.
    pub fn of(module: impl Into<String>, id: impl Into<String>) -> Self {
        GetRelatedList {
            id: id.into(),
            module: module.into(),
            layout_id: None,
        }
    }
}

/// The answer of [`GetRelatedLists`] and [`GetRelatedList`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct RelatedLists {
    /// The lists.
    #[serde(default)]
    pub related_lists: Vec<RelatedList>,
}

/// One related list.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct RelatedList {
    /// Its id.
    pub id: String,
    /// The name its records' path uses: `/Deals/{id}/Contact_Roles`.
    pub api_name: String,
    /// Its label, as shown.
    #[serde(default)]
    pub display_label: Option<String>,
    /// The module of its records.
    #[serde(default)]
    pub module: Option<ModuleRef>,
    /// The path of its records.
    #[serde(default)]
    pub href: Option<String>,
    /// `default`, `custom_lookup`, `multiselectlookup`, ….
    #[serde(default)]
    pub r#type: Option<String>,
    /// Whether it is shown.
    #[serde(default)]
    pub visible: bool,
}

impl RelatedList {
    /// The API name of the module of its records.
    pub fn module_name(&self) -> Option<&str> {
        self.module.as_ref()?.api_name.as_deref()
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![GetRelatedLists, GetRelatedList];
