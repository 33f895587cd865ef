//! The calls every list of settings answers alike: list, read one, create, update (several or
//! one), delete (several or one). Items are kept as the JSON objects written, with the id the
//! sandbox gave them, so what is written is read back.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::{Operation, Requirement, Scope};

use super::kinds::{Kind, Partition};
use crate::answers::{self, Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::store::{patricia, Fields, Store};
use crate::time;

/// `ZohoCRM.settings.{kind}.{op}` (`ZohoCRM.templates.email.{op}` for templates).
pub(crate) fn need(kind: &Kind, op: Operation) -> Requirement {
    Requirement::one(Scope::crm(kind.scope, op))
}

/// The name of the list a request addresses: the kind's key, and its partition's value.
pub(crate) fn list_name(c: &Ctx<'_>, kind: &Kind) -> Result<String, Answer> {
    let part = match kind.partition {
        Partition::None => return Ok(kind.key.to_owned()),
        Partition::Module => module_param(c)?,
        Partition::Param(param) => c
            .param(param)
            .ok_or_else(|| answers::required_param_missing(param))?
            .to_owned(),
        Partition::Within(parent, capture) => {
            let name = c.at(capture);
            let store = c.store();
            let items = store.settings.list(parent.key);
            let at = position(items, parent, name).ok_or_else(|| invalid_id(name))?;
            items[at].get("id").map(text).unwrap_or_default()
        }
    };
    Ok(format!("{}:{part}", kind.key))
}

/// The API name of the module the mandatory `module` query parameter names.
pub(crate) fn module_param(c: &Ctx<'_>) -> Result<String, Answer> {
    let name = c
        .param("module")
        .ok_or_else(|| answers::required_param_missing("module"))?;
    Ok(c.module(name)?.api_name.to_owned())
}

/// `GET` of a list: every item, filtered by the query parameters the kind compares, paged by
/// `page` and `per_page`; `204` when none is left.
pub(crate) fn list(c: &Ctx<'_>, kind: &Kind, filters: &[(&str, &str)]) -> Handled {
    c.require(&need(kind, Operation::Read))?;
    let name = list_name(c, kind)?;
    let store = c.store();
    let items: Vec<Value> = store
        .settings
        .list(&name)
        .iter()
        .filter(|item| passes(c, item, filters))
        .map(|item| Value::Object(item.clone()))
        .collect();
    page_of(c, kind.key, items)
}

/// Keeps the page `page` of `per_page` items, with Zoho's `info`.
pub(crate) fn page_of(c: &Ctx<'_>, key: &str, items: Vec<Value>) -> Handled {
    let number = |name: &str, default: usize| -> Result<usize, Answer> {
        c.param(name).map_or(Ok(default), |v| {
            v.parse()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| answers::invalid_param(name))
        })
    };
    let (page, per_page) = (number("page", 1)?, number("per_page", 200)?);
    let total = items.len();
    let shown: Vec<Value> = items
        .into_iter()
        .skip((page - 1) * per_page)
        .take(per_page)
        .collect();
    if shown.is_empty() {
        return Ok(Answer::no_content());
    }
    let info = json!({
        "per_page": per_page, "count": shown.len(), "page": page,
        "more_records": page * per_page < total,
    });
    Ok(Answer::json(
        StatusCode::OK,
        json!({ key: shown, "info": info }),
    ))
}

/// Whether an item has the value each filter's query parameter asks for (when it is given).
fn passes(c: &Ctx<'_>, item: &Fields, filters: &[(&str, &str)]) -> bool {
    filters.iter().all(|(param, path)| match c.param(param) {
        None => true,
        Some(wanted) => names(at_path(item, path)).iter().any(|n| n == wanted),
    })
}

/// The value at a dotted path of an item.
pub(crate) fn at_path<'a>(item: &'a Fields, path: &str) -> Option<&'a Value> {
    let mut parts = path.split('.');
    let mut value = item.get(parts.next()?)?;
    for part in parts {
        value = value.get(part)?;
    }
    Some(value)
}

/// The texts a value answers to: itself, or an object's `id`, `api_name` and `name`.
fn names(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Object(map)) => ["id", "api_name", "name"]
            .iter()
            .filter_map(|k| map.get(*k).map(text))
            .collect(),
        Some(other) => vec![text(other)],
        None => Vec::new(),
    }
}

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The index of the item a path names, by id or by the kind's alias.
pub(crate) fn position(items: &[Fields], kind: &Kind, id: &str) -> Option<usize> {
    items.iter().position(|item| {
        item.get("id").map(text).as_deref() == Some(id)
            || kind
                .alias
                .is_some_and(|a| item.get(a).map(text).as_deref() == Some(id))
    })
}

