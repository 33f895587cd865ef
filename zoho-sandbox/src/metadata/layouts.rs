//! `settings/layouts`: a module's layouts, their sections and fields, updated, activated,
//! deactivated and deleted. Records name their layout as `Layout: {"id": …}`.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::Operation;

use super::{answer_under, edit, invalid, missing, module_param, objects, require, text, written};
use crate::answers::{self, Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::schema::{Layout, ModuleDef, Schema, Section};
use crate::store::Store;

/// `GET /settings/layouts?module=`.
pub(crate) fn list(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "layouts", Operation::Read)?;
    let m = module_param(ctx)?;
    let list: Vec<Value> = m.layouts.iter().map(|l| layout_json(ctx, m, l)).collect();
    Ok(Answer::json(StatusCode::OK, json!({ "layouts": list })))
}

/// `GET /settings/layouts/{id}?module=`.
pub(crate) fn get(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "layouts", Operation::Read)?;
    let m = module_param(ctx)?;
    let l = path_layout(ctx, m)?;
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "layouts": [layout_json(ctx, m, l)] }),
    ))
}

pub(super) fn path_layout<'m>(ctx: &Ctx<'_>, m: &'m ModuleDef) -> Result<&'m Layout, Answer> {
    let id = ctx
        .capture("id")
        .or(ctx.capture("layout_id"))
        .unwrap_or_default();
    body::parse_id(id)
        .and_then(|id| m.layout(id))
        .ok_or_else(|| super::unknown_id(id))
}

fn layout_json(ctx: &Ctx<'_>, m: &ModuleDef, l: &Layout) -> Value {
    let sections: Vec<Value> = l
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let fields: Vec<Value> = s
                .fields
                .iter()
                .filter_map(|name| m.field(name))
                .map(|f| super::fields::field_json(ctx, m, f))
                .collect();
            json!({ "display_label": s.label, "name": s.label, "sequence_number": i + 1,
                    "column_count": 2, "fields": fields })
        })
        .collect();
    json!({
        "id": l.id.to_string(), "name": l.name, "display_label": l.name,
        "status": if l.active { "active" } else { "inactive" }, "visible": l.active,
        "source": "crm", "generated_type": if l.standard { "default" } else { "custom" },
        "sections": sections, "profiles": [],
    })
}

/// `PATCH /settings/layouts?module=`: each item names its layout by `id`.
pub(crate) fn update_many(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "layouts", Operation::Update)?;
    let name = module_param(ctx)?.api_name;
    let items = objects(ctx, "layouts")?;
    let outcomes = edit(ctx, |schema, _| {
        Ok(items
            .iter()
            .map(|item| match super::id_in(item.get("id"), "id") {
                Ok(id) => update(schema, name, id, item),
                Err(outcome) => outcome,
            })
            .collect())
    })?;
    Ok(answer_under("layouts", outcomes, StatusCode::OK))
}

/// `PATCH /settings/layouts/{id}?module=`.
pub(crate) fn update_one(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "layouts", Operation::Update)?;
    let m = module_param(ctx)?;
    let (name, id) = (m.api_name, path_layout(ctx, m)?.id);
    let items = objects(ctx, "layouts")?;
    let outcomes = edit(ctx, |schema, _| {
        Ok(vec![update(schema, name, id, &items[0])])
    })?;
    Ok(answer_under("layouts", outcomes, StatusCode::OK))
}

/// Renames a layout or gives it new sections, each naming fields of the module.
fn update(schema: &mut Schema, module: &str, id: u64, item: &Map<String, Value>) -> Outcome {
    let Some(m) = schema.module_mut(module) else {
        return invalid(json!({ "api_name": "module" }));
    };
    let sections = match item.get("sections").and_then(Value::as_array) {
        Some(given) => match sections_of(m, given) {
            Ok(sections) => Some(sections),
            Err(outcome) => return outcome,
        },
        None => None,
    };
    let Some(layout) = m.layouts.iter_mut().find(|l| l.id == id) else {
        return invalid(json!({ "id": id.to_string() }));
    };
    if let Some(name) = text(item, "name") {
        layout.name = name.to_string();
    }
    if let Some(sections) = sections {
        layout.sections = sections;
    }
    written("layout updated successfully", id)
}

