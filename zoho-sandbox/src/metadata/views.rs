//! Custom views (`settings/custom_views`: listed, read, their sort order changed) and related
//! lists (`settings/related_lists`).

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::Operation;

use super::{answer_under, edit, invalid, missing, module_param, objects, require, written};
use crate::answers::{self, Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::schema::{CustomView, ModuleDef, RelatedDef, Schema};

/// Views a page lists at most.
const MAX_PER_PAGE: usize = 200;

fn view_json(m: &ModuleDef, v: &CustomView) -> Value {
    let field = |name: &str| {
        m.field(name)
            .map(|f| json!({ "api_name": f.api_name, "id": f.id.to_string() }))
    };
    json!({
        "id": v.id, "name": v.name, "display_value": v.name, "system_name": v.system_name,
        "default": v.default, "category": "public_views", "offline": false,
        "system_defined": v.system_defined, "favorite": null, "criteria": null,
        "module": { "api_name": m.api_name, "id": m.id },
        "fields": v.fields.iter().filter_map(|f| field(f)).collect::<Vec<_>>(),
        "sort_by": v.sort_by.and_then(field),
        "sort_order": v.sort_by.map(|_| if v.descending { "desc" } else { "asc" }),
    })
}

/// `GET /settings/custom_views?module=[&page=&per_page=]`.
pub(crate) fn list(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "custom_views", Operation::Read)?;
    let m = module_param(ctx)?;
    let number = |name: &str, default: usize| match ctx.param(name) {
        None => Ok(default),
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| answers::invalid_param(name)),
    };
    let (page, per_page) = (number("page", 1)?, number("per_page", MAX_PER_PAGE)?);
    if per_page > MAX_PER_PAGE {
        return Err(answers::invalid_param("per_page"));
    }
    let skip = (page - 1).saturating_mul(per_page);
    let views: Vec<Value> = m
        .views
        .iter()
        .skip(skip)
        .take(per_page)
        .map(|v| view_json(m, v))
        .collect();
    let info = json!({
        "per_page": per_page, "count": views.len(), "page": page,
        "more_records": m.views.len() > skip + views.len(), "default": m.cvid,
    });
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "custom_views": views, "info": info }),
    ))
}

/// `GET /settings/custom_views/{id}?module=`.
pub(crate) fn get(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "custom_views", Operation::Read)?;
    let m = module_param(ctx)?;
    let id = ctx.at("id");
    let v = m
        .views
        .iter()
        .find(|v| v.id == id)
        .ok_or_else(|| super::unknown_id(id))?;
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "custom_views": [view_json(m, v)] }),
    ))
}

/// `PUT /settings/custom_views/actions/change_sort?module=`: each item names its view by `id`.
pub(crate) fn change_sort_many(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "custom_views", Operation::Update)?;
    let name = module_param(ctx)?.api_name;
    let items = objects(ctx, "custom_views")?;
    let outcomes = edit(ctx, |schema, _| {
        Ok(items
            .iter()
            .map(|item| match item.get("id").map(body::id_text) {
                Some(id) => sort(schema, name, &id, item),
                None => missing("id"),
            })
            .collect())
    })?;
    Ok(answer_under("custom_views", outcomes, StatusCode::OK))
}

/// `PUT /settings/custom_views/{id}/actions/change_sort?module=`.
pub(crate) fn change_sort_one(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "custom_views", Operation::Update)?;
    let name = module_param(ctx)?.api_name;
    let id = ctx.at("id").to_string();
    let items = objects(ctx, "custom_views")?;
    let outcomes = edit(ctx, |schema, _| {
        Ok(vec![sort(schema, name, &id, &items[0])])
    })?;
    Ok(answer_under("custom_views", outcomes, StatusCode::OK))
}

/// Sorts a view by `sort_by` (a field's API name, or `{"api_name": …}`) in `sort_order`.
fn sort(schema: &mut Schema, module: &str, id: &str, item: &Map<String, Value>) -> Outcome {
    let Some(m) = schema.module_mut(module) else {
        return invalid(json!({ "api_name": "module" }));
    };
    let by = item.get("sort_by").and_then(|v| match v {
        Value::Object(map) => map.get("api_name").and_then(Value::as_str),
        other => other.as_str(),
    });
    let Some(field) = by.and_then(|name| m.field(name)).map(|f| f.api_name) else {
        return invalid(json!({ "api_name": "sort_by" }));
    };
    let descending = match item.get("sort_order").and_then(Value::as_str) {
        None | Some("asc") => false,
        Some("desc") => true,
        Some(_) => return invalid(json!({ "api_name": "sort_order" })),
    };
    let Some(view) = m.views.iter_mut().find(|v| v.id == id) else {
        return invalid(json!({ "id": id }));
    };
    view.sort_by = Some(field);
    view.descending = descending;
    written("custom view updated", id.parse().unwrap_or_default())
}

fn related_json(ctx: &Ctx<'_>, m: &ModuleDef, index: usize, r: &RelatedDef) -> Value {
    let target = ctx.schema.module(r.module).map_or("", |t| t.id);
    json!({
        "api_name": r.api_name,
        "display_label": r.label,
        "name": r.api_name,
        "id": r.id,
        "module": { "api_name": r.module, "id": target },
        "href": format!("{}/{{id}}/{}", m.api_name, r.api_name),
        "type": "default",
        "sequence_number": (index + 1).to_string(),
        "visible": true,
    })
}

/// `GET /settings/related_lists?module=[&layout_id=]`.
pub(crate) fn related_lists(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "related_lists", Operation::Read)?;
    let m = module_param(ctx)?;
    check_layout(ctx, m)?;
    let lists: Vec<Value> = m
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| related_json(ctx, m, i, r))
        .collect();
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "related_lists": lists }),
    ))
}

/// `GET /settings/related_lists/{id}?module=[&layout_id=]`.
pub(crate) fn related_list(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "related_lists", Operation::Read)?;
    let m = module_param(ctx)?;
    check_layout(ctx, m)?;
    let id = ctx.at("id");
    let (i, r) = m
        .related
        .iter()
        .enumerate()
        .find(|(_, r)| r.id == id)
        .ok_or_else(|| super::unknown_id(id))?;
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "related_lists": [related_json(ctx, m, i, r)] }),
    ))
}

/// Every layout of a module shows all its related lists; `layout_id` must name one of them.
fn check_layout(ctx: &Ctx<'_>, m: &ModuleDef) -> Result<(), Answer> {
    match ctx.param("layout_id") {
        Some(id) if body::parse_id(id).and_then(|id| m.layout(id)).is_none() => {
            Err(answers::invalid_param("layout_id"))
        }
        _ => Ok(()),
    }
}
