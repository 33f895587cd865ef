//! Global picklists (`settings/global_picklists`): picklists kept once and offered by several
//! fields, created, changed, deleted, their values replaced in every record, and the fields and
//! records that use them.
//!
//! ```
//! use zoho_crm_api::fields::{CreateFields, NewField};
//! use zoho_crm_api::global_picklists::{CreateGlobalPicklists, GetAssociations, NewGlobalPicklist};
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
//! let region = NewGlobalPicklist::new("Region", ["East", "West"]);
//! let created = CreateGlobalPicklists::of(vec![region]).send(&client).await?;
//! let id = created[0].as_ref().unwrap().id().unwrap();
//! let field = NewField::global_picklist("Region", id.as_str());
//! CreateFields::of("Leads", vec![field]).send(&client).await?;
//! let used = GetAssociations::of(id.as_str()).send(&client).await?.unwrap_or_default();
//! assert_eq!(used.associations[0].field.api_name, "Region");
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;

use crate::fields::{PicklistChange, PicklistValue};
use crate::{declared, ApiOperation, PageInfo};

/// Lists the global picklists.
#[zoho_endpoint(GET "/settings/global_picklists", scope = "ZohoCRM.settings.global_picklist.READ", response = Option<GlobalPicklists>)]
#[derive(Default)]
pub struct GetGlobalPicklists {
    /// Extra details Zoho leaves out by default: `used_in_modules`, ….
    #[zoho(query)]
    pub include: Option<String>,
    /// Details of what the picklists hold.
    #[zoho(query)]
    pub include_inner_details: Option<String>,
}

/// Creates global picklists; one outcome per picklist, its id in the details.
#[zoho_endpoint(POST "/settings/global_picklists", scope = "ZohoCRM.settings.global_picklist.CREATE")]
pub struct CreateGlobalPicklists {
    /// The picklists.
    #[zoho(targets)]
    pub global_picklists: Vec<NewGlobalPicklist>,
}

impl CreateGlobalPicklists {
    /// Creates these picklists.
    pub fn of(global_picklists: Vec<NewGlobalPicklist>) -> Self {
        CreateGlobalPicklists { global_picklists }
    }
}

/// Changes global picklists, each named by its id in the item.
#[zoho_endpoint(PATCH "/settings/global_picklists", scope = "ZohoCRM.settings.global_picklist.UPDATE")]
pub struct UpdateGlobalPicklists {
    /// The changes.
    #[zoho(targets)]
    pub global_picklists: Vec<GlobalPicklistUpdate>,
}

/// Deletes global picklists no field uses.
#[zoho_endpoint(DELETE "/settings/global_picklists", scope = "ZohoCRM.settings.global_picklist.DELETE")]
pub struct DeleteGlobalPicklists {
    /// The picklists' ids.
    #[zoho(query)]
    pub ids: Vec<String>,
}

/// Reads one global picklist.
#[zoho_endpoint(GET "/settings/global_picklists/<id>", scope = "ZohoCRM.settings.global_picklist.READ", response = Option<GlobalPicklists>)]
pub struct GetGlobalPicklist {
    /// The picklist's id.
    pub id: String,
    /// Extra details.
    #[zoho(query)]
    pub include: Option<String>,
    /// Details of what the picklist holds.
    #[zoho(query)]
    pub include_inner_details: Option<String>,
}

impl GetGlobalPicklist {
    /// The picklist `id`.
    pub fn of(id: impl Into<String>) -> Self {
        GetGlobalPicklist {
            id: id.into(),
            include: None,
            include_inner_details: None,
        }
    }
}

/// Changes one global picklist, and the values of every field that uses it.
#[zoho_endpoint(PATCH "/settings/global_picklists/<id>", scope = "ZohoCRM.settings.global_picklist.UPDATE")]
pub struct UpdateGlobalPicklist {
    /// The picklist's id.
    pub id: String,
    /// The change.
    #[zoho(targets)]
    pub global_picklists: [GlobalPicklistUpdate; 1],
}

/// Deletes one global picklist no field uses.
#[zoho_endpoint(DELETE "/settings/global_picklists/<id>", scope = "ZohoCRM.settings.global_picklist.DELETE")]
pub struct DeleteGlobalPicklist {
    /// The picklist's id.
    pub id: String,
}

/// Replaces values of a global picklist by others of its values, wherever they are used
/// (records, criteria, dependencies); the old values become unused. Zoho answers `SCHEDULED`
/// with a job id.
#[zoho_endpoint(POST "/settings/global_picklists/<id>/actions/replace_picklist_values", scope = "ZohoCRM.settings.global_picklist.CREATE")]
pub struct ReplacePicklistValues {
    /// The picklist's id.
    pub id: String,
    /// Each old value with its replacement.
    #[zoho(targets)]
    pub replace_picklist_values: Vec<Replacement>,
}

/// Lists the values a global picklist's values were replaced by.
#[zoho_endpoint(GET "/settings/global_picklists/<id>/actions/replaced_values", scope = "ZohoCRM.settings.global_picklist.READ", response = Option<ReplacedValues>)]
pub struct GetReplacedValues {
    /// The picklist's id.
    pub id: String,
}

/// Lists the fields that use a global picklist.
#[zoho_endpoint(GET "/settings/global_picklists/<id>/actions/associations", scope = "ZohoCRM.settings.global_picklist.READ", response = Option<Associations>)]
pub struct GetAssociations {
    /// The picklist's id.
    pub id: String,
    /// Details of the fields' layouts.
    #[zoho(query)]
    pub include_inner_details: Option<String>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Fields per page.
    #[zoho(query)]
    pub per_page: Option<u32>,
}

