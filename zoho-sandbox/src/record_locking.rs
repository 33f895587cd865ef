//! Record locking: `/{module}/{id}/Locking_Information__s` (`GET` the locks, `POST` a lock) and
//! `…/{lock_id}` (`GET`, `PUT` its reason, `DELETE` it).
//!
//! A locked record is in [`RecordState::Locked`]: updates, deletes and mass actions on it are
//! refused with `RECORD_LOCKED`, as the write path refuses any locked record. Removing its last
//! lock frees it. The locks are manual ones; Zoho's automatic locking rules (locks by a
//! configuration when a field changes) are not modelled.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use serde_json::{json, Value};
use zoho_spec::scope::Operation;

use crate::actions;
use crate::answers::{self, Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::store::{patricia, RecordState, Store};
use crate::time;

/// One lock of a record.
#[derive(Debug, Clone)]
pub(crate) struct Lock {
    id: u64,
    reason: Option<String>,
    created: String,
    modified: String,
}

/// Every record's locks.
#[derive(Debug, Clone, Default)]
pub(crate) struct Locks {
    by_record: BTreeMap<(&'static str, u64), Vec<Lock>>,
}

impl Lock {
    fn render(&self) -> Value {
        json!({
            "id": self.id.to_string(),
            "locked_reason__s": self.reason,
            "lock_source__s": "Manual",
            "locked_by__s": patricia(),
            "Locked_time__s": self.created,
            "Created_Time": self.created,
            "Created_By": patricia(),
            "Modified_Time": self.modified,
            "Modified_By": patricia(),
        })
    }

    fn details(&self) -> Value {
        json!({ "id": self.id.to_string(), "Created_Time": self.created, "Created_By": patricia(),
                "Modified_Time": self.modified, "Modified_By": patricia() })
    }
}

fn target(ctx: &Ctx<'_>, op: Operation) -> Result<(&'static str, u64), Answer> {
    let m = ctx.module(ctx.at("module"))?;
    ctx.require_module(m, op)?;
    let id = actions::existing_id(&ctx.store(), m, ctx.at("id"))?;
    Ok((m.api_name, id))
}

/// `GET …/Locking_Information__s[/{lock_id}]`.
pub(crate) fn list(ctx: &Ctx<'_>, one: Option<&str>) -> Handled {
    let key = target(ctx, Operation::Read)?;
    let store = ctx.store();
    let locks = store.locks.by_record.get(&key).cloned().unwrap_or_default();
    let rows: Vec<Value> = match one {
        Some(lock_id) => vec![find(&locks, lock_id)?.render()],
        None => locks.iter().map(Lock::render).collect(),
    };
    if rows.is_empty() {
        return Ok(Answer::no_content());
    }
    let info = json!({ "per_page": 200, "count": rows.len(), "page": 1, "more_records": false });
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "data": rows, "info": info }),
    ))
}

fn find<'a>(locks: &'a [Lock], lock_id: &str) -> Result<&'a Lock, Answer> {
    let id = body::parse_id(lock_id);
    locks
        .iter()
        .find(|l| Some(l.id) == id)
        .ok_or_else(|| actions::invalid_data(json!({ "id": lock_id })))
}

/// The `Locked_Reason__s` of the body's one record.
fn reason(ctx: &Ctx<'_>) -> Result<Option<String>, Answer> {
    let body = body::object(&ctx.req.body)?;
    let data = body::data(&body)?;
    let reason = data[0]
        .get("Locked_Reason__s")
        .or_else(|| data[0].get("locked_reason__s"));
    match reason {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err(answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "invalid data",
            json!({ "api_name": "Locked_Reason__s", "expected_data_type": "text" }),
        )),
    }
}

/// `POST …/Locking_Information__s`: locks the record.
pub(crate) fn lock(ctx: &Ctx<'_>) -> Handled {
    let key = target(ctx, Operation::Create)?;
    let reason = reason(ctx)?;
    let mut store = ctx.store();
    let now = time::now();
    let lock = Lock {
        id: store.new_id(),
        reason,
        created: now.clone(),
        modified: now,
    };
    let details = lock.details();
    store.locks.by_record.entry(key).or_default().push(lock);
    set_state(&mut store, key, RecordState::Locked);
    let outcome = Outcome::ok("record added", details);
    Ok(answers::write_answer(vec![outcome], StatusCode::CREATED))
}

/// `PUT …/Locking_Information__s/{lock_id}`: changes the lock's reason.
pub(crate) fn update(ctx: &Ctx<'_>) -> Handled {
    let key = target(ctx, Operation::Update)?;
    let reason = reason(ctx)?;
    let mut store = ctx.store();
    let locks = store.locks.by_record.entry(key).or_default();
    let id = body::parse_id(ctx.at("lock_id"));
    let lock = locks
        .iter_mut()
        .find(|l| Some(l.id) == id)
        .ok_or_else(|| actions::invalid_data(json!({ "id": ctx.at("lock_id") })))?;
    lock.reason = reason;
    lock.modified = time::now();
    let outcome = Outcome::ok("record updated", lock.details());
    Ok(answers::write_answer(vec![outcome], StatusCode::OK))
}

/// `DELETE …/Locking_Information__s/{lock_id}`: removes the lock, freeing the record after its
/// last one.
pub(crate) fn unlock(ctx: &Ctx<'_>) -> Handled {
    let key = target(ctx, Operation::Delete)?;
    let mut store = ctx.store();
    let locks = store.locks.by_record.entry(key).or_default();
    let id = body::parse_id(ctx.at("lock_id"));
    let at = locks
        .iter()
        .position(|l| Some(l.id) == id)
        .ok_or_else(|| actions::invalid_data(json!({ "id": ctx.at("lock_id") })))?;
    let removed = locks.remove(at);
    if locks.is_empty() {
        store.locks.by_record.remove(&key);
        set_state(&mut store, key, RecordState::Normal);
    }
    let outcome = Outcome::ok("record deleted", json!({ "id": removed.id.to_string() }));
    Ok(answers::write_answer(vec![outcome], StatusCode::OK))
}

/// Locks or frees a record; freeing leaves a record awaiting approval as it was.
fn set_state(store: &mut Store, (module, id): (&'static str, u64), state: RecordState) {
    if let Some(record) = store.get_mut(module, id) {
        if state == RecordState::Locked || record.state == RecordState::Locked {
            record.state = state;
        }
    }
}
