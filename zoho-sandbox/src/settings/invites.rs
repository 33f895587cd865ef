//! Inviting records to a portal: one record (`POST /{module}/{record}/actions/portal_invite`
//! with `user_type_id`, `type` and `language` as query parameters), many in a job (`POST
//! /{module}/actions/portal_invite`), and the job's status (`GET …?job_id=`).
//!
//! The user type must be one of a portal's; `reinvite` is for a record invited before. Zoho
//! sends the invitation email; the sandbox only keeps who was invited with which user type, and
//! runs a bulk job at once, so its status is `completed` when first asked.

use axum::http::StatusCode;
use serde_json::{json, Value};
use zoho_spec::scope::Operation;

use super::collection::{items_of, need, written};
use super::kinds::PORTALS;
use crate::answers::{self, Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::store::Store;

const INVITES: &str = "portal_invites";
const JOBS: &str = "portal_invite_jobs";

/// One invitation asked for: the record, the user type, `invite` or `reinvite`.
struct Invite<'a> {
    record: &'a str,
    user_type: &'a str,
    kind: &'a str,
}

/// `POST /{module}/{record}/actions/portal_invite?user_type_id=&type=&language=`.
pub(crate) fn invite_one(c: &Ctx<'_>, module: &str, record: &str) -> Handled {
    c.require(&need(&PORTALS, Operation::Create))?;
    let module = c.module(module)?.api_name;
    let param = |name: &str| {
        c.param(name)
            .ok_or_else(|| answers::required_param_missing(name))
    };
    let invite = Invite {
        record,
        user_type: param("user_type_id")?,
        kind: param("type")?,
    };
    param("language")?;
    let mut store = c.store();
    let outcome = apply(&mut store, module, &invite);
    Ok(written("portal_invite", vec![outcome], StatusCode::OK))
}

/// `POST /{module}/actions/portal_invite` with `{"portal_invite": [{"data": [{id, user_type_id,
/// type, language}]}]}`: a job, answered `SCHEDULED` with its id.
pub(crate) fn invite_many(c: &Ctx<'_>, module: &str) -> Handled {
    c.require(&need(&PORTALS, Operation::Create))?;
    let module = c.module(module)?.api_name;
    let batches = items_of(c, "portal_invite")?;
    let wanted: Vec<Value> = batches
        .iter()
        .flat_map(|b| {
            b.get("data")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    if wanted.is_empty() {
        return Err(answers::mandatory_body_key("data"));
    }
    let mut store = c.store();
    let outcomes: Vec<Value> = wanted
        .iter()
        .map(|w| {
            let text = |k: &str| w.get(k).and_then(Value::as_str).unwrap_or("");
            let invite = Invite {
                record: text("id"),
                user_type: text("user_type_id"),
                kind: text("type"),
            };
            apply(&mut store, module, &invite).body
        })
        .collect();
    let job_id = store.new_id().to_string();
    let job =
        json!({ "job_id": job_id, "module": module, "status": "completed", "data": outcomes });
    store
        .settings
        .list_mut(JOBS)
        .extend(job.as_object().cloned());
    let scheduled = json!({ "code": "SCHEDULED", "status": "success", "message": "invitations scheduled", "details": { "job_id": job_id } });
    Ok(Answer::json(
        StatusCode::ACCEPTED,
        json!({ "portal_invite": [scheduled] }),
    ))
}

/// `GET /{module}/actions/portal_invite?job_id=`.
pub(crate) fn job_status(c: &Ctx<'_>, module: &str) -> Handled {
    c.require(&need(&PORTALS, Operation::Read))?;
    c.module(module)?;
    let job_id = c
        .param("job_id")
        .ok_or_else(|| answers::required_param_missing("job_id"))?;
    let store = c.store();
    let job = store
        .settings
        .list(JOBS)
        .iter()
        .find(|j| j.get("job_id").and_then(Value::as_str) == Some(job_id))
        .ok_or_else(|| answers::invalid_param("job_id"))?;
    let mut shown = job.clone();
    shown.remove("module");
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "portal_invite": [shown] }),
    ))
}

fn apply(store: &mut Store, module: &'static str, invite: &Invite<'_>) -> Outcome {
    let details = json!({ "record_id": invite.record });
    let Some(id) = body::parse_id(invite.record).filter(|id| store.get(module, *id).is_some())
    else {
        return Outcome::invalid_id(invite.record);
    };
    if !user_type_exists(store, invite.user_type) {
        return Outcome::err(
            "INVALID_DATA",
            "invalid data",
            json!({ "param_name": "user_type_id" }),
        );
    }
    let invited = store
        .settings
        .list(INVITES)
        .iter()
        .any(|i| i.get("record").and_then(Value::as_u64) == Some(id));
    match (invite.kind, invited) {
        ("invite", true) => {
            Outcome::err("ALREADY_INVITED", "the record is already invited", details)
        }
        ("reinvite", false) => {
            Outcome::err("INVALID_DATA", "the record was never invited", details)
        }
        ("invite" | "reinvite", _) => {
            let list = store.settings.list_mut(INVITES);
            list.retain(|i| i.get("record").and_then(Value::as_u64) != Some(id));
            let entry = json!({ "record": id, "module": module, "user_type_id": invite.user_type });
            list.extend(entry.as_object().cloned());
            Outcome::ok("user invited successfully", details)
        }
        _ => Outcome::err(
            "INVALID_DATA",
            "invalid data",
            json!({ "param_name": "type" }),
        ),
    }
}

/// Whether some portal has a user type with this id.
fn user_type_exists(store: &Store, id: &str) -> bool {
    store
        .settings
        .lists_of(super::kinds::PORTAL_USER_TYPES.key)
        .any(|t| t.get("id").and_then(Value::as_str) == Some(id))
}
