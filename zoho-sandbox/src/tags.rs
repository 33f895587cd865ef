//! Tags: `/settings/tags` (a module's tags, created, renamed, merged, deleted, counted, mass
//! deleted) and `/{module}[/{id}]/actions/add_tags|remove_tags` (tags put on and taken off
//! records).
//!
//! A record's tags are its `Tag` field, `[{"name", "id", "color_code"}]`, so a record read back
//! shows them; renaming, merging or deleting a tag rewrites the records that carry it. Names
//! are unique in a module (compared case-insensitively) and at most 25 characters; colours are
//! Zoho's thirteen. `add_tags` creates the tags a module lacks, as Zoho does.
//!
//! Not known from Zoho's documentation, and so chosen here: a mass deletion of tags is done
//! when scheduled (its status answers `COMPLETED` at once); its answer is `202` with
//! `{"mass_delete": [{"code": "SCHEDULED", "details": {"job_id"}, …}]}`; a record takes any
//! number of tags (Zoho's limits per record and per module are not enforced, though
//! `info.allowed_count` says 500).

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::{Operation, Requirement, Scope};

use crate::answers::{self, write_answer, Answer, Outcome};
use crate::body;
use crate::ctx::{module_scope, Ctx, Handled};
use crate::routes::Route;
use crate::schema::ModuleDef;
use crate::store::{patricia, Store};
use crate::tags_state::{MassDeleteJob, TagDef};
use crate::time;

/// The routes of tags, before `/settings/*` and the generic record routes.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/settings/tags")
        .get(list)
        .post(create)
        .put(|c| update(c, None)),
    Route::new("/settings/tags/actions/mass_delete")
        .get(mass_delete_status)
        .post(mass_delete),
    Route::new("/settings/tags/{tag}")
        .put(|c| update(c, Some(c.at("tag"))))
        .delete(delete),
    Route::new("/settings/tags/{tag}/actions/merge").post(merge),
    Route::new("/settings/tags/{tag}/actions/records_count").get(records_count),
    Route::new("/{module}/actions/add_tags").post(|c| tag_records(c, None, true)),
    Route::new("/{module}/actions/remove_tags").post(|c| tag_records(c, None, false)),
    Route::new("/{module}/{id}/actions/add_tags").post(|c| tag_records(c, Some(c.at("id")), true)),
    Route::new("/{module}/{id}/actions/remove_tags")
        .post(|c| tag_records(c, Some(c.at("id")), false)),
];

/// The colours Zoho offers for tags.
const COLORS: &[&str] = &[
    "#57B1FD", "#879BFC", "#658BA8", "#FD87BD", "#969696", "#F48435", "#1DB9B4", "#E7A826",
    "#63C57E", "#F17574", "#D297EE", "#A8C026", "#B88562",
];
const MAX_NAME: usize = 25;
/// Records one `add_tags` or `remove_tags` call may name.
const MAX_RECORDS: usize = 500;
/// Tags one mass deletion may name.
const MAX_MASS_DELETE: usize = 200;

fn require(ctx: &Ctx<'_>, op: Operation) -> Result<(), Answer> {
    ctx.require(&Requirement::one(Scope::crm(&["settings", "tags"], op)))
}

/// The module of `?module=`, required.
fn module_param<'c>(ctx: &'c Ctx<'_>) -> Result<&'c ModuleDef, Answer> {
    let name = ctx
        .param("module")
        .ok_or_else(|| answers::required_param_missing("module"))?;
    ctx.module(name)
}

/// Outcomes under `key` (`tags`, `contact_roles`) instead of `data`, with the status a write
/// of them gets.
pub(crate) fn keyed_answer(outcomes: Vec<Outcome>, success: StatusCode, key: &str) -> Answer {
    let mut answer = write_answer(outcomes, success);
    if let Some(Value::Object(body)) = &mut answer.body {
        if let Some(items) = body.remove("data") {
            body.insert(key.into(), items);
        }
    }
    answer
}

fn tags_answer(outcomes: Vec<Outcome>, success: StatusCode) -> Answer {
    keyed_answer(outcomes, success, "tags")
}

/// The `tags` array of a body.
fn tags_of(body: &Map<String, Value>) -> Result<&Vec<Value>, Answer> {
    match body.get("tags") {
        Some(Value::Array(items)) if !items.is_empty() => Ok(items),
        _ => Err(answers::mandatory_body_key("tags")),
    }
}

