//! What the organisation has: its features with their limits and what it uses of them
//! (`__features`, counted from the live schema and the users), the APIs the sandbox serves
//! (`__apis`, read from its own route table) and its wizards (`settings/wizards`).

use axum::http::StatusCode;
use serde_json::{json, Value};
use zoho_spec::scope::{Operation, Requirement, Scope};
use zoho_spec::{shape, Method};

use super::{info, require};
use crate::answers::{self, Answer};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::pattern;
use crate::routes;
use crate::schema::{ModuleDef, Schema, Wizard};

/// One feature: its API name, label, whether it is counted per module, and its edition limit.
struct Feature {
    api_name: &'static str,
    label: &'static str,
    per_module: bool,
    limit: usize,
}

/// The features the sandbox counts. The limits are those of an Enterprise edition as Zoho's
/// pages give them; an organisation's own may differ.
const FEATURES: &[Feature] = &[
    Feature {
        api_name: "custom_modules",
        label: "Custom Modules",
        per_module: false,
        limit: 200,
    },
    Feature {
        api_name: "custom_fields",
        label: "Custom Fields",
        per_module: true,
        limit: 500,
    },
    Feature {
        api_name: "layouts",
        label: "Layouts",
        per_module: true,
        limit: 10,
    },
    Feature {
        api_name: "custom_views",
        label: "Custom Views",
        per_module: true,
        limit: 100,
    },
    Feature {
        api_name: "global_picklists",
        label: "Global Picklists",
        per_module: false,
        limit: 10,
    },
    Feature {
        api_name: "map_dependencies",
        label: "Map Dependencies",
        per_module: true,
        limit: 50,
    },
    Feature {
        api_name: "wizards",
        label: "Wizards",
        per_module: true,
        limit: 25,
    },
    Feature {
        api_name: "data_enrichment",
        label: "Data Enrichment",
        per_module: false,
        limit: 0,
    },
    Feature {
        api_name: "user_licenses",
        label: "User Licenses",
        per_module: false,
        limit: 0,
    },
];

/// Licences an organisation of the sandbox has bought: some more than its users take.
const SPARE_LICENSES: usize = 5;

fn features_scope() -> Requirement {
    Requirement::one(Scope::crm(&["features"], Operation::Read))
}

/// How much of a feature is used: in one module, or in the whole organisation.
fn used(schema: &Schema, users: usize, feature: &Feature, module: Option<&ModuleDef>) -> usize {
    let modules: Vec<&ModuleDef> = match module {
        Some(m) => vec![m],
        None => schema.modules().collect(),
    };
    let each = |count: fn(&ModuleDef) -> usize| modules.iter().map(|m| count(m)).sum();
    match feature.api_name {
        "custom_modules" => schema.modules().filter(|m| m.custom).count(),
        "custom_fields" => each(|m| m.fields().filter(|f| f.custom).count()),
        "layouts" => each(|m| m.layouts.len()),
        "custom_views" => each(|m| m.views.len()),
        "map_dependencies" => each(|m| m.layouts.iter().map(|l| l.dependencies.len()).sum()),
        "global_picklists" => schema.global_picklists.len(),
        "wizards" => schema
            .wizards
            .iter()
            .filter(|w| module.is_none_or(|m| m.api_name == w.module))
            .count(),
        "user_licenses" => users,
        _ => 0,
    }
}

fn feature_json(
    ctx: &Ctx<'_>,
    users: usize,
    feature: &Feature,
    module: Option<&ModuleDef>,
) -> Value {
    let used = used(&ctx.schema, users, feature, module);
    let limit = match feature.api_name {
        "user_licenses" => users + SPARE_LICENSES,
        _ => feature.limit.max(used),
    };
    let count = |n: usize| json!({ "total": n, "edition_limit": n });
    json!({
        "api_name": feature.api_name, "feature_label": feature.label,
        "module_supported": feature.per_module, "parent_feature": null, "components": [],
        "details": {
            "limits": count(limit), "used_count": count(used),
            "available_count": count(limit - used),
        },
    })
}

/// `GET /__features[?module=&api_names=]`.
pub(crate) fn list(ctx: &Ctx<'_>) -> Handled {
    ctx.require(&features_scope())?;
    let module = ctx.param("module").map(|m| ctx.module(m)).transpose()?;
    let wanted = ctx.param("api_names").map(body::comma_list);
    let users = ctx.store().people.users.len();
    let list: Vec<Value> = FEATURES
        .iter()
        .filter(|f| module.is_none() || f.per_module)
        .filter(|f| {
            wanted
                .as_ref()
                .is_none_or(|w| w.iter().any(|n| n == f.api_name))
        })
        .map(|f| feature_json(ctx, users, f, module))
        .collect();
    let count = list.len();
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "__features": list, "info": info(count) }),
    ))
}

