//! Related records (seed 003), contact roles on deals (seed 001) and association by external ids
//! (seed 000): `/{module}/{id}/{related_list}[/{related_id}]`, listed, read one by one, linked
//! and delinked; and `/{module}/deleted/{id}/{related_list}`.
//!
//! The sandbox keeps no recycle bin: deleting a record deletes its relations with it, so the
//! related records of a deleted record are answered `204` (none), and a record that is not
//! deleted is `INVALID_DATA`. What Zoho answers for a deleted record's relations after the
//! recycle bin is emptied is not documented.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};

use crate::answers::{self, write_answer, Answer, Outcome};
use crate::body;
use crate::ctx::{module_scope, Ctx, Handled};
use crate::external::{self, External};
use crate::paging::{self, Sort};
use crate::routes::Route;
use crate::schema::{junction_key, ModuleDef, RelatedDef, RelatedSource};
use crate::store::{render, Fields, Store};
use crate::writes;
use zoho_spec::limits::MAX_RECORDS_PER_CALL;
use zoho_spec::scope::{Operation, Requirement};

/// The related lists of deleted records, before the generic `/{module}/{id}/{related_list}/…`.
pub(crate) static ROUTES: &[Route] =
    &[Route::new("/{module}/deleted/{id}/{related_list}").get(of_deleted)];

/// The two ends of a relation: the module in the path and the related list's module.
struct Ends<'c> {
    module: &'c ModuleDef,
    list: &'c RelatedDef,
    target: &'c ModuleDef,
}

/// The parts of a related-records path, `/{module}/{id}/{related_list}[/{related_id}]`.
fn path<'c>(ctx: &'c Ctx<'_>) -> (&'c str, &'c str, &'c str) {
    (ctx.at("module"), ctx.at("id"), ctx.at("related_list"))
}

/// `GET /{module}/{id}/{related_list}`: a page of related records, `204` when none.
pub(crate) fn list(ctx: &Ctx<'_>) -> Handled {
    let (module, id, list) = path(ctx);
    let ends = ends(ctx, module, list)?;
    ctx.require_module(ends.module, Operation::Read)?;
    let ext = external::parse(&ctx.schema, &ctx.req.headers)?;
    let fields = ctx.param("fields").map(body::comma_list);
    let window = paging::window(ctx, None)?;
    let rows = {
        let store = ctx.store();
        let parent = ext
            .resolve(&store, ends.module, id)
            .ok_or_else(|| parent_invalid(id))?;
        related_rows(&store, &ends, parent, fields.as_deref())
    };
    let sort = Sort {
        by: "id".into(),
        descending: false,
    };
    Ok(paging::answer(ctx, rows, window, &sort, None))
}

/// `GET /{module}/{id}/{related_list}/{related_id}`: one related record, `204` when the two
/// are not related.
pub(crate) fn get_one(ctx: &Ctx<'_>) -> Handled {
    let (module, id, list) = path(ctx);
    let ends = ends(ctx, module, list)?;
    ctx.require_module(ends.module, Operation::Read)?;
    let ext = external::parse(&ctx.schema, &ctx.req.headers)?;
    let fields = ctx.param("fields").map(body::comma_list);
    let rid = ctx.at("related_id");
    let store = ctx.store();
    let parent = ext
        .resolve(&store, ends.module, id)
        .ok_or_else(|| parent_invalid(id))?;
    let row = ext.resolve(&store, ends.target, rid).and_then(|child| {
        let child = json!(child.to_string());
        related_rows(&store, &ends, parent, fields.as_deref())
            .into_iter()
            .find(|row| row["id"] == child)
    });
    Ok(match row {
        Some(row) => Answer::data(StatusCode::OK, vec![row]),
        None => Answer::no_content(),
    })
}

/// `GET /{module}/deleted/{id}/{related_list}`: none, as the sandbox keeps no recycle bin; a
/// record that exists is not deleted (`INVALID_DATA`).
pub(crate) fn of_deleted(ctx: &Ctx<'_>) -> Handled {
    let (module, id, list) = path(ctx);
    let ends = ends(ctx, module, list)?;
    ctx.require_module(ends.module, Operation::Read)?;
    let live =
        body::parse_id(id).is_some_and(|id| ctx.store().get(ends.module.api_name, id).is_some());
    if live {
        return Err(answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "the record is not deleted",
            json!({ "id": id }),
        ));
    }
    Ok(Answer::no_content())
}

