//! `settings/modules`: list, get by API name or id, create custom modules, update labels.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::modules::{classify, FirstSegment};
use zoho_spec::scope::Operation;

use super::{answer_under, edit, invalid, missing, objects, require, text, written};
use crate::answers::{Answer, Outcome};
use crate::ctx::{Ctx, Handled};
use crate::schema::{intern, seed, CustomView, Layout, ModuleDef, Schema, Section};

/// `GET /settings/modules[?status=visible]`.
pub(crate) fn list(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "modules", Operation::Read)?;
    // Every module the sandbox serves is visible; other statuses list none.
    let shown = ctx
        .param("status")
        .is_none_or(|s| s.split(',').any(|s| s.trim() == "visible"));
    let list: Vec<Value> = ctx
        .schema
        .modules()
        .filter(|_| shown)
        .enumerate()
        .map(|(i, m)| module_json(m, i))
        .collect();
    Ok(Answer::json(StatusCode::OK, json!({ "modules": list })))
}

/// `GET /settings/modules/{api_name}` and `GET /settings/modules/{id}`.
pub(crate) fn get(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "modules", Operation::Read)?;
    let (index, m) = find(&ctx.schema, ctx.at("name"))?;
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "modules": [module_json(m, index)] }),
    ))
}

fn find<'s>(schema: &'s Schema, key: &str) -> Result<(usize, &'s ModuleDef), Answer> {
    let m = schema
        .module_by_name_or_id(key)
        .ok_or_else(crate::answers::invalid_module)?;
    let index = schema
        .modules()
        .position(|x| x.api_name == m.api_name)
        .unwrap_or(0);
    Ok((index, m))
}

pub(super) fn module_json(m: &ModuleDef, index: usize) -> Value {
    json!({
        "api_name": m.api_name,
        "module_name": m.api_name,
        "singular_label": m.singular,
        "plural_label": m.plural,
        "id": m.id,
        "api_supported": true,
        "creatable": true,
        "editable": true,
        "deletable": true,
        "viewable": true,
        "convertable": m.api_name == "Leads",
        "generated_type": if m.custom { "custom" } else { "default" },
        "sequence_number": index + 1,
        "visible": true,
        "status": "visible",
        "modified_time": "2021-01-01T00:00:00+00:00",
        "modified_by": null,
    })
}

/// `POST /settings/modules`: custom modules, each with a mandatory `Name` field, a standard
/// layout and an "All" view.
pub(crate) fn create(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "modules", Operation::Create)?;
    let items = objects(ctx, "modules")?;
    let outcomes = edit(ctx, |schema, _| {
        Ok(items.iter().map(|item| create_one(schema, item)).collect())
    })?;
    Ok(answer_under("modules", outcomes, StatusCode::CREATED))
}

fn create_one(schema: &mut Schema, item: &Map<String, Value>) -> Outcome {
    let Some(singular) = text(item, "singular_label") else {
        return missing("singular_label");
    };
    let Some(plural) = text(item, "plural_label") else {
        return missing("plural_label");
    };
    let name = text(item, "api_name").map_or_else(|| super::api_name_of(plural), str::to_string);
    if !zoho_spec::modules::is_api_name(&name) {
        return invalid(json!({ "api_name": "api_name" }));
    }
    let reserved = !matches!(classify(&name), FirstSegment::Unknown);
    if reserved || schema.module(&name).is_some() {
        return Outcome::err_400(
            "DUPLICATE_DATA",
            "duplicate data",
            json!({ "api_name": "api_name" }),
        );
    }
    let module = custom_module(schema, intern::text(&name), singular, plural);
    let id = module.id.parse().unwrap_or_default();
    schema.add_module(module);
    written("module created successfully", id)
}

fn custom_module(
    schema: &mut Schema,
    api_name: &'static str,
    singular: &str,
    plural: &str,
) -> ModuleDef {
    let id = schema.new_id();
    let label = intern::text(&format!("{singular} Name"));
    let mut fields = seed::custom_module_fields(label);
    for field in fields.iter_mut() {
        field.id = schema.new_id();
    }
    let names: Vec<&'static str> = fields.iter().map(|f| f.api_name).collect();
    let layout = Layout {
        id: schema.new_id(),
        name: "Standard".into(),
        active: true,
        standard: true,
        sections: vec![Section {
            label: format!("{singular} Information"),
            fields: names.clone(),
        }],
        dependencies: Vec::new(),
    };
    let cvid = intern::text(&schema.new_id().to_string());
    let view = CustomView {
        id: cvid,
        name: format!("All {plural}"),
        system_name: format!("ALL{}", api_name.to_uppercase()),
        default: true,
        system_defined: true,
        fields: names.into_iter().take(5).collect(),
        sort_by: None,
        descending: false,
    };
    ModuleDef {
        api_name,
        singular: singular.into(),
        plural: plural.into(),
        id: intern::text(&id.to_string()),
        cvid,
        fields,
        related: Vec::new(),
        mass_update_fields: 1,
        custom: true,
        layouts: vec![layout],
        views: vec![view],
        by_name: Default::default(),
    }
}

/// `PUT /settings/modules`: each item names its module by `id` or `api_name`.
pub(crate) fn update_many(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "modules", Operation::Update)?;
    let items = objects(ctx, "modules")?;
    let outcomes = edit(ctx, |schema, _| {
        Ok(items
            .iter()
            .map(|item| {
                let key = item
                    .get("id")
                    .map(crate::body::id_text)
                    .or_else(|| text(item, "api_name").map(str::to_string));
                match key {
                    Some(key) => update(schema, &key, item),
                    None => missing("id"),
                }
            })
            .collect())
    })?;
    Ok(answer_under("modules", outcomes, StatusCode::OK))
}

/// `PUT /settings/modules/{api_name}` and `PUT /settings/modules/{id}`.
pub(crate) fn update_one(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "modules", Operation::Update)?;
    let items = objects(ctx, "modules")?;
    let key = ctx.at("name").to_string();
    find(&ctx.schema, &key)?;
    let outcomes = edit(ctx, |schema, _| Ok(vec![update(schema, &key, &items[0])]))?;
    Ok(answer_under("modules", outcomes, StatusCode::OK))
}

/// Changes a module's labels.
fn update(schema: &mut Schema, key: &str, item: &Map<String, Value>) -> Outcome {
    let Some(name) = schema.module_by_name_or_id(key).map(|m| m.api_name) else {
        return invalid(json!({ "id": key }));
    };
    let Some(m) = schema.module_mut(name) else {
        return invalid(json!({ "id": key }));
    };
    if let Some(label) = text(item, "singular_label") {
        m.singular = label.to_string();
    }
    if let Some(label) = text(item, "plural_label") {
        m.plural = label.to_string();
    }
    written(
        "module updated successfully",
        m.id.parse().unwrap_or_default(),
    )
}
