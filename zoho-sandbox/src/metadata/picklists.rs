//! Picklist values: a field's (`settings/fields/{id}/pick_list_values`) and the global
//! picklists several fields share (`settings/global_picklists`), whose values the fields that
//! use them offer, in metadata and in record writes alike.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::Operation;

use super::{
    answer_under, edit, info, invalid, missing, module_param, objects, require, text, unknown_id,
    written,
};
use crate::answers::{self, Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::schema::{intern, GlobalPicklist, Schema};
use crate::store::Store;

/// The scope family of global picklists.
const FAMILY: &str = "global_picklist";

/// A value's id: the same for the same value of the same field or global picklist, so that it
/// survives other values being added or removed.
pub(super) fn value_id(owner: u64, value: &str) -> String {
    let hash = value.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!(
        "{}{:09}",
        owner / 1_000_000_000,
        (hash ^ owner) % 1_000_000_000
    )
}

/// Values as `pick_list_values` shows them.
pub(super) fn values_json(owner: u64, values: &[&str]) -> Value {
    values
        .iter()
        .enumerate()
        .map(|(i, x)| {
            json!({
                "display_value": x, "actual_value": x, "id": value_id(owner, x),
                "sequence_number": i + 1, "type": "used",
            })
        })
        .collect()
}

/// The values of a create: each entry's `actual_value`, else its `display_value`.
pub(super) fn new_values(given: &[Value]) -> Result<Vec<String>, Outcome> {
    let mut values: Vec<String> = Vec::new();
    for entry in given {
        let value = entry_value(entry).ok_or_else(|| missing("display_value"))?;
        if values.iter().any(|v| v == value) {
            return Err(invalid(json!({ "api_name": "pick_list_values" })));
        }
        values.push(value.to_string());
    }
    Ok(values)
}

fn entry_value(entry: &Value) -> Option<&str> {
    let entry = entry.as_object()?;
    text(entry, "actual_value").or_else(|| text(entry, "display_value"))
}

/// Applies the `pick_list_values` of an update: an entry without `id` is added, one with an
/// `id` and `_delete` is removed, one with an `id` and a value renames that value.
pub(super) fn apply_values(
    owner: u64,
    values: &[&'static str],
    changes: &[Value],
) -> Result<Vec<String>, Outcome> {
    let mut out: Vec<String> = values.iter().map(|v| v.to_string()).collect();
    for change in changes {
        let entry = change
            .as_object()
            .ok_or_else(|| invalid(json!({ "api_name": "pick_list_values" })))?;
        match entry.get("id") {
            None => {
                let value = entry_value(change).ok_or_else(|| missing("display_value"))?;
                if !out.iter().any(|v| v == value) {
                    out.push(value.to_string());
                }
            }
            Some(id) => {
                let id = body::id_text(id);
                let at = out
                    .iter()
                    .position(|v| value_id(owner, v) == id)
                    .ok_or_else(|| invalid(json!({ "id": id })))?;
                if entry.contains_key("_delete") {
                    out.remove(at);
                } else if let Some(value) = entry_value(change) {
                    out[at] = value.to_string();
                }
            }
        }
    }
    Ok(out)
}

/// `GET /settings/fields/{field_id}/pick_list_values?module=`.
pub(crate) fn field_values(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "fields", Operation::Read)?;
    let m = module_param(ctx)?;
    let f = super::fields::field_of(m, ctx.at("field"))?;
    let values = f.kind.values().ok_or_else(|| unknown_id(ctx.at("field")))?;
    let list = values_json(f.global_picklist.unwrap_or(f.id), values);
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "pick_list_values": list }),
    ))
}

fn picklist_json(schema: &Schema, g: &GlobalPicklist) -> Value {
    let used = associated(schema, g.id).len();
    json!({
        "id": g.id.to_string(), "api_name": g.api_name, "display_label": g.label,
        "actual_label": g.label, "pick_list_values": values_json(g.id, &g.values),
        "pick_list_values_sorted_lexically": false, "used_in_modules": used,
        "created_by": null, "modified_by": null,
    })
}

