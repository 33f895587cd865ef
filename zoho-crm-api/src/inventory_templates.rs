//! Inventory templates: the templates quotes, sales orders, purchase orders and invoices are
//! printed with (`settings/inventory_templates`), read-only through the API.
//!
//! ```
//! use zoho_crm_api::inventory_templates::GetInventoryTemplates;
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
//! let templates = GetInventoryTemplates::new().with_module("Quotes").send(&client).await?.unwrap();
//! assert_eq!(templates.inventory_templates[0].name.as_deref(), Some("Standard quote"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::PageInfo;

use crate::setting::{Extra, Ref};
use crate::{declared, ApiOperation};

/// One inventory template (of quotes, orders, invoices).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct InventoryTemplate {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The module.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<Ref>,
    /// `favorite`, `created_by_me`, `shared_with_me` or `draft`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Whether it is a favourite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub favorite: Option<bool>,
    /// Whether it can be used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// Its HTML.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Its folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder: Option<Ref>,
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

/// The answer of the reads: `{"inventory_templates": […]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct InventoryTemplates {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub inventory_templates: Vec<InventoryTemplate>,
    /// The page's `info`, for listings Zoho pages.
    #[serde(default)]
    pub info: Option<PageInfo>,
}

/// Lists inventory templates, filtered by module or category.
#[zoho_endpoint(GET "/settings/inventory_templates", scope = "ZohoCRM.templates.inventory.READ", response = Option<InventoryTemplates>)]
#[derive(Debug, Clone, Default)]
pub struct GetInventoryTemplates {
    /// Only this module's.
    #[zoho(query)]
    pub module: Option<String>,
    /// Only this category's.
    #[zoho(query)]
    pub category: Option<String>,
    /// The key to sort by.
    #[zoho(query)]
    pub sort_by: Option<String>,
    /// `asc` or `desc`.
    #[zoho(query)]
    pub sort_order: Option<String>,
    /// Zoho's filters, as JSON text.
    #[zoho(query)]
    pub filters: Option<String>,
}

impl GetInventoryTemplates {
    /// The call, with its options left out.
    pub fn new() -> Self {
        GetInventoryTemplates {
            module: None,
            category: None,
            sort_by: None,
            sort_order: None,
            filters: None,
        }
    }

    /// With `module` given.
    pub fn with_module(mut self, module: impl Into<String>) -> Self {
        self.module = Some(module.into());
        self
    }

    /// With `category` given.
    pub fn with_category(mut self, category: impl Into<String>) -> Self {
        self.category = Some(category.into());
        self
    }

    /// With `sort_by` given.
    pub fn with_sort_by(mut self, sort_by: impl Into<String>) -> Self {
        self.sort_by = Some(sort_by.into());
        self
    }

    /// With `sort_order` given.
    pub fn with_sort_order(mut self, sort_order: impl Into<String>) -> Self {
        self.sort_order = Some(sort_order.into());
        self
    }

    /// With `filters` given.
    pub fn with_filters(mut self, filters: impl Into<String>) -> Self {
        self.filters = Some(filters.into());
        self
    }
}

/// Reads one inventory template.
#[zoho_endpoint(GET "/settings/inventory_templates/<template>", scope = "ZohoCRM.templates.inventory.READ", response = Option<InventoryTemplates>)]
#[derive(Debug, Clone)]
pub struct GetInventoryTemplate {
    /// The template, by id.
    pub template: String,
}

impl GetInventoryTemplate {
    /// The call, with its options left out.
    pub fn new(template: impl Into<String>) -> Self {
        GetInventoryTemplate {
            template: template.into(),
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] =
    declared![GetInventoryTemplates, GetInventoryTemplate];