/// `GET` of one item: `{key: [item]}`, or `INVALID_DATA` for an id naming none.
pub(crate) fn get(c: &Ctx<'_>, kind: &Kind, id: &str) -> Handled {
    c.require(&need(kind, Operation::Read))?;
    let name = list_name(c, kind)?;
    let store = c.store();
    let items = store.settings.list(&name);
    let at = position(items, kind, id).ok_or_else(|| invalid_id(id))?;
    let item = Value::Object(items[at].clone());
    Ok(Answer::json(StatusCode::OK, json!({ kind.key: [item] })))
}

/// A request-level `INVALID_DATA` for an id in the path that names nothing.
pub(crate) fn invalid_id(id: &str) -> Answer {
    answers::error(
        StatusCode::BAD_REQUEST,
        "INVALID_DATA",
        "the id given seems to be invalid",
        json!({ "resource_path_index": 0, "id": id }),
    )
}

/// The kind's array in a write body, each entry an object or an `INVALID_DATA` outcome.
pub(crate) fn items_of(c: &Ctx<'_>, key: &str) -> Result<Vec<Value>, Answer> {
    let body = body::object(&c.req.body)?;
    match body.get(key) {
        Some(Value::Array(items)) if !items.is_empty() => Ok(items.clone()),
        Some(Value::Object(one)) => Ok(vec![Value::Object(one.clone())]),
        _ => Err(answers::mandatory_body_key(key)),
    }
}

/// `POST`: adds each item that carries what the kind requires, with a new id.
pub(crate) fn create(c: &Ctx<'_>, kind: &Kind) -> Handled {
    c.require(&need(kind, Operation::Create))?;
    let name = list_name(c, kind)?;
    let items = items_of(c, kind.key)?;
    let mut store = c.store();
    let outcomes = items
        .iter()
        .enumerate()
        .map(|(i, item)| create_one(&mut store, kind, &name, i, item))
        .collect();
    Ok(written(kind.key, outcomes, StatusCode::CREATED))
}

fn create_one(store: &mut Store, kind: &Kind, name: &str, i: usize, item: &Value) -> Outcome {
    let Some(given) = item.as_object() else {
        return not_an_object(kind.key, i);
    };
    let path = |k: &str| format!("$.{}[{i}].{k}", kind.key);
    if let Some(k) = kind.required.iter().find(|k| is_blank(given.get(**k))) {
        return Outcome::err(
            "MANDATORY_NOT_FOUND",
            "required field not found",
            json!({ "api_name": k, "json_path": path(k) }),
        );
    }
    if let Some(outcome) = duplicate(store.settings.list(name), kind, given, None, i) {
        return outcome;
    }
    let id = store.new_id().to_string();
    let mut fields: Fields = given.clone();
    fields.insert("id".into(), Value::String(id.clone()));
    for (key, default) in kind.defaults {
        if !fields.contains_key(*key) {
            let value = serde_json::from_str(default).unwrap_or(Value::Null);
            fields.insert((*key).to_owned(), value);
        }
    }
    (kind.derive)(&mut fields);
    if kind.stamped {
        let now = Value::String(time::now());
        fields.insert("created_time".into(), now.clone());
        fields.insert("modified_time".into(), now);
        fields.insert("created_by".into(), patricia());
        fields.insert("modified_by".into(), patricia());
    }
    store.settings.list_mut(name).push(fields);
    let message = format!("{} created successfully", kind.noun);
    Outcome::ok(&message, json!({ "id": id }))
}

/// `DUPLICATE_DATA` when another item already holds one of the kind's unique values.
fn duplicate(
    items: &[Fields],
    kind: &Kind,
    given: &Map<String, Value>,
    this: Option<&str>,
    i: usize,
) -> Option<Outcome> {
    kind.unique.iter().find_map(|k| {
        let value = given.get(*k).filter(|v| !is_blank(Some(v)))?;
        let other = items
            .iter()
            .find(|item| item.get(*k) == Some(value) && item.get("id").map(text).as_deref() != this)?;
        Some(Outcome::err(
            "DUPLICATE_DATA",
            "duplicate data",
            json!({ "api_name": k, "json_path": format!("$.{}[{i}].{k}", kind.key), "id": other.get("id") }),
        ))
    })
}

/// `PUT` of the list: updates each item named by its `id` (or the kind's alias).
pub(crate) fn update_many(c: &Ctx<'_>, kind: &Kind) -> Handled {
    c.require(&need(kind, Operation::Update))?;
    let name = list_name(c, kind)?;
    let items = items_of(c, kind.key)?;
    let mut store = c.store();
    let outcomes = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let id = item
                .get("id")
                .or_else(|| kind.alias.and_then(|a| item.get(a)));
            match id.map(text) {
                Some(id) => update_one(&mut store, kind, &name, &id, i, item),
                None => Outcome::err(
                    "MANDATORY_NOT_FOUND",
                    "required field not found",
                    json!({ "api_name": "id", "json_path": format!("$.{}[{i}].id", kind.key) }),
                ),
            }
        })
        .collect();
    Ok(written(kind.key, outcomes, StatusCode::OK))
}

