//! What changed between the snapshot on disk and the one just pulled.

use std::fmt;

use crate::snapshot::{FieldSchema, ModuleSchema};

/// The changes of a pull, module by module.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Changes {
    /// Modules new to the snapshot.
    pub modules_added: Vec<String>,
    /// Modules the organisation no longer has.
    pub modules_removed: Vec<String>,
    /// Changes inside modules present before and after.
    pub modules: Vec<ModuleChanges>,
}

/// The changed fields of one module.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ModuleChanges {
    /// The module's API name.
    pub module: String,
    /// Fields new to it.
    pub added: Vec<String>,
    /// Fields gone from it.
    pub removed: Vec<String>,
    /// Fields whose properties changed, each with what changed: `data_type: text -> integer`.
    pub changed: Vec<(String, Vec<String>)>,
}

impl Changes {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.modules_added.is_empty() && self.modules_removed.is_empty() && self.modules.is_empty()
    }
}

/// The changes from `old` to `new` (each sorted by module name).
pub fn diff(old: &[ModuleSchema], new: &[ModuleSchema]) -> Changes {
    let find = |list: &'_ [ModuleSchema], name: &str| list.iter().position(|m| m.module == name);
    let mut changes = Changes::default();
    for m in new {
        match find(old, &m.module) {
            None => changes.modules_added.push(m.module.clone()),
            Some(i) => {
                let module = module_diff(&old[i], m);
                if module
                    != (ModuleChanges {
                        module: m.module.clone(),
                        ..Default::default()
                    })
                {
                    changes.modules.push(module);
                }
            }
        }
    }
    changes.modules_removed = old
        .iter()
        .filter(|m| find(new, &m.module).is_none())
        .map(|m| m.module.clone())
        .collect();
    changes
}

fn module_diff(old: &ModuleSchema, new: &ModuleSchema) -> ModuleChanges {
    let mut out = ModuleChanges {
        module: new.module.clone(),
        ..Default::default()
    };
    for f in &new.fields {
        match old.field(&f.api_name) {
            None => out.added.push(f.api_name.clone()),
            Some(before) if before != f => out
                .changed
                .push((f.api_name.clone(), field_diff(before, f))),
            Some(_) => {}
        }
    }
    out.removed = old
        .fields
        .iter()
        .filter(|f| new.field(&f.api_name).is_none())
        .map(|f| f.api_name.clone())
        .collect();
    out
}

fn field_diff(old: &FieldSchema, new: &FieldSchema) -> Vec<String> {
    let (a, b) = (
        serde_json::to_value(old).unwrap_or_default(),
        serde_json::to_value(new).unwrap_or_default(),
    );
    let keys = [
        "data_type",
        "json_type",
        "length",
        "read_only",
        "field_read_only",
        "mandatory",
        "custom_field",
        "lookup_module",
        "formula_return_type",
        "subform_module",
    ];
    let mut out: Vec<String> = keys
        .iter()
        .filter(|k| a.get(**k) != b.get(**k))
        .map(|k| format!("{k}: {} -> {}", shown(a.get(*k)), shown(b.get(*k))))
        .collect();
    let gained: Vec<&String> = new
        .pick_list_values
        .iter()
        .filter(|v| !old.pick_list_values.contains(v))
        .collect();
    let lost: Vec<&String> = old
        .pick_list_values
        .iter()
        .filter(|v| !new.pick_list_values.contains(v))
        .collect();
    if !gained.is_empty() || !lost.is_empty() {
        out.push(format!("pick_list_values: +{gained:?} -{lost:?}"));
    }
    out
}

fn shown(v: Option<&serde_json::Value>) -> String {
    v.map_or_else(|| "none".to_owned(), ToString::to_string)
}

impl fmt::Display for Changes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return writeln!(f, "no changes");
        }
        for m in &self.modules_added {
            writeln!(f, "+ module {m}")?;
        }
        for m in &self.modules_removed {
            writeln!(f, "- module {m}")?;
        }
        for m in &self.modules {
            for name in &m.added {
                writeln!(f, "+ {}.{name}", m.module)?;
            }
            for name in &m.removed {
                writeln!(f, "- {}.{name}", m.module)?;
            }
            for (name, what) in &m.changed {
                writeln!(f, "~ {}.{name}: {}", m.module, what.join(", "))?;
            }
        }
        Ok(())
    }
}
