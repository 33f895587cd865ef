//! Mass delete (by `ids`, at most 500, answered per record; or by `cvid`, as a job), mass
//! change owner (by `cvid`, as a job) and mass convert (leads, or quotes and sales orders), with
//! the status checks of their jobs.
//!
//! A custom view is the module's "All" view (its `cvid` in `settings/custom_views`): the sandbox
//! keeps no other views and no territories, so a `territory` is refused as `INVALID_DATA`.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::limits::MAX_TARGETS_PER_CALL as MAX_IDS;
use zoho_spec::scope::Operation;

use crate::action_jobs::JobKind;
use crate::actions::{self, require_family};
use crate::answers::{self, Answer, Outcome};
use crate::body;
use crate::convert_lead;
use crate::ctx::{Ctx, Handled};
use crate::inventory_convert;
use crate::schema::ModuleDef;
use crate::store::{Fields, Store};
use crate::writes;

/// At most this many leads one mass convert takes.
const MAX_CONVERT: usize = 50;

/// The records of a view: every record of the module for its "All" view, else `INVALID_DATA`.
fn view_ids(store: &Store, m: &ModuleDef, body: &Map<String, Value>) -> Result<Vec<u64>, Answer> {
    if body.contains_key("territory") {
        return Err(answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "the sandbox has no territories",
            json!({ "api_name": "territory" }),
        ));
    }
    let cvid = body
        .get("cvid")
        .ok_or_else(|| answers::mandatory_body_key("cvid"))?;
    if body::id_text(cvid) != m.cvid {
        return Err(answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "the cvid given seems to be invalid",
            json!({ "api_name": "cvid" }),
        ));
    }
    Ok(store.records(m.api_name).map(|(id, _)| id).collect())
}

fn job_answer(message: &str, job_id: String) -> Answer {
    Answer::data(
        StatusCode::OK,
        vec![Outcome::ok(message, json!({ "job_id": job_id })).body],
    )
}

/// `POST /{module}/actions/mass_delete`.
pub(crate) fn delete(ctx: &Ctx<'_>) -> Handled {
    let m = ctx.module(ctx.at("module"))?;
    require_family(ctx, "mass_delete", Some(m), Operation::Delete)?;
    let body = body::object(&ctx.req.body)?;
    let mut store = ctx.store();
    if let Some(ids) = body.get("ids") {
        let ids = ids_of(ids)?;
        let outcomes = ids
            .iter()
            .map(|raw| delete_one(&mut store, m, raw))
            .collect();
        return Ok(answers::write_answer(outcomes, StatusCode::OK));
    }
    let ids = view_ids(&store, m, &body)?;
    let deleted = ids
        .iter()
        .filter(|id| writes::delete(&mut store, m, **id).is_ok())
        .count();
    let job_id = actions::schedule(
        ctx,
        &mut store,
        JobKind::MassDelete,
        m.api_name,
        ids.len(),
        deleted,
    );
    Ok(job_answer("mass delete scheduled successfully", job_id))
}

/// The `ids` of a body: a non-empty list of at most 500.
fn ids_of(ids: &Value) -> Result<&Vec<Value>, Answer> {
    let ids = ids
        .as_array()
        .filter(|ids| !ids.is_empty())
        .ok_or_else(|| answers::mandatory_body_key("ids"))?;
    if ids.len() > MAX_IDS {
        return Err(answers::limit_exceeded(MAX_IDS, "ids"));
    }
    Ok(ids)
}

fn delete_one(store: &mut Store, m: &ModuleDef, raw: &Value) -> Outcome {
    let Some(id) = body::id_of(raw) else {
        return Outcome::invalid_id(&body::id_text(raw));
    };
    let outcome = writes::delete(store, m, id);
    if outcome.is_ok() {
        Outcome::ok("record is deleted", json!({ "id": id.to_string() }))
    } else {
        outcome
    }
}

/// `GET /{module}/actions/mass_delete?job_id=`.
pub(crate) fn delete_status(ctx: &Ctx<'_>) -> Handled {
    let m = ctx.module(ctx.at("module"))?;
    require_family(ctx, "mass_delete", Some(m), Operation::Read)?;
    let (phase, job) = actions::poll(ctx, JobKind::MassDelete, m.api_name)?;
    let (done, not_done) = actions::counts(phase, &job);
    let row = json!({ "Status": phase.word(), "Total_Count": job.total,
                      "Deleted_Count": done, "Failed_Count": not_done });
    Ok(Answer::data(StatusCode::OK, vec![row]))
}