fn shown(id: u64, tag: &TagDef) -> Value {
    json!({
        "id": id.to_string(),
        "name": tag.name,
        "color_code": tag.color_code,
        "created_time": tag.created_time,
        "modified_time": tag.modified_time,
        "created_by": patricia(),
        "modified_by": patricia(),
    })
}

fn details(id: u64, tag: &TagDef) -> Value {
    json!({
        "id": id.to_string(),
        "created_time": tag.created_time,
        "modified_time": tag.modified_time,
        "created_by": patricia(),
        "modified_by": patricia(),
    })
}

/// `GET /settings/tags?module=`: the module's tags.
pub(crate) fn list(ctx: &Ctx<'_>) -> Handled {
    require(ctx, Operation::Read)?;
    let module = module_param(ctx)?;
    let store = ctx.store();
    let tags: Vec<Value> = store
        .tags
        .of(module.api_name)
        .map(|(id, t)| shown(id, t))
        .collect();
    let info = json!({ "count": tags.len(), "allowed_count": 500 });
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "tags": tags, "info": info }),
    ))
}

/// `POST /settings/tags?module=`: new tags.
pub(crate) fn create(ctx: &Ctx<'_>) -> Handled {
    require(ctx, Operation::Create)?;
    let module = module_param(ctx)?;
    let body = body::object(&ctx.req.body)?;
    let mut store = ctx.store();
    let outcomes = tags_of(&body)?
        .iter()
        .map(|tag| match create_one(&mut store, module.api_name, tag) {
            Ok(id) => {
                let tag = &store.tags.by_id[&id];
                Outcome::ok("tags created successfully", details(id, tag))
            }
            Err(outcome) => outcome,
        })
        .collect();
    Ok(tags_answer(outcomes, StatusCode::CREATED))
}

fn create_one(store: &mut Store, module: &'static str, tag: &Value) -> Result<u64, Outcome> {
    let name = checked_name(store, module, tag.get("name"), None)?
        .ok_or_else(|| crate::writes::mandatory_missing("name"))?;
    let color_code = checked_color(tag.get("color_code"))?;
    let now = time::now();
    let id = store.new_id();
    let def = TagDef {
        module,
        name,
        color_code,
        created_time: now.clone(),
        modified_time: now,
    };
    store.tags.by_id.insert(id, def);
    Ok(id)
}

/// A tag's new name, if given: text of at most 25 characters that no other tag of the
/// module (but `this`) has.
fn checked_name(
    store: &Store,
    module: &str,
    name: Option<&Value>,
    this: Option<u64>,
) -> Result<Option<String>, Outcome> {
    let Some(name) = name.filter(|n| !n.is_null()) else {
        return Ok(None);
    };
    let name = name
        .as_str()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .ok_or_else(|| invalid("name"))?;
    if name.chars().count() > MAX_NAME {
        return Err(Outcome::err_400(
            "INVALID_DATA",
            "invalid data",
            json!({ "api_name": "name", "maximum_length": MAX_NAME }),
        ));
    }
    match store.tags.named(module, name) {
        Some(other) if Some(other) != this => Err(Outcome::err_400(
            "DUPLICATE_DATA",
            "duplicate data",
            json!({ "api_name": "name", "id": other.to_string() }),
        )),
        _ => Ok(Some(name.to_owned())),
    }
}

fn checked_color(color: Option<&Value>) -> Result<Option<String>, Outcome> {
    match color {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(c)) if COLORS.iter().any(|k| k.eq_ignore_ascii_case(c)) => {
            Ok(Some(c.to_ascii_uppercase()))
        }
        Some(_) => Err(invalid("color_code")),
    }
}

fn invalid(api_name: &str) -> Outcome {
    Outcome::err_400(
        "INVALID_DATA",
        "invalid data",
        json!({ "api_name": api_name }),
    )
}

fn tag_not_found(id: &str) -> Outcome {
    Outcome::err_400("INVALID_DATA", "tags not found", json!({ "id": id }))
}

/// `PUT /settings/tags?module=` (ids in the tags) and `PUT /settings/tags/{id}?module=`.
pub(crate) fn update(ctx: &Ctx<'_>, path_id: Option<&str>) -> Handled {
    require(ctx, Operation::Update)?;
    let module = module_param(ctx)?;
    let body = body::object(&ctx.req.body)?;
    let tags = tags_of(&body)?;
    let tags = if path_id.is_some() {
        &tags[..1]
    } else {
        &tags[..]
    };
    let mut store = ctx.store();
    let outcomes = tags
        .iter()
        .map(
            |tag| match update_one(&mut store, module.api_name, path_id, tag) {
                Ok(outcome) | Err(outcome) => outcome,
            },
        )
        .collect();
    Ok(tags_answer(outcomes, StatusCode::OK))
}