/// The fields offering the global picklist `id`, with their modules.
fn associated(schema: &Schema, id: u64) -> Vec<(&'static str, &'static str, u64)> {
    schema
        .modules()
        .flat_map(|m| {
            m.fields()
                .filter(|f| f.global_picklist == Some(id))
                .map(|f| (m.api_name, f.api_name, f.id))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `GET /settings/global_picklists`.
pub(crate) fn list(ctx: &Ctx<'_>) -> Handled {
    require(ctx, FAMILY, Operation::Read)?;
    let list: Vec<Value> = ctx
        .schema
        .global_picklists
        .iter()
        .map(|g| picklist_json(&ctx.schema, g))
        .collect();
    if list.is_empty() {
        return Ok(Answer::no_content());
    }
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "global_picklists": list }),
    ))
}

fn path_picklist<'c>(ctx: &'c Ctx<'_>) -> Result<&'c GlobalPicklist, Answer> {
    let id = ctx.at("id");
    body::parse_id(id)
        .and_then(|id| ctx.schema.global_picklist(id))
        .ok_or_else(|| unknown_id(id))
}

/// `GET /settings/global_picklists/{id}`.
pub(crate) fn get(ctx: &Ctx<'_>) -> Handled {
    require(ctx, FAMILY, Operation::Read)?;
    let g = path_picklist(ctx)?;
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "global_picklists": [picklist_json(&ctx.schema, g)] }),
    ))
}

/// `POST /settings/global_picklists`.
pub(crate) fn create(ctx: &Ctx<'_>) -> Handled {
    require(ctx, FAMILY, Operation::Create)?;
    let items = objects(ctx, "global_picklists")?;
    let outcomes = edit(ctx, |schema, _| {
        Ok(items.iter().map(|item| create_one(schema, item)).collect())
    })?;
    Ok(answer_under(
        "global_picklists",
        outcomes,
        StatusCode::CREATED,
    ))
}

fn create_one(schema: &mut Schema, item: &Map<String, Value>) -> Outcome {
    let Some(label) = text(item, "display_label") else {
        return missing("display_label");
    };
    let api_name = text(item, "api_name").map_or_else(|| super::api_name_of(label), str::to_string);
    if schema
        .global_picklists
        .iter()
        .any(|g| g.api_name.eq_ignore_ascii_case(&api_name))
    {
        return Outcome::err_400(
            "DUPLICATE_DATA",
            "duplicate data",
            json!({ "api_name": "display_label" }),
        );
    }
    let given = item.get("pick_list_values").and_then(Value::as_array);
    let values = match new_values(given.map_or(&[][..], Vec::as_slice)) {
        Ok(values) if !values.is_empty() => values,
        Ok(_) => return missing("pick_list_values"),
        Err(outcome) => return outcome,
    };
    let id = schema.new_id();
    schema.global_picklists.push(GlobalPicklist {
        id,
        api_name: intern::text(&api_name),
        label: label.to_string(),
        values: intern::list(&values).to_vec(),
        replaced: Vec::new(),
    });
    written("global picklist created", id)
}

/// `PATCH /settings/global_picklists`: each item names its picklist by `id`.
pub(crate) fn update_many(ctx: &Ctx<'_>) -> Handled {
    require(ctx, FAMILY, Operation::Update)?;
    let items = objects(ctx, "global_picklists")?;
    let outcomes = edit(ctx, |schema, _| {
        Ok(items
            .iter()
            .map(|item| match super::id_in(item.get("id"), "id") {
                Ok(id) => update(schema, id, item),
                Err(outcome) => outcome,
            })
            .collect())
    })?;
    Ok(answer_under("global_picklists", outcomes, StatusCode::OK))
}

/// `PATCH /settings/global_picklists/{id}`.
pub(crate) fn update_one(ctx: &Ctx<'_>) -> Handled {
    require(ctx, FAMILY, Operation::Update)?;
    let id = path_picklist(ctx)?.id;
    let items = objects(ctx, "global_picklists")?;
    let outcomes = edit(ctx, |schema, _| Ok(vec![update(schema, id, &items[0])]))?;
    Ok(answer_under("global_picklists", outcomes, StatusCode::OK))
}