/// `POST /{module}/actions/mass_change_owner`.
pub(crate) fn change_owner(ctx: &Ctx<'_>) -> Handled {
    let m = ctx.module(ctx.at("module"))?;
    require_family(ctx, "change_owner", None, Operation::Create)?;
    let body = body::object(&ctx.req.body)?;
    let mut store = ctx.store();
    let owner = actions::owner_value(&store, body.get("owner"), "owner")?;
    let ids = view_ids(&store, m, &body)?;
    let mut change = Fields::new();
    change.insert("Owner".into(), owner);
    let updated = ids
        .iter()
        .filter(|id| give(&mut store, m, **id, &change).is_ok())
        .count();
    let kind = JobKind::MassChangeOwner;
    let job_id = actions::schedule(ctx, &mut store, kind, m.api_name, ids.len(), updated);
    Ok(job_answer("owner is successfully updated", job_id))
}

/// Applies an owner change to one record, unless it refuses writes.
pub(crate) fn give(store: &mut Store, m: &ModuleDef, id: u64, change: &Fields) -> Outcome {
    let Some(record) = store.get(m.api_name, id) else {
        return Outcome::invalid_id(&id.to_string());
    };
    if let Some(refusal) = writes::refusal(record.state, id) {
        return refusal;
    }
    writes::apply(store, m, id, change.clone())
}

/// `GET /{module}/actions/mass_change_owner?job_id=`.
pub(crate) fn owner_status(ctx: &Ctx<'_>) -> Handled {
    let m = ctx.module(ctx.at("module"))?;
    require_family(ctx, "change_owner", None, Operation::Read)?;
    let (phase, job) = actions::poll(ctx, JobKind::MassChangeOwner, m.api_name)?;
    let (done, not_done) = actions::counts(phase, &job);
    let row = json!({ "Status": phase.word(), "Total_Count": job.total, "Updated_Count": done,
                      "Not_Updated_Count": not_done, "Failed_Count": 0 });
    Ok(Answer::data(StatusCode::OK, vec![row]))
}

/// `POST /{module}/actions/mass_convert`: leads, or the inventory modules.
pub(crate) fn convert(ctx: &Ctx<'_>) -> Handled {
    if !ctx.at("module").eq_ignore_ascii_case("Leads") {
        return inventory_convert::mass_convert(ctx);
    }
    let m = ctx.module("Leads")?;
    require_family(ctx, "mass_convert", Some(m), Operation::Create)?;
    let body = body::object(&ctx.req.body)?;
    let ids = ids_of(body.get("ids").unwrap_or(&Value::Null))?;
    if ids.len() > MAX_CONVERT {
        return Err(answers::limit_exceeded(MAX_CONVERT, "ids"));
    }
    let options = convert_lead::Options::of_mass(&body);
    let mut store = ctx.store();
    let converted = ids
        .iter()
        .filter(|raw| {
            body::id_of(raw).is_some_and(|id| convert_lead::apply(&mut store, id, &options).is_ok())
        })
        .count();
    let job_id = actions::schedule(
        ctx,
        &mut store,
        JobKind::MassConvert,
        m.api_name,
        ids.len(),
        converted,
    );
    Ok(scheduled("mass convert scheduled successfully", job_id))
}

/// A job answered at the top of the body: `{"code": "SCHEDULED", "details": {"job_id"}, …}`.
pub(crate) fn scheduled(message: &str, job_id: String) -> Answer {
    Answer::json(
        StatusCode::OK,
        json!({ "code": "SCHEDULED", "details": { "job_id": job_id },
                "message": message, "status": "success" }),
    )
}

/// `GET /{module}/actions/mass_convert?job_id=`.
pub(crate) fn convert_status(ctx: &Ctx<'_>) -> Handled {
    if !ctx.at("module").eq_ignore_ascii_case("Leads") {
        return inventory_convert::mass_status(ctx);
    }
    let m = ctx.module("Leads")?;
    require_family(ctx, "mass_convert", Some(m), Operation::Read)?;
    let (phase, job) = actions::poll(ctx, JobKind::MassConvert, m.api_name)?;
    let (done, not_done) = actions::counts(phase, &job);
    let row = json!({ "Status": phase.word(), "Total_Count": job.total, "Converted_Count": done,
                      "Not_Converted_Count": not_done, "Failed_Count": 0 });
    Ok(Answer::data(StatusCode::OK, vec![row]))
}