fn update_one(
    store: &mut Store,
    module: &'static str,
    path_id: Option<&str>,
    tag: &Value,
) -> Result<Outcome, Outcome> {
    let raw = match path_id {
        Some(id) => json!(id),
        None => tag
            .get("id")
            .cloned()
            .ok_or_else(|| crate::writes::mandatory_missing("id"))?,
    };
    let id = body::id_of(&raw)
        .filter(|id| store.tags.by_id.get(id).is_some_and(|t| t.module == module))
        .ok_or_else(|| tag_not_found(&body::id_text(&raw)))?;
    let name = checked_name(store, module, tag.get("name"), Some(id))?;
    let color = checked_color(tag.get("color_code"))?;
    let def = store
        .tags
        .by_id
        .get_mut(&id)
        .ok_or_else(|| tag_not_found(""))?;
    if let Some(name) = name {
        def.name = name;
    }
    if color.is_some() {
        def.color_code = color;
    }
    def.modified_time = time::now();
    let outcome = Outcome::ok("tags updated successfully", details(id, def));
    retag_records(store, module, id, Some(id));
    Ok(outcome)
}

/// `DELETE /settings/tags/{id}`: the tag, and it off every record.
pub(crate) fn delete(ctx: &Ctx<'_>) -> Handled {
    require(ctx, Operation::Delete)?;
    let text = ctx.at("tag");
    let mut store = ctx.store();
    let outcome =
        match body::parse_id(text).and_then(|id| Some((id, store.tags.by_id.remove(&id)?))) {
            Some((id, def)) => {
                retag_records(&mut store, def.module, id, None);
                Outcome::ok("tags deleted successfully", json!({ "id": text }))
            }
            None => tag_not_found(text),
        };
    Ok(tags_answer(vec![outcome], StatusCode::OK))
}

/// `POST /settings/tags/{id}/actions/merge` with `{"tags": [{"conflict_id"}]}`: the records of
/// the tag `id` get the conflict tag, and `id` is deleted.
pub(crate) fn merge(ctx: &Ctx<'_>) -> Handled {
    require(ctx, Operation::Update)?;
    let text = ctx.at("tag");
    let body = body::object(&ctx.req.body)?;
    let into = tags_of(&body)?[0]
        .get("conflict_id")
        .and_then(body::id_of)
        .ok_or_else(|| answers::mandatory_body_key("conflict_id"))?;
    let mut store = ctx.store();
    let from = body::parse_id(text).filter(|id| store.tags.by_id.contains_key(id));
    let outcome = match (from, store.tags.by_id.get(&into).map(|t| t.module)) {
        (Some(from), Some(module)) if from != into && store.tags.by_id[&from].module == module => {
            store.tags.by_id.remove(&from);
            retag_records(&mut store, module, from, Some(into));
            Outcome::ok(
                "tags merged successfully",
                json!({ "id": into.to_string() }),
            )
        }
        (Some(_), _) => tag_not_found(&into.to_string()),
        (None, _) => tag_not_found(text),
    };
    Ok(tags_answer(vec![outcome], StatusCode::OK))
}

/// Replaces the tag `from` on every record of `module` by `to` (itself, renamed; another, merged
/// into; or none, deleted), keeping each record's tags distinct.
fn retag_records(store: &mut Store, module: &'static str, from: u64, to: Option<u64>) {
    let to = to.and_then(|id| Some(tag_entry(id, store.tags.by_id.get(&id)?)));
    let tagged: Vec<u64> = store
        .records(module)
        .filter(|(_, r)| {
            record_tags(&r.fields)
                .iter()
                .any(|t| tag_id(t) == Some(from))
        })
        .map(|(id, _)| id)
        .collect();
    for id in tagged {
        let Some(record) = store.get_mut(module, id) else {
            continue;
        };
        let before = record_tags(&record.fields);
        // In place, so that a renamed tag keeps its position.
        let mut tags: Vec<Value> = Vec::with_capacity(before.len());
        for tag in before {
            let entry = if tag_id(&tag) == Some(from) {
                to.clone()
            } else {
                Some(tag)
            };
            if let Some(entry) = entry.filter(|e| !tags.iter().any(|t| tag_id(t) == tag_id(e))) {
                tags.push(entry);
            }
        }
        record.fields.insert("Tag".into(), Value::Array(tags));
    }
}

