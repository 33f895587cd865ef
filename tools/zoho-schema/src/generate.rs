//! `generate`: Rust record types from the snapshot, one struct per module with `#[zoho_record]`
//! and one enum per picklist with `#[zoho_picklist]`, so the build checks what it writes.

use std::fmt::Write;

use zoho_spec::fields::DataType;

use crate::snapshot::{FieldSchema, ModuleSchema};

/// What the generated types are for, as `#[zoho_record(usage = …)]` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Usage {
    /// For inserts: mandatory fields are not `Option`; read-only fields are left out.
    Insert,
    /// For updates: every field is an `Option`; read-only fields are left out.
    #[default]
    Update,
    /// For reading: every field, each an `Option`.
    Read,
}

impl Usage {
    fn name(self) -> &'static str {
        match self {
            Usage::Insert => "insert",
            Usage::Update => "update",
            Usage::Read => "read",
        }
    }
}

/// The Rust source of the record types of `modules`.
pub fn generate(modules: &[ModuleSchema], usage: Usage) -> String {
    let mut out = String::from(
        "//! Record types written by `zoho-schema generate` from the schema snapshot; edit them\n\
         //! freely: `#[zoho_record]` and `#[zoho_picklist]` check them against the snapshot at\n\
         //! every build.\n",
    );
    for m in modules {
        module(&mut out, m, usage);
    }
    out
}

/// The struct's name: the module's singular label in `PascalCase`, `Lead`.
pub fn struct_name(m: &ModuleSchema) -> String {
    let label = m.singular_label.as_deref().unwrap_or(&m.module);
    pascal(label)
}

fn module(out: &mut String, m: &ModuleSchema, usage: Usage) {
    let name = struct_name(m);
    let fields: Vec<&FieldSchema> = m
        .fields
        .iter()
        .filter(|f| usage == Usage::Read || writable(f))
        .collect();
    let all_optional = match usage {
        Usage::Read => true,
        Usage::Update => false,
        Usage::Insert => fields.iter().all(|f| !required(f, usage)),
    };
    let derives = if all_optional {
        "Debug, Clone, Default, PartialEq"
    } else {
        "Debug, Clone, PartialEq"
    };
    let _ = writeln!(
        out,
        "\n/// A record of `{}`, for {}s.",
        m.module,
        usage.name()
    );
    let _ = writeln!(
        out,
        "#[::zoho_runtime::zoho_record(module = \"{}\", usage = \"{}\")]",
        m.module,
        usage.name()
    );
    let _ = writeln!(out, "#[derive({derives})]\npub struct {name} {{");
    // Every record has an id, which `settings/fields` does not list: updates name the record
    // by it, reads see it, inserts get it from Zoho.
    match usage {
        Usage::Insert => {}
        Usage::Update => out.push_str("    /// The record's id.\n    pub id: ::zoho_runtime::RecordId,\n"),
        Usage::Read => out.push_str("    /// The record's id.\n    pub id: ::core::option::Option<::zoho_runtime::RecordId>,\n"),
    }
    for f in &fields {
        let ty = rust_type(&name, f);
        let ty = if required(f, usage) {
            ty
        } else {
            format!("::core::option::Option<{ty}>")
        };
        let custom = if f.custom_field { ", custom" } else { "" };
        let _ = writeln!(out, "    /// `{}` ({}{custom}).", f.api_name, f.data_type);
        let _ = writeln!(
            out,
            "    #[zoho(rename = \"{}\")]\n    pub {}: {ty},",
            f.api_name,
            field_ident(&f.api_name)
        );
    }
    out.push_str("}\n");
    if usage == Usage::Update {
        constructor(out, &name, &fields);
    }
    for f in fields.iter().filter(|f| f.data_type == "picklist") {
        picklist(out, m, &name, f);
    }
}

/// `Lead::new(id)`: an update that changes nothing until its fields are set.
fn constructor(out: &mut String, name: &str, fields: &[&FieldSchema]) {
    let _ = writeln!(out, "\nimpl {name} {{");
    out.push_str(
        "    /// An update of the record `id` that changes nothing until its fields are set.\n",
    );
    out.push_str(
        "    pub fn new(id: ::zoho_runtime::RecordId) -> Self {\n        Self {\n            id,\n",
    );
    for f in fields {
        let _ = writeln!(
            out,
            "            {}: ::core::option::Option::None,",
            field_ident(&f.api_name)
        );
    }
    out.push_str("        }\n    }\n}\n");
}

