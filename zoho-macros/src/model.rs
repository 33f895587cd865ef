//! The endpoint in two stages: the `Model`, each part checked on its own (a part that failed
//! is `None`, its error reported), and the `Endpoint`, complete and checked, which is all the
//! expansion sees. Rules that relate parts to each other are in `validate.rs`.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::{DeriveInput, Fields, Ident, LitStr, Type};
use zoho_spec::limits::BatchAxis;
use zoho_spec::modules::{is_api_name, DEFAULT_ROOT};
use zoho_spec::{ApiVersion, Method};

use crate::attr::{self, FieldAttrs, RoleAttr};
use crate::ctxt::Ctxt;
use crate::parse::Args;
use crate::path::{self, PathTemplate};
use crate::scope::{self, ScopeDecl};

/// Where a field goes in the request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// A `<placeholder>` of the path.
    Path,
    /// A query parameter of this name.
    Query(String),
    /// A request header of this name.
    Header(String),
    /// A part of the JSON body.
    Body(Body),
    /// A part of a `multipart/form-data` body.
    Form(Form),
}

/// A part of a `multipart/form-data` body, by its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Form {
    /// A file part.
    File(String),
    /// A text field.
    Text(String),
}

/// Which domain the call goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Domain {
    /// The API domain (the default).
    Api,
    /// The content domain of bulk-write uploads.
    Content,
}

/// Where a field goes in the JSON body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// A key of the single record `data[0]`.
    Record(String),
    /// The `data` array.
    Records,
    /// A key beside `data`.
    Envelope(String),
    /// A list beside `data` that Zoho answers item by item.
    Targets(String),
}

impl Role {
    /// The axis a call is split along when the field is its list.
    pub fn batch_axis(&self) -> Option<BatchAxis> {
        match self {
            Role::Body(Body::Records) => Some(BatchAxis::Records),
            Role::Body(Body::Targets(_)) => Some(BatchAxis::Targets),
            Role::Body(Body::Record(_) | Body::Envelope(_))
            | Role::Path
            | Role::Query(_)
            | Role::Header(_)
            | Role::Form(_) => None,
        }
    }
}

/// A field of the struct with its role: `Option<Role>` in the model (`None` when the path or
/// the field's attribute could not be read), `Role` in the checked endpoint.
pub struct Field<'a, R = Role> {
    /// The field's name.
    pub ident: &'a Ident,
    /// The field's name as text, without `r#`: what a placeholder or a key names.
    pub name: String,
    /// The field's type.
    pub ty: &'a Type,
    /// The field's `#[zoho(…)]`.
    pub attrs: FieldAttrs,
    /// Where it goes.
    pub role: R,
    /// The span to blame for its role: the role key, or the field's name.
    pub role_span: Span,
}

impl<R> Field<'_, R> {
    /// `Some(T)` when the field is declared `Option<T>` (read from the syntax).
    pub fn option_inner(&self) -> Option<&Type> {
        option_inner(self.ty)
    }
}

/// The declaration, each part checked on its own. A part that failed its own checks is `None`.
pub struct Model<'a> {
    /// The struct.
    pub input: &'a DeriveInput,
    /// The HTTP method.
    pub method: Option<Method>,
    /// The path.
    pub path: Option<PathTemplate>,
    /// The scopes that parsed.
    pub scopes: Vec<ScopeDecl>,
    /// Whether every scope parsed (and `scope` was given).
    pub scopes_ok: bool,
    /// `version`, when given.
    pub version: Option<ApiVersion>,
    /// `X-EXTERNAL`.
    pub external: Option<LitStr>,
    /// The declared response type.
    pub response: Option<Type>,
    /// `root`, when given; `/crm` otherwise.
    pub root: Option<LitStr>,
    /// `idempotent`, when given.
    pub idempotent: Option<bool>,
    /// `custom_module`, when given.
    pub custom_module: Option<Ident>,
    /// `unique`, when given: its token and the field names that passed their own check.
    pub unique: Option<(Ident, Vec<LitStr>)>,
    /// `download`, when given.
    pub download: Option<Ident>,
    /// `domain`, when given and known.
    pub domain: Option<Domain>,
    /// `max_upload`, with its key.
    pub max_upload: Option<(Ident, syn::Expr)>,
    /// The named fields, in order.
    pub fields: Vec<Field<'a, Option<Role>>>,
}

/// What a call returns.
pub enum Response<'a> {
    /// The declared `response = Type`.
    Declared(&'a Type),
    /// A `GET`'s JSON answer as it is.
    Json,
    /// The per-record outcomes of a call that changes data.
    Outcomes,
    /// A file, handed over as a stream: `Option<Download>`.
    Download,
}

