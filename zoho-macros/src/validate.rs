//! Rules that relate the parts of a declaration to each other: fields and placeholders, body
//! and method, scopes and method, scopes and path. Each rule reports on its own, so one build
//! shows every mistake.

use zoho_spec::modules::{classify, FirstSegment, DEFAULT_ROOT};
use zoho_spec::scope::Scope;
use zoho_spec::shape::{self, Shape};
use zoho_spec::{Method, Operation};

use crate::attr::RoleAttr;
use crate::ctxt::Ctxt;
use crate::model::{Body, Field, Form, Model, Role};
use crate::modules;
use crate::suggest::{did_you_mean, listed};

type DraftField<'a> = Field<'a, Option<Role>>;

/// Runs every rule.
pub fn check(cx: &Ctxt, model: &Model) {
    check_placeholders(cx, model);
    check_path_fields(cx, model);
    check_body_on_method(cx, model);
    check_lists(cx, model);
    check_records_alone(cx, model);
    check_renames(cx, model);
    check_headers(cx, model);
    check_duplicate_names(cx, model);
    check_form(cx, model);
    check_download(cx, model);
    if !check_scopes_against_shape(cx, model) {
        check_scopes_against_method(cx, model);
    }
    check_scope_templates(cx, model);
    check_module(cx, model);
    crate::paging::check(cx, model);
    check_unique(cx, model);
}

/// `unique` is for an insert of records to `/{module}`, the one call it can be resent as an
/// upsert of: a `POST` with a `records` field on a path of one segment, not declared safe to
/// repeat already.
fn check_unique(cx: &Ctxt, model: &Model) {
    let Some((key, _)) = &model.unique else {
        return;
    };
    let insert = "`unique` names the fields by which an insert of records is sent again as an \
                  upsert, so it needs";
    if let Some(method) = model.method.filter(|m| *m != Method::Post) {
        cx.error_spanned_by(
            key,
            format!(
                "{insert} `POST`, not `{method}`: a `{method}` is resent as it is, or not at all"
            ),
        );
    }
    if model.idempotent == Some(true) {
        cx.error_spanned_by(
            key,
            format!("{insert} a call not declared `idempotent`: remove one of the two"),
        );
    }
    let records = model
        .fields
        .iter()
        .any(|f| f.role == Some(Role::Body(Body::Records)));
    if !records {
        cx.error_spanned_by(
            key,
            format!("{insert} a `#[zoho(records)]` field: the records it identifies"),
        );
    }
    if let Some(path) = model.path.as_ref().filter(|p| p.segments.len() != 1) {
        cx.error_spanned_by(
            key,
            format!(
                "{insert} the module's own path, `/Leads` or `/<module>`, not `{}`: Zoho's \
                 upsert is `POST /{{module}}/upsert`",
                path.lit.value()
            ),
        );
    }
}

/// Every `<placeholder>` names a field that fills it.
fn check_placeholders(cx: &Ctxt, model: &Model) {
    let Some(path) = &model.path else { return };
    for name in path.placeholders() {
        let field = model.fields.iter().find(|f| f.name == name);
        match field {
            Some(field) if field.role == Some(Role::Path) => {}
            Some(field) => cx.error_spanned_by(
                &path.lit,
                format!(
                    "the path placeholder `<{name}>` is filled by the field of that name, but \
                     `{}` is marked for another role: remove its role, or rename the placeholder",
                    field.ident
                ),
            ),
            None => cx.error_spanned_by(
                &path.lit,
                format!(
                    "the path placeholder `<{name}>` names no field of `{}`: add a field \
                     `{name}` (e.g. `pub {name}: RecordId`) or fix the placeholder{}",
                    model.input.ident,
                    did_you_mean(name, model.fields.iter().map(|f| f.name.as_str()))
                ),
            ),
        }
    }
}

/// `#[zoho(path)]` on a field the path lacks.
fn check_path_fields(cx: &Ctxt, model: &Model) {
    let Some(path) = &model.path else { return };
    for field in &model.fields {
        let explicit = matches!(field.attrs.role, Some((RoleAttr::Path, _)));
        if explicit && !path.has_placeholder(&field.name) {
            cx.error_at(
                field.role_span,
                format!(
                    "the field `{0}` is marked `path`, but the path `{1}` has no `<{0}>`: add \
                     `/<{0}>` to the path or remove `#[zoho(path)]`",
                    field.ident,
                    path.lit.value()
                ),
            );
        }
    }
}

