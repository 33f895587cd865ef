//! A module's custom views: `settings/custom_views`, listed, read, and their sort order
//! changed.
//!
//! ```
//! use zoho_crm_api::custom_views::{ChangeSortOrder, GetCustomView, GetCustomViews};
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
//! let views = GetCustomViews::of("Leads").send(&client).await?.unwrap_or_default();
//! let all = &views.custom_views[0];
//! assert_eq!(all.name.as_deref(), Some("All Leads"));
//!
//! ChangeSortOrder::of("Leads", &all.id, "Last_Name", false).send(&client).await?;
//! let view = GetCustomView::of("Leads", &all.id).send(&client).await?.unwrap_or_default();
//! assert_eq!(view.custom_views[0].sort_order.as_deref(), Some("asc"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;

use crate::{declared, ApiOperation, PageInfo};

/// Lists a module's custom views, a page at a time.
#[zoho_endpoint(GET "/settings/custom_views", scope = "ZohoCRM.settings.custom_views.READ", response = Option<CustomViews>)]
pub struct GetCustomViews {
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Views per page, at most 200.
    #[zoho(query)]
    pub per_page: Option<u32>,
}

impl GetCustomViews {
    /// The first page of the views of `module`.
    pub fn of(module: impl Into<String>) -> Self {
        GetCustomViews {
            module: module.into(),
            page: None,
            per_page: None,
        }
    }

    /// The page `page` of `per_page` views.
    pub fn with_page(mut self, page: u32, per_page: u32) -> Self {
        self.page = Some(page);
        self.per_page = Some(per_page);
        self
    }
}

/// Reads one custom view.
#[zoho_endpoint(GET "/settings/custom_views/<id>", scope = "ZohoCRM.settings.custom_views.READ", response = Option<CustomViews>)]
pub struct GetCustomView {
    /// The view's id.
    pub id: String,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
}

impl GetCustomView {
    /// The view `id` of `module`.
    pub fn of(module: impl Into<String>, id: impl Into<String>) -> Self {
        GetCustomView {
            id: id.into(),
            module: module.into(),
        }
    }
}

/// Changes the sort order of views, each named by its id in the item.
#[zoho_endpoint(PUT "/settings/custom_views/actions/change_sort", scope = "ZohoCRM.settings.custom_views.UPDATE")]
pub struct ChangeSortOrders {
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// The new orders.
    #[zoho(targets)]
    pub custom_views: Vec<SortOrder>,
}

/// Changes the sort order of one view.
#[zoho_endpoint(PUT "/settings/custom_views/<id>/actions/change_sort", scope = "ZohoCRM.settings.custom_views.UPDATE")]
pub struct ChangeSortOrder {
    /// The view's id.
    pub id: String,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// The new order.
    #[zoho(targets)]
    pub custom_views: [SortOrder; 1],
}

impl ChangeSortOrder {
    /// Sorts the view `id` of `module` by `field`, descending or not.
    pub fn of(
        module: impl Into<String>,
        id: impl Into<String>,
        field: impl Into<String>,
        descending: bool,
    ) -> Self {
        ChangeSortOrder {
            id: id.into(),
            module: module.into(),
            custom_views: [SortOrder::by(field, descending)],
        }
    }
}

/// A view's sort order.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct SortOrder {
    /// The view, by id (in [`ChangeSortOrders`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The field it sorts by.
    pub sort_by: FieldRef,
    /// `asc` or `desc`.
    pub sort_order: String,
}

impl SortOrder {
    /// By `field`, descending or not.
    pub fn by(field: impl Into<String>, descending: bool) -> Self {
        SortOrder {
            id: None,
            sort_by: FieldRef {
                api_name: field.into(),
                id: None,
            },
            sort_order: if descending { "desc" } else { "asc" }.into(),
        }
    }

    /// For the view whose id is `id`.
    pub fn of_view(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }
}

/// A field named in a view.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct FieldRef {
    /// Its API name.
    pub api_name: String,
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// The answer of [`GetCustomViews`] and [`GetCustomView`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct CustomViews {
    /// The views.
    #[serde(default)]
    pub custom_views: Vec<CustomView>,
    /// The page, for listings.
    #[serde(default)]
    pub info: Option<PageInfo>,
}

/// One custom view.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct CustomView {
    /// Its id, usable as `cvid`.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its name as shown.
    #[serde(default)]
    pub display_value: Option<String>,
    /// Zoho's name of a view it made: `ALLLEADS`.
    #[serde(default)]
    pub system_name: Option<String>,
    /// Whether it is the module's default view.
    #[serde(default)]
    pub default: bool,
    /// Whether Zoho made it.
    #[serde(default)]
    pub system_defined: bool,
    /// `public_views`, `shared_with_me`, `created_by_me`, ….
    #[serde(default)]
    pub category: Option<String>,
    /// The fields it shows.
    #[serde(default)]
    pub fields: Vec<FieldRef>,
    /// The field it sorts by.
    #[serde(default)]
    pub sort_by: Option<FieldRef>,
    /// `asc` or `desc`.
    #[serde(default)]
    pub sort_order: Option<String>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetCustomViews,
    GetCustomView,
    ChangeSortOrders,
    ChangeSortOrder,
];
