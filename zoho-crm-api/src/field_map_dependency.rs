//! Map dependencies of a layout (`settings/layouts/{layout_id}/map_dependency`): which values
//! of a child picklist each value of a parent picklist allows.
//!
//! ```
//! use zoho_crm_api::field_map_dependency::{CreateMapDependency, GetMapDependencies, NewMapDependency};
//! use zoho_crm_api::layouts::GetLayouts;
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
//! let layouts = GetLayouts::of("Leads").send(&client).await?.unwrap_or_default();
//! let layout = layouts.layouts[0].id.clone();
//! let junk = NewMapDependency::new("Lead_Status", "Rating").map("Junk Lead", ["Shut Down"]);
//! CreateMapDependency::of("Leads", &layout, junk).send(&client).await?;
//! let listed = GetMapDependencies::of("Leads", &layout).send(&client).await?.unwrap_or_default();
//! assert_eq!(listed.map_dependency[0].child_name(), Some("Rating"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;

use crate::{declared, ApiOperation, PageInfo};

/// Creates map dependencies in a layout.
#[zoho_endpoint(POST "/settings/layouts/<layout_id>/map_dependency", scope = "ZohoCRM.settings.map_dependency.CREATE")]
pub struct CreateMapDependency {
    /// The layout's id.
    pub layout_id: String,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// The dependencies.
    #[zoho(targets)]
    pub map_dependency: Vec<NewMapDependency>,
}

impl CreateMapDependency {
    /// Creates `dependency` in the layout `layout_id` of `module`.
    pub fn of(
        module: impl Into<String>,
        layout_id: impl Into<String>,
        dependency: NewMapDependency,
    ) -> Self {
        CreateMapDependency {
            layout_id: layout_id.into(),
            module: module.into(),
            map_dependency: vec![dependency],
        }
    }
}

/// Lists the map dependencies of a layout.
#[zoho_endpoint(GET "/settings/layouts/<layout_id>/map_dependency", scope = "ZohoCRM.settings.map_dependency.READ", response = Option<MapDependencies>)]
pub struct GetMapDependencies {
    /// The layout's id.
    pub layout_id: String,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Dependencies per page.
    #[zoho(query)]
    pub per_page: Option<u32>,
    /// Zoho's filter, as JSON text.
    #[zoho(query)]
    pub filters: Option<String>,
}

impl GetMapDependencies {
    /// The dependencies of the layout `layout_id` of `module`.
    pub fn of(module: impl Into<String>, layout_id: impl Into<String>) -> Self {
        GetMapDependencies {
            layout_id: layout_id.into(),
            module: module.into(),
            page: None,
            per_page: None,
            filters: None,
        }
    }
}

/// Replaces one map dependency's maps.
#[zoho_endpoint(PUT "/settings/layouts/<layout_id>/map_dependency/<dependency_id>", scope = "ZohoCRM.settings.map_dependency.UPDATE")]
pub struct UpdateMapDependency {
    /// The layout's id.
    pub layout_id: String,
    /// The dependency's id.
    pub dependency_id: String,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// The dependency as it is to be.
    #[zoho(targets)]
    pub map_dependency: [NewMapDependency; 1],
}

/// Reads one map dependency.
#[zoho_endpoint(GET "/settings/layouts/<layout_id>/map_dependency/<dependency_id>", scope = "ZohoCRM.settings.map_dependency.READ", response = Option<MapDependencies>)]
pub struct GetMapDependency {
    /// The layout's id.
    pub layout_id: String,
    /// The dependency's id.
    pub dependency_id: String,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
}

/// Deletes one map dependency.
#[zoho_endpoint(DELETE "/settings/layouts/<layout_id>/map_dependency/<dependency_id>", scope = "ZohoCRM.settings.map_dependency.DELETE")]
pub struct DeleteMapDependency {
    /// The layout's id.
    pub layout_id: String,
    /// The dependency's id.
    pub dependency_id: String,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
}

