//! `settings/fields`: a module's fields, read, created, updated and deleted.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::Operation;

use super::picklists::{apply_values, new_values, values_json};
use super::{answer_under, edit, invalid, missing, module_param, objects, require, text, written};
use crate::answers::{Answer, Outcome};
use crate::ctx::{Ctx, Handled};
use crate::schema::{intern, FieldDef, FieldType, ModuleDef, Schema};
use crate::store::Store;

/// `GET /settings/fields?module=[&type=unused]`.
pub(crate) fn list(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "fields", Operation::Read)?;
    let m = module_param(ctx)?;
    // Every field is in a layout, so none is unused.
    let unused = ctx.param("type") == Some("unused");
    let fields: Vec<Value> = m
        .fields()
        .filter(|_| !unused)
        .map(|f| field_json(ctx, m, f))
        .collect();
    Ok(Answer::json(StatusCode::OK, json!({ "fields": fields })))
}

/// `GET /settings/fields/{id or api_name}?module=`.
pub(crate) fn get(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "fields", Operation::Read)?;
    let m = module_param(ctx)?;
    let f = field_of(m, ctx.at("field"))?;
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "fields": [field_json(ctx, m, f)] }),
    ))
}

pub(super) fn field_of<'m>(m: &'m ModuleDef, key: &str) -> Result<&'m FieldDef, Answer> {
    m.field_by_name_or_id(key)
        .ok_or_else(|| super::unknown_id(key))
}

/// A field as `settings/fields` shows it.
pub(super) fn field_json(ctx: &Ctx<'_>, m: &ModuleDef, f: &FieldDef) -> Value {
    let mut v = json!({
        "api_name": f.api_name,
        "field_label": f.label,
        "display_label": f.label,
        "data_type": f.kind.name(),
        "json_type": f.kind.json_type(),
        "id": f.id.to_string(),
        "length": f.length,
        "read_only": f.read_only,
        "field_read_only": f.read_only,
        "system_mandatory": f.mandatory,
        "custom_field": f.custom,
        "visible": true,
        "unique": { "casesensitive": false },
        "is_unique": f.unique,
        "external": if f.external { json!({ "type": "user", "show": true }) } else { Value::Null },
        "mass_update": !f.read_only && !f.unique,
        "layouts": m.layouts.iter()
            .filter(|l| l.sections.iter().any(|s| s.fields.contains(&f.api_name)))
            .map(|l| json!({ "id": l.id.to_string(), "name": l.name }))
            .collect::<Vec<_>>(),
    });
    add_kind_details(ctx, f, &mut v);
    v
}

/// What a field's type adds: picklist values, a global picklist, a lookup's target, a
/// formula's return type, a subform's module.
fn add_kind_details(ctx: &Ctx<'_>, f: &FieldDef, v: &mut Value) {
    if let Some(values) = f.kind.values() {
        v["pick_list_values"] = values_json(f.global_picklist.unwrap_or(f.id), values);
    }
    if let Some(id) = f.global_picklist {
        let name = ctx.schema.global_picklist(id).map(|g| g.api_name);
        v["global_picklist"] = json!({ "id": id.to_string(), "api_name": name });
    }
    match f.kind {
        FieldType::Lookup(target) => {
            v["lookup"] = json!({ "module": { "api_name": target }, "api_name": f.api_name });
        }
        FieldType::Formula(returns) => {
            v["formula"] =
                json!({ "return_type": returns, "expression": "Annual_Revenue / No_of_Employees" });
        }
        FieldType::Subform(module) => v["subform"] = json!({ "module": module }),
        _ => {}
    }
}

/// `POST /settings/fields?module=`: custom fields, each added to the module's layouts.
pub(crate) fn create(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "fields", Operation::Create)?;
    let name = module_param(ctx)?.api_name;
    let items = objects(ctx, "fields")?;
    let outcomes = edit(ctx, |schema, _| {
        Ok(items
            .iter()
            .map(|item| create_one(schema, name, item))
            .collect())
    })?;
    Ok(answer_under("fields", outcomes, StatusCode::CREATED))
}

