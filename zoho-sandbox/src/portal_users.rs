//! The users of client portals (`/settings/portals/{portal}/user_type/{type}/users`): the
//! organisation has the portal `zylkerportal` with the user types Customers and Partners.
//!
//! A portal user is moved only to another user type of the same portal. Zoho's description
//! lists no body for the list, so the sandbox answers `{"users": [{personality_id, name,
//! email, active, confirm}], "info"}`; a portal or user type it does not know is
//! `INVALID_DATA`.

use axum::http::StatusCode;
use serde_json::json;
use zoho_spec::scope::Operation;

use crate::answers::{self, Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::keyed::{self, need};
use crate::people::People;
use crate::routes::Route;

/// The rows of `/settings/portals/…`.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/settings/portals/{portal}/user_type/{type}/users")
        .get(list)
        .delete(delete),
    Route::new("/settings/portals/{portal}/user_type/{type}/users/action/transfer").post(transfer),
    Route::new("/settings/portals/{portal}/user_type/{type}/users/{user}/actions/change_status")
        .put(change_status),
];

const PORTALS: &[&str] = &["settings", "clientportal"];

/// The user type the path names, which must be one of the portal's.
fn user_type(ctx: &Ctx<'_>, people: &People) -> Result<u64, Answer> {
    let id = keyed::path_id(ctx, "type")?;
    let portal = ctx.at("portal");
    people
        .user_types
        .iter()
        .find(|t| t.id == id && t.portal == portal)
        .map(|t| t.id)
        .ok_or_else(|| keyed::unknown(id))
}

/// `GET …/users[?type=active|inactive]`.
fn list(ctx: &Ctx<'_>) -> Handled {
    need(ctx, PORTALS, Operation::Read)?;
    let store = ctx.store();
    let people = &store.people;
    let kind = user_type(ctx, people)?;
    let active = match ctx.param("type") {
        None => None,
        Some("active") => Some(true),
        Some("inactive") => Some(false),
        Some(_) => return Err(answers::invalid_param("type")),
    };
    let rows = people
        .portal_users
        .iter()
        .filter(|u| u.user_type == kind && active.is_none_or(|a| u.active == a))
        .map(|u| {
            let user_type = people.user_types.iter().find(|t| t.id == u.user_type);
            json!({
                "personality_id": u.personality_id.to_string(), "name": u.name,
                "email": u.email, "active": u.active, "confirm": u.confirm,
                "user_type": { "id": u.user_type.to_string(), "name": user_type.map(|t| &t.name) },
            })
        })
        .collect();
    keyed::page(ctx, "users", rows)
}

fn done(message: &str, id: u64) -> Outcome {
    Outcome::ok(message, json!({ "personality_id": id.to_string() }))
}

fn unknown_user(id: u64) -> Outcome {
    Outcome::err_400(
        "INVALID_DATA",
        "the id given seems to be invalid",
        json!({ "personality_id": id.to_string() }),
    )
}

/// `DELETE …/users?personality_ids=`.
fn delete(ctx: &Ctx<'_>) -> Handled {
    need(ctx, PORTALS, Operation::Delete)?;
    let ids = keyed::ids_param(ctx, "personality_ids")?;
    let mut store = ctx.store();
    let kind = user_type(ctx, &store.people)?;
    let users = &mut store.people.portal_users;
    let outcomes = ids
        .into_iter()
        .map(|id| {
            match users
                .iter()
                .position(|u| u.personality_id == id && u.user_type == kind)
            {
                Some(at) => {
                    users.remove(at);
                    done("user deleted", id)
                }
                None => unknown_user(id),
            }
        })
        .collect();
    Ok(keyed::answer("users", outcomes, StatusCode::OK))
}

/// `POST …/users/action/transfer?personality_ids=&transfer_To=`.
fn transfer(ctx: &Ctx<'_>) -> Handled {
    need(ctx, PORTALS, Operation::Update)?;
    let ids = keyed::ids_param(ctx, "personality_ids")?;
    let to = ctx
        .param("transfer_To")
        .ok_or_else(|| answers::required_param_missing("transfer_To"))?;
    let mut store = ctx.store();
    let people = &mut store.people;
    let kind = user_type(ctx, people)?;
    let portal = ctx.at("portal");
    let to = body::parse_id(to)
        .filter(|to| {
            *to != kind
                && people
                    .user_types
                    .iter()
                    .any(|t| t.id == *to && t.portal == portal)
        })
        .ok_or_else(|| answers::invalid_param("transfer_To"))?;
    let outcomes = ids
        .into_iter()
        .map(|id| {
            let user = people
                .portal_users
                .iter_mut()
                .find(|u| u.personality_id == id && u.user_type == kind);
            match user {
                Some(u) => {
                    u.user_type = to;
                    done("user transferred", id)
                }
                None => unknown_user(id),
            }
        })
        .collect();
    Ok(keyed::answer("users", outcomes, StatusCode::OK))
}

/// `PUT …/users/{user}/actions/change_status?active=true|false`.
fn change_status(ctx: &Ctx<'_>) -> Handled {
    need(ctx, PORTALS, Operation::Update)?;
    let id = keyed::path_id(ctx, "user")?;
    let active = match ctx.param("active") {
        None => return Err(answers::required_param_missing("active")),
        Some("true") => true,
        Some("false") => false,
        Some(_) => return Err(answers::invalid_param("active")),
    };
    let mut store = ctx.store();
    let kind = user_type(ctx, &store.people)?;
    let user = store
        .people
        .portal_users
        .iter_mut()
        .find(|u| u.personality_id == id && u.user_type == kind);
    let outcome = match user {
        Some(u) => {
            u.active = active;
            done("status changed", id)
        }
        None => unknown_user(id),
    };
    Ok(keyed::answer(
        "change_status",
        vec![outcome],
        StatusCode::OK,
    ))
}