/// A dependency as written: the two picklists and each parent value's allowed child values.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct NewMapDependency {
    /// The parent picklist.
    pub parent: FieldName,
    /// The child picklist.
    pub child: FieldName,
    /// Each parent value with its `maps`.
    pub pick_list_values: Vec<ValueMap>,
}

impl NewMapDependency {
    /// A dependency of the picklist `child` on the picklist `parent`, mapping nothing yet.
    pub fn new(parent: impl Into<String>, child: impl Into<String>) -> Self {
        NewMapDependency {
            parent: FieldName {
                api_name: parent.into(),
            },
            child: FieldName {
                api_name: child.into(),
            },
            pick_list_values: Vec::new(),
        }
    }

    /// Lets the parent value `value` allow only the child values `allowed`.
    pub fn map<S: Into<String>>(
        mut self,
        value: impl Into<String>,
        allowed: impl IntoIterator<Item = S>,
    ) -> Self {
        self.pick_list_values.push(ValueMap {
            actual_value: value.into(),
            maps: allowed
                .into_iter()
                .map(|a| MappedValue {
                    actual_value: a.into(),
                })
                .collect(),
        });
        self
    }
}

/// A picklist named by API name.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct FieldName {
    /// Its API name.
    pub api_name: String,
}

/// A parent value and the child values it allows, as written.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ValueMap {
    /// The parent value.
    pub actual_value: String,
    /// The child values it allows.
    pub maps: Vec<MappedValue>,
}

/// A child value, as written.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MappedValue {
    /// The value.
    pub actual_value: String,
}

/// The answer of [`GetMapDependencies`] and [`GetMapDependency`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MapDependencies {
    /// The dependencies.
    #[serde(default)]
    pub map_dependency: Vec<MapDependency>,
    /// The page, for listings.
    #[serde(default)]
    pub info: Option<PageInfo>,
}

/// A dependency as Zoho shows it.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MapDependency {
    /// Its id.
    pub id: String,
    /// The parent picklist.
    #[serde(default)]
    pub parent: Option<FieldInfo>,
    /// The child picklist.
    #[serde(default)]
    pub child: Option<FieldInfo>,
    /// Each parent value with the child values it allows.
    #[serde(default)]
    pub pick_list_values: Vec<MappedParent>,
    /// Whether it is in force.
    #[serde(default)]
    pub active: bool,
}

impl MapDependency {
    /// The child picklist's API name.
    pub fn child_name(&self) -> Option<&str> {
        self.child.as_ref()?.api_name.as_deref()
    }

    /// The child values `parent_value` allows, when the dependency maps it.
    pub fn allowed(&self, parent_value: &str) -> Option<Vec<&str>> {
        let entry = self
            .pick_list_values
            .iter()
            .find(|v| v.actual_value.as_deref() == Some(parent_value))?;
        Some(
            entry
                .maps
                .iter()
                .filter_map(|m| m.actual_value.as_deref())
                .collect(),
        )
    }
}

/// A field named by a dependency.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct FieldInfo {
    /// Its API name.
    #[serde(default)]
    pub api_name: Option<String>,
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
}

/// A parent value as Zoho shows it, with its maps.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MappedParent {
    /// As shown.
    #[serde(default)]
    pub display_value: Option<String>,
    /// As stored.
    #[serde(default)]
    pub actual_value: Option<String>,
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// The child values it allows.
    #[serde(default)]
    pub maps: Vec<MappedChild>,
}

/// A child value as Zoho shows it.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MappedChild {
    /// As shown.
    #[serde(default)]
    pub display_value: Option<String>,
    /// As stored.
    #[serde(default)]
    pub actual_value: Option<String>,
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    CreateMapDependency,
    GetMapDependencies,
    UpdateMapDependency,
    GetMapDependency,
    DeleteMapDependency,
];
