//! Map dependencies (`settings/layouts/{layout_id}/map_dependency`): in one layout, which
//! values of a child picklist each value of a parent picklist allows. Record writes in that
//! layout are checked against them ([`check`]), as Zoho's page says the dependent picklist
//! shows only the mapped values.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::Operation;

use super::layouts::path_layout;
use super::picklists::value_id;
use super::{answer_under, edit, info, invalid, missing, module_param, objects, require, written};
use crate::answers::{Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::schema::{FieldDef, Layout, MapDependency, ModuleDef, Schema};
use crate::store::{FieldRef, FieldSet, Fields};

/// The scope family of map dependencies.
const FAMILY: &str = "map_dependency";

/// The `Layout` of a record write, `{"id": …}` or the bare id, as stored: `{name, id}`.
pub(crate) fn layout_of(module: &ModuleDef, value: &Value) -> Result<Value, Outcome> {
    let id = match value {
        Value::Object(map) => map.get("id"),
        other => Some(other),
    };
    let layout = id
        .and_then(body::id_of)
        .and_then(|id| module.layout(id))
        .ok_or_else(|| {
            Outcome::err(
                "INVALID_DATA",
                "invalid data",
                json!({ "api_name": "Layout", "expected_data_type": "jsonobject" }),
            )
        })?;
    Ok(json!({ "name": layout.name, "id": layout.id.to_string() }))
}

/// Checks the picklist values a write gives (over the record's `existing` ones) against the
/// map dependencies of the record's layout: `INVALID_DATA` naming the child field whose value
/// the parent's value does not allow.
pub(crate) fn check(
    module: &ModuleDef,
    given: &impl FieldSet,
    existing: Option<&Fields>,
) -> Result<(), Outcome> {
    let value = |key: &str| {
        given
            .value(key)
            .or_else(|| existing?.get(key).map(FieldRef::Json))
    };
    let chosen = value("Layout")
        .and_then(FieldRef::as_json)
        .and_then(|l| l.get("id"))
        .and_then(body::id_of)
        .and_then(|id| module.layout(id));
    let Some(layout) = chosen.or_else(|| module.default_layout()) else {
        return Ok(());
    };
    for d in &layout.dependencies {
        if !given.has(d.parent) && !given.has(d.child) {
            continue;
        }
        let Some(allowed) = value(d.parent)
            .and_then(FieldRef::as_str)
            .and_then(|p| d.allowed(p))
        else {
            continue;
        };
        let fits = |v: &Value| v.as_str().is_some_and(|v| allowed.contains(&v));
        let ok = match value(d.child) {
            None | Some(FieldRef::Json(Value::Null)) => true,
            Some(FieldRef::Json(Value::Array(values))) => values.iter().all(fits),
            Some(other) => other.as_str().is_some_and(|v| allowed.contains(&v)),
        };
        if !ok {
            return Err(Outcome::err(
                "INVALID_DATA",
                "invalid data",
                json!({ "api_name": d.child }),
            ));
        }
    }
    Ok(())
}

fn owner(f: &FieldDef) -> u64 {
    f.global_picklist.unwrap_or(f.id)
}

fn value_json(f: &FieldDef, value: &str) -> Value {
    json!({ "display_value": value, "actual_value": value, "id": value_id(owner(f), value) })
}

fn dependency_json(m: &ModuleDef, d: &MapDependency) -> Value {
    let (Some(parent), Some(child)) = (m.field(d.parent), m.field(d.child)) else {
        return Value::Null;
    };
    let values: Vec<Value> = d
        .maps
        .iter()
        .map(|(value, allowed)| {
            let mut v = value_json(parent, value);
            v["maps"] = allowed.iter().map(|a| value_json(child, a)).collect();
            v
        })
        .collect();
    json!({
        "id": d.id.to_string(),
        "parent": { "api_name": parent.api_name, "id": parent.id.to_string() },
        "child": { "api_name": child.api_name, "id": child.id.to_string() },
        "pick_list_values": values, "internal": false, "active": true, "source": 1,
    })
}

/// `GET /settings/layouts/{layout_id}/map_dependency?module=`.
pub(crate) fn list(ctx: &Ctx<'_>) -> Handled {
    ctx.require(&super::settings_scope(FAMILY, Operation::Read))?;
    let m = module_param(ctx)?;
    let layout = path_layout(ctx, m)?;
    let list: Vec<Value> = layout
        .dependencies
        .iter()
        .map(|d| dependency_json(m, d))
        .collect();
    let count = list.len();
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "map_dependency": list, "info": info(count) }),
    ))
}

fn path_dependency<'l>(ctx: &Ctx<'_>, layout: &'l Layout) -> Result<&'l MapDependency, Answer> {
    let id = ctx.at("dependency_id");
    body::parse_id(id)
        .and_then(|id| layout.dependencies.iter().find(|d| d.id == id))
        .ok_or_else(|| super::unknown_id(id))
}

/// `GET /settings/layouts/{layout_id}/map_dependency/{dependency_id}?module=`.
pub(crate) fn get(ctx: &Ctx<'_>) -> Handled {
    require(ctx, FAMILY, Operation::Read)?;
    let m = module_param(ctx)?;
    let d = path_dependency(ctx, path_layout(ctx, m)?)?;
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "map_dependency": [dependency_json(m, d)] }),
    ))
}

