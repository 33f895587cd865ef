//! A module's layouts: `settings/layouts`, listed and read with their sections and fields,
//! renamed or given new sections, activated, deactivated and deleted.
//!
//! ```
//! use zoho_crm_api::layouts::{ActivateLayout, GetLayouts};
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
//! let standard = &layouts.layouts[0];
//! assert_eq!(standard.status.as_deref(), Some("active"));
//! assert!(standard.sections[0].fields.iter().any(|f| f.api_name == "Last_Name"));
//!
//! let partner = layouts.layouts.iter().find(|l| l.status.as_deref() == Some("inactive")).unwrap();
//! ActivateLayout::of("Leads", &partner.id).send(&client).await?;
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;

use crate::fields::Field;
use crate::{declared, ApiOperation};

/// Lists a module's layouts.
#[zoho_endpoint(GET "/settings/layouts", scope = "ZohoCRM.settings.layouts.READ", response = Option<Layouts>)]
pub struct GetLayouts {
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
}

impl GetLayouts {
    /// The layouts of `module`.
    pub fn of(module: impl Into<String>) -> Self {
        GetLayouts {
            module: module.into(),
        }
    }
}

/// Reads one layout.
#[zoho_endpoint(GET "/settings/layouts/<id>", scope = "ZohoCRM.settings.layouts.READ", response = Option<Layouts>)]
pub struct GetLayout {
    /// The layout's id.
    pub id: String,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
}

impl GetLayout {
    /// The layout `id` of `module`.
    pub fn of(module: impl Into<String>, id: impl Into<String>) -> Self {
        GetLayout {
            id: id.into(),
            module: module.into(),
        }
    }
}

/// Changes layouts of a module, each named by its id in the item.
#[zoho_endpoint(PATCH "/settings/layouts", scope = "ZohoCRM.settings.layouts.UPDATE")]
pub struct UpdateLayouts {
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// The changes.
    #[zoho(targets)]
    pub layouts: Vec<LayoutUpdate>,
}

/// Changes one layout.
#[zoho_endpoint(PATCH "/settings/layouts/<id>", scope = "ZohoCRM.settings.layouts.UPDATE")]
pub struct UpdateLayout {
    /// The layout's id.
    pub id: String,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// The change.
    #[zoho(targets)]
    pub layouts: [LayoutUpdate; 1],
}

/// Deletes a layout the organisation made; its records move to `transfer_to`.
#[zoho_endpoint(DELETE "/settings/layouts/<id>", scope = "ZohoCRM.settings.layouts.DELETE")]
pub struct DeleteLayout {
    /// The layout's id.
    pub id: String,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// The layout its records move to.
    #[zoho(query)]
    pub transfer_to: Option<String>,
}

/// Activates a layout.
#[zoho_endpoint(POST "/settings/layouts/<id>/actions/activate", scope = "ZohoCRM.settings.layouts.UPDATE")]
pub struct ActivateLayout {
    /// The layout's id.
    pub id: String,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
}

impl ActivateLayout {
    /// Activates the layout `id` of `module`.
    pub fn of(module: impl Into<String>, id: impl Into<String>) -> Self {
        ActivateLayout {
            id: id.into(),
            module: module.into(),
        }
    }
}

/// Deactivates a layout; its records move to `transfer_to`.
#[zoho_endpoint(DELETE "/settings/layouts/<id>/actions/activate", scope = "ZohoCRM.settings.layouts.UPDATE")]
pub struct DeactivateLayout {
    /// The layout's id.
    pub id: String,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// The layout its records move to.
    #[zoho(query)]
    pub transfer_to: Option<String>,
}

/// A change of a layout: its name, or all its sections.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct LayoutUpdate {
    /// The layout, by id (in [`UpdateLayouts`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its new name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its new sections, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<SectionUpdate>,
}

impl LayoutUpdate {
    /// A change of the layout whose id is `id`.
    pub fn of(id: impl Into<String>) -> Self {
        LayoutUpdate {
            id: Some(id.into()),
            ..LayoutUpdate::default()
        }
    }

    /// Renames it.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Adds a section of these fields, by API name.
    pub fn with_section<S: Into<String>>(
        mut self,
        label: impl Into<String>,
        fields: impl IntoIterator<Item = S>,
    ) -> Self {
        self.sections.push(SectionUpdate {
            display_label: label.into(),
            fields: fields
                .into_iter()
                .map(|f| FieldName { api_name: f.into() })
                .collect(),
        });
        self
    }
}

/// A section of a layout as a change gives it.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct SectionUpdate {
    /// Its label.
    pub display_label: String,
    /// Its fields.
    pub fields: Vec<FieldName>,
}

/// A field named by API name: `{"api_name": …}`.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct FieldName {
    /// The field's API name.
    pub api_name: String,
}

/// The answer of [`GetLayouts`] and [`GetLayout`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Layouts {
    /// The layouts.
    #[serde(default)]
    pub layouts: Vec<Layout>,
}

/// One layout.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Layout {
    /// Its id.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its name as shown.
    #[serde(default)]
    pub display_label: Option<String>,
    /// `active` or `inactive`.
    #[serde(default)]
    pub status: Option<String>,
    /// Whether it is shown.
    #[serde(default)]
    pub visible: bool,
    /// `default` for Zoho's own, `custom` for the organisation's.
    #[serde(default)]
    pub generated_type: Option<String>,
    /// Its sections, in order.
    #[serde(default)]
    pub sections: Vec<Section>,
}

/// A section of a layout.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Section {
    /// Its label.
    #[serde(default)]
    pub display_label: Option<String>,
    /// Its place in the layout, from 1.
    #[serde(default)]
    pub sequence_number: Option<u32>,
    /// Its fields.
    #[serde(default)]
    pub fields: Vec<Field>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetLayouts,
    UpdateLayouts,
    GetLayout,
    UpdateLayout,
    DeleteLayout,
    ActivateLayout,
    DeactivateLayout,
];