/// Changes a global picklist's label or values, and the values of every field using it.
fn update(schema: &mut Schema, id: u64, item: &Map<String, Value>) -> Outcome {
    let Some(g) = schema.global_picklists.iter_mut().find(|g| g.id == id) else {
        return invalid(json!({ "id": id.to_string() }));
    };
    if let Some(label) = text(item, "display_label") {
        g.label = label.to_string();
    }
    if let Some(changes) = item.get("pick_list_values").and_then(Value::as_array) {
        match apply_values(g.id, &g.values, changes) {
            Ok(values) if !values.is_empty() => g.values = intern::list(&values).to_vec(),
            Ok(_) => return missing("pick_list_values"),
            Err(outcome) => return outcome,
        }
    }
    schema.sync_global_picklist(id);
    written("global picklist updated", id)
}

/// `DELETE /settings/global_picklists?ids=`.
pub(crate) fn delete_many(ctx: &Ctx<'_>) -> Handled {
    require(ctx, FAMILY, Operation::Delete)?;
    let ids = body::comma_list(ctx.param("ids").unwrap_or(""));
    if ids.is_empty() {
        return Err(answers::required_param_missing("ids"));
    }
    let outcomes = edit(ctx, |schema, _| {
        Ok(ids.iter().map(|id| delete(schema, id)).collect())
    })?;
    Ok(answer_under("global_picklists", outcomes, StatusCode::OK))
}

/// `DELETE /settings/global_picklists/{id}`.
pub(crate) fn delete_one(ctx: &Ctx<'_>) -> Handled {
    require(ctx, FAMILY, Operation::Delete)?;
    let id = ctx.at("id").to_string();
    let outcomes = edit(ctx, |schema, _| Ok(vec![delete(schema, &id)]))?;
    Ok(answer_under("global_picklists", outcomes, StatusCode::OK))
}

/// Deletes a global picklist no field uses.
fn delete(schema: &mut Schema, id: &str) -> Outcome {
    let Some(id) = body::parse_id(id).filter(|id| schema.global_picklist(*id).is_some()) else {
        return invalid(json!({ "id": id }));
    };
    let users = associated(schema, id);
    if let Some((module, field, _)) = users.first() {
        return invalid(json!({ "id": id.to_string(), "module": module, "api_name": field }));
    }
    schema.global_picklists.retain(|g| g.id != id);
    written("global picklist deleted", id)
}

/// `POST /settings/global_picklists/{id}/actions/replace_picklist_values`: each old value is
/// replaced by another value of the picklist in every record of a field using it, and leaves
/// the picklist's values. Zoho runs this as a job; the sandbox finishes it before answering,
/// with the job's id.
pub(crate) fn replace_values(ctx: &Ctx<'_>) -> Handled {
    // Zoho's page asks `CREATE` (or `ALL`) of this action.
    require(ctx, FAMILY, Operation::Create)?;
    let id = path_picklist(ctx)?.id;
    let items = objects(ctx, "replace_picklist_values")?;
    let outcomes = edit(ctx, |schema, store| {
        Ok(items
            .iter()
            .map(|item| replace_one(schema, store, id, item))
            .collect())
    })?;
    Ok(answer_under(
        "replace_picklist_values",
        outcomes,
        StatusCode::OK,
    ))
}

fn replace_one(
    schema: &mut Schema,
    store: &mut Store,
    id: u64,
    item: &Map<String, Value>,
) -> Outcome {
    let (old, new) = match replacement(schema, id, item) {
        Ok(pair) => pair,
        Err(outcome) => return outcome,
    };
    if let Some(g) = schema.global_picklists.iter_mut().find(|g| g.id == id) {
        g.values.retain(|v| *v != old);
        g.replaced.push((old, new));
    }
    for (module, field, _) in associated(schema, id) {
        for record in store.records_mut(module) {
            if record.fields.get(field).and_then(Value::as_str) == Some(old) {
                record.fields.insert(field.to_string(), json!(new));
            }
        }
    }
    schema.sync_global_picklist(id);
    let job = schema.new_id();
    let mut outcome = Outcome::ok(
        "picklist values replaced",
        json!({ "job_id": job.to_string() }),
    );
    outcome.body["code"] = json!("SCHEDULED");
    outcome
}

