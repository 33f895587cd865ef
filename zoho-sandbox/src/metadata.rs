//! The organisation's metadata served from the live schema ([`crate::schema`]): modules,
//! fields, layouts, custom views, related lists, picklists global and not, map dependencies,
//! features, the supported APIs and wizards, each area in a file of its own; and the contact
//! roles the official SDKs fetch beside them (users are `users.rs`'s).
//!
//! A metadata write ([`edit`]) builds the next schema from the one in force and swaps it in
//! under the store's lock, so the next record write is checked against it.
//!
//! Where Zoho's pages do not say how it answers, the sandbox chooses and says so here:
//! a record naming a field its module lacks is refused `INVALID_DATA` with the field's
//! `api_name`; a value outside a picklist's values likewise; a field Zoho made, a layout it
//! made, or a global picklist fields still use cannot be deleted (`INVALID_DATA`, with what
//! holds it in `details`); a child picklist value a map dependency does not allow for the
//! record's parent value is refused `INVALID_DATA` naming the child field.

pub(crate) mod dependencies;
mod features;
mod fields;
mod layouts;
mod modules;
mod picklists;
mod views;

use axum::http::StatusCode;
use serde_json::{json, Map, Value};

use crate::answers::{self, write_answer, Answer, Outcome};
use crate::body;
use crate::ctx::{module_scope, Ctx, Handled};
use crate::routes::Route;
use crate::schema::{ModuleDef, Schema};
use crate::store::Store;
use zoho_spec::scope::{Operation, Requirement, Scope};

/// The metadata routes, tried before the records API's broad rows.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/settings/modules")
        .get(modules::list)
        .post(modules::create)
        .put(modules::update_many),
    Route::new("/settings/modules/{name}")
        .get(modules::get)
        .put(modules::update_one),
    Route::new("/settings/fields")
        .get(fields::list)
        .post(fields::create)
        .patch(fields::update_many),
    Route::new("/settings/fields/{field}")
        .get(fields::get)
        .patch(fields::update_one)
        .delete(fields::delete),
    Route::new("/settings/fields/{field}/pick_list_values").get(picklists::field_values),
    Route::new("/settings/layouts")
        .get(layouts::list)
        .patch(layouts::update_many),
    Route::new("/settings/layouts/{id}")
        .get(layouts::get)
        .patch(layouts::update_one)
        .delete(layouts::delete),
    Route::new("/settings/layouts/{id}/actions/activate")
        .post(layouts::activate)
        .delete(layouts::deactivate),
    Route::new("/settings/layouts/{layout_id}/map_dependency")
        .get(dependencies::list)
        .post(dependencies::create),
    Route::new("/settings/layouts/{layout_id}/map_dependency/{dependency_id}")
        .get(dependencies::get)
        .put(dependencies::update)
        .delete(dependencies::delete),
    Route::new("/settings/custom_views").get(views::list),
    Route::new("/settings/custom_views/actions/change_sort").put(views::change_sort_many),
    Route::new("/settings/custom_views/{id}").get(views::get),
    Route::new("/settings/custom_views/{id}/actions/change_sort").put(views::change_sort_one),
    Route::new("/settings/related_lists").get(views::related_lists),
    Route::new("/settings/related_lists/{id}").get(views::related_list),
    Route::new("/settings/global_picklists")
        .get(picklists::list)
        .post(picklists::create)
        .patch(picklists::update_many)
        .delete(picklists::delete_many),
    Route::new("/settings/global_picklists/{id}")
        .get(picklists::get)
        .patch(picklists::update_one)
        .delete(picklists::delete_one),
    Route::new("/settings/global_picklists/{id}/actions/replace_picklist_values")
        .post(picklists::replace_values),
    Route::new("/settings/global_picklists/{id}/actions/replaced_values")
        .get(picklists::replaced_values),
    Route::new("/settings/global_picklists/{id}/actions/associations").get(picklists::associations),
    Route::new("/settings/global_picklists/{id}/actions/pick_list_values_associations")
        .get(picklists::value_associations),
    Route::new("/settings/wizards").get(features::wizards),
    Route::new("/settings/wizards/{id}").get(features::wizard),
    Route::new("/__features").get(features::list),
    Route::new("/__features/{feature}").get(features::one),
    Route::new("/__apis").get(features::apis),
];

/// `ZohoCRM.settings.{name}.{op}`.
fn settings_scope(name: &str, op: Operation) -> Requirement {
    Requirement::one(Scope::crm(&["settings", name], op))
}

/// Checks `ZohoCRM.settings.{name}.{op}`.
fn require(ctx: &Ctx<'_>, name: &str, op: Operation) -> Result<(), Answer> {
    ctx.require(&settings_scope(name, op))
}