fn tag_entry(id: u64, tag: &TagDef) -> Value {
    json!({ "name": tag.name, "id": id.to_string(), "color_code": tag.color_code })
}

fn tag_id(entry: &Value) -> Option<u64> {
    entry.get("id").and_then(body::id_of)
}

/// The tags a record carries.
fn record_tags(fields: &Map<String, Value>) -> Vec<Value> {
    match fields.get("Tag") {
        Some(Value::Array(tags)) => tags.clone(),
        _ => Vec::new(),
    }
}

/// `GET /settings/tags/{id}/actions/records_count?module=`: `{"count": "3"}`.
pub(crate) fn records_count(ctx: &Ctx<'_>) -> Handled {
    require(ctx, Operation::Read)?;
    let module = module_param(ctx)?;
    let text = ctx.at("tag");
    let store = ctx.store();
    let id = body::parse_id(text)
        .filter(|id| {
            store
                .tags
                .by_id
                .get(id)
                .is_some_and(|t| t.module == module.api_name)
        })
        .ok_or_else(|| {
            answers::error(
                StatusCode::BAD_REQUEST,
                "INVALID_DATA",
                "tags not found",
                json!({ "id": text }),
            )
        })?;
    let count = store
        .records(module.api_name)
        .filter(|(_, r)| record_tags(&r.fields).iter().any(|t| tag_id(t) == Some(id)))
        .count();
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "count": count.to_string() }),
    ))
}

/// `POST /{module}/{id}/actions/add_tags|remove_tags` and the same for `ids` of many records.
pub(crate) fn tag_records(ctx: &Ctx<'_>, path_id: Option<&str>, add: bool) -> Handled {
    let module = ctx.module(ctx.at("module"))?;
    ctx.require(&Requirement::one(module_scope(module, Operation::Update)))?;
    let body = body::object(&ctx.req.body)?;
    let names = tag_names(tags_of(&body)?)?;
    let ids = record_ids(ctx, &body, path_id)?;
    let over_write = body
        .get("over_write")
        .and_then(Value::as_bool)
        .unwrap_or(false)
        || ctx.param("over_write") == Some("true");
    let mut store = ctx.store();
    let outcomes = ids
        .iter()
        .map(|text| {
            let Some(id) =
                body::parse_id(text).filter(|id| store.get(module.api_name, *id).is_some())
            else {
                return Outcome::invalid_id(text);
            };
            let tags = if add {
                put_tags(&mut store, module.api_name, id, &names, over_write)
            } else {
                take_tags(&mut store, module.api_name, id, &names)
            };
            let details = json!({ "id": text, "tags": tags });
            Outcome::ok("tags updated successfully", details)
        })
        .collect();
    Ok(write_answer(outcomes, StatusCode::OK))
}

fn tag_names(tags: &[Value]) -> Result<Vec<String>, Answer> {
    tags.iter()
        .map(|t| {
            t.get("name")
                .and_then(Value::as_str)
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty() && n.chars().count() <= MAX_NAME)
                .ok_or_else(|| {
                    answers::error(
                        StatusCode::BAD_REQUEST,
                        "INVALID_DATA",
                        "invalid data",
                        json!({ "api_name": "name" }),
                    )
                })
        })
        .collect()
}

/// The records of a call: the path's one, or the body's `ids` (at most 500).
fn record_ids(
    ctx: &Ctx<'_>,
    body: &Map<String, Value>,
    path_id: Option<&str>,
) -> Result<Vec<String>, Answer> {
    if let Some(id) = path_id {
        return Ok(vec![id.to_owned()]);
    }
    let ids: Vec<String> = match body.get("ids") {
        Some(Value::Array(ids)) => ids.iter().map(body::id_text).collect(),
        _ => body::comma_list(ctx.param("ids").unwrap_or("")),
    };
    if ids.is_empty() {
        return Err(answers::mandatory_body_key("ids"));
    }
    if ids.len() > MAX_RECORDS {
        return Err(answers::limit_exceeded(MAX_RECORDS, "ids"));
    }
    Ok(ids)
}