fn ends<'c>(ctx: &'c Ctx<'_>, module: &str, list: &str) -> Result<Ends<'c>, Answer> {
    let module = ctx.module(module)?;
    let list = module.related_list(list).ok_or_else(answers::invalid_url)?;
    let target = ctx
        .module(list.module)
        .map_err(|_| answers::invalid_url())?;
    Ok(Ends {
        module,
        list,
        target,
    })
}

fn related_rows(store: &Store, ends: &Ends, parent: u64, only: Option<&[String]>) -> Vec<Value> {
    let target = ends.target.api_name;
    match ends.list.source {
        RelatedSource::Junction => store
            .related(ends.module.api_name, parent, target)
            .into_iter()
            .filter_map(|(id, data)| {
                let mut row = render(id, store.get(target, id)?, only);
                for (key, value) in data {
                    row[key.as_str()] = shown_relation_value(store, &key, value);
                }
                Some(row)
            })
            .collect(),
        RelatedSource::Lookup(field) => {
            let parent = json!(parent.to_string());
            store
                .records(target)
                .filter(|(_, r)| r.fields.get(field).and_then(|v| v.get("id")) == Some(&parent))
                .map(|(id, r)| render(id, r, only))
                .collect()
        }
    }
}

/// Contact roles are stored by id and shown as `{name, id}`.
fn shown_relation_value(store: &Store, key: &str, value: Value) -> Value {
    if key != "Contact_Role" {
        return value;
    }
    match value
        .as_str()
        .and_then(body::parse_id)
        .and_then(|id| store.contact_role(id))
    {
        Some(role) => json!({ "name": role.name, "id": role.id.to_string() }),
        None => value,
    }
}

/// The ends of a writable relation, with the scope check: seed 001 needs both deals and
/// contacts for contact roles; seed 003 needs the path's module.
fn writable<'c>(
    ctx: &'c Ctx<'_>,
    module: &str,
    list: &str,
    delete: bool,
) -> Result<Ends<'c>, Answer> {
    let ends = ends(ctx, module, list)?;
    if ends.list.source != RelatedSource::Junction {
        return Err(answers::invalid_method());
    }
    let mut need = if is_contact_roles(&ends) {
        let deals = ctx.module("Deals")?;
        let contacts = ctx.module("Contacts")?;
        Requirement::all(vec![
            module_scope(deals, Operation::Update),
            module_scope(contacts, Operation::Update),
        ])
    } else {
        Requirement::one(module_scope(ends.module, Operation::Update))
    };
    if delete {
        need = need.or(module_scope(ends.module, Operation::Delete));
    }
    ctx.require(&need)?;
    Ok(ends)
}

fn is_contact_roles(ends: &Ends) -> bool {
    ends.list.api_name == "Contact_Roles"
}

/// Whether the relation is the contact-with-deal one, which carries a contact role.
fn carries_role(ends: &Ends) -> bool {
    let pair = [ends.module.api_name, ends.target.api_name];
    pair.contains(&"Contacts") && pair.contains(&"Deals")
}

/// 400 for a path record that does not exist (seed 001: "the related id given seems to be invalid").
fn parent_invalid(segment: &str) -> Answer {
    answers::error(
        StatusCode::BAD_REQUEST,
        "INVALID_DATA",
        "the related id given seems to be invalid",
        json!({ "id": segment }),
    )
}

