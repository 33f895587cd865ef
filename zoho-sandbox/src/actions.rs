//! The routes of the record actions and jobs (mass convert, mass delete, mass change owner,
//! change owner, convert lead, blueprint, record locking, sharing, recycle bin, notifications,
//! composite requests, merge, inventory conversion), and what their handlers share: scope
//! checks of the action families, ids from the path, and the answers of jobs.

use axum::http::StatusCode;
use serde_json::{json, Value};
use zoho_spec::scope::{Operation, Requirement, Scope};

use crate::action_jobs::{ActionJob, JobKind, Phase};
use crate::answers::{self, Answer};
use crate::body;
use crate::ctx::Ctx;
use crate::routes::Route;
use crate::schema::ModuleDef;
use crate::store::Store;
use crate::{
    blueprint, change_owner, composite, convert_lead, find_and_merge, inventory_convert,
    mass_actions, notifications, record_locking, recycle_bin, share_records,
};

/// The action routes, tried before the records API's broad rows.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/actions/watch")
        .get(notifications::list)
        .post(notifications::enable)
        .put(notifications::update)
        .patch(notifications::disable)
        .delete(notifications::remove),
    Route::new("/__composite_requests").post(composite::run),
    Route::new("/settings/recycle_bin")
        .get(|c| recycle_bin::list(c, None))
        .delete(|c| recycle_bin::purge(c, None)),
    Route::new("/settings/recycle_bin/{id}")
        .get(|c| recycle_bin::list(c, Some(c.at("id"))))
        .delete(|c| recycle_bin::purge(c, Some(c.at("id")))),
    Route::new("/Leads/{id}/__conversion_options").get(convert_lead::options),
    Route::new("/{module}/actions/mass_convert")
        .get(mass_actions::convert_status)
        .post(mass_actions::convert),
    Route::new("/{module}/actions/mass_delete")
        .get(mass_actions::delete_status)
        .post(mass_actions::delete),
    Route::new("/{module}/actions/mass_change_owner")
        .get(mass_actions::owner_status)
        .post(mass_actions::change_owner),
    Route::new("/{module}/actions/change_owner").post(|c| change_owner::change(c, None)),
    Route::new("/{module}/{id}/actions/change_owner")
        .post(|c| change_owner::change(c, Some(c.at("id")))),
    Route::new("/{module}/{id}/actions/convert").post(convert_one),
    Route::new("/{module}/{id}/actions/blueprint")
        .get(blueprint::get)
        .put(blueprint::update),
    Route::new("/{module}/{id}/actions/share")
        .get(share_records::list)
        .post(share_records::share)
        .put(share_records::update)
        .delete(share_records::revoke),
    Route::new("/{module}/{id}/actions/merge")
        .get(find_and_merge::status)
        .post(find_and_merge::merge),
    Route::new("/{module}/{id}/Locking_Information__s")
        .get(|c| record_locking::list(c, None))
        .post(record_locking::lock),
    Route::new("/{module}/{id}/Locking_Information__s/{lock_id}")
        .get(|c| record_locking::list(c, Some(c.at("lock_id"))))
        .put(record_locking::update)
        .delete(record_locking::unlock),
];

/// `POST /{module}/{id}/actions/convert`: a lead's conversion, or a quote's or sales order's.
fn convert_one(ctx: &Ctx<'_>) -> crate::ctx::Handled {
    if ctx.at("module").eq_ignore_ascii_case("Leads") {
        convert_lead::convert(ctx)
    } else {
        inventory_convert::convert(ctx)
    }
}

/// Checks `ZohoCRM.{family}.{module}.{op}`; the family-wide scope covers it too.
pub(crate) fn require_family(
    ctx: &Ctx<'_>,
    family: &str,
    module: Option<&ModuleDef>,
    op: Operation,
) -> Result<(), Answer> {
    let scope = match module {
        Some(m) => Scope::crm(&[family, &m.scope_name()], op),
        None => Scope::crm(&[family], op),
    };
    ctx.require(&Requirement::one(scope))
}

/// The record id of the path's `{id}`, of a record that exists: `INVALID_DATA` otherwise.
pub(crate) fn existing_id(store: &Store, m: &ModuleDef, text: &str) -> Result<u64, Answer> {
    body::parse_id(text)
        .filter(|id| store.get(m.api_name, *id).is_some())
        .ok_or_else(|| invalid_data(json!({ "id": text })))
}

/// 400 `INVALID_DATA` with these details.
pub(crate) fn invalid_data(details: Value) -> Answer {
    answers::error(
        StatusCode::BAD_REQUEST,
        "INVALID_DATA",
        "the id given seems to be invalid",
        details,
    )
}

/// `{"id": …}` of a JSON value, as a user id the sandbox knows: its owner value.
pub(crate) fn owner_value(
    store: &Store,
    value: Option<&Value>,
    api_name: &str,
) -> Result<Value, Answer> {
    let id = value
        .and_then(|v| v.get("id"))
        .and_then(body::id_of)
        .map(|id| id.to_string())
        .ok_or_else(|| answers::mandatory_body_key(api_name))?;
    crate::writes::owner_of(store, &id).ok_or_else(|| {
        answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "invalid data",
            json!({ "api_name": api_name, "json_path": format!("$.{api_name}.id") }),
        )
    })
}

/// Keeps a job and answers its id.
pub(crate) fn schedule(
    ctx: &Ctx<'_>,
    store: &mut Store,
    kind: JobKind,
    module: &'static str,
    total: usize,
    done: usize,
) -> String {
    let job_id = store.new_id().to_string();
    let job = ActionJob::new(kind, module, total, done, ctx.shared.job_polls);
    store.action_jobs.add(job_id.clone(), job);
    job_id
}

/// One status check of the job named by `?job_id=`.
pub(crate) fn poll(
    ctx: &Ctx<'_>,
    kind: JobKind,
    module: &'static str,
) -> Result<(Phase, ActionJob), Answer> {
    let job_id = ctx
        .param("job_id")
        .ok_or_else(|| answers::required_param_missing("job_id"))?;
    ctx.store()
        .action_jobs
        .poll(job_id, kind, module)
        .ok_or_else(|| answers::invalid_param("job_id"))
}

/// A job's counts as its status shows them: zero until it is final.
pub(crate) fn counts(phase: Phase, job: &ActionJob) -> (usize, usize) {
    if phase.is_final() {
        (job.done, job.not_done())
    } else {
        (0, 0)
    }
}
