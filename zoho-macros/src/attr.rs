//! The field attribute `#[zoho(…)]`: a field's role and its name on the wire.
//!
//! `#[zoho(path)]`, `#[zoho(query)]`, `#[zoho(query = "per_page")]`,
//! `#[zoho(header = "If-Modified-Since")]`, `#[zoho(records)]`, `#[zoho(envelope)]`,
//! `#[zoho(targets)]`, `#[zoho(file)]`, `#[zoho(form)]`, `#[zoho(rename = "No_of_Employees")]`,
//! and the paging roles `#[zoho(page)]`, `#[zoho(per_page)]`, `#[zoho(page_token)]`,
//! `#[zoho(coql)]` (see `paging`).

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, Ident, LitStr, Token};

use crate::ctxt::{Ctxt, Keys};
use crate::paging::PagingKey;
use crate::suggest::{did_you_mean, listed};

/// The keys `#[zoho(…)]` takes.
pub const FIELD_KEYS: [&str; 13] = [
    "path",
    "query",
    "header",
    "records",
    "envelope",
    "targets",
    "file",
    "form",
    "rename",
    "page",
    "per_page",
    "page_token",
    "coql",
];

/// A role given explicitly.
#[derive(Clone)]
pub enum RoleAttr {
    /// `path`
    Path,
    /// `query` or `query = "name"`
    Query(Option<LitStr>),
    /// `header = "Name"`
    Header(LitStr),
    /// `records`
    Records,
    /// `envelope`
    Envelope,
    /// `targets`
    Targets,
    /// `file`: a file part of a `multipart/form-data` body.
    File,
    /// `form`: a text field of a `multipart/form-data` body.
    Form,
    /// `page`, `per_page`, `page_token` or `coql`
    Paging(PagingKey),
}

/// What a field's `#[zoho(…)]` attributes say.
#[derive(Clone, Default)]
pub struct FieldAttrs {
    /// The role and the token that gave it.
    pub role: Option<(RoleAttr, Ident)>,
    /// `rename = "…"`.
    pub rename: Option<LitStr>,
    /// Whether some key was malformed: the field's role is then not guessed, so that no
    /// second error follows from a guess.
    pub broken: bool,
}

/// Whether an attribute is one of ours.
pub fn is_zoho(attr: &Attribute) -> bool {
    attr.path().is_ident("zoho")
}

/// Reads every `#[zoho(…)]` of a field, reporting each malformed key.
pub fn parse_field_attrs(cx: &Ctxt, attrs: &[Attribute]) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    let mut seen = Keys::new("`#[zoho(…)]`");
    for attr in attrs.iter().filter(|a| is_zoho(a)) {
        if let syn::Meta::Path(_) | syn::Meta::NameValue(_) = attr.meta {
            cx.error_spanned_by(
                attr,
                "write the field's role in parentheses, e.g. `#[zoho(query)]` or \
                 `#[zoho(rename = \"No_of_Employees\")]`",
            );
            continue;
        }
        let result = attr.parse_nested_meta(|meta| {
            if let Err(error) = parse_key(cx, &meta, &mut out, &mut seen) {
                cx.push(error);
                out.broken = true;
                skip_value(&meta);
            }
            Ok(())
        });
        if let Err(error) = result {
            cx.push(error);
            out.broken = true;
        }
    }
    out
}