/// `PUT /{module}/{id}/{related_list}` with a `data` array naming the related records.
pub(crate) fn put_many(ctx: &Ctx<'_>) -> Handled {
    let (module, id, list) = path(ctx);
    let ends = writable(ctx, module, list, false)?;
    let ext = external::parse(&ctx.schema, &ctx.req.headers)?;
    let body = body::object(&ctx.req.body)?;
    let records = body::data(&body)?;
    let mut store = ctx.store();
    let parent = ext
        .resolve(&store, ends.module, id)
        .ok_or_else(|| parent_invalid(id))?;
    let outcomes = records
        .iter()
        .map(|record| {
            let relate = || {
                let given = record.as_object().ok_or_else(not_an_object)?;
                let (child, details) = child_from_body(&store, &ends, &ext, given)?;
                Ok((given, child, details))
            };
            match relate() {
                Ok((given, child, details)) => {
                    relate_one(&mut store, &ends, &ext, parent, child, given, details)
                }
                Err(outcome) => outcome,
            }
        })
        .collect();
    Ok(write_answer(outcomes, StatusCode::OK))
}

/// `PUT /{module}/{id}/{related_list}/{related_id}`, e.g. seed 001's contact role.
pub(crate) fn put_one(ctx: &Ctx<'_>) -> Handled {
    let (module, id, list) = path(ctx);
    let rid = ctx.at("related_id");
    let ends = writable(ctx, module, list, false)?;
    let ext = external::parse(&ctx.schema, &ctx.req.headers)?;
    let given = first_record(&ctx.req.body)?;
    let mut store = ctx.store();
    let parent = ext
        .resolve(&store, ends.module, id)
        .ok_or_else(|| parent_invalid(id))?;
    let child = ext.resolve(&store, ends.target, rid).ok_or_else(|| {
        answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "the id given seems to be invalid",
            json!({ "id": rid }),
        )
    })?;
    let mut details = json!({ "id": child.to_string() });
    let key = ext.detail_key(ends.target);
    if key != "id" {
        details[key] = json!(rid);
    }
    let outcome = relate_one(&mut store, &ends, &ext, parent, child, &given, details);
    Ok(write_answer(vec![outcome], StatusCode::OK))
}

/// The first record of an optional body: the relation's own data (`Contact_Role`, `Member_Status`).
fn first_record(bytes: &[u8]) -> Result<Map<String, Value>, Answer> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    let body = body::object(bytes)?;
    let first = body
        .get("data")
        .and_then(Value::as_array)
        .and_then(|items| items.first())
        .and_then(Value::as_object);
    Ok(first.cloned().unwrap_or_default())
}

fn not_an_object() -> Outcome {
    Outcome::err(
        "INVALID_DATA",
        "invalid data",
        json!({ "expected_data_type": "jsonobject" }),
    )
}

/// The related record a body record names, by `id` or by its external field under `X-EXTERNAL`.
fn child_from_body(
    store: &Store,
    ends: &Ends,
    ext: &External,
    given: &Map<String, Value>,
) -> Result<(u64, Value), Outcome> {
    if let Some(field) = ext.field_for(ends.target) {
        let value = given
            .get(field.api_name)
            .ok_or_else(|| writes::mandatory_missing(field.api_name))?;
        let id = external::find_by_value(store, ends.target, field, value).ok_or_else(|| {
            Outcome::err_400(
                "INVALID_DATA",
                "the id given seems to be invalid",
                json!({ field.api_name: value }),
            )
        })?;
        return Ok((id, json!({ field.api_name: value, "id": id.to_string() })));
    }
    let raw = given
        .get("id")
        .ok_or_else(|| writes::mandatory_missing("id"))?;
    let id = body::id_of(raw)
        .filter(|id| store.get(ends.target.api_name, *id).is_some())
        .ok_or_else(|| {
            Outcome::err_400(
                "INVALID_DATA",
                "the id given seems to be invalid",
                json!({ "id": body::id_text(raw) }),
            )
        })?;
    Ok((id, json!({ "id": id.to_string() })))
}

/// Stores the relation with its data; "relation added" when new, else "relation updated"
/// (contact roles always answer "relation updated", as seed 001 shows).
fn relate_one(
    store: &mut Store,
    ends: &Ends,
    ext: &External,
    parent: u64,
    child: u64,
    given: &Map<String, Value>,
    details: Value,
) -> Outcome {
    let data = match relation_data(store, ends, ext, given) {
        Ok(data) => data,
        Err(outcome) => return outcome,
    };
    let key = junction_key(ends.module.api_name, parent, ends.target.api_name, child);
    let added = store.relate(key, data);
    let message = if added && !is_contact_roles(ends) {
        "relation added"
    } else {
        "relation updated"
    };
    Outcome::ok(message, details)
}