impl<'a> Response<'a> {
    /// The declared type, else a download's, else what the method answers.
    pub fn of(declared: Option<&'a Type>, method: Method, download: bool) -> Response<'a> {
        match (declared, method) {
            (None, _) if download => Response::Download,
            (Some(ty), _) => Response::Declared(ty),
            (None, Method::Get) => Response::Json,
            (None, Method::Post | Method::Put | Method::Patch | Method::Delete) => {
                Response::Outcomes
            }
        }
    }
}

/// A declaration that passed every check: what the expansion emits, nothing left to doubt.
pub struct Endpoint<'m> {
    /// The struct.
    pub input: &'m DeriveInput,
    /// The HTTP method.
    pub method: Method,
    /// The path.
    pub path: &'m PathTemplate,
    /// The scopes, at least one.
    pub scopes: &'m [ScopeDecl],
    /// `version`, when given; the client's otherwise.
    pub version: Option<ApiVersion>,
    /// `X-EXTERNAL`, when given.
    pub external: Option<&'m LitStr>,
    /// What the call returns.
    pub response: Response<'m>,
    /// `root`, when given; `/crm` otherwise.
    pub root: Option<&'m LitStr>,
    /// Whether the call may be resent: the declared value, else the method's.
    pub idempotent: bool,
    /// The fields that identify a record (`unique`), empty when none is declared.
    pub unique: &'m [LitStr],
    /// The domain the call goes to.
    pub domain: Domain,
    /// Whether the answer is a file.
    pub download: bool,
    /// The largest file part, an expression of type `u64`.
    pub max_upload: Option<&'m syn::Expr>,
    /// The named fields, in order, each with its role.
    pub fields: Vec<Field<'m>>,
}

impl<'a> Model<'a> {
    /// The API root.
    pub fn root(&self) -> String {
        root_text(self.root.as_ref())
    }

    /// The checked endpoint, when every part is there; call it once no error was reported.
    pub fn complete(&self) -> Option<Endpoint<'_>> {
        let method = self.method?;
        if !self.scopes_ok {
            return None;
        }
        let fields = self
            .fields
            .iter()
            .map(|f| {
                Some(Field {
                    ident: f.ident,
                    name: f.name.clone(),
                    ty: f.ty,
                    attrs: f.attrs.clone(),
                    role: f.role.clone()?,
                    role_span: f.role_span,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Endpoint {
            input: self.input,
            method,
            path: self.path.as_ref()?,
            scopes: &self.scopes,
            version: self.version,
            external: self.external.as_ref(),
            response: Response::of(self.response.as_ref(), method, self.download.is_some()),
            root: self.root.as_ref(),
            idempotent: self.idempotent.unwrap_or(method.is_idempotent()),
            unique: self.unique.as_ref().map_or(&[][..], |(_, f)| &f[..]),
            domain: self.domain.unwrap_or(Domain::Api),
            download: self.download.is_some(),
            max_upload: self.max_upload.as_ref().map(|(_, expr)| expr),
            fields,
        })
    }
}

impl Endpoint<'_> {
    /// The API root.
    pub fn root(&self) -> String {
        root_text(self.root)
    }

    /// The field a call is split along, and its axis.
    pub fn batch(&self) -> Option<(&Field<'_>, BatchAxis)> {
        self.fields
            .iter()
            .find_map(|f| f.role.batch_axis().map(|axis| (f, axis)))
    }
}

fn root_text(root: Option<&LitStr>) -> String {
    root.map_or_else(|| DEFAULT_ROOT.to_owned(), LitStr::value)
}

/// Builds the model, reporting every part that fails its own checks. `fields` is `None` when
/// the item has no named fields (the error is already reported).
pub fn build<'a>(
    cx: &Ctxt,
    input: &'a DeriveInput,
    args: Args,
    fields: Option<&'a Fields>,
) -> Model<'a> {
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
    let version = args.version.and_then(|v| check_version(cx, &v));
    let external = args.external.filter(|e| check_external(cx, e));
    let root = args.root.filter(|r| check_root(cx, r));
    let unique = args
        .unique
        .map(|(key, names)| (key, check_unique(cx, names)));
    let domain = args.domain.as_ref().and_then(|d| check_domain(cx, d));
    let fields = fields.map_or_else(Vec::new, |f| build_fields(cx, f, path.as_ref()));
    Model {
        input,
        method: args.method,
        version,
        external,
        root,
        response: args.response,
        idempotent: args.idempotent.map(|(_, value)| value),
        custom_module: args.custom_module,
        unique,
        download: args.download,
        domain,
        max_upload: args.max_upload,
        path,
        scopes,
        scopes_ok,
        fields,
    }
}