fn parse_key(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    out: &mut FieldAttrs,
    seen: &mut Keys,
) -> syn::Result<()> {
    let Some(key) = meta.path.get_ident().cloned() else {
        return Err(meta.error(unknown_key(&path_text(&meta.path))));
    };
    let name = key.to_string();
    if !seen.first(cx, &key) {
        skip_value(meta);
        out.broken = true;
        return Ok(());
    }
    let role = match name.as_str() {
        // #[zoho(path)]
        "path" => flag(meta, &key, RoleAttr::Path)?,
        // #[zoho(query)] | #[zoho(query = "per_page")]
        "query" => RoleAttr::Query(optional_name(meta, &key)?),
        // #[zoho(header = "If-Modified-Since")]
        "header" => RoleAttr::Header(required_name(meta, &key, "\"If-Modified-Since\"")?),
        // #[zoho(records)]
        "records" => flag(meta, &key, RoleAttr::Records)?,
        // #[zoho(envelope)]
        "envelope" => flag(meta, &key, RoleAttr::Envelope)?,
        // #[zoho(targets)]
        "targets" => flag(meta, &key, RoleAttr::Targets)?,
        // #[zoho(file)]
        "file" => flag(meta, &key, RoleAttr::File)?,
        // #[zoho(form)]
        "form" => flag(meta, &key, RoleAttr::Form)?,
        // #[zoho(page)]
        "page" => flag(meta, &key, RoleAttr::Paging(PagingKey::Page))?,
        // #[zoho(per_page)]
        "per_page" => flag(meta, &key, RoleAttr::Paging(PagingKey::PerPage))?,
        // #[zoho(page_token)]
        "page_token" => flag(meta, &key, RoleAttr::Paging(PagingKey::PageToken))?,
        // #[zoho(coql)]
        "coql" => flag(meta, &key, RoleAttr::Paging(PagingKey::Coql))?,
        // #[zoho(rename = "No_of_Employees")]
        "rename" => {
            out.rename = Some(required_name(meta, &key, "\"No_of_Employees\"")?);
            return Ok(());
        }
        _ => return Err(syn::Error::new_spanned(&key, unknown_key(&name))),
    };
    set_role(cx, out, role, key);
    Ok(())
}

fn set_role(cx: &Ctxt, out: &mut FieldAttrs, role: RoleAttr, key: Ident) {
    if let Some((_, first)) = &out.role {
        cx.error_spanned_by(
            &key,
            format!(
                "a field has one role, and this one is already `{first}`: remove `{key}` or \
                 `{first}`"
            ),
        );
        return;
    }
    out.role = Some((role, key));
}

fn unknown_key(name: &str) -> String {
    format!(
        "unknown key `{name}` in `#[zoho(…)]`{}; expected one of {}",
        did_you_mean(name, FIELD_KEYS),
        listed(FIELD_KEYS)
    )
}

fn path_text(path: &syn::Path) -> String {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    segments.join("::")
}

fn flag(meta: &ParseNestedMeta, key: &Ident, role: RoleAttr) -> syn::Result<RoleAttr> {
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        skip_value(meta);
        let hint = if key == "envelope" || key == "targets" || key == "file" || key == "form" {
            format!("; to name its JSON key, write `#[zoho({key}, rename = \"…\")]`")
        } else {
            String::new()
        };
        return Err(syn::Error::new_spanned(
            key,
            format!("`{key}` takes no value: write `#[zoho({key})]`{hint}"),
        ));
    }
    Ok(role)
}

fn optional_name(meta: &ParseNestedMeta, key: &Ident) -> syn::Result<Option<LitStr>> {
    if meta.input.peek(Token![=]) {
        return required_name(meta, key, "\"per_page\"").map(Some);
    }
    Ok(None)
}

fn required_name(meta: &ParseNestedMeta, key: &Ident, example: &str) -> syn::Result<LitStr> {
    if !meta.input.peek(Token![=]) {
        return Err(syn::Error::new_spanned(
            key,
            format!("`{key}` needs a name: write `#[zoho({key} = {example})]`"),
        ));
    }
    let value = meta.value()?;
    let expr: syn::Expr = value.parse()?;
    let syn::Expr::Lit(syn::ExprLit {
        lit: syn::Lit::Str(lit),
        ..
    }) = expr
    else {
        return Err(syn::Error::new(
            expr.span(),
            format!("`{key}` takes a string literal: write `#[zoho({key} = {example})]`"),
        ));
    };
    if lit.value().trim().is_empty() {
        return Err(syn::Error::new_spanned(
            &lit,
            format!("`{key}` is empty: give the name, e.g. `#[zoho({key} = {example})]`"),
        ));
    }
    Ok(lit)
}

/// Consumes `= value` or `(…)` after a key that is being rejected, so the next key is read.
fn skip_value(meta: &ParseNestedMeta) {
    if meta.input.peek(Token![=]) {
        let _ = meta.input.parse::<Token![=]>();
        let _ = meta.input.parse::<syn::Expr>();
    } else if meta.input.peek(syn::token::Paren) {
        let _ = meta.input.parse::<proc_macro2::Group>();
    }
}

/// The span to blame for a field's role: the role key, or the field when it has none.
pub fn role_span(attrs: &FieldAttrs, field_span: Span) -> Span {
    attrs
        .role
        .as_ref()
        .map_or(field_span, |(_, key)| key.span())
}
