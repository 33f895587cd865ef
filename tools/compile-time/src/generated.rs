//! The `generated` crate: declarations.

use std::fmt::Write as _;

use crate::table::{type_imports, Endpoint, Role};

fn declaration(e: &Endpoint) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "/// {}", e.doc);
    let scopes = match e.scopes.as_slice() {
        [one] => format!("{one:?}"),
        many => format!(
            "[{}]",
            many.iter()
                .map(|s| format!("{s:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let mut args = format!("{} {:?}, scope = {scopes}", e.method, e.path);
    if let Some(v) = e.version {
        let _ = write!(args, ", version = {v:?}");
    }
    if let Some(root) = e.root {
        let _ = write!(args, ", root = {root:?}");
    }
    if let Some(external) = &e.external {
        let _ = write!(args, ",\n                external = {external:?}");
    }
    if let Some(ty) = e.response {
        let _ = write!(args, ", response = {ty}");
    }
    match e.idempotent {
        Some(true) => args.push_str(", idempotent"),
        Some(false) => args.push_str(", idempotent = false"),
        None => {}
    }
    if e.custom_module {
        args.push_str(", custom_module");
    }
    let _ = writeln!(out, "#[zoho_endpoint({args})]");
    if e.fields.is_empty() {
        let _ = writeln!(out, "pub struct {};", e.name);
        return out;
    }
    let _ = writeln!(out, "pub struct {} {{", e.name);
    for f in &e.fields {
        let attr = match &f.role {
            Role::Path | Role::Record(None) => None,
            Role::Query(None) => Some("query".to_owned()),
            Role::Query(Some(name)) => Some(format!("query = {name:?}")),
            Role::Header(name) => Some(format!("header = {name:?}")),
            Role::Record(Some(name)) => Some(format!("rename = {name:?}")),
            Role::Records => Some("records".to_owned()),
            Role::Envelope => Some("envelope".to_owned()),
            Role::Targets => Some("targets".to_owned()),
        };
        if let Some(attr) = attr {
            let _ = writeln!(out, "    #[zoho({attr})]");
        }
        let _ = writeln!(out, "    pub {}: {},", f.name, f.ty);
    }
    out.push_str("}\n");
    out
}

pub(crate) fn generated_file(endpoints: &[&Endpoint]) -> String {
    let text: String = endpoints
        .iter()
        .map(|e| declaration(e))
        .collect::<Vec<_>>()
        .join("\n");
    format!("{}\n{text}", type_imports(&text, &["zoho_endpoint"]))
}
