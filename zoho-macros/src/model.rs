//! The endpoint as the expansion sees it: every part checked on its own, every field given its
//! role. Rules that relate parts to each other are in `validate.rs`.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::{DeriveInput, Fields, Ident, LitStr, Type};

use crate::attr::{self, FieldAttrs, RoleAttr};
use crate::ctxt::Ctxt;
use crate::parse::{Args, MethodArg};
use crate::path::{self, PathTemplate};
use crate::scope::{self, ScopeDecl};

/// The API versions, as written and as `ApiVersion` variants.
pub const VERSIONS: [(&str, &str); 8] = [
    ("v2", "V2"),
    ("v2.1", "V2_1"),
    ("v3", "V3"),
    ("v4", "V4"),
    ("v5", "V5"),
    ("v6", "V6"),
    ("v7", "V7"),
    ("v8", "V8"),
];

/// Where a field goes in the request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// A `<placeholder>` of the path.
    Path,
    /// A query parameter of this name.
    Query(String),
    /// A request header of this name.
    Header(String),
    /// A key of the single record `data[0]`.
    Record(String),
    /// The `data` array.
    Records,
    /// A key beside `data`.
    Envelope(String),
    /// A list beside `data` that Zoho answers item by item.
    Targets(String),
    /// Not known, because the path could not be read.
    Unknown,
}

impl Role {
    /// Whether the field is written into the JSON body.
    pub fn is_body(&self) -> bool {
        matches!(
            self,
            Role::Record(_) | Role::Records | Role::Envelope(_) | Role::Targets(_)
        )
    }
}

/// A field of the struct with its role.
pub struct Field<'a> {
    /// The field's name.
    pub ident: &'a Ident,
    /// The field's name as text, without `r#`: what a placeholder or a key names.
    pub name: String,
    /// The field's type.
    pub ty: &'a Type,
    /// The field's `#[zoho(…)]`.
    pub attrs: FieldAttrs,
    /// Where it goes.
    pub role: Role,
    /// The span to blame for its role: the role key, or the field's name.
    pub role_span: Span,
}

impl Field<'_> {
    /// `Some(T)` when the field is declared `Option<T>` (read from the syntax).
    pub fn option_inner(&self) -> Option<&Type> {
        option_inner(self.ty)
    }
}

/// The endpoint declaration. A part that failed its own checks is `None`.
pub struct Model<'a> {
    /// The struct.
    pub input: &'a DeriveInput,
    /// The HTTP method.
    pub method: Option<MethodArg>,
    /// The path.
    pub path: Option<PathTemplate>,
    /// The scopes that parsed.
    pub scopes: Vec<ScopeDecl>,
    /// Whether every scope parsed (and `scope` was given).
    pub scopes_ok: bool,
    /// The `ApiVersion` variant: `V2_1`.
    pub version: Option<(LitStr, &'static str)>,
    /// `X-EXTERNAL`.
    pub external: Option<LitStr>,
    /// The declared response type.
    pub response: Option<Type>,
    /// The API root, `/crm` by default.
    pub root: Option<LitStr>,
    /// `idempotent`, when given.
    pub idempotent: Option<bool>,
    /// `custom_module`, when given.
    pub custom_module: Option<Ident>,
    /// The named fields, in order.
    pub fields: Vec<Field<'a>>,
}

impl Model<'_> {
    /// The API root.
    pub fn root(&self) -> String {
        self.root
            .as_ref()
            .map_or_else(|| "/crm".to_owned(), LitStr::value)
    }
}

/// Builds the model, reporting every part that fails its own checks.
pub fn build<'a>(cx: &Ctxt, input: &'a DeriveInput, args: Args, fields: &'a Fields) -> Model<'a> {
    if !args.scope_written && !args.head_missing {
        cx.error_at(
            Span::call_site(),
            "missing `scope`: name the OAuth scopes the call needs, e.g. \
             `scope = \"ZohoCRM.modules.leads.READ\"` or `scope = [\"…\", \"…\"]`",
        );
    }
    // In the order the user wrote them, so the errors read top to bottom.
    let path = args.path.as_ref().and_then(|lit| path::parse(cx, lit));
    let scope_lits = args.scope.as_ref().map_or(&[][..], |s| &s.scopes[..]);
    let scopes: Vec<ScopeDecl> = scope_lits
        .iter()
        .filter_map(|l| scope::parse(cx, l))
        .collect();
    let scopes_ok = args.scope.is_some() && scopes.len() == scope_lits.len();
    let version = args.version.and_then(|v| check_version(cx, v));
    let external = args.external.filter(|e| check_external(cx, e));
    let root = args.root.filter(|r| check_root(cx, r));
    let fields = build_fields(cx, fields, path.as_ref());
    Model {
        input,
        method: args.method,
        version,
        external,
        root,
        response: args.response,
        idempotent: args.idempotent.map(|(_, value)| value),
        custom_module: args.custom_module,
        path,
        scopes,
        scopes_ok,
        fields,
    }
}