fn sections_of(m: &ModuleDef, given: &[Value]) -> Result<Vec<Section>, Outcome> {
    given
        .iter()
        .map(|section| {
            let section = section.as_object().ok_or_else(|| missing("sections"))?;
            let label = text(section, "display_label").or_else(|| text(section, "name"));
            let fields = section.get("fields").and_then(Value::as_array);
            let fields = fields
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(|f| {
                    let key = f.get("api_name").or_else(|| f.get("id"));
                    let key = key.map(body::id_text).unwrap_or_default();
                    m.field_by_name_or_id(&key)
                        .map(|f| f.api_name)
                        .ok_or_else(|| invalid(json!({ "api_name": key })))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Section {
                label: label.unwrap_or("Information").to_string(),
                fields,
            })
        })
        .collect()
}

/// `DELETE /settings/layouts/{id}?module=[&transfer_to=]`: a layout the organisation made;
/// its records move to `transfer_to`.
pub(crate) fn delete(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "layouts", Operation::Delete)?;
    let m = module_param(ctx)?;
    let layout = path_layout(ctx, m)?;
    refuse_standard(layout)?;
    let (name, id) = (m.api_name, layout.id);
    let to = transfer_target(ctx, m, id)?;
    edit(ctx, |schema, store| {
        if let Some(m) = schema.module_mut(name) {
            m.layouts.retain(|l| l.id != id);
        }
        transfer(store, name, id, to);
        Ok(())
    })?;
    let outcome = written("layout deleted", id);
    Ok(answer_under("layouts", vec![outcome], StatusCode::OK))
}

fn refuse_standard(layout: &Layout) -> Result<(), Answer> {
    if !layout.standard {
        return Ok(());
    }
    Err(answers::error(
        StatusCode::BAD_REQUEST,
        "INVALID_DATA",
        "the standard layout cannot be deleted or deactivated",
        json!({ "id": layout.id.to_string() }),
    ))
}

/// The layout `transfer_to` names (another layout of the module), else the default one.
fn transfer_target(ctx: &Ctx<'_>, m: &ModuleDef, leaving: u64) -> Result<Option<u64>, Answer> {
    match ctx.param("transfer_to") {
        None => Ok(m
            .layouts
            .iter()
            .find(|l| l.active && l.id != leaving)
            .map(|l| l.id)),
        Some(text) => body::parse_id(text)
            .filter(|id| *id != leaving && m.layout(*id).is_some())
            .map(Some)
            .ok_or_else(|| answers::invalid_param("transfer_to")),
    }
}

/// Moves the records of layout `from` to layout `to` (or to none).
fn transfer(store: &mut Store, module: &str, from: u64, to: Option<u64>) {
    let from = json!(from.to_string());
    for record in store.records_mut(module) {
        if record.fields.get("Layout").and_then(|l| l.get("id")) == Some(&from) {
            match to {
                Some(to) => record
                    .fields
                    .insert("Layout".into(), json!({ "id": to.to_string() })),
                None => record.fields.remove("Layout"),
            };
        }
    }
}

/// `POST /settings/layouts/{id}/actions/activate?module=`.
pub(crate) fn activate(ctx: &Ctx<'_>) -> Handled {
    set_active(ctx, true)
}

/// `DELETE /settings/layouts/{id}/actions/activate?module=[&transfer_to=]`.
pub(crate) fn deactivate(ctx: &Ctx<'_>) -> Handled {
    set_active(ctx, false)
}

fn set_active(ctx: &Ctx<'_>, active: bool) -> Handled {
    require(ctx, "layouts", Operation::Update)?;
    let m = module_param(ctx)?;
    let layout = path_layout(ctx, m)?;
    let (name, id) = (m.api_name, layout.id);
    let to = if active {
        None
    } else {
        refuse_standard(layout)?;
        transfer_target(ctx, m, id)?
    };
    edit(ctx, |schema, store| {
        if let Some(l) = schema
            .module_mut(name)
            .and_then(|m| m.layouts.iter_mut().find(|l| l.id == id))
        {
            l.active = active;
        }
        if !active {
            transfer(store, name, id, to);
        }
        Ok(())
    })?;
    let message = if active {
        "layout activated"
    } else {
        "layout deactivated"
    };
    Ok(answer_under(
        "layouts",
        vec![written(message, id)],
        StatusCode::OK,
    ))
}
