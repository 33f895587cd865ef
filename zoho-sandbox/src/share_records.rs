//! Sharing records: `/{module}/{id}/actions/share` — `GET` the shares (`sharedTo` one user's,
//! `view=manage` with the users it may be shared with), `POST` new shares, `PUT` changed
//! permissions, `DELETE` every share.
//!
//! Shares are kept and listed; the sandbox has one acting user (Patricia Boyle, who sees every
//! record), so a share changes what no request can see, and is not enforced on reads.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use serde_json::{json, Value};
use zoho_spec::scope::Operation;

use crate::actions::{self, require_family};
use crate::answers::{self, Answer};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::schema::ModuleDef;
use crate::store::{patricia, Store};
use crate::time;

/// At most this many users a record is shared with.
const MAX_USERS: usize = 10;

/// The permissions a share may give.
const PERMISSIONS: &[&str] = &["read_only", "read_write", "full_access"];

/// A record shared with one user.
#[derive(Debug, Clone)]
struct Share {
    user: Value,
    permission: String,
    related: bool,
    time: String,
}

/// Every record's shares.
#[derive(Debug, Clone, Default)]
pub(crate) struct Shares {
    by_record: BTreeMap<(&'static str, u64), Vec<Share>>,
}

fn target<'c>(ctx: &'c Ctx<'_>, op: Operation) -> Result<(&'c ModuleDef, u64), Answer> {
    let m = ctx.module(ctx.at("module"))?;
    require_family(ctx, "share", Some(m), op)?;
    let id = actions::existing_id(&ctx.store(), m, ctx.at("id"))?;
    Ok((m, id))
}

/// `GET /{module}/{id}/actions/share`.
pub(crate) fn list(ctx: &Ctx<'_>) -> Handled {
    let (m, id) = target(ctx, Operation::Read)?;
    let store = ctx.store();
    let user = ctx.param("sharedTo");
    let rows: Vec<Value> = store
        .shares
        .by_record
        .get(&(m.api_name, id))
        .into_iter()
        .flatten()
        .filter(|s| user.is_none_or(|u| s.user["id"] == u))
        .map(|s| render(&store, m, id, s))
        .collect();
    let mut answer = json!({ "share": rows });
    if ctx.param("view") == Some("manage") {
        let users: Vec<Value> = store
            .people
            .users
            .iter()
            .map(|u| json!({ "name": u.full_name(), "id": u.id.to_string() }))
            .collect();
        answer["shareable_user"] = Value::Array(users);
    } else if rows.is_empty() {
        return Ok(Answer::no_content());
    }
    Ok(Answer::json(StatusCode::OK, answer))
}

fn render(store: &Store, m: &ModuleDef, id: u64, share: &Share) -> Value {
    let name = store
        .get(m.api_name, id)
        .map(|r| crate::store::display_name(m, &r.fields))
        .unwrap_or(Value::Null);
    json!({
        "user": share.user,
        "permission": share.permission,
        "share_related_records": share.related,
        "shared_by": patricia(),
        "shared_time": share.time,
        "type": "private",
        "shared_through": { "module": { "name": m.api_name, "api_name": m.api_name, "id": m.id },
                            "id": id.to_string(), "entity_name": name },
    })
}

/// One share of the body, checked: a known user and a permission Zoho offers.
fn share_of(store: &Store, item: &Value) -> Result<Share, Answer> {
    let user = actions::owner_value(store, item.get("user"), "user")?;
    let permission = item
        .get("permission")
        .and_then(Value::as_str)
        .filter(|p| PERMISSIONS.contains(p))
        .ok_or_else(|| {
            answers::error(
                StatusCode::BAD_REQUEST,
                "INVALID_DATA",
                "invalid data",
                json!({ "api_name": "permission", "json_path": "$.share[0].permission" }),
            )
        })?;
    Ok(Share {
        user: json!({ "name": user["name"], "id": user["id"] }),
        permission: permission.to_owned(),
        related: item
            .get("share_related_records")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        time: time::now(),
    })
}

/// `POST /{module}/{id}/actions/share`: adds shares (a user already shared with is updated).
pub(crate) fn share(ctx: &Ctx<'_>) -> Handled {
    let (m, id) = target(ctx, Operation::Create)?;
    put(ctx, m, id)
}

/// `PUT /{module}/{id}/actions/share`: changes shares as given.
pub(crate) fn update(ctx: &Ctx<'_>) -> Handled {
    let (m, id) = target(ctx, Operation::Update)?;
    put(ctx, m, id)
}

fn put(ctx: &Ctx<'_>, m: &ModuleDef, id: u64) -> Handled {
    let body = body::object(&ctx.req.body)?;
    let items = body
        .get("share")
        .and_then(Value::as_array)
        .filter(|items| !items.is_empty())
        .ok_or_else(|| answers::mandatory_body_key("share"))?;
    let mut store = ctx.store();
    let given: Vec<Share> = items
        .iter()
        .map(|i| share_of(&store, i))
        .collect::<Result<_, _>>()?;
    let key = (m.api_name, id);
    let mut shares = store
        .shares
        .by_record
        .get(&key)
        .cloned()
        .unwrap_or_default();
    let mut acks = Vec::new();
    for share in given {
        let user_id = share.user["id"].clone();
        shares.retain(|s| s.user["id"] != user_id);
        shares.push(share);
        acks.push(answers::success_body(
            "record will be shared successfully",
            json!({ "id": user_id }),
        ));
    }
    if shares.len() > MAX_USERS {
        return Err(answers::error(
            StatusCode::BAD_REQUEST,
            "SHARE_LIMIT_EXCEEDED",
            "Cannot share a record to more than 10 users.",
            json!({}),
        ));
    }
    store.shares.by_record.insert(key, shares);
    Ok(Answer::json(StatusCode::OK, json!({ "share": acks })))
}

/// `DELETE /{module}/{id}/actions/share`: revokes every share.
pub(crate) fn revoke(ctx: &Ctx<'_>) -> Handled {
    let (m, id) = target(ctx, Operation::Delete)?;
    let removed = ctx.store().shares.by_record.remove(&(m.api_name, id));
    if removed.is_none() {
        return Err(answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "No sharing through this record is available to revoke.",
            json!({ "id": id.to_string() }),
        ));
    }
    let ack = answers::success_body("Sharing Revoked", json!({ "id": id.to_string() }));
    Ok(Answer::json(StatusCode::OK, json!({ "share": ack })))
}