/// `GET` and `DELETE` send no body.
fn check_body_on_method(cx: &Ctxt, model: &Model) {
    let Some(method) = model.method else { return };
    if method.sends_body() {
        return;
    }
    let is_body = |f: &&DraftField| matches!(f.role, Some(Role::Body(_)));
    for field in model.fields.iter().filter(is_body) {
        cx.error_at(
            field.role_span,
            format!(
                "`{}` sends no body, but the field `{}` would go into it: mark it \
                 `#[zoho(query)]`, `#[zoho(header = \"…\")]` or name it in the path, or use \
                 `POST`, `PUT` or `PATCH`",
                method, field.ident
            ),
        );
    }
}

/// A `multipart/form-data` body goes with `POST`, `PUT` or `PATCH`, alone (a call has one
/// body), and `max_upload` limits its file parts.
fn check_form(cx: &Ctxt, model: &Model) {
    let form: Vec<&DraftField> = model
        .fields
        .iter()
        .filter(|f| matches!(f.role, Some(Role::Form(_))))
        .collect();
    if let (Some(method), Some(first)) = (model.method, form.first()) {
        if !method.sends_body() {
            cx.error_at(
                first.role_span,
                format!(
                    "`{method}` sends no body, so it cannot carry the form part `{}`: uploads \
                     are `POST`s",
                    first.ident
                ),
            );
        }
    }
    if let Some(first) = form.first() {
        for json in model
            .fields
            .iter()
            .filter(|f| matches!(f.role, Some(Role::Body(_))))
        {
            cx.error_at(
                json.role_span,
                format!(
                    "two bodies: the field `{}` would go into a JSON body, but `{}` makes the \
                     body `multipart/form-data`; mark it `#[zoho(form)]`, `#[zoho(query)]` or \
                     `#[zoho(header = \"…\")]`",
                    json.ident, first.ident
                ),
            );
        }
    }
    let has_file = form
        .iter()
        .any(|f| matches!(f.role, Some(Role::Form(Form::File(_)))));
    if let (Some((key, _)), false) = (&model.max_upload, has_file) {
        cx.error_spanned_by(
            key,
            "`max_upload` limits the file parts, and this endpoint has none: add a \
             `#[zoho(file)]` field or remove `max_upload`",
        );
    }
}

/// `download` is a `GET` whose answer is a file: it declares no other response type.
fn check_download(cx: &Ctxt, model: &Model) {
    let Some(key) = &model.download else { return };
    if model.response.is_some() {
        cx.error_spanned_by(
            key,
            "`download` answers `Option<zoho_runtime::files::Download>`: remove `response = …` \
             or `download`",
        );
    }
    if let Some(method) = model.method.filter(|m| *m != Method::Get) {
        cx.error_spanned_by(
            key,
            format!("`download` reads a file with `GET`, not `{method}`: write `GET` or remove `download`"),
        );
    }
}

/// At most one `records` list and one `targets` list, and not both.
fn check_lists(cx: &Ctxt, model: &Model) {
    let lists = |role: fn(&Option<Role>) -> bool| -> Vec<&DraftField> {
        model.fields.iter().filter(|f| role(&f.role)).collect()
    };
    let records = lists(|r| *r == Some(Role::Body(Body::Records)));
    let targets = lists(|r| matches!(r, Some(Role::Body(Body::Targets(_)))));
    for (list, key) in [(&records, "records"), (&targets, "targets")] {
        for extra in list.iter().skip(1) {
            cx.error_at(
                extra.role_span,
                format!(
                    "a second `{key}` field: an endpoint has at most one, and `{}` is already \
                     it; merge the two lists or mark this one `#[zoho(envelope)]`",
                    list[0].ident
                ),
            );
        }
    }
    if let (Some(first), Some(target)) = (records.first(), targets.first()) {
        cx.error_at(
            target.role_span,
            format!(
                "a `targets` field beside the `records` field `{}`: a call is split along one \
                 list only; mark one of them `#[zoho(envelope)]`",
                first.ident
            ),
        );
    }
}

/// A `records` list is the whole `data` array: no single-record field beside it.
fn check_records_alone(cx: &Ctxt, model: &Model) {
    let records = Some(Role::Body(Body::Records));
    let Some(records) = model.fields.iter().find(|f| f.role == records) else {
        return;
    };
    for field in model
        .fields
        .iter()
        .filter(|f| matches!(f.role, Some(Role::Body(Body::Record(_)))))
    {
        cx.error_at(
            field.ident.span(),
            format!(
                "the field `{}` would be a key of the single record `data[0]`, but the \
                 `records` field `{}` is the whole `data` array: move it into the record type, \
                 or mark it `#[zoho(envelope)]` to send it beside `data`",
                field.ident, records.ident
            ),
        );
    }
}

