//! The arguments of `#[zoho_record(…)]` and `#[zoho_picklist(…)]`, and the field names a record
//! sends.

use proc_macro2::TokenStream;
use syn::{Attribute, Field, LitStr};

use crate::ctxt::Ctxt;
use crate::suggest::did_you_mean;

/// What a record type is used for: which fields it may and must have.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Usage {
    /// Sent in inserts: no read-only field, every mandatory field.
    Insert,
    /// Sent in updates: no read-only field.
    Update,
    /// Only read from Zoho's answers.
    Read,
}

impl Usage {
    /// Whether the type is sent to Zoho.
    pub fn writes(self) -> bool {
        self != Usage::Read
    }
}

/// `#[zoho_record(module = "Leads", usage = "update", typed_dates)]`.
pub struct RecordArgs {
    pub module: Option<LitStr>,
    pub usage: Option<Usage>,
    pub typed_dates: bool,
}

/// `#[zoho_picklist(module = "Leads", field = "Lead_Status")]`.
pub struct PicklistArgs {
    pub module: Option<LitStr>,
    pub field: Option<LitStr>,
}

const RECORD_KEYS: [&str; 3] = ["module", "usage", "typed_dates"];
const USAGES: &str = "`usage = \"insert\"`, `usage = \"update\"` or `usage = \"read\"`";

/// Parses the record attribute's arguments, reporting what is missing or unknown.
pub fn record(cx: &Ctxt, args: TokenStream) -> RecordArgs {
    let mut out = RecordArgs {
        module: None,
        usage: None,
        typed_dates: false,
    };
    let parser = syn::meta::parser(|meta| {
        let key = meta.path.get_ident().map(ToString::to_string);
        match key.as_deref() {
            // module = "Leads"
            Some("module") => out.module = Some(meta.value()?.parse()?),
            // usage = "insert" | "update" | "read"
            Some("usage") => {
                let lit: LitStr = meta.value()?.parse()?;
                out.usage = Some(match lit.value().as_str() {
                    "insert" => Usage::Insert,
                    "update" => Usage::Update,
                    "read" => Usage::Read,
                    _ => {
                        return Err(syn::Error::new_spanned(
                            &lit,
                            format!("unknown usage, write {USAGES}"),
                        ))
                    }
                });
            }
            // typed_dates
            Some("typed_dates") => out.typed_dates = true,
            _ => return Err(meta.error(unknown_key(&meta.path, &RECORD_KEYS))),
        }
        Ok(())
    });
    if let Err(e) = syn::parse::Parser::parse2(parser, args) {
        cx.push(e);
    }
    out
}

/// Parses the picklist attribute's arguments.
pub fn picklist(cx: &Ctxt, args: TokenStream) -> PicklistArgs {
    let mut out = PicklistArgs {
        module: None,
        field: None,
    };
    let parser = syn::meta::parser(|meta| {
        let key = meta.path.get_ident().map(ToString::to_string);
        match key.as_deref() {
            // module = "Leads"
            Some("module") => out.module = Some(meta.value()?.parse()?),
            // field = "Lead_Status"
            Some("field") => out.field = Some(meta.value()?.parse()?),
            _ => return Err(meta.error(unknown_key(&meta.path, &["module", "field"]))),
        }
        Ok(())
    });
    if let Err(e) = syn::parse::Parser::parse2(parser, args) {
        cx.push(e);
    }
    out
}

fn unknown_key(path: &syn::Path, keys: &[&str]) -> String {
    let name = path
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_default();
    format!(
        "unknown key `{name}`{}, expected one of {}",
        did_you_mean(&name, keys.iter().copied()),
        keys.iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// The usage a record type must state.
pub fn usage_message() -> String {
    format!("say what the record type is for: add {USAGES}")
}

/// The name a field is sent under, and the literal that gave it (if any): `#[zoho(rename)]`
/// or `#[serde(rename)]`, else the field's name, as the runtime sends record fields.
pub fn wire_name(cx: &Ctxt, field: &Field) -> (String, Option<LitStr>) {
    let given =
        rename_in(cx, &field.attrs, "zoho").or_else(|| rename_in(cx, &field.attrs, "serde"));
    match given {
        Some(lit) => (lit.value(), Some(lit)),
        None => {
            let ident = field
                .ident
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            (ident.trim_start_matches("r#").to_owned(), None)
        }
    }
}

/// `rename = "…"` inside `#[zoho(…)]` or `#[serde(…)]`; other keys of `#[zoho]` are refused,
/// those of `#[serde]` left to serde.
pub fn rename_in(cx: &Ctxt, attrs: &[Attribute], of: &str) -> Option<LitStr> {
    let mut found = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident(of)) {
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                found = Some(meta.value()?.parse::<LitStr>()?);
            } else if of == "zoho" {
                return Err(
                    meta.error("a record field takes `#[zoho(rename = \"Api_Name\")]` only")
                );
            } else if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            }
            Ok(())
        });
        if let (Err(e), "zoho") = (result, of) {
            cx.push(e);
        }
    }
    found
}