/// What the relation keeps: the record's keys but its id; a contact role checked and kept by id.
fn relation_data(
    store: &Store,
    ends: &Ends,
    ext: &External,
    given: &Map<String, Value>,
) -> Result<Fields, Outcome> {
    let ext_field = ext.field_for(ends.target).map(|f| f.api_name);
    let mut data: Fields = given
        .iter()
        .filter(|(k, _)| k.as_str() != "id" && Some(k.as_str()) != ext_field)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if carries_role(ends) {
        check_role(store, ends, &mut data)?;
    }
    Ok(data)
}

/// A contact role is mandatory on `Contact_Roles` (seed 001) and optional on `Contacts/Deals`
/// (seed 000); when given it must name a role, and is kept by id.
fn check_role(store: &Store, ends: &Ends, data: &mut Fields) -> Result<(), Outcome> {
    match data.get("Contact_Role") {
        None | Some(Value::Null) if is_contact_roles(ends) => Err(Outcome::err_400(
            "MANDATORY_NOT_FOUND",
            "required field not found",
            json!({ "api_name": "Contact_Role" }),
        )),
        None | Some(Value::Null) => Ok(()),
        Some(value) => {
            let role = role_id(store, value).ok_or_else(|| {
                Outcome::err_400(
                    "INVALID_DATA",
                    "invalid data",
                    json!({ "api_name": "Contact_Role" }),
                )
            })?;
            data.insert("Contact_Role".into(), json!(role.to_string()));
            Ok(())
        }
    }
}

/// A contact role named by id (string or integer), by `{"id": …}`, or by `{"name": …}`.
fn role_id(store: &Store, value: &Value) -> Option<u64> {
    let by_name = |name: &str| {
        store
            .contact_roles
            .iter()
            .find(|r| r.name.eq_ignore_ascii_case(name))
            .map(|r| r.id)
    };
    match value {
        Value::Object(map) => match map.get("id") {
            Some(id) => body::id_of(id).filter(|id| store.contact_role(*id).is_some()),
            None => by_name(map.get("name")?.as_str()?),
        },
        Value::String(text) if body::parse_id(text).is_none() => by_name(text),
        other => body::id_of(other).filter(|id| store.contact_role(*id).is_some()),
    }
}

/// The related ids of a delete: the path's one, or `ids=` (at most 100).
fn ids_to_unlink(ctx: &Ctx<'_>, rid: Option<&str>) -> Result<Vec<String>, Answer> {
    let ids = match rid {
        Some(rid) => vec![rid.to_string()],
        None => body::comma_list(ctx.param("ids").unwrap_or("")),
    };
    if ids.is_empty() {
        return Err(answers::required_param_missing("ids"));
    }
    if ids.len() > MAX_RECORDS_PER_CALL {
        return Err(answers::limit_exceeded(MAX_RECORDS_PER_CALL, "ids"));
    }
    Ok(ids)
}

/// `DELETE /{module}/{id}/{related_list}?ids=…` and `…/{related_id}`: "relation removed".
pub(crate) fn delete(ctx: &Ctx<'_>) -> Handled {
    let (module, id, list) = path(ctx);
    let rid = ctx.capture("related_id");
    let ends = writable(ctx, module, list, true)?;
    let ext = external::parse(&ctx.schema, &ctx.req.headers)?;
    let ids = ids_to_unlink(ctx, rid)?;
    let mut store = ctx.store();
    let parent = ext
        .resolve(&store, ends.module, id)
        .ok_or_else(|| parent_invalid(id))?;
    let outcomes = ids
        .iter()
        .map(|text| match ext.resolve(&store, ends.target, text) {
            Some(child) => {
                store.unrelate(junction_key(
                    ends.module.api_name,
                    parent,
                    ends.target.api_name,
                    child,
                ));
                Outcome::ok("relation removed", json!({ "id": child.to_string() }))
            }
            None => Outcome::invalid_id(text),
        })
        .collect();
    Ok(write_answer(outcomes, StatusCode::OK))
}