/// `rename` names a JSON key or a query parameter; paths and headers are named otherwise.
fn check_renames(cx: &Ctxt, model: &Model) {
    for field in &model.fields {
        let Some(rename) = &field.attrs.rename else {
            continue;
        };
        let problem = match &field.attrs.role {
            Some((RoleAttr::Path, _)) => Some("a path field is matched to its placeholder by name: name the field like the placeholder"),
            None if field.role == Some(Role::Path) => Some("a path field is matched to its placeholder by name: name the field like the placeholder"),
            Some((RoleAttr::Header(_), _)) => Some("the header is named by `header = \"…\"`: remove `rename`"),
            Some((RoleAttr::Query(Some(_)), _)) => Some("the query name is already given by `query = \"…\"`: keep one of them"),
            Some((RoleAttr::Records, _)) => Some("a `records` field is the `data` array and has no key: remove `rename`"),
            _ => None,
        };
        if let Some(problem) = problem {
            cx.error_spanned_by(rename, format!("`rename` does not apply here: {problem}"));
        }
    }
}

/// Header names are HTTP tokens, and the client writes some headers itself.
fn check_headers(cx: &Ctxt, model: &Model) {
    for field in &model.fields {
        let Some((RoleAttr::Header(name), _)) = &field.attrs.role else {
            continue;
        };
        let text = name.value();
        let is_token = text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c));
        let reserved = ["Authorization", "Content-Type", "Content-Length", "Host"]
            .iter()
            .find(|r| r.eq_ignore_ascii_case(&text));
        if !is_token {
            cx.error_spanned_by(
                name,
                format!("`{text}` is not a header name: use letters, digits and `-`, e.g. `\"If-Modified-Since\"`"),
            );
        } else if let Some(reserved) = reserved {
            cx.error_spanned_by(
                name,
                format!("the client writes the `{reserved}` header itself: remove this field"),
            );
        } else if text.eq_ignore_ascii_case("X-EXTERNAL") {
            cx.error_spanned_by(
                name,
                "`X-EXTERNAL` is declared with the attribute's `external = \"…\"` key: remove \
                 this field and write `external = \"Contacts.External_Contact_ID\"`",
            );
        }
    }
}

/// Two fields may not write the same query parameter, header or JSON key.
fn check_duplicate_names(cx: &Ctxt, model: &Model) {
    let mut seen: Vec<(String, &str, &DraftField)> = Vec::new();
    for field in &model.fields {
        let Some(role) = &field.role else { continue };
        let (name, place) = match role {
            Role::Query(name) => (name.clone(), "query parameter"),
            Role::Header(name) => (name.to_ascii_lowercase(), "header"),
            Role::Body(Body::Record(name)) => (name.clone(), "record key"),
            Role::Body(Body::Envelope(name) | Body::Targets(name)) => (name.clone(), "body key"),
            Role::Form(Form::File(name) | Form::Text(name)) => (name.clone(), "form field"),
            Role::Path | Role::Body(Body::Records) => continue,
        };
        if let Some((_, _, first)) = seen.iter().find(|(n, p, _)| *n == name && *p == place) {
            cx.error_at(
                field.role_span,
                format!(
                    "the fields `{}` and `{}` both write the {place} `{name}`: rename one with \
                     `#[zoho(rename = \"…\")]`",
                    first.ident, field.ident
                ),
            );
        } else {
            seen.push((name, place, field));
        }
    }
}

/// A call whose shape Zoho documents needs a known scope (`zoho_spec::shape`); the declared
/// scopes must cover it. Returns whether it reported.
fn check_scopes_against_shape(cx: &Ctxt, model: &Model) -> bool {
    let (Some(method), Some(path), true) = (model.method, &model.path, model.scopes_ok) else {
        return false;
    };
    if model.root() != DEFAULT_ROOT {
        return false;
    }
    let segments = path.segment_texts();
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    let custom = model.custom_module.is_some();
    // A first segment that names nothing is reported by `check_module`; what it would need is
    // then a guess.
    let unknown = path
        .first_literal()
        .is_some_and(|first| classify(first) == FirstSegment::Unknown);
    // A template naming no placeholder is reported by `check_scope_templates`.
    let orphan = model
        .scopes
        .iter()
        .flat_map(|s| s.scope.placeholders())
        .any(|name| !path.has_placeholder(name));
    if (unknown && !custom) || orphan {
        return false;
    }
    let (Some(shape), Some(need)) = (
        Shape::of(&segments),
        shape::requirement(method, &segments, custom),
    ) else {
        return false;
    };
    let declared: Vec<Scope> = model.scopes.iter().map(|s| s.scope.clone()).collect();
    let needed = need.alternatives().first().and_then(|set| set.first());
    let Some(operation) = needed.map(Scope::operation) else {
        return false;
    };
    if need.satisfied_by(&declared) {
        return false;
    }
    let call = format!("`{method} \"{}\"`", path.lit.value());
    let does = action(shape, method, operation);
    cx.error_spanned_by(
        &model.scopes[0].lit,
        format!(
            "{call} {does}, which needs {need}{}; the declared scopes do not cover it: add it \
             to `scope`",
            wider_operations(operation)
        ),
    );
    true
}