impl GetAssociations {
    /// The fields using the picklist `id`.
    pub fn of(id: impl Into<String>) -> Self {
        GetAssociations {
            id: id.into(),
            include_inner_details: None,
            page: None,
            per_page: None,
        }
    }
}

/// Lists, for one value of a global picklist, what holds it.
#[zoho_endpoint(GET "/settings/global_picklists/<id>/actions/pick_list_values_associations", scope = "ZohoCRM.settings.global_picklist.READ", response = Option<ValueAssociations>)]
pub struct GetValueAssociations {
    /// The picklist's id.
    pub id: String,
    /// The value's id.
    #[zoho(query)]
    pub picklist_value_id: String,
}

/// A global picklist to create.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct NewGlobalPicklist {
    /// Its label; Zoho makes its API name of it.
    pub display_label: String,
    /// Its values.
    pub pick_list_values: Vec<PicklistChange>,
}

impl NewGlobalPicklist {
    /// A picklist of this label offering `values`.
    pub fn new<S: Into<String>>(
        label: impl Into<String>,
        values: impl IntoIterator<Item = S>,
    ) -> Self {
        NewGlobalPicklist {
            display_label: label.into(),
            pick_list_values: values.into_iter().map(PicklistChange::add).collect(),
        }
    }
}

/// A change of a global picklist: its label, or values added, renamed or removed.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct GlobalPicklistUpdate {
    /// The picklist, by id (in [`UpdateGlobalPicklists`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its new label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_label: Option<String>,
    /// Values added, renamed or removed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pick_list_values: Vec<PicklistChange>,
}

impl GlobalPicklistUpdate {
    /// A change of the picklist whose id is `id`.
    pub fn of(id: impl Into<String>) -> Self {
        GlobalPicklistUpdate {
            id: Some(id.into()),
            ..GlobalPicklistUpdate::default()
        }
    }

    /// Adds, renames or removes a value.
    pub fn with_value(mut self, change: PicklistChange) -> Self {
        self.pick_list_values.push(change);
        self
    }
}

/// An old value and the value of the same picklist that replaces it.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Replacement {
    /// The value replaced.
    pub old_value: PicklistChange,
    /// The value that takes its place.
    pub new_value: PicklistChange,
}

impl Replacement {
    /// The value `old` becomes the value `new`.
    pub fn new(old: impl Into<String>, new: impl Into<String>) -> Self {
        Replacement {
            old_value: PicklistChange::add(old),
            new_value: PicklistChange::add(new),
        }
    }

    /// The value whose id is `old` becomes the value whose id is `new`, as Zoho's page writes it.
    pub fn by_ids(old: impl Into<String>, new: impl Into<String>) -> Self {
        let id = |id: String| PicklistChange {
            id: Some(id),
            ..PicklistChange::default()
        };
        Replacement {
            old_value: id(old.into()),
            new_value: id(new.into()),
        }
    }
}

/// The answer of [`GetGlobalPicklists`] and [`GetGlobalPicklist`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct GlobalPicklists {
    /// The picklists.
    #[serde(default)]
    pub global_picklists: Vec<GlobalPicklist>,
}

/// One global picklist.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct GlobalPicklist {
    /// Its id.
    pub id: String,
    /// Its API name.
    #[serde(default)]
    pub api_name: Option<String>,
    /// Its label.
    #[serde(default)]
    pub display_label: Option<String>,
    /// Its values, in order.
    #[serde(default)]
    pub pick_list_values: Vec<PicklistValue>,
}

/// The answer of [`GetReplacedValues`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ReplacedValues {
    /// The values replaced.
    #[serde(default)]
    pub replaced_values: Vec<ReplacedValue>,
}

/// A value that was replaced.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ReplacedValue {
    /// As shown.
    #[serde(default)]
    pub display_value: Option<String>,
    /// As stored.
    #[serde(default)]
    pub actual_value: Option<String>,
}

/// The answer of [`GetAssociations`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Associations {
    /// The fields using the picklist.
    #[serde(default)]
    pub associations: Vec<Association>,
    /// The page.
    #[serde(default)]
    pub info: Option<PageInfo>,
}

/// A field using a global picklist, with its module and layouts.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Association {
    /// The field.
    pub field: Named,
    /// Its module.
    pub module: Named,
    /// The layouts it is in.
    #[serde(default)]
    pub layouts: Vec<NamedLayout>,
}

/// Something named by API name and id.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Named {
    /// Its API name.
    pub api_name: String,
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
}

/// A layout named in an association.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct NamedLayout {
    /// Its id.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// `active` or `inactive`.
    #[serde(default)]
    pub status: Option<String>,
}

/// The answer of [`GetValueAssociations`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ValueAssociations {
    /// What holds the value, by kind.
    #[serde(default)]
    pub pick_list_values_associations: Vec<ValueAssociation>,
}

/// What holds a value, of one kind (`records`, …).
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ValueAssociation {
    /// The kind.
    #[serde(default)]
    pub r#type: Option<String>,
    /// Where: a module with the records holding the value.
    #[serde(default)]
    pub resources: Vec<Resource>,
}

/// A module holding a value, and the records that hold it.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Resource {
    /// Its id.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// The records, as `{"id": …}`.
    #[serde(default)]
    pub details: Vec<crate::Record>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetGlobalPicklists,
    CreateGlobalPicklists,
    UpdateGlobalPicklists,
    DeleteGlobalPicklists,
    GetGlobalPicklist,
    UpdateGlobalPicklist,
    DeleteGlobalPicklist,
    ReplacePicklistValues,
    GetReplacedValues,
    GetAssociations,
    GetValueAssociations,
];