/// `PUT` of one item, named in the path.
pub(crate) fn update(c: &Ctx<'_>, kind: &Kind, id: &str) -> Handled {
    c.require(&need(kind, Operation::Update))?;
    let name = list_name(c, kind)?;
    let items = items_of(c, kind.key)?;
    let mut store = c.store();
    if position(store.settings.list(&name), kind, id).is_none() {
        return Err(invalid_id(id));
    }
    let outcomes = items
        .iter()
        .enumerate()
        .map(|(i, item)| update_one(&mut store, kind, &name, id, i, item))
        .collect();
    Ok(written(kind.key, outcomes, StatusCode::OK))
}

fn update_one(
    store: &mut Store,
    kind: &Kind,
    name: &str,
    id: &str,
    i: usize,
    item: &Value,
) -> Outcome {
    let Some(given) = item.as_object() else {
        return not_an_object(kind.key, i);
    };
    let items = store.settings.list(name);
    let Some(at) = position(items, kind, id) else {
        return Outcome::invalid_id(id);
    };
    let own_id = items[at].get("id").map(text);
    if let Some(outcome) = duplicate(items, kind, given, own_id.as_deref(), i) {
        return outcome;
    }
    let target = &mut store.settings.list_mut(name)[at];
    for (key, value) in given {
        if key != "id" {
            target.insert(key.clone(), value.clone());
        }
    }
    (kind.derive)(target);
    if kind.stamped {
        target.insert("modified_time".into(), Value::String(time::now()));
        target.insert("modified_by".into(), patricia());
    }
    let message = format!("{} updated successfully", kind.noun);
    Outcome::ok(&message, json!({ "id": own_id }))
}

/// `DELETE` of one item, named in the path.
pub(crate) fn delete(c: &Ctx<'_>, kind: &Kind, id: &str) -> Handled {
    c.require(&need(kind, Operation::Delete))?;
    let name = list_name(c, kind)?;
    let mut store = c.store();
    if position(store.settings.list(&name), kind, id).is_none() {
        return Err(invalid_id(id));
    }
    let outcome = delete_one(&mut store, kind, &name, id);
    Ok(written(kind.key, vec![outcome], StatusCode::OK))
}

/// `DELETE` of the list with `ids`: an outcome per id.
pub(crate) fn delete_many(c: &Ctx<'_>, kind: &Kind) -> Handled {
    c.require(&need(kind, Operation::Delete))?;
    let name = list_name(c, kind)?;
    let ids = c
        .param("ids")
        .map(body::comma_list)
        .filter(|ids| !ids.is_empty())
        .ok_or_else(|| answers::required_param_missing("ids"))?;
    let mut store = c.store();
    let outcomes = ids
        .iter()
        .map(|id| delete_one(&mut store, kind, &name, id))
        .collect();
    Ok(written(kind.key, outcomes, StatusCode::OK))
}

fn delete_one(store: &mut Store, kind: &Kind, name: &str, id: &str) -> Outcome {
    let items = store.settings.list_mut(name);
    let Some(at) = position(items, kind, id) else {
        return Outcome::invalid_id(id);
    };
    let removed = items.remove(at);
    let message = format!("{} deleted successfully", kind.noun);
    Outcome::ok(&message, json!({ "id": removed.get("id") }))
}

/// The answer to a write, Zoho's outcomes under the kind's key: `success` when all succeeded,
/// 207 for a mix, 400 when all failed.
pub(crate) fn written(key: &str, outcomes: Vec<Outcome>, success: StatusCode) -> Answer {
    let oks = outcomes.iter().filter(|o| o.is_ok()).count();
    let status = match oks {
        n if n == outcomes.len() => success,
        0 => StatusCode::BAD_REQUEST,
        _ => StatusCode::MULTI_STATUS,
    };
    let bodies: Vec<Value> = outcomes.into_iter().map(|o| o.body).collect();
    Answer::json(status, json!({ key: bodies }))
}

fn not_an_object(key: &str, i: usize) -> Outcome {
    Outcome::err(
        "INVALID_DATA",
        "invalid data",
        json!({ "expected_data_type": "jsonobject", "json_path": format!("$.{key}[{i}]") }),
    )
}

/// Whether a value is absent, null or blank text.
pub(crate) fn is_blank(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        _ => false,
    }
}