/// `POST /settings/layouts/{layout_id}/map_dependency?module=`.
pub(crate) fn create(ctx: &Ctx<'_>) -> Handled {
    require(ctx, FAMILY, Operation::Create)?;
    let m = module_param(ctx)?;
    let (name, layout) = (m.api_name, path_layout(ctx, m)?.id);
    let items = objects(ctx, "map_dependency")?;
    let outcomes = edit(ctx, |schema, _| {
        Ok(items
            .iter()
            .map(|item| put(schema, name, layout, None, item))
            .collect())
    })?;
    Ok(answer_under(
        "map_dependency",
        outcomes,
        StatusCode::CREATED,
    ))
}

/// `PUT /settings/layouts/{layout_id}/map_dependency/{dependency_id}?module=`.
pub(crate) fn update(ctx: &Ctx<'_>) -> Handled {
    require(ctx, FAMILY, Operation::Update)?;
    let m = module_param(ctx)?;
    let layout = path_layout(ctx, m)?;
    let (name, lid, id) = (m.api_name, layout.id, path_dependency(ctx, layout)?.id);
    let items = objects(ctx, "map_dependency")?;
    let outcomes = edit(ctx, |schema, _| {
        Ok(vec![put(schema, name, lid, Some(id), &items[0])])
    })?;
    Ok(answer_under("map_dependency", outcomes, StatusCode::OK))
}

/// `DELETE /settings/layouts/{layout_id}/map_dependency/{dependency_id}?module=`.
pub(crate) fn delete(ctx: &Ctx<'_>) -> Handled {
    require(ctx, FAMILY, Operation::Delete)?;
    let m = module_param(ctx)?;
    let layout = path_layout(ctx, m)?;
    let (name, lid, id) = (m.api_name, layout.id, path_dependency(ctx, layout)?.id);
    edit(ctx, |schema, _| {
        if let Some(l) = layout_mut(schema, name, lid) {
            l.dependencies.retain(|d| d.id != id);
        }
        Ok(())
    })?;
    let outcome = written("dependency deleted", id);
    Ok(answer_under(
        "map_dependency",
        vec![outcome],
        StatusCode::OK,
    ))
}

fn layout_mut<'s>(schema: &'s mut Schema, module: &str, id: u64) -> Option<&'s mut Layout> {
    schema
        .module_mut(module)?
        .layouts
        .iter_mut()
        .find(|l| l.id == id)
}

/// Stores a dependency read from `item`: a new one, or the one `replacing` names.
fn put(
    schema: &mut Schema,
    module: &str,
    layout: u64,
    replacing: Option<u64>,
    item: &Map<String, Value>,
) -> Outcome {
    let read = match schema.module(module) {
        Some(m) => read(m, item),
        None => return invalid(json!({ "api_name": "module" })),
    };
    let (parent, child, maps) = match read {
        Ok(parts) => parts,
        Err(outcome) => return outcome,
    };
    let id = replacing.unwrap_or_else(|| schema.new_id());
    let Some(l) = layout_mut(schema, module, layout) else {
        return invalid(json!({ "id": layout.to_string() }));
    };
    let clash = l
        .dependencies
        .iter()
        .any(|d| d.id != id && d.child == child);
    if clash {
        return Outcome::err_400(
            "DUPLICATE_DATA",
            "duplicate data",
            json!({ "api_name": "child" }),
        );
    }
    l.dependencies.retain(|d| d.id != id);
    l.dependencies.push(MapDependency {
        id,
        parent,
        child,
        maps,
    });
    let message = if replacing.is_some() {
        "dependency updated"
    } else {
        "dependency created"
    };
    written(message, id)
}

type Parts = (
    &'static str,
    &'static str,
    Vec<(&'static str, Vec<&'static str>)>,
);

/// The parent and child picklists an item names and its maps, each value one of its field's.
fn read(m: &ModuleDef, item: &Map<String, Value>) -> Result<Parts, Outcome> {
    let field = |key: &str| -> Result<&FieldDef, Outcome> {
        let given = item.get(key).ok_or_else(|| missing(key))?;
        let name = given
            .get("api_name")
            .or_else(|| given.get("id"))
            .map(body::id_text);
        name.and_then(|n| m.field_by_name_or_id(&n))
            .filter(|f| f.kind.values().is_some())
            .ok_or_else(|| invalid(json!({ "api_name": key })))
    };
    let (parent, child) = (field("parent")?, field("child")?);
    if parent.api_name == child.api_name {
        return Err(invalid(json!({ "api_name": "child" })));
    }
    let entries = item
        .get("pick_list_values")
        .and_then(Value::as_array)
        .ok_or_else(|| missing("pick_list_values"))?;
    let maps = entries
        .iter()
        .map(|entry| {
            let value = resolve(parent, entry)?;
            let allowed = entry.get("maps").and_then(Value::as_array);
            let allowed = allowed.map_or(&[][..], Vec::as_slice);
            let allowed = allowed
                .iter()
                .map(|a| resolve(child, a))
                .collect::<Result<_, _>>()?;
            Ok((value, allowed))
        })
        .collect::<Result<_, Outcome>>()?;
    Ok((parent.api_name, child.api_name, maps))
}

/// The value of `field` an entry names by `actual_value`, `display_value` or `id`.
fn resolve(field: &FieldDef, entry: &Value) -> Result<&'static str, Outcome> {
    let values = field.kind.values().unwrap_or_default();
    let by_text = ["actual_value", "display_value"]
        .iter()
        .find_map(|k| entry.get(*k).and_then(Value::as_str));
    let found = match (by_text, entry.get("id")) {
        (Some(text), _) => values.iter().find(|v| **v == text),
        (None, Some(id)) => {
            let id = body::id_text(id);
            values.iter().find(|v| value_id(owner(field), v) == id)
        }
        (None, None) => None,
    };
    found
        .copied()
        .ok_or_else(|| invalid(json!({ "api_name": field.api_name, "pick_list_values": entry })))
}