/// `GET /__features/{api_name}[?module=]`, `…/data_enrichment`, `…/user_licenses`.
pub(crate) fn one(ctx: &Ctx<'_>) -> Handled {
    ctx.require(&features_scope())?;
    let module = ctx.param("module").map(|m| ctx.module(m)).transpose()?;
    let name = ctx.at("feature");
    let feature = FEATURES
        .iter()
        .find(|f| f.api_name == name)
        .ok_or_else(|| answers::invalid_param("feature_api_name"))?;
    let users = ctx.store().people.users.len();
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "__features": [feature_json(ctx, users, feature, module)] }),
    ))
}

/// `GET /__apis[?filters=]`: every path the sandbox serves, a module's paths once per module,
/// with each method and the scope the records API's shapes need. `filters` keeps the paths
/// that contain it.
pub(crate) fn apis(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "modules", Operation::Read)?;
    let filter = ctx.param("filters").unwrap_or("");
    let version = ctx.version.as_str();
    let mut list = Vec::new();
    for route in routes::routes().filter(|r| r.is_url()) {
        for m in modules_of(ctx, route.pattern) {
            let segments = pattern::shape_segments(route.pattern, m.unwrap_or("{module}"));
            let path = format!("/crm/{version}/{}", segments.join("/"));
            if !path.contains(filter) {
                continue;
            }
            let operations: Vec<Value> = Method::ALL
                .iter()
                .filter(|method| route.handler(**method).is_some())
                .map(|method| operation_json(*method, &segments))
                .collect();
            list.push(json!({ "path": path, "operation_types": operations }));
        }
    }
    Ok(Answer::json(StatusCode::OK, json!({ "__apis": list })))
}

/// The modules a pattern is listed for: each module when it has a `{module}` capture.
fn modules_of(ctx: &Ctx<'_>, pattern: &str) -> Vec<Option<&'static str>> {
    if pattern.contains("{module}") {
        ctx.schema.modules().map(|m| Some(m.api_name)).collect()
    } else {
        vec![None]
    }
}

fn operation_json(method: Method, segments: &[String]) -> Value {
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    let scope = shape::requirement(method, &segments, false).and_then(|need| {
        need.alternatives()
            .first()?
            .first()
            .map(|s| s.as_str().to_owned())
    });
    json!({ "method": method.as_str(), "oauth_scope": scope, "max_credits": 1, "min_credits": 1 })
}

fn wizard_json(schema: &Schema, w: &Wizard) -> Value {
    let m = schema.module(w.module);
    let layout = m.and_then(|m| m.layout(w.layout));
    let screens: Vec<Value> = w
        .screens
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({ "display_label": s.label, "id": format!("{}{}", w.id, i + 1),
                              "segments": [{ "fields": s.fields.iter()
                                  .map(|f| json!({ "api_name": f })).collect::<Vec<_>>() }] })
        })
        .collect();
    json!({
        "id": w.id.to_string(), "name": w.name, "active": w.active,
        "module": m.map(|m| json!({ "api_name": m.api_name, "id": m.id })),
        "created_time": "2021-01-01T00:00:00+00:00", "modified_time": "2021-01-01T00:00:00+00:00",
        "modified_by": null, "profiles": [],
        "containers": [{
            "id": format!("{}0", w.id),
            "layout": layout.map(|l| json!({ "id": l.id.to_string(), "name": l.name })),
            "screens": screens,
        }],
    })
}

/// `GET /settings/wizards`.
pub(crate) fn wizards(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "wizards", Operation::Read)?;
    let list: Vec<Value> = ctx
        .schema
        .wizards
        .iter()
        .map(|w| wizard_json(&ctx.schema, w))
        .collect();
    if list.is_empty() {
        return Ok(Answer::no_content());
    }
    Ok(Answer::json(StatusCode::OK, json!({ "wizards": list })))
}

/// `GET /settings/wizards/{id}[?layout_id=]`.
pub(crate) fn wizard(ctx: &Ctx<'_>) -> Handled {
    require(ctx, "wizards", Operation::Read)?;
    let id = ctx.at("id");
    let layout = ctx.param("layout_id").map(body::parse_id);
    let w = body::parse_id(id)
        .and_then(|id| ctx.schema.wizards.iter().find(|w| w.id == id))
        .filter(|w| layout.is_none_or(|l| l == Some(w.layout)))
        .ok_or_else(|| super::unknown_id(id))?;
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "wizards": [wizard_json(&ctx.schema, w)] }),
    ))
}
