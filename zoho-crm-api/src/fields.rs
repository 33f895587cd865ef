//! A module's fields: `settings/fields`, listed, read one by one, created, changed (their
//! labels, lengths and picklist values) and deleted.
//!
//! ```
//! use zoho_crm_api::fields::{CreateFields, GetFields, NewField};
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
//! let fields = GetFields::of("Leads").send(&client).await?.unwrap_or_default();
//! let status = fields.get("Lead_Status").unwrap();
//! assert_eq!(status.data_type, "picklist");
//! assert!(status.pick_list_values.iter().any(|v| v.actual_value == "Contacted"));
//!
//! let created = CreateFields::of("Leads", vec![NewField::new("Ranking", "integer")])
//!     .send(&client)
//!     .await?;
//! assert!(created.all_succeeded());
//! let fields = GetFields::of("Leads").send(&client).await?.unwrap_or_default();
//! assert!(fields.get("Ranking").is_some_and(|f| f.custom_field));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;

use crate::{declared, ApiOperation};

/// Lists a module's fields; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/settings/fields", scope = "ZohoCRM.settings.fields.READ", response = Option<Fields>)]
pub struct GetFields {
    /// The module's API name: `Leads`.
    #[zoho(query)]
    pub module: String,
    /// `all` (the default) or `unused`: fields in no layout.
    #[zoho(query = "type")]
    pub kind: Option<String>,
}

impl GetFields {
    /// The fields of `module`.
    pub fn of(module: impl Into<String>) -> Self {
        GetFields {
            module: module.into(),
            kind: None,
        }
    }

    /// Only the fields in no layout.
    pub fn unused(mut self) -> Self {
        self.kind = Some("unused".into());
        self
    }
}

/// Reads one field of a module by its id (or API name).
#[zoho_endpoint(GET "/settings/fields/<field>", scope = "ZohoCRM.settings.fields.READ", response = Option<Fields>)]
pub struct GetField {
    /// The field's id.
    pub field: String,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
}

impl GetField {
    /// The field `field` of `module`.
    pub fn of(module: impl Into<String>, field: impl Into<String>) -> Self {
        GetField {
            field: field.into(),
            module: module.into(),
        }
    }
}

/// Creates custom fields in a module; one outcome per field, its id in the details.
#[zoho_endpoint(POST "/settings/fields", scope = "ZohoCRM.settings.fields.CREATE")]
pub struct CreateFields {
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// The fields to create.
    #[zoho(targets)]
    pub fields: Vec<NewField>,
}

impl CreateFields {
    /// Creates `fields` in `module`.
    pub fn of(module: impl Into<String>, fields: Vec<NewField>) -> Self {
        CreateFields {
            module: module.into(),
            fields,
        }
    }
}

/// Changes fields of a module, each named by its id in the item.
#[zoho_endpoint(PATCH "/settings/fields", scope = "ZohoCRM.settings.fields.UPDATE")]
pub struct UpdateFields {
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// The changes.
    #[zoho(targets)]
    pub fields: Vec<FieldUpdate>,
}

/// Changes one field, named by its id in the path.
#[zoho_endpoint(PATCH "/settings/fields/<field>", scope = "ZohoCRM.settings.fields.UPDATE")]
pub struct UpdateField {
    /// The field's id.
    pub field: String,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// The change (its `id` may be left out).
    #[zoho(targets)]
    pub fields: [FieldUpdate; 1],
}

impl UpdateField {
    /// Applies `change` to the field `field` of `module`.
    pub fn of(module: impl Into<String>, field: impl Into<String>, change: FieldUpdate) -> Self {
        UpdateField {
            field: field.into(),
            module: module.into(),
            fields: [change],
        }
    }
}

/// Deletes a custom field, with its values in every record.
#[zoho_endpoint(DELETE "/settings/fields/<field>", scope = "ZohoCRM.settings.fields.DELETE")]
pub struct DeleteField {
    /// The field's id.
    pub field: String,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
}