fn build_fields<'a>(
    cx: &Ctxt,
    fields: &'a Fields,
    path: Option<&PathTemplate>,
) -> Vec<Field<'a, Option<Role>>> {
    fields
        .iter()
        .filter_map(|field| {
            let ident = field.ident.as_ref()?;
            let attrs = attr::parse_field_attrs(cx, &field.attrs);
            // A marker of a type parameter (the record type of `GetRecords<R>`) is no part of
            // the request, unless the user gave it a role.
            if attrs.role.is_none() && is_phantom(&field.ty) {
                return None;
            }
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

/// Whether the type is `PhantomData<…>` (written with any path to it).
fn is_phantom(ty: &Type) -> bool {
    match ty {
        Type::Path(path) => path
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "PhantomData"),
        _ => false,
    }
}

/// The explicit role, else a path placeholder's, else a key of the single record. When the
/// path or the field's attribute is malformed, an implicit role is not known (`None`).
fn role_of(ident: &Ident, attrs: &FieldAttrs, path: Option<&PathTemplate>) -> Option<Role> {
    let name = ident.unraw().to_string();
    let key = || attrs.rename.as_ref().map_or(name.clone(), LitStr::value);
    Some(match attrs.role.as_ref().map(|(role, _)| role) {
        Some(RoleAttr::Path) => Role::Path,
        Some(RoleAttr::Query(Some(name))) => Role::Query(name.value()),
        Some(RoleAttr::Query(None)) => Role::Query(key()),
        Some(RoleAttr::Header(name)) => Role::Header(name.value()),
        Some(RoleAttr::Records) => Role::Body(Body::Records),
        Some(RoleAttr::Envelope) => Role::Body(Body::Envelope(key())),
        Some(RoleAttr::Targets) => Role::Body(Body::Targets(key())),
        Some(RoleAttr::File) => Role::Form(Form::File(key())),
        Some(RoleAttr::Form) => Role::Form(Form::Text(key())),
        Some(RoleAttr::Paging(paging)) => paging.role(
            attrs
                .rename
                .as_ref()
                .map_or_else(|| paging.wire_name().to_owned(), LitStr::value),
        ),
        None if attrs.broken => return None,
        None if path?.has_placeholder(&name) => Role::Path,
        None => Role::Body(Body::Record(key())),
    })
}

/// `domain = "api"` or `domain = "content"`.
fn check_domain(cx: &Ctxt, lit: &LitStr) -> Option<Domain> {
    match lit.value().as_str() {
        "api" => Some(Domain::Api),
        "content" => Some(Domain::Content),
        other => {
            cx.error_spanned_by(
                lit,
                format!(
                    "unknown domain `{other}`{}; expected `\"api\"` (the default) or \
                     `\"content\"` (the content domain of bulk-write uploads)",
                    crate::suggest::did_you_mean(other, ["api", "content"])
                ),
            );
            None
        }
    }
}

fn check_version(cx: &Ctxt, lit: &LitStr) -> Option<ApiVersion> {
    let text = lit.value();
    if let Some(version) = ApiVersion::parse(&text) {
        return Some(version);
    }
    let hint = match ApiVersion::near(&text) {
        Some(v) => format!(" (did you mean `\"{v}\"`?)"),
        None => String::new(),
    };
    cx.error_spanned_by(
        lit,
        format!(
            "unknown API version `{text}`{hint}; expected one of {}",
            ApiVersion::listed()
        ),
    );
    None
}

/// Each unique field is an API name (letters, digits, `_`), named once; those that are not
/// are reported and left out.
fn check_unique(cx: &Ctxt, names: Vec<LitStr>) -> Vec<LitStr> {
    let mut kept: Vec<LitStr> = Vec::new();
    for lit in names {
        let name = lit.value();
        let api_name = name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !api_name {
            cx.error_spanned_by(
                &lit,
                format!(
                    "`{name}` is not a field's API name: `unique` names fields as Zoho's API \
                     does, letters, digits and `_` (`\"External_Lead_ID\"`)"
                ),
            );
        } else if kept.iter().any(|k| k.value() == name) {
            cx.error_spanned_by(&lit, format!("`{name}` is named twice in `unique`"));
        } else {
            kept.push(lit);
        }
    }
    kept
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
    ApiVersion::parse(last).is_some().then(|| {
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