/// The old value and the new one an item names, each by `id` or value: two values of the
/// picklist, the old one not `-None-` (Zoho's page: it cannot be replaced).
fn replacement(
    schema: &Schema,
    id: u64,
    item: &Map<String, Value>,
) -> Result<(&'static str, &'static str), Outcome> {
    let g = schema
        .global_picklist(id)
        .ok_or_else(|| invalid(json!({ "id": id.to_string() })))?;
    let side = |key: &str| -> Option<String> {
        let value = item.get(key)?;
        if let Some(vid) = value.get("id") {
            let vid = body::id_text(vid);
            let found = g.values.iter().find(|v| value_id(id, v) == vid);
            return found.map(|v| v.to_string());
        }
        entry_value(value).map(str::to_string)
    };
    let old = side("old_value").ok_or_else(|| missing("old_value"))?;
    let new = side("new_value").ok_or_else(|| missing("new_value"))?;
    let offered = |value: &str| g.values.contains(&value);
    if !offered(&old) || old == "-None-" {
        return Err(invalid(json!({ "api_name": "old_value" })));
    }
    if !offered(&new) || new == old {
        return Err(invalid(json!({ "api_name": "new_value" })));
    }
    Ok((intern::text(&old), intern::text(&new)))
}

/// `GET /settings/global_picklists/{id}/actions/replaced_values`.
pub(crate) fn replaced_values(ctx: &Ctx<'_>) -> Handled {
    require(ctx, FAMILY, Operation::Read)?;
    let g = path_picklist(ctx)?;
    let list: Vec<Value> = g
        .replaced
        .iter()
        .map(|(old, new)| json!({ "display_value": old, "actual_value": old, "replaced_by": new }))
        .collect();
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "replaced_values": list }),
    ))
}

/// `GET /settings/global_picklists/{id}/actions/associations`: the fields using it.
pub(crate) fn associations(ctx: &Ctx<'_>) -> Handled {
    require(ctx, FAMILY, Operation::Read)?;
    let g = path_picklist(ctx)?;
    let list: Vec<Value> = associated(&ctx.schema, g.id)
        .into_iter()
        .filter_map(|(module, field, field_id)| {
            let m = ctx.schema.module(module)?;
            let layouts: Vec<Value> = m
                .layouts
                .iter()
                .filter(|l| l.sections.iter().any(|s| s.fields.contains(&field)))
                .map(|l| json!({ "name": l.name, "id": l.id.to_string(), "status": status(l.active) }))
                .collect();
            Some(json!({
                "field": { "api_name": field, "id": field_id.to_string() },
                "module": { "plural_label": m.plural, "api_name": m.api_name, "id": m.id },
                "layouts": layouts,
            }))
        })
        .collect();
    let count = list.len();
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "associations": list, "info": info(count) }),
    ))
}

fn status(active: bool) -> &'static str {
    if active {
        "active"
    } else {
        "inactive"
    }
}

/// `GET /settings/global_picklists/{id}/actions/pick_list_values_associations?picklist_value_id=`:
/// for one value, the records that hold it, by module.
pub(crate) fn value_associations(ctx: &Ctx<'_>) -> Handled {
    require(ctx, FAMILY, Operation::Read)?;
    let g = path_picklist(ctx)?;
    let wanted = ctx
        .param("picklist_value_id")
        .ok_or_else(|| answers::required_param_missing("picklist_value_id"))?;
    let value = g
        .values
        .iter()
        .find(|v| value_id(g.id, v) == wanted)
        .ok_or_else(|| unknown_id(wanted))?;
    let store = ctx.store();
    let resources: Vec<Value> = associated(&ctx.schema, g.id)
        .into_iter()
        .map(|(module, field, _)| {
            let details: Vec<Value> = store
                .records(module)
                .filter(|(_, r)| r.fields.get(field).and_then(Value::as_str) == Some(value))
                .map(|(id, _)| json!({ "id": id.to_string() }))
                .collect();
            json!({ "id": module, "name": module, "details": details })
        })
        .collect();
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "pick_list_values_associations": [{ "type": "records", "resources": resources }] }),
    ))
}