fn build_fields<'a>(cx: &Ctxt, fields: &'a Fields, path: Option<&PathTemplate>) -> Vec<Field<'a>> {
    fields
        .iter()
        .filter_map(|field| {
            let ident = field.ident.as_ref()?;
            let attrs = attr::parse_field_attrs(cx, &field.attrs);
            let role = role_of(ident, &attrs, path);
            let role_span = attr::role_span(&attrs, ident.span());
            Some(Field {
                ident,
                name: ident.unraw().to_string(),
                ty: &field.ty,
                attrs,
                role,
                role_span,
            })
        })
        .collect()
}

/// The explicit role, else a path placeholder's, else a key of the single record. When the
/// path or the field's attribute is malformed, an implicit role is `Unknown`.
fn role_of(ident: &Ident, attrs: &FieldAttrs, path: Option<&PathTemplate>) -> Role {
    let name = ident.unraw().to_string();
    let key = || attrs.rename.as_ref().map_or(name.clone(), LitStr::value);
    match attrs.role.as_ref().map(|(role, _)| role) {
        Some(RoleAttr::Path) => Role::Path,
        Some(RoleAttr::Query(Some(name))) => Role::Query(name.value()),
        Some(RoleAttr::Query(None)) => Role::Query(key()),
        Some(RoleAttr::Header(name)) => Role::Header(name.value()),
        Some(RoleAttr::Records) => Role::Records,
        Some(RoleAttr::Envelope) => Role::Envelope(key()),
        Some(RoleAttr::Targets) => Role::Targets(key()),
        None if attrs.broken => Role::Unknown,
        None => match path {
            Some(path) if path.has_placeholder(&name) => Role::Path,
            Some(_) => Role::Record(key()),
            None => Role::Unknown,
        },
    }
}

fn check_version(cx: &Ctxt, lit: LitStr) -> Option<(LitStr, &'static str)> {
    let text = lit.value();
    if let Some((_, variant)) = VERSIONS.iter().find(|(v, _)| *v == text) {
        return Some((lit, variant));
    }
    let normalized = format!("v{}", text.trim_start_matches(['v', 'V']).replace('_', "."));
    // Only a spelling of a real version is suggested: `v9` is not a typo of `v2`.
    let hint = match VERSIONS.iter().find(|(v, _)| *v == normalized) {
        Some((v, _)) => format!(" (did you mean `\"{v}\"`?)"),
        None => String::new(),
    };
    cx.error_spanned_by(
        &lit,
        format!(
            "unknown API version `{text}`{hint}; expected one of `\"v2\"`, `\"v2.1\"`, `\"v3\"`, \
             `\"v4\"`, `\"v5\"`, `\"v6\"`, `\"v7\"`, `\"v8\"`"
        ),
    );
    None
}

fn check_external(cx: &Ctxt, lit: &LitStr) -> bool {
    let text = lit.value();
    let example = "`external = \"Contacts.External_Contact_ID,Deals.External_Deal_ID\"`";
    if text.trim().is_empty() {
        cx.error_spanned_by(
            lit,
            format!("`external` is empty: name the external id fields, {example}, or remove it"),
        );
        return false;
    }
    let malformed = text.split(',').map(str::trim).find(|item| {
        let mut parts = item.split('.');
        let ok = parts.next().is_some_and(is_api_name) && parts.next().is_some_and(is_api_name);
        !ok || parts.next().is_some()
    });
    if let Some(item) = malformed {
        cx.error_spanned_by(
            lit,
            format!(
                "`{item}` is not a `Module.Field` pair: `external` lists the external id fields \
                 as `Module.Field`, separated by `,`: {example}"
            ),
        );
        return false;
    }
    true
}

fn is_api_name(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

fn check_root(cx: &Ctxt, lit: &LitStr) -> bool {
    let text = lit.value();
    let Some(problem) = root_problem(&text) else {
        return true;
    };
    cx.error_spanned_by(lit, format!("bad `root` `{text}`: {problem}"));
    false
}

fn root_problem(text: &str) -> Option<String> {
    if text == "/" {
        return Some(
            "the default root is `\"/crm\"`: remove `root`, or name another, e.g. `\"/crm/bulk\"`"
                .to_owned(),
        );
    }
    if !text.starts_with('/') {
        return Some(format!("it must begin with `/`: write `\"/{text}\"`"));
    }
    if text.len() > 1 && text.ends_with('/') {
        let trimmed = text.trim_end_matches('/');
        return Some(format!("it must not end with `/`: write `\"{trimmed}\"`"));
    }
    if text.split('/').skip(1).any(str::is_empty) {
        return Some("it has an empty segment: write e.g. `\"/crm/bulk\"`".to_owned());
    }
    if text.contains(['?', '#', '<', '>']) || text.chars().any(char::is_whitespace) {
        return Some("it may hold only plain path segments, e.g. `\"/crm/bulk\"`".to_owned());
    }
    let (parent, last) = text.rsplit_once('/')?;
    VERSIONS.iter().any(|(v, _)| *v == last).then(|| {
        format!(
            "the version follows the root: write `root = \"{parent}\"` and `version = \"{last}\"`"
        )
    })
}

/// `Some(T)` for a type written `Option<T>` (or `std::option::Option<T>`, …).
pub fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(syn::GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}
