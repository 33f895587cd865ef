//! The snapshot's files: one JSON file per module, `Leads.json`, fields sorted by API name and
//! keys in a fixed order, so that a pull's diff reads as what changed in the organisation.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use zoho_crm_api::fields::Field;
use zoho_crm_api::modules::Module;

use crate::Error;

/// One module's file. `#[zoho_record]` reads the same keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModuleSchema {
    /// The module's API name: `Leads`, `Services__s` for a system module.
    pub module: String,
    /// Its name in the singular, which generated record types are named after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub singular_label: Option<String>,
    /// `default` for Zoho's modules, `custom` for the organisation's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_type: Option<String>,
    /// Its fields, sorted by API name.
    pub fields: Vec<FieldSchema>,
}

/// One field: what the record checks and the generated types need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldSchema {
    /// `Last_Name`.
    pub api_name: String,
    /// Zoho's data type: `text`, `picklist`, `lookup`, ….
    pub data_type: String,
    /// The JSON type of its values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json_type: Option<String>,
    /// The longest value it takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<u64>,
    /// Set by Zoho only.
    #[serde(default)]
    pub read_only: bool,
    /// Read-only by the organisation's field permissions.
    #[serde(default)]
    pub field_read_only: bool,
    /// Required in every insert (`system_mandatory`).
    #[serde(default)]
    pub mandatory: bool,
    /// Added by the organisation.
    #[serde(default)]
    pub custom_field: bool,
    /// A picklist's or multi-select's actual values, in Zoho's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pick_list_values: Vec<String>,
    /// The module a lookup points to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lookup_module: Option<String>,
    /// The data type a formula computes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula_return_type: Option<String>,
    /// A subform's module.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subform_module: Option<String>,
}

impl FieldSchema {
    /// The snapshot of one field of `settings/fields`.
    pub fn from_api(f: &Field) -> Self {
        FieldSchema {
            api_name: f.api_name.clone(),
            data_type: f.data_type.clone(),
            json_type: f.json_type.clone(),
            length: f.length,
            read_only: f.read_only,
            field_read_only: f.field_read_only,
            mandatory: f.system_mandatory,
            custom_field: f.custom_field,
            pick_list_values: f
                .pick_list_values
                .iter()
                .map(|v| v.actual_value.clone())
                .collect(),
            lookup_module: f.lookup_module().map(str::to_owned),
            formula_return_type: f.formula.as_ref().and_then(|x| x.return_type.clone()),
            subform_module: f.subform.as_ref().and_then(|x| x.module.clone()),
        }
    }
}

impl ModuleSchema {
    /// The snapshot of a module and its fields, sorted.
    pub fn from_api(module: &Module, fields: &[Field]) -> Self {
        let mut fields: Vec<FieldSchema> = fields.iter().map(FieldSchema::from_api).collect();
        fields.sort_by(|a, b| a.api_name.cmp(&b.api_name));
        ModuleSchema {
            module: module.api_name.clone(),
            singular_label: module.singular_label.clone(),
            generated_type: module.generated_type.clone(),
            fields,
        }
    }

    /// The field with this API name.
    pub fn field(&self, api_name: &str) -> Option<&FieldSchema> {
        self.fields.iter().find(|f| f.api_name == api_name)
    }

    /// The file's text: pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// The module's file in `dir`.
pub fn file(dir: &Path, module: &str) -> PathBuf {
    dir.join(format!("{module}.json"))
}

/// Reads one module's file.
pub fn read(dir: &Path, module: &str) -> Result<ModuleSchema, Error> {
    let path = file(dir, module);
    let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| Error::Json { path, source })
}

/// Every module's file in `dir`, sorted by module name; none when there is no directory.
pub fn read_all(dir: &Path) -> Result<Vec<ModuleSchema>, Error> {
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|n| n.strip_suffix(".json").map(str::to_owned))
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(source) => {
            return Err(Error::Io {
                path: dir.to_owned(),
                source,
            })
        }
    };
    names.sort();
    names.iter().map(|n| read(dir, n)).collect()
}