impl DeleteField {
    /// Deletes the field `field` of `module`.
    pub fn of(module: impl Into<String>, field: impl Into<String>) -> Self {
        DeleteField {
            field: field.into(),
            module: module.into(),
        }
    }
}

/// A custom field to create.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct NewField {
    /// Its label; Zoho makes its API name of it.
    pub field_label: String,
    /// Zoho's data type: `text`, `integer`, `picklist`, `lookup`, ….
    pub data_type: String,
    /// The longest value it takes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length: Option<u64>,
    /// A picklist's values.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pick_list_values: Vec<PicklistChange>,
    /// The global picklist whose values it offers, `{"id": …}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_picklist: Option<crate::modules::IdOnly>,
    /// A lookup's target module.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lookup: Option<NewLookup>,
}

impl NewField {
    /// A field of this label and data type.
    pub fn new(label: impl Into<String>, data_type: impl Into<String>) -> Self {
        NewField {
            field_label: label.into(),
            data_type: data_type.into(),
            length: None,
            pick_list_values: Vec::new(),
            global_picklist: None,
            lookup: None,
        }
    }

    /// A picklist offering `values`.
    pub fn picklist<S: Into<String>>(
        label: impl Into<String>,
        values: impl IntoIterator<Item = S>,
    ) -> Self {
        let mut field = NewField::new(label, "picklist");
        field.pick_list_values = values.into_iter().map(PicklistChange::add).collect();
        field
    }

    /// A picklist offering the values of the global picklist `id`.
    pub fn global_picklist(label: impl Into<String>, id: impl Into<String>) -> Self {
        let mut field = NewField::new(label, "picklist");
        field.global_picklist = Some(crate::modules::IdOnly { id: id.into() });
        field
    }

    /// A lookup to records of `module`.
    pub fn lookup(label: impl Into<String>, module: impl Into<String>) -> Self {
        let mut field = NewField::new(label, "lookup");
        field.lookup = Some(NewLookup {
            module: LookupModule {
                api_name: module.into(),
            },
        });
        field
    }

    /// Takes values up to `length` long.
    pub fn with_length(mut self, length: u64) -> Self {
        self.length = Some(length);
        self
    }
}

/// A created lookup's target: `{"module": {"api_name": …}}`.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct NewLookup {
    /// The module looked up.
    pub module: LookupModule,
}

/// A module named by API name in a request.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct LookupModule {
    /// Its API name.
    pub api_name: String,
}

/// A change of a field.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct FieldUpdate {
    /// The field, by id (in [`UpdateFields`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its new label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field_label: Option<String>,
    /// Its new length.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length: Option<u64>,
    /// Values added, renamed or removed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pick_list_values: Vec<PicklistChange>,
}

impl FieldUpdate {
    /// A change of the field whose id is `id`.
    pub fn of(id: impl Into<String>) -> Self {
        FieldUpdate {
            id: Some(id.into()),
            ..FieldUpdate::default()
        }
    }

    /// A change of the field a path names.
    pub fn new() -> Self {
        FieldUpdate::default()
    }

    /// Relabels it.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.field_label = Some(label.into());
        self
    }

    /// Adds, renames or removes a picklist value.
    pub fn with_value(mut self, change: PicklistChange) -> Self {
        self.pick_list_values.push(change);
        self
    }
}

/// A picklist value added (no `id`), renamed (`id` and a value) or removed (`id` and
/// `_delete`).
#[derive(Debug, Clone, Default, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct PicklistChange {
    /// The value changed, by id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// As shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_value: Option<String>,
    /// As sent and stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual_value: Option<String>,
    /// `Some(())` sends `"_delete": null`, Zoho's way of removing a value.
    #[serde(rename = "_delete", skip_serializing_if = "Option::is_none")]
    pub delete: Option<()>,
}