fn writable(f: &FieldSchema) -> bool {
    let computed = DataType::from_name(&f.data_type).is_some_and(DataType::computed);
    !(f.read_only || f.field_read_only || computed)
}

fn required(f: &FieldSchema, usage: Usage) -> bool {
    usage == Usage::Insert && f.mandatory
}

fn rust_type(record: &str, f: &FieldSchema) -> String {
    if f.data_type == "picklist" && !f.pick_list_values.is_empty() {
        return enum_name(record, f);
    }
    DataType::from_name(&f.data_type)
        .map_or("::zoho_runtime::Json", |t| {
            t.rust_type(f.formula_return_type.as_deref())
        })
        .to_owned()
}

/// The picklist enum's name: `LeadStatus` for `Lead_Status` of `Lead`, `LeadSalutation` for
/// `Salutation`.
pub fn enum_name(record: &str, f: &FieldSchema) -> String {
    let field = pascal(&f.api_name);
    if field.starts_with(record) {
        field
    } else {
        format!("{record}{field}")
    }
}

fn picklist(out: &mut String, m: &ModuleSchema, record: &str, f: &FieldSchema) {
    let name = enum_name(record, f);
    let _ = writeln!(out, "\n/// The values of `{}.{}`.", m.module, f.api_name);
    let _ = writeln!(
        out,
        "#[::zoho_runtime::zoho_picklist(module = \"{}\", field = \"{}\")]",
        m.module, f.api_name
    );
    let _ = writeln!(
        out,
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum {name} {{"
    );
    let mut seen: Vec<String> = Vec::new();
    for value in &f.pick_list_values {
        let mut ident = variant_ident(value);
        if seen.contains(&ident) {
            ident = format!("{ident}{}", seen.len());
        }
        seen.push(ident.clone());
        let _ = writeln!(
            out,
            "    /// `{value}`.\n    #[zoho(rename = {value:?})]\n    {ident},"
        );
    }
    out.push_str("}\n");
}

/// `Not Contacted` → `NotContacted`, `-None-` → `None`, `ERP` → `Erp`.
fn variant_ident(value: &str) -> String {
    let ident = pascal(value);
    match ident.chars().next() {
        None => "Empty".to_owned(),
        Some(c) if c.is_ascii_digit() => format!("V{ident}"),
        Some(_) => ident,
    }
}

fn pascal(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let upper = w.len() > 1 && w.chars().all(|c| !c.is_ascii_lowercase());
            let mut chars = w.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase()).into_iter();
            let rest: String = if upper {
                chars.as_str().to_ascii_lowercase()
            } else {
                chars.as_str().to_owned()
            };
            first.chain(rest.chars()).collect::<String>()
        })
        .collect()
}

/// `Lead_Status` → `lead_status`; a keyword is written raw (`r#type`).
fn field_ident(api_name: &str) -> String {
    let mut ident: String = api_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert_str(0, "f_");
    }
    const KEYWORDS: &[&str] = &[
        "type", "match", "ref", "mod", "use", "impl", "loop", "move", "where", "static", "const",
        "enum", "struct", "trait", "fn", "in", "as", "if", "else", "for", "while", "let", "mut",
        "pub", "return", "true", "false", "crate", "super", "self", "async", "await", "dyn", "box",
        "yield", "try", "macro", "abstract", "final", "override", "virtual", "unsafe", "extern",
        "priv", "become", "do", "typeof", "unsized", "break", "continue", "gen",
    ];
    if KEYWORDS.contains(&ident.as_str()) {
        ident.insert_str(0, "r#");
    }
    ident
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(variant_ident("Not Contacted"), "NotContacted");
        assert_eq!(variant_ident("-None-"), "None");
        assert_eq!(
            variant_ident("MSP (Management Service Provider)"),
            "MspManagementServiceProvider"
        );
        assert_eq!(variant_ident("Id. Decision Makers"), "IdDecisionMakers");
        assert_eq!(field_ident("Type"), "r#type");
        assert_eq!(pascal("Price Book"), "PriceBook");
    }

    /// A system module's file is named by its API name, its type by its singular label.
    #[test]
    fn a_system_module() {
        let services = ModuleSchema {
            module: "Services__s".into(),
            singular_label: Some("Service".into()),
            generated_type: Some("default".into()),
            fields: Vec::new(),
        };
        assert_eq!(struct_name(&services), "Service");
        let code = generate(&[services], Usage::Read);
        assert!(
            code.contains("zoho_record(module = \"Services__s\", usage = \"read\")"),
            "{code}"
        );
    }
}
