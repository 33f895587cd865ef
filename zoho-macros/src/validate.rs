//! Rules that relate the parts of a declaration to each other: fields and placeholders, body
//! and method, scopes and method, scopes and path. Each rule reports on its own, so one build
//! shows every mistake.

use crate::attr::RoleAttr;
use crate::ctxt::Ctxt;
use crate::model::{Field, Model, Role};
use crate::modules;
use crate::suggest::did_you_mean;

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
    check_scopes_against_method(cx, model);
    check_scope_templates(cx, model);
    check_module(cx, model);
}

/// Every `<placeholder>` names a field that fills it.
fn check_placeholders(cx: &Ctxt, model: &Model) {
    let Some(path) = &model.path else { return };
    for name in path.placeholders() {
        let field = model.fields.iter().find(|f| f.name == name);
        match field {
            Some(field) if field.role == Role::Path => {}
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
    let Some(method) = &model.method else { return };
    if !matches!(method.name, "GET" | "DELETE") {
        return;
    }
    for field in model.fields.iter().filter(|f| f.role.is_body()) {
        cx.error_at(
            field.role_span,
            format!(
                "`{}` sends no body, but the field `{}` would go into it: mark it \
                 `#[zoho(query)]`, `#[zoho(header = \"…\")]` or name it in the path, or use \
                 `POST`, `PUT` or `PATCH`",
                method.name, field.ident
            ),
        );
    }
}

/// At most one `records` list and one `targets` list, and not both.
fn check_lists(cx: &Ctxt, model: &Model) {
    let lists = |role: fn(&Role) -> bool| -> Vec<&Field> {
        model.fields.iter().filter(|f| role(&f.role)).collect()
    };
    let records = lists(|r| *r == Role::Records);
    let targets = lists(|r| matches!(r, Role::Targets(_)));
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
    let Some(records) = model.fields.iter().find(|f| f.role == Role::Records) else {
        return;
    };
    for field in model
        .fields
        .iter()
        .filter(|f| matches!(f.role, Role::Record(_)))
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
            None if field.role == Role::Path => Some("a path field is matched to its placeholder by name: name the field like the placeholder"),
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
    let mut seen: Vec<(String, &str, &Field)> = Vec::new();
    for field in &model.fields {
        let (name, place) = match &field.role {
            Role::Query(name) => (name.clone(), "query parameter"),
            Role::Header(name) => (name.to_ascii_lowercase(), "header"),
            Role::Record(name) => (name.clone(), "record key"),
            Role::Envelope(name) | Role::Targets(name) => (name.clone(), "body key"),
            _ => continue,
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

/// A scope must be able to authorise the method. `POST` is not judged: COQL and bulk reads
/// are `POST`s with `READ` scopes.
fn check_scopes_against_method(cx: &Ctxt, model: &Model) {
    let (Some(method), true) = (&model.method, model.scopes_ok) else {
        return;
    };
    let Some(first) = model.scopes.first() else {
        return;
    };
    let only = |op: &str| model.scopes.iter().all(|s| s.operation == op);
    let method = method.name;
    if matches!(method, "PUT" | "PATCH" | "DELETE") && only("READ") {
        let wanted = if method == "DELETE" {
            "DELETE"
        } else {
            "UPDATE"
        };
        cx.error_spanned_by(
            &first.lit,
            format!(
                "`{method}` changes data, but every scope of this endpoint only reads: ask for \
                 `{wanted}` (or `WRITE`, `ALL`), e.g. `\"{}\"`",
                with_operation(&first.lit.value(), wanted)
            ),
        );
    }
    if method == "GET" && only("DELETE") {
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
        for name in &scope.templates {
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
    if let Some(flag) = &model.custom_module {
        match path.first_literal() {
            None => cx.error_spanned_by(
                flag,
                "`custom_module` declares the path's first segment a custom module, but the \
                 first segment is a placeholder: remove `custom_module`",
            ),
            Some(first) if is_standard(first) => cx.error_spanned_by(
                flag,
                format!("`{first}` is a standard Zoho CRM module: remove `custom_module`"),
            ),
            Some(_) => {}
        }
        return;
    }
    if model.root() == "/crm" {
        modules::check_first_segment(cx, path, false);
    }
}

fn is_standard(name: &str) -> bool {
    modules::STANDARD_MODULES
        .iter()
        .chain(modules::API_ROOTS)
        .any(|m| m.eq_ignore_ascii_case(name))
}