/// ` (or `WRITE`, `ALL`)`: the operations that also grant `operation`.
fn wider_operations(operation: Operation) -> String {
    let wider: Vec<&str> = Operation::ALL
        .iter()
        .rev()
        .filter(|op| **op != operation && op.covers(operation))
        .map(|op| op.as_str())
        .collect();
    if wider.is_empty() {
        return String::new();
    }
    format!(" (or {})", listed(wider))
}

/// What a call of a known shape does, for the message.
fn action(shape: Shape, method: Method, operation: Operation) -> &'static str {
    let on_records = match operation {
        Operation::Read => "reads records",
        Operation::Create => "creates records",
        Operation::Update => "updates records",
        Operation::Delete => "deletes records",
        Operation::All | Operation::Write => "changes records",
    };
    match shape {
        Shape::Records => on_records,
        Shape::Record => match operation {
            Operation::Read => "reads a record",
            Operation::Update => "updates a record",
            Operation::Delete => "deletes a record",
            Operation::Create | Operation::All | Operation::Write => "changes a record",
        },
        Shape::Upsert => "upserts records",
        Shape::Search => "searches records",
        Shape::Count => "counts records",
        Shape::Deleted => "reads deleted records",
        Shape::MassUpdate if method == Method::Post => "schedules a mass update",
        Shape::MassUpdate => "reads the status of a mass update",
        Shape::Coql => "runs a COQL query",
    }
}

/// A scope must be able to authorise the method, for the calls whose shape Zoho does not
/// document. `POST` is not judged: COQL and bulk reads are `POST`s with `READ` scopes.
fn check_scopes_against_method(cx: &Ctxt, model: &Model) {
    let (Some(method), true) = (model.method, model.scopes_ok) else {
        return;
    };
    let Some(first) = model.scopes.first() else {
        return;
    };
    let only = |op: Operation| model.scopes.iter().all(|s| s.scope.operation() == op);
    let changes = matches!(method, Method::Put | Method::Patch | Method::Delete);
    if changes && only(Operation::Read) {
        let wanted = if method == Method::Delete {
            Operation::Delete
        } else {
            Operation::Update
        };
        cx.error_spanned_by(
            &first.lit,
            format!(
                "`{method}` changes data, but every scope of this endpoint only reads: ask for \
                 `{wanted}` (or `WRITE`, `ALL`), e.g. `\"{}\"`",
                with_operation(&first.lit.value(), wanted.as_str())
            ),
        );
    }
    if method == Method::Get && only(Operation::Delete) {
        cx.error_spanned_by(
            &first.lit,
            format!(
                "`GET` reads, but every scope of this endpoint only deletes: ask for `READ` (or \
                 `ALL`), e.g. `\"{}\"`",
                with_operation(&first.lit.value(), "READ")
            ),
        );
    }
}

fn with_operation(scope: &str, operation: &str) -> String {
    match scope.rsplit_once('.') {
        Some((resource, _)) => format!("{resource}.{operation}"),
        None => scope.to_owned(),
    }
}

/// `ZohoCRM.modules.<module>.UPDATE` takes `<module>` from a path field.
fn check_scope_templates(cx: &Ctxt, model: &Model) {
    let Some(path) = &model.path else { return };
    for scope in &model.scopes {
        for name in scope.scope.placeholders() {
            if !path.has_placeholder(name) {
                let placeholders: Vec<String> =
                    path.placeholders().map(|p| format!("`<{p}>`")).collect();
                let known = if placeholders.is_empty() {
                    "the path has none".to_owned()
                } else {
                    format!("the path has {}", placeholders.join(", "))
                };
                cx.error_spanned_by(
                    &scope.lit,
                    format!(
                        "the scope `{}` takes `<{name}>` from the path, but {known}: name a \
                         path placeholder, or write the module out, e.g. \
                         `ZohoCRM.modules.leads.UPDATE`",
                        scope.lit.value()
                    ),
                );
            }
        }
    }
}

/// The first literal segment under `/crm` is a module or another known root.
fn check_module(cx: &Ctxt, model: &Model) {
    let Some(path) = &model.path else { return };
    match (&model.custom_module, path.first_literal()) {
        (Some(flag), None) => cx.error_spanned_by(
            flag,
            "`custom_module` declares the path's first segment a custom module, but the \
             first segment is a placeholder: remove `custom_module`",
        ),
        (Some(flag), Some(first)) => {
            if let Some(problem) = modules::not_custom(first) {
                cx.error_spanned_by(flag, problem);
            }
        }
        (None, Some(first)) if model.root() == DEFAULT_ROOT => {
            modules::check_first_segment(cx, &path.lit, first)
        }
        (None, _) => {}
    }
}
