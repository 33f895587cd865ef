//! Find and merge: `POST /{module}/{id}/actions/merge` merges records into the master record
//! `{id}`, as a job; `GET …?job_id=` tells its state.
//!
//! The master keeps its values except for the fields `master_record_fields` names (as
//! `{"api_name", "id"}`, or `{"api_name", "_data": [{"id"}]}` as Zoho's OpenAPI file writes it),
//! which take the value of the record named; the records merged in hand their relations
//! (junction related lists, and lookups other records hold to them) to the master, and are
//! deleted into the recycle bin. Like the other jobs, the merge is applied when it is scheduled
//! and its status moves `SCHEDULED` → `RUNNING` → `COMPLETED` over status checks. Zoho's
//! duplicate finding (`GET …/actions/find_duplicates`) is not part of this area's files.

use axum::http::StatusCode;
use serde_json::{json, Value};
use zoho_spec::scope::Operation;

use crate::action_jobs::JobKind;
use crate::actions;
use crate::answers::{self, Answer};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::schema::{junction_key, FieldType, ModuleDef};
use crate::store::{Fields, Store};
use crate::writes;
use std::sync::Arc;

/// `POST /{module}/{id}/actions/merge`.
pub(crate) fn merge(ctx: &Ctx<'_>) -> Handled {
    let m = ctx.module(ctx.at("module"))?;
    ctx.require_module(m, Operation::Update)?;
    let body = body::object(&ctx.req.body)?;
    let item = body
        .get("merge")
        .and_then(Value::as_array)
        .and_then(|items| items.first())
        .ok_or_else(|| answers::mandatory_body_key("merge"))?;
    let mut store = ctx.store();
    let master = actions::existing_id(&store, m, ctx.at("id"))?;
    let others = others(&store, m, master, item)?;
    let kept = kept_values(&store, m, master, &others, item)?;
    let outcome = writes::update(&mut store, m, master, &kept);
    if !outcome.is_ok() {
        return Err(Answer::json(StatusCode::BAD_REQUEST, outcome.body));
    }
    let merged = others
        .iter()
        .filter(|other| {
            hand_over(&mut store, m, **other, master);
            writes::delete(&mut store, m, **other).is_ok()
        })
        .count();
    let job_id = actions::schedule(
        ctx,
        &mut store,
        JobKind::Merge,
        m.api_name,
        others.len(),
        merged,
    );
    let ack = json!({ "code": "SCHEDULED", "details": { "job_id": job_id, "id": master.to_string() },
                      "message": "merge scheduled successfully", "status": "success" });
    Ok(Answer::json(StatusCode::CREATED, json!({ "merge": [ack] })))
}

/// The records of `data`: existing, other than the master.
fn others(store: &Store, m: &ModuleDef, master: u64, item: &Value) -> Result<Vec<u64>, Answer> {
    let data = item
        .get("data")
        .and_then(Value::as_array)
        .filter(|d| !d.is_empty())
        .ok_or_else(|| answers::mandatory_body_key("data"))?;
    data.iter()
        .map(|d| {
            let raw = d.get("id").unwrap_or(&Value::Null);
            body::id_of(raw)
                .filter(|id| *id != master && store.get(m.api_name, *id).is_some())
                .ok_or_else(|| actions::invalid_data(json!({ "id": body::id_text(raw) })))
        })
        .collect()
}

/// The values the master takes from the records `master_record_fields` names.
fn kept_values(
    store: &Store,
    m: &ModuleDef,
    master: u64,
    others: &[u64],
    item: &Value,
) -> Result<Fields, Answer> {
    let mut kept = Fields::new();
    let fields = item.get("master_record_fields").and_then(Value::as_array);
    for field in fields.into_iter().flatten() {
        let name = field
            .get("api_name")
            .and_then(Value::as_str)
            .ok_or_else(|| answers::mandatory_body_key("api_name"))?;
        let raw = field
            .get("id")
            .or_else(|| field.pointer("/_data/0/id"))
            .unwrap_or(&Value::Null);
        let from = body::id_of(raw)
            .filter(|id| *id == master || others.contains(id))
            .ok_or_else(|| {
                actions::invalid_data(json!({ "api_name": name, "id": body::id_text(raw) }))
            })?;
        let def = m
            .field(name)
            .filter(|f| !f.read_only)
            .ok_or_else(|| actions::invalid_data(json!({ "api_name": name })))?;
        let value = store
            .get(m.api_name, from)
            .and_then(|r| r.fields.get(def.api_name))
            .cloned()
            .unwrap_or(Value::Null);
        kept.insert(name.to_owned(), value);
    }
    Ok(kept)
}

/// Moves the relations of `from` to `to`: junction rows and other records' lookups.
fn hand_over(store: &mut Store, m: &ModuleDef, from: u64, to: u64) {
    let schema = Arc::clone(store.schema());
    for other in schema.modules() {
        for (oid, data) in store.related(m.api_name, from, other.api_name) {
            store.relate(junction_key(m.api_name, to, other.api_name, oid), data);
        }
        let lookups: Vec<&str> = other
            .fields()
            .filter(|f| f.kind == FieldType::Lookup(m.api_name))
            .map(|f| f.api_name)
            .collect();
        let holders: Vec<(u64, &str)> = store
            .records(other.api_name)
            .flat_map(|(rid, r)| {
                lookups
                    .iter()
                    .filter(move |f| {
                        r.fields.get(**f).and_then(|v| v.get("id"))
                            == Some(&json!(from.to_string()))
                    })
                    .map(move |f| (rid, *f))
            })
            .collect();
        for (rid, field) in holders {
            let mut change = Fields::new();
            change.insert(field.to_owned(), json!({ "id": to.to_string() }));
            if let Ok(fields) = writes::normalise(store, other, &change) {
                writes::apply(store, other, rid, fields);
            }
        }
    }
}

/// `GET /{module}/{id}/actions/merge?job_id=`.
pub(crate) fn status(ctx: &Ctx<'_>) -> Handled {
    let m = ctx.module(ctx.at("module"))?;
    ctx.require_module(m, Operation::Read)?;
    let (phase, _) = actions::poll(ctx, JobKind::Merge, m.api_name)?;
    let job_id = ctx.param("job_id").unwrap_or_default();
    let row = json!({ "job_id": job_id, "status": phase.word() });
    Ok(Answer::json(StatusCode::OK, json!({ "merge": [row] })))
}