/// The module named by the `module` query parameter.
fn module_param<'c>(ctx: &'c Ctx<'_>) -> Result<&'c ModuleDef, Answer> {
    let name = ctx
        .param("module")
        .ok_or_else(|| answers::required_param_missing("module"))?;
    ctx.module(name)
}

/// Applies a metadata write to a copy of the schema in force and puts the copy in force
/// (with the store, for the records a change reaches); nothing changes when it fails.
fn edit<T>(
    ctx: &Ctx<'_>,
    change: impl FnOnce(&mut Schema, &mut Store) -> Result<T, Answer>,
) -> Result<T, Answer> {
    let mut store = ctx.store();
    let mut next = Schema::clone(store.schema());
    let done = change(&mut next, &mut store)?;
    store.set_schema(next);
    Ok(done)
}

/// The items of a settings write: the array under `key` (`{"fields": […]}`).
fn items<'b>(body: &'b Map<String, Value>, key: &str) -> Result<&'b Vec<Value>, Answer> {
    match body.get(key) {
        Some(Value::Array(items)) if !items.is_empty() => Ok(items),
        _ => Err(answers::mandatory_body_key(key)),
    }
}

/// The body's items under `key`, each as an object.
fn objects(ctx: &Ctx<'_>, key: &str) -> Result<Vec<Map<String, Value>>, Answer> {
    let body = body::object(&ctx.req.body)?;
    items(&body, key)?
        .iter()
        .map(|item| {
            item.as_object()
                .cloned()
                .ok_or_else(answers::body_not_object)
        })
        .collect()
}

/// A settings write's answer: the outcomes under `key` instead of `data`, as Zoho's settings
/// APIs answer.
fn answer_under(key: &str, outcomes: Vec<Outcome>, success: StatusCode) -> Answer {
    let mut answer = write_answer(outcomes, success);
    if let Some(Value::Object(body)) = answer.body.as_mut() {
        if let Some(items) = body.remove("data") {
            body.insert(key.to_string(), items);
        }
    }
    answer
}

/// `{"code": "SUCCESS", "details": {"id": …}, …}` for one metadata item written.
fn written(message: &str, id: u64) -> Outcome {
    Outcome::ok(message, json!({ "id": id.to_string() }))
}

/// `INVALID_DATA` naming what is wrong with one item.
fn invalid(details: Value) -> Outcome {
    Outcome::err_400("INVALID_DATA", "invalid data", details)
}

/// A mandatory key an item lacks.
fn missing(api_name: &str) -> Outcome {
    Outcome::err_400(
        "MANDATORY_NOT_FOUND",
        "required field not found",
        json!({ "api_name": api_name }),
    )
}

/// An id of a path segment or body value, or `INVALID_DATA` naming it.
fn id_in(value: Option<&Value>, name: &str) -> Result<u64, Outcome> {
    value
        .and_then(body::id_of)
        .ok_or_else(|| invalid(json!({ "api_name": name })))
}

/// A path id that names nothing: `INVALID_DATA` with the id, 400.
fn unknown_id(id: &str) -> Answer {
    answers::error(
        StatusCode::BAD_REQUEST,
        "INVALID_DATA",
        "the id given seems to be invalid",
        json!({ "id": id }),
    )
}

/// An API name made of a label, as Zoho makes them: letters and digits kept, others `_`.
fn api_name_of(label: &str) -> String {
    let name: String = label
        .trim()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    name.trim_matches('_').to_string()
}

/// The text of a key of an item, if it is non-blank text.
fn text<'m>(item: &'m Map<String, Value>, key: &str) -> Option<&'m str> {
    item.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// `info` of a list answered whole.
fn info(count: usize) -> Value {
    json!({ "per_page": 200, "count": count, "page": 1, "more_records": false })
}

/// `GET /Contacts/roles` and `GET /Contacts/roles/{id}`.
pub(crate) fn contact_roles(ctx: &Ctx<'_>, id: Option<&str>) -> Handled {
    let contacts = ctx.module("Contacts")?;
    let need = Requirement::one(Scope::crm(&["settings", "contact_roles"], Operation::Read))
        .or(module_scope(contacts, Operation::Read));
    ctx.require(&need)?;
    let store = ctx.store();
    let roles: Vec<Value> = store
        .contact_roles
        .iter()
        .enumerate()
        .filter(|(_, r)| id.is_none_or(|id| body::parse_id(id) == Some(r.id)))
        .map(|(i, r)| json!({ "id": r.id.to_string(), "name": r.name, "sequence_number": i + 1 }))
        .collect();
    if roles.is_empty() {
        return Ok(Answer::no_content());
    }
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "contact_roles": roles }),
    ))
}