fn create_one(schema: &mut Schema, module: &'static str, item: &Map<String, Value>) -> Outcome {
    let field = match new_field(schema, module, item) {
        Ok(field) => field,
        Err(outcome) => return outcome,
    };
    let Some(m) = schema.module_mut(module) else {
        return invalid(json!({ "api_name": "module" }));
    };
    // Before the system fields, where the organisation's own fields are shown.
    let at = m
        .fields
        .iter()
        .position(|f| f.api_name == "Owner")
        .unwrap_or(m.fields.len());
    m.fields.insert(at, field);
    for layout in m.layouts.iter_mut() {
        if let Some(section) = layout.sections.first_mut() {
            section.fields.push(field.api_name);
        }
    }
    written("field created", field.id)
}

/// The field an item describes, with a fresh id, if the module has none of its name.
fn new_field(
    schema: &mut Schema,
    module: &str,
    item: &Map<String, Value>,
) -> Result<FieldDef, Outcome> {
    let label = text(item, "field_label")
        .or_else(|| text(item, "display_label"))
        .ok_or_else(|| missing("field_label"))?;
    let data_type = text(item, "data_type").ok_or_else(|| missing("data_type"))?;
    let api_name = text(item, "api_name").map_or_else(|| super::api_name_of(label), str::to_string);
    if !zoho_spec::modules::is_api_name(&api_name) {
        return Err(invalid(json!({ "api_name": "api_name" })));
    }
    let taken = schema.module(module).is_some_and(|m| {
        m.fields()
            .any(|f| f.api_name.eq_ignore_ascii_case(&api_name))
    });
    if taken {
        return Err(Outcome::err_400(
            "DUPLICATE_DATA",
            "duplicate data",
            json!({ "api_name": "field_label" }),
        ));
    }
    let (kind, global) = kind_of(schema, data_type, item)?;
    let mut field = FieldDef::new(intern::text(&api_name), intern::text(label), kind).custom();
    field.id = schema.new_id();
    field.global_picklist = global;
    if let Some(length) = item.get("length").and_then(Value::as_u64) {
        field.length = u32::try_from(length).unwrap_or(u32::MAX);
    }
    Ok(field)
}

/// The type a created field's `data_type` names, and the global picklist it offers.
fn kind_of(
    schema: &Schema,
    data_type: &str,
    item: &Map<String, Value>,
) -> Result<(FieldType, Option<u64>), Outcome> {
    let plain = match data_type {
        "text" => FieldType::Text,
        "textarea" => FieldType::TextArea,
        "email" => FieldType::Email,
        "phone" => FieldType::Phone,
        "website" => FieldType::Website,
        "integer" => FieldType::Integer,
        "double" => FieldType::Double,
        "currency" => FieldType::Currency,
        "boolean" => FieldType::Boolean,
        "date" => FieldType::Date,
        "datetime" => FieldType::DateTime,
        "bigint" => FieldType::BigInt,
        "decimal" => FieldType::Decimal,
        "percent" => FieldType::Percent,
        "picklist" => return picklist_of(schema, FieldType::Picklist(&[]), item),
        "multiselectpicklist" => return picklist_of(schema, FieldType::MultiSelect(&[]), item),
        "lookup" => {
            let target = item
                .get("lookup")
                .and_then(|l| l.get("module"))
                .and_then(|m| m.get("api_name"))
                .and_then(Value::as_str)
                .and_then(|name| schema.module(name))
                .ok_or_else(|| invalid(json!({ "api_name": "lookup" })))?;
            FieldType::Lookup(target.api_name)
        }
        _ => return Err(invalid(json!({ "api_name": "data_type" }))),
    };
    Ok((plain, None))
}

/// A picklist's values: its own `pick_list_values`, or those of the global picklist it names.
fn picklist_of(
    schema: &Schema,
    kind: FieldType,
    item: &Map<String, Value>,
) -> Result<(FieldType, Option<u64>), Outcome> {
    if let Some(global) = item.get("global_picklist") {
        let id = super::id_in(global.get("id"), "global_picklist")?;
        let values = schema
            .global_picklist(id)
            .ok_or_else(|| invalid(json!({ "api_name": "global_picklist" })))?
            .values
            .clone();
        return Ok((kind.with_values(intern::list(&values)), Some(id)));
    }
    let given = item.get("pick_list_values").and_then(Value::as_array);
    let values = new_values(given.map_or(&[][..], Vec::as_slice))?;
    if values.is_empty() {
        return Err(missing("pick_list_values"));
    }
    Ok((kind.with_values(intern::list(&values)), None))
}