/// Puts the named tags on a record, creating those the module lacks; its tags after.
fn put_tags(
    store: &mut Store,
    module: &'static str,
    id: u64,
    names: &[String],
    over_write: bool,
) -> Vec<Value> {
    let entries: Vec<Value> = names
        .iter()
        .filter_map(|name| {
            let tag = match store.tags.named(module, name) {
                Some(tag) => tag,
                None => create_one(store, module, &json!({ "name": name })).ok()?,
            };
            Some(tag_entry(tag, store.tags.by_id.get(&tag)?))
        })
        .collect();
    let Some(record) = store.get_mut(module, id) else {
        return Vec::new();
    };
    let mut tags = if over_write {
        Vec::new()
    } else {
        record_tags(&record.fields)
    };
    for entry in entries {
        if !tags.iter().any(|t| tag_id(t) == tag_id(&entry)) {
            tags.push(entry);
        }
    }
    record
        .fields
        .insert("Tag".into(), Value::Array(tags.clone()));
    tags
}

/// Takes the named tags off a record; its tags after.
fn take_tags(store: &mut Store, module: &'static str, id: u64, names: &[String]) -> Vec<Value> {
    let Some(record) = store.get_mut(module, id) else {
        return Vec::new();
    };
    let named = |t: &Value| {
        let name = t.get("name").and_then(Value::as_str).unwrap_or("");
        names.iter().any(|n| n.eq_ignore_ascii_case(name))
    };
    let tags: Vec<Value> = record_tags(&record.fields)
        .into_iter()
        .filter(|t| !named(t))
        .collect();
    record
        .fields
        .insert("Tag".into(), Value::Array(tags.clone()));
    tags
}

/// `POST /settings/tags/actions/mass_delete`: deletes the tags of one module, as a job.
pub(crate) fn mass_delete(ctx: &Ctx<'_>) -> Handled {
    require(ctx, Operation::Delete)?;
    let body = body::object(&ctx.req.body)?;
    let entry = match body.get("mass_delete") {
        Some(Value::Array(items)) if items.len() == 1 => &items[0],
        Some(Value::Array(items)) if items.len() > 1 => {
            return Err(answers::limit_exceeded(1, "mass_delete"));
        }
        _ => return Err(answers::mandatory_body_key("mass_delete")),
    };
    let module_name = entry
        .pointer("/module/api_name")
        .and_then(Value::as_str)
        .unwrap_or("");
    let module = ctx.module(module_name)?;
    let ids: Vec<u64> = match entry.get("tags") {
        Some(Value::Array(tags)) if tags.len() <= MAX_MASS_DELETE => tags
            .iter()
            .filter_map(|t| t.get("id").and_then(body::id_of))
            .collect(),
        Some(Value::Array(_)) => return Err(answers::limit_exceeded(MAX_MASS_DELETE, "tags")),
        _ => return Err(answers::mandatory_body_key("tags")),
    };
    let mut store = ctx.store();
    let mut deleted = 0;
    for id in &ids {
        if store
            .tags
            .by_id
            .get(id)
            .is_some_and(|t| t.module == module.api_name)
        {
            store.tags.by_id.remove(id);
            retag_records(&mut store, module.api_name, *id, None);
            deleted += 1;
        }
    }
    let job = store.new_id();
    store.tags.jobs.insert(
        job,
        MassDeleteJob {
            total: ids.len(),
            deleted,
        },
    );
    let outcome = answers::success_body(
        "mass delete scheduled",
        json!({ "job_id": job.to_string() }),
    );
    let mut outcome = outcome;
    outcome["code"] = json!("SCHEDULED");
    Ok(Answer::json(
        StatusCode::ACCEPTED,
        json!({ "mass_delete": [outcome] }),
    ))
}

/// `GET /settings/tags/actions/mass_delete?job_id=`: the job's counts.
pub(crate) fn mass_delete_status(ctx: &Ctx<'_>) -> Handled {
    require(ctx, Operation::Read)?;
    let text = ctx
        .param("job_id")
        .ok_or_else(|| answers::required_param_missing("job_id"))?;
    let store = ctx.store();
    let job = body::parse_id(text)
        .and_then(|id| store.tags.jobs.get(&id).copied())
        .ok_or_else(|| {
            answers::error(
                StatusCode::BAD_REQUEST,
                "INVALID_DATA",
                "the job_id is invalid",
                json!({ "param_name": "job_id" }),
            )
        })?;
    let status = json!({
        "job_id": text,
        "status": "COMPLETED",
        "total_count": job.total,
        "deleted_count": job.deleted,
        "failed_count": job.total - job.deleted,
    });
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "mass_delete": [status] }),
    ))
}
