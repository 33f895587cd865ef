//! Mass update (seed 004): `POST /{module}/actions/mass_update` by `ids` (answered per record at
//! once) or by `cvid` (answered with a `job_id`), and the job status `GET …?job_id=`, which
//! answers `SCHEDULED`, then `RUNNING`, for the configured number of checks, then `COMPLETED`.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};

use crate::answers::{self, Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::schema::{FieldDef, ModuleDef};
use crate::store::{Fields, Job, Store};
use crate::writes;
use zoho_spec::limits::MAX_TARGETS_PER_CALL as MAX_IDS;

/// Seed 004 answers every outcome of a mass update with `200 OK`.
fn answer(outcomes: Vec<Outcome>) -> Answer {
    Answer::data(
        StatusCode::OK,
        outcomes.into_iter().map(|o| o.body).collect(),
    )
}

/// Schedules a mass update.
pub(crate) fn schedule(ctx: &Ctx<'_>, module: &str) -> Handled {
    let m = ctx.module(module)?;
    ctx.require_shape(m)?;
    let body = body::object(&ctx.req.body)?;
    let mut store = ctx.store();
    let change = match change(&store, m, &body) {
        Ok(change) => change,
        Err(outcome) => return Ok(answer(vec![outcome])),
    };
    let over_write = body
        .get("over_write")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    if let Some(ids) = body.get("ids") {
        return Ok(by_ids(&mut store, m, ids, &change, over_write));
    }
    match body.get("cvid") {
        Some(cvid) => Ok(by_view(ctx, &mut store, m, cvid, &change, over_write)),
        None => Ok(answer(vec![Outcome::err(
            "MANDATORY_NOT_FOUND",
            "required field not found",
            json!({}),
        )])),
    }
}

/// The one record of fields to set, checked: at least one field, each one a field mass update
/// may set, at most the module's number of fields, each value of the field's type.
fn change(store: &Store, m: &ModuleDef, body: &Map<String, Value>) -> Result<Fields, Outcome> {
    let record = body
        .get("data")
        .and_then(Value::as_array)
        .and_then(|items| items.first())
        .ok_or_else(|| writes::mandatory_missing("data"))?;
    let given = record
        .as_object()
        .filter(|g| !g.is_empty())
        .ok_or_else(|| Outcome::err("INVALID_DATA", "No field found", json!({})))?;
    let mut fields = Fields::new();
    for (name, value) in given {
        let def = settable(m, name)?;
        fields.insert(name.clone(), writes::checked(store, def, value)?);
    }
    if fields.len() > m.mass_update_fields {
        return Err(Outcome::err(
            "LIMIT_EXCEEDED",
            "limit exceeded",
            json!({ "limit": m.mass_update_fields.to_string(), "param_name": "data" }),
        ));
    }
    Ok(fields)
}

/// A field mass update may set: declared, not set by the system, not unique.
fn settable<'m>(m: &'m ModuleDef, name: &str) -> Result<&'m FieldDef, Outcome> {
    m.field(name)
        .filter(|f| !f.read_only && !f.unique)
        .ok_or_else(|| {
            Outcome::err(
                "INVALID_DATA",
                "This field cannot be updated in the Mass Update",
                json!({ "api_name": name }),
            )
        })
}

/// The change as it applies to one record: with `over_write` false, lists are appended to.
fn merged(store: &Store, m: &ModuleDef, id: u64, change: &Fields, over_write: bool) -> Fields {
    let mut out = change.clone();
    if over_write {
        return out;
    }
    for (name, value) in out.iter_mut() {
        let old = store.get(m.api_name, id).and_then(|r| r.fields.get(name));
        if let (Some(Value::Array(old)), Value::Array(new)) = (old, &*value) {
            let mut all = old.clone();
            all.extend(new.iter().filter(|v| !old.contains(v)).cloned());
            *value = Value::Array(all);
        }
    }
    out
}

fn apply_one(
    store: &mut Store,
    m: &ModuleDef,
    id: u64,
    change: &Fields,
    over_write: bool,
) -> Outcome {
    let Some(record) = store.get(m.api_name, id) else {
        return Outcome::invalid_id(&id.to_string());
    };
    if let Some(refusal) = writes::refusal(record.state, id) {
        return refusal;
    }
    let fields = merged(store, m, id, change, over_write);
    writes::apply(store, m, id, fields)
}

fn by_ids(
    store: &mut Store,
    m: &ModuleDef,
    ids: &Value,
    change: &Fields,
    over_write: bool,
) -> Answer {
    let Some(ids) = ids.as_array().filter(|ids| !ids.is_empty()) else {
        return answer(vec![Outcome::err(
            "MANDATORY_NOT_FOUND",
            "required field not found",
            json!({}),
        )]);
    };
    if ids.len() > MAX_IDS {
        return answer(vec![Outcome::err(
            "LIMIT_EXCEEDED",
            "limit exceeded",
            json!({ "limit": MAX_IDS.to_string(), "param_name": "ids" }),
        )]);
    }
    let outcomes = ids
        .iter()
        .map(|raw| match body::id_of(raw) {
            Some(id) => apply_one(store, m, id, change, over_write),
            None => Outcome::invalid_id(&body::id_text(raw)),
        })
        .collect();
    answer(outcomes)
}

/// Applies the change to every record of the module's "All" view and answers a job id.
fn by_view(
    ctx: &Ctx<'_>,
    store: &mut Store,
    m: &ModuleDef,
    cvid: &Value,
    change: &Fields,
    over_write: bool,
) -> Answer {
    if body::id_text(cvid) != m.cvid {
        return answer(vec![Outcome::err(
            "INVALID_DATA",
            "invalid data",
            json!({ "api_name": "cvid" }),
        )]);
    }
    let ids: Vec<u64> = store.records(m.api_name).map(|(id, _)| id).collect();
    let updated = ids
        .iter()
        .filter(|id| apply_one(store, m, **id, change, over_write).is_ok())
        .count();
    let job_id = store.new_id().to_string();
    let job = Job {
        module: m.api_name,
        updated,
        not_updated: ids.len() - updated,
        pending_polls: ctx.shared.job_polls,
    };
    store.jobs.insert(job_id.clone(), job);
    answer(vec![Outcome::ok(
        "mass update scheduled successfully",
        json!({ "job_id": job_id }),
    )])
}

/// `GET /{module}/actions/mass_update?job_id=…`.
pub(crate) fn status(ctx: &Ctx<'_>, module: &str) -> Handled {
    let m = ctx.module(module)?;
    ctx.require_shape(m)?;
    let job_id = ctx
        .param("job_id")
        .ok_or_else(|| answers::required_param_missing("job_id"))?;
    let mut store = ctx.store();
    let job = store
        .jobs
        .get_mut(job_id)
        .filter(|j| j.module == m.api_name)
        .ok_or_else(|| answers::invalid_param("job_id"))?;
    let row = if job.pending_polls > 0 {
        // The first check finds the job waiting, the next ones finding it under way.
        let first = job.pending_polls == ctx.shared.job_polls;
        job.pending_polls -= 1;
        let status = if first { "SCHEDULED" } else { "RUNNING" };
        json!({ "Status": status, "Failed_Count": 0, "Updated_Count": 0,
                "Not_Updated_Count": 0, "Total_Count": job.updated + job.not_updated })
    } else {
        json!({ "Status": "COMPLETED", "Failed_Count": 0, "Updated_Count": job.updated,
                "Not_Updated_Count": job.not_updated, "Total_Count": job.updated + job.not_updated })
    };
    Ok(Answer::data(StatusCode::OK, vec![row]))
}