/// `PATCH /settings/fields?module=`: each item names its field by `id` (or `api_name`).
pub(crate) fn update_many(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "fields", Operation::Update)?;
    let name = module_param(ctx)?.api_name;
    let items = objects(ctx, "fields")?;
    let outcomes = edit(ctx, |schema, _| {
        Ok(items
            .iter()
            .map(|item| {
                let key = item
                    .get("id")
                    .map(crate::body::id_text)
                    .or_else(|| text(item, "api_name").map(str::to_string));
                match key {
                    Some(key) => update(schema, name, &key, item),
                    None => missing("id"),
                }
            })
            .collect())
    })?;
    Ok(answer_under("fields", outcomes, StatusCode::OK))
}

/// `PATCH /settings/fields/{id}?module=`.
pub(crate) fn update_one(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "fields", Operation::Update)?;
    let m = module_param(ctx)?;
    let key = field_of(m, ctx.at("field"))?.id.to_string();
    let (name, items) = (m.api_name, objects(ctx, "fields")?);
    let outcomes = edit(ctx, |schema, _| {
        Ok(vec![update(schema, name, &key, &items[0])])
    })?;
    Ok(answer_under("fields", outcomes, StatusCode::OK))
}

/// Changes a field's label, length or picklist values (not those of a global picklist, which
/// change through `settings/global_picklists`).
fn update(schema: &mut Schema, module: &str, key: &str, item: &Map<String, Value>) -> Outcome {
    let Some(m) = schema.module_mut(module) else {
        return invalid(json!({ "api_name": "module" }));
    };
    let Some(field) = m
        .fields
        .iter_mut()
        .find(|f| f.id.to_string() == key || f.api_name.eq_ignore_ascii_case(key))
    else {
        return invalid(json!({ "id": key }));
    };
    if let Some(label) = text(item, "field_label").or_else(|| text(item, "display_label")) {
        field.label = intern::text(label);
    }
    if let Some(length) = item.get("length").and_then(Value::as_u64) {
        field.length = u32::try_from(length).unwrap_or(u32::MAX);
    }
    if let Some(changes) = item.get("pick_list_values").and_then(Value::as_array) {
        let Some(values) = field
            .kind
            .values()
            .filter(|_| field.global_picklist.is_none())
        else {
            return invalid(json!({ "api_name": "pick_list_values" }));
        };
        match apply_values(field.id, values, changes) {
            Ok(values) => field.kind = field.kind.with_values(intern::list(&values)),
            Err(outcome) => return outcome,
        }
    }
    written("field updated", field.id)
}

/// `DELETE /settings/fields/{id}?module=`: a custom field, with its values in every record and
/// its place in layouts, views and map dependencies.
pub(crate) fn delete(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "fields", Operation::Delete)?;
    let m = module_param(ctx)?;
    let field = *field_of(m, ctx.at("field"))?;
    if !field.custom {
        return Err(crate::answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "a field Zoho made cannot be deleted",
            json!({ "id": field.id.to_string(), "api_name": field.api_name }),
        ));
    }
    let module = m.api_name;
    edit(ctx, |schema, store| {
        remove(schema, store, module, field.api_name);
        Ok(())
    })?;
    let outcome = written("field deleted", field.id);
    Ok(answer_under("fields", vec![outcome], StatusCode::OK))
}

fn remove(schema: &mut Schema, store: &mut Store, module: &'static str, name: &'static str) {
    if let Some(m) = schema.module_mut(module) {
        m.fields.retain(|f| f.api_name != name);
        for layout in m.layouts.iter_mut() {
            for section in layout.sections.iter_mut() {
                section.fields.retain(|f| *f != name);
            }
            layout
                .dependencies
                .retain(|d| d.parent != name && d.child != name);
        }
        for view in m.views.iter_mut() {
            view.fields.retain(|f| *f != name);
            if view.sort_by == Some(name) {
                view.sort_by = None;
            }
        }
    }
    for record in store.records_mut(module) {
        record.fields.remove(name);
    }
}