impl PicklistChange {
    /// A new value, shown and stored as `value`.
    pub fn add(value: impl Into<String>) -> Self {
        let value = value.into();
        PicklistChange {
            display_value: Some(value.clone()),
            actual_value: Some(value),
            ..PicklistChange::default()
        }
    }

    /// The value whose id is `id`, renamed `value`.
    pub fn rename(id: impl Into<String>, value: impl Into<String>) -> Self {
        PicklistChange {
            id: Some(id.into()),
            ..PicklistChange::add(value)
        }
    }

    /// The value whose id is `id`, removed.
    pub fn remove(id: impl Into<String>) -> Self {
        PicklistChange {
            id: Some(id.into()),
            delete: Some(()),
            ..PicklistChange::default()
        }
    }
}

/// The answer of [`GetFields`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Fields {
    /// Every field of the module.
    #[serde(default)]
    pub fields: Vec<Field>,
}

impl Fields {
    /// The field with this API name.
    pub fn get(&self, api_name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.api_name == api_name)
    }
}

/// One field, as `settings/fields` describes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Field {
    /// The name records use for it: `Last_Name`.
    pub api_name: String,
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its label, as shown.
    #[serde(default)]
    pub field_label: Option<String>,
    /// Zoho's data type: `text`, `picklist`, `lookup`, `formula`, ….
    pub data_type: String,
    /// The JSON type of its values: `string`, `integer`, `double`, `boolean`, `jsonobject`,
    /// `jsonarray`.
    #[serde(default)]
    pub json_type: Option<String>,
    /// The longest value it takes.
    #[serde(default)]
    pub length: Option<u64>,
    /// Set by Zoho only.
    #[serde(default)]
    pub read_only: bool,
    /// Read-only by the organisation's field permissions.
    #[serde(default)]
    pub field_read_only: bool,
    /// Required in every insert.
    #[serde(default)]
    pub system_mandatory: bool,
    /// Added by the organisation rather than by Zoho.
    #[serde(default)]
    pub custom_field: bool,
    /// A picklist's or multi-select's values.
    #[serde(default)]
    pub pick_list_values: Vec<PicklistValue>,
    /// A lookup's target; Zoho answers `{}` for other fields.
    #[serde(default)]
    pub lookup: Option<Lookup>,
    /// A formula's return type; Zoho answers `{}` for other fields.
    #[serde(default)]
    pub formula: Option<Formula>,
    /// A subform field's module.
    #[serde(default)]
    pub subform: Option<Subform>,
    /// The global picklist whose values a picklist offers.
    #[serde(default)]
    pub global_picklist: Option<GlobalPicklistRef>,
}

/// The global picklist a field offers the values of.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct GlobalPicklistRef {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its API name.
    #[serde(default)]
    pub api_name: Option<String>,
}

impl Field {
    /// The module a lookup field points to.
    pub fn lookup_module(&self) -> Option<&str> {
        let module = self.lookup.as_ref()?.module.as_ref()?;
        module.api_name.as_deref()
    }
}

/// One value of a picklist.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct PicklistValue {
    /// As shown.
    #[serde(default)]
    pub display_value: String,
    /// As sent and stored.
    pub actual_value: String,
    /// Its id, which updates name it by.
    #[serde(default)]
    pub id: Option<String>,
    /// Its place in the list, from 1.
    #[serde(default)]
    pub sequence_number: Option<u32>,
}

/// What a lookup field points to.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Lookup {
    /// The module of the records it points to.
    #[serde(default)]
    pub module: Option<ModuleRef>,
}

/// A module named by a field's metadata.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ModuleRef {
    /// Its API name.
    #[serde(default)]
    pub api_name: Option<String>,
}

/// A formula field's metadata.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Formula {
    /// The data type it computes: `double`, `string`, `date`, ….
    #[serde(default)]
    pub return_type: Option<String>,
}

/// A subform field's metadata.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Subform {
    /// The subform's module.
    #[serde(default)]
    pub module: Option<String>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetFields,
    GetField,
    CreateFields,
    UpdateFields,
    UpdateField,
    DeleteField,
];
