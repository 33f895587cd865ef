//! Territories of records: `POST /{module}/actions/assign_territories` and
//! `…/remove_territories` for the records of `data` (each with its `id`), and
//! `POST /{module}/{id}/actions/assign_territories` and `…/remove_territories` for one record
//! (its `data[0]`, without an id). Each record of `data` names territories by id in
//! `Territories`; the record keeps them in its `Territories` field, `[{"name", "id"}]`, which a
//! `GET` of the record reads back.
//!
//! As Zoho documents: only Leads, Accounts, Contacts and Deals take territories; a deal holds
//! one territory at most, any other record ten. Each record is answered on its own: an id that
//! names no record is `INVALID_DATA` with the `id`, a record without `Territories` is
//! `MANDATORY_NOT_FOUND`, and a territory id the organisation does not have is `INVALID_DATA`
//! with the `json_path` of that id. Zoho's documentation does not say which codes it gives for
//! a module without territories, nor for a record given more territories than it may hold: the
//! sandbox answers `INVALID_MODULE` (400, the whole call) and `LIMIT_EXCEEDED` (that record).
//! Nor does it say what removing a territory the record does not hold does: the sandbox leaves
//! the record as it is and answers success. Zoho may run an assignment as a background job
//! (`SCHEDULED`) when the organisation offloads parent territories; the sandbox always assigns
//! at once. Assigning a territory already held keeps it once.

use axum::http::StatusCode;
use serde_json::{json, Value};
use zoho_spec::scope::Operation;

use crate::answers::{self, write_answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::routes::Route;
use crate::schema::ModuleDef;
use crate::store::Store;

/// The rows of both actions, by many records and by one.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/{module}/actions/assign_territories").post(|c| act(c, None, Change::Assign)),
    Route::new("/{module}/actions/remove_territories").post(|c| act(c, None, Change::Remove)),
    Route::new("/{module}/{id}/actions/assign_territories")
        .post(|c| act(c, Some(c.at("id")), Change::Assign)),
    Route::new("/{module}/{id}/actions/remove_territories")
        .post(|c| act(c, Some(c.at("id")), Change::Remove)),
];

/// The modules whose records hold territories.
const MODULES: &[&str] = &["Leads", "Accounts", "Contacts", "Deals"];

/// The field a record keeps its territories in.
const FIELD: &str = "Territories";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    Assign,
    Remove,
}

/// How many territories a record of the module may hold.
fn limit(m: &ModuleDef) -> usize {
    if m.api_name == "Deals" {
        1
    } else {
        10
    }
}

fn act(ctx: &Ctx<'_>, path_id: Option<&str>, change: Change) -> Handled {
    let m = ctx.module(ctx.at("module"))?;
    ctx.require_module(m, Operation::Update)?;
    if !MODULES.contains(&m.api_name) {
        return Err(answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_MODULE",
            "the given module is not supported for territories",
            json!({ "supported_modules": MODULES }),
        ));
    }
    let body = body::object(&ctx.req.body)?;
    let items = body::data(&body)?;
    // With the id in the path, only the first record is read, as for an update.
    let items = match path_id {
        Some(_) => &items[..1],
        None => &items[..],
    };
    let mut store = ctx.store();
    let outcomes = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let id = match path_id {
                Some(id) => Value::from(id),
                None => item.get("id").cloned().unwrap_or(Value::Null),
            };
            one(&mut store, m, i, &id, item, change)
        })
        .collect();
    Ok(write_answer(outcomes, StatusCode::OK))
}

fn one(
    store: &mut Store,
    m: &ModuleDef,
    index: usize,
    id: &Value,
    item: &Value,
    change: Change,
) -> Outcome {
    let Some(id) = body::id_of(id) else {
        if id.is_null() {
            return Outcome::err(
                "MANDATORY_NOT_FOUND",
                "required field not found",
                json!({ "api_name": "id", "json_path": format!("$.data[{index}].id") }),
            );
        }
        return Outcome::invalid_id(&body::id_text(id));
    };
    let given = match territories_of(store, index, item) {
        Ok(given) => given,
        Err(outcome) => return outcome,
    };
    let limit = limit(m);
    let Some(record) = store.get_mut(m.api_name, id) else {
        return Outcome::invalid_id(&id.to_string());
    };
    let mut held: Vec<Value> = record
        .fields
        .get(FIELD)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    match change {
        Change::Assign => {
            for t in given {
                if !held.iter().any(|h| h["id"] == t["id"]) {
                    held.push(t);
                }
            }
            if held.len() > limit {
                return Outcome::err(
                    "LIMIT_EXCEEDED",
                    "the record cannot hold more territories",
                    json!({ "api_name": FIELD, "limit": limit, "id": id.to_string() }),
                );
            }
        }
        Change::Remove => held.retain(|h| !given.iter().any(|t| t["id"] == h["id"])),
    }
    if held.is_empty() {
        record.fields.remove(FIELD);
    } else {
        record.fields.insert(FIELD.into(), Value::Array(held));
    }
    let message = match change {
        Change::Assign => "territories assigned successfully",
        Change::Remove => "territories removed successfully",
    };
    Outcome::ok(message, json!({ "id": id.to_string() }))
}

/// The territories of one record of `data`, each one the organisation has, as `{name, id}`.
fn territories_of(store: &Store, index: usize, item: &Value) -> Result<Vec<Value>, Outcome> {
    let list = item
        .get(FIELD)
        .and_then(Value::as_array)
        .filter(|l| !l.is_empty())
        .ok_or_else(|| {
            Outcome::err(
                "MANDATORY_NOT_FOUND",
                "required field not found",
                json!({ "api_name": FIELD, "json_path": format!("$.data[{index}].{FIELD}") }),
            )
        })?;
    list.iter()
        .enumerate()
        .map(|(j, t)| {
            let found = t
                .get("id")
                .and_then(body::id_of)
                .and_then(|id| store.people.territory(id));
            match found {
                Some(t) => Ok(json!({ "name": t.name, "id": t.id.to_string() })),
                None => Err(Outcome::err(
                    "INVALID_DATA",
                    "invalid data",
                    json!({
                        "api_name": FIELD,
                        "json_path": format!("$.data[{index}].{FIELD}[{j}].id"),
                    }),
                )),
            }
        })
        .collect()
}
