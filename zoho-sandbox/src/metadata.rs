//! The metadata the official SDKs fetch before record operations: modules, fields, related
//! lists, custom views and contact roles (users are `users.rs`'s).

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::answers::{self, Answer};
use crate::body;
use crate::ctx::{module_scope, Ctx, Handled};
use crate::schema::{self, FieldDef, FieldType, ModuleDef};
use zoho_spec::scope::{Operation, Requirement, Scope};

fn settings_scope(name: &str) -> Requirement {
    Requirement::one(Scope::crm(&["settings", name], Operation::Read))
}

/// `GET /settings/modules` and `GET /settings/modules/{api_name}`.
pub(crate) fn modules(ctx: &Ctx<'_>, name: Option<&str>) -> Handled {
    ctx.require(&settings_scope("modules"))?;
    let list: Vec<Value> = match name {
        Some(name) => vec![module_json(ctx.module(name)?, 0)],
        None => schema::modules()
            .iter()
            .enumerate()
            .map(|(i, m)| module_json(m, i))
            .collect(),
    };
    Ok(Answer::json(StatusCode::OK, json!({ "modules": list })))
}

fn module_json(m: &ModuleDef, index: usize) -> Value {
    json!({
        "api_name": m.api_name,
        "module_name": m.api_name,
        "singular_label": m.singular,
        "plural_label": m.api_name.replace('_', " "),
        "id": m.id,
        "api_supported": true,
        "creatable": true,
        "editable": true,
        "deletable": true,
        "viewable": true,
        "convertable": m.api_name == "Leads",
        "generated_type": "default",
        "sequence_number": index + 1,
        "visible": true,
        "status": "visible",
        "modified_time": "2021-01-01T00:00:00+00:00",
        "modified_by": null,
    })
}

/// The module named by the `module` query parameter.
fn module_param(ctx: &Ctx<'_>) -> Result<&'static ModuleDef, Answer> {
    let name = ctx
        .param("module")
        .ok_or_else(|| answers::required_param_missing("module"))?;
    ctx.module(name)
}

/// `GET /settings/fields?module=`.
pub(crate) fn fields(ctx: &Ctx<'_>) -> Handled {
    ctx.require(&settings_scope("fields"))?;
    let m = module_param(ctx)?;
    let fields: Vec<Value> = m
        .fields()
        .enumerate()
        .map(|(i, f)| field_json(m, i, f))
        .collect();
    Ok(Answer::json(StatusCode::OK, json!({ "fields": fields })))
}

fn field_json(m: &ModuleDef, index: usize, f: &FieldDef) -> Value {
    let mut v = json!({
        "api_name": f.api_name,
        "field_label": f.label,
        "display_label": f.label,
        "data_type": f.kind.name(),
        "json_type": f.kind.json_type(),
        "id": format!("{}{:03}", &m.id[..15], index + 1),
        "length": if matches!(f.kind, FieldType::TextArea) { 32000 } else { 255 },
        "read_only": f.read_only,
        "field_read_only": f.read_only,
        "system_mandatory": f.mandatory,
        "custom_field": f.custom,
        "visible": true,
        "unique": { "casesensitive": false },
        "is_unique": f.unique,
        "external": if f.external { json!({ "type": "user", "show": true }) } else { Value::Null },
        "mass_update": !f.read_only && !f.unique,
    });
    match f.kind {
        FieldType::Picklist(values) => v["pick_list_values"] = picklist_json(values),
        FieldType::MultiSelect(values) => v["pick_list_values"] = picklist_json(values),
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
    v
}

fn picklist_json(values: &[&str]) -> Value {
    values
        .iter()
        .map(|x| json!({ "display_value": x, "actual_value": x }))
        .collect()
}

/// `GET /settings/related_lists?module=`.
pub(crate) fn related_lists(ctx: &Ctx<'_>) -> Handled {
    ctx.require(&settings_scope("related_lists"))?;
    let m = module_param(ctx)?;
    let lists: Vec<Value> = m
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let target = schema::module(r.module).map_or("", |t| t.id);
            json!({
                "api_name": r.api_name,
                "display_label": r.label,
                "name": r.api_name,
                "id": r.id,
                "module": { "api_name": r.module, "id": target },
                "href": format!("{}/{{id}}/{}", m.api_name, r.api_name),
                "type": "default",
                "sequence_number": (i + 1).to_string(),
                "visible": true,
            })
        })
        .collect();
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "related_lists": lists }),
    ))
}

/// `GET /settings/custom_views?module=`: each module has one view, "All {module}".
pub(crate) fn custom_views(ctx: &Ctx<'_>) -> Handled {
    ctx.require(&settings_scope("custom_views"))?;
    let m = module_param(ctx)?;
    let name = format!("All {}", m.api_name.replace('_', " "));
    let view = json!({
        "id": m.cvid, "name": name, "display_value": name, "system_name": format!("ALL{}", m.api_name.to_uppercase()),
        "default": true, "category": "public_views", "offline": false, "system_defined": true,
    });
    let info =
        json!({ "per_page": 200, "count": 1, "page": 1, "more_records": false, "default": m.cvid });
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "custom_views": [view], "info": info }),
    ))
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
