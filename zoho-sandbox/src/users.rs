//! Users (`/users`): listed by type and paged, added one per call with a role and a profile,
//! changed, deleted, counted, and deleted after their records move to another user
//! (`transfer_and_delete`).
//!
//! Added users are active and unconfirmed. A deleted user keeps their id and is listed only
//! as `DeletedUsers`; neither a deleted nor a deactivated user may own records. Zoho does not
//! document what deleting the organisation's primary user answers; the sandbox refuses it with
//! `INVALID_DATA`. Transfer-and-delete jobs finish at once, so their status is `completed`.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::Operation;

use crate::answers::{self, Answer, Outcome};
use crate::ctx::{Ctx, Handled};
use crate::keyed::{self, need};
use crate::people::{People, SourceKind, Status, User, ADMIN_ID};
use crate::routes::Route;
use crate::store::Store;
use crate::{body, time};
use std::sync::Arc;

/// The rows of `/users`.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/users")
        .get(list)
        .post(create)
        .put(|c| update(c, None)),
    Route::new("/users/actions/count").get(count),
    Route::new("/users/actions/transfer_and_delete")
        .get(transfer_status)
        .post(|c| transfer_and_delete(c, None)),
    Route::new("/users/{id}")
        .get(get)
        .put(|c| update(c, Some(c.at("id"))))
        .delete(delete),
    Route::new("/users/{id}/actions/associated_groups").get(associated_groups),
    Route::new("/users/{id}/actions/transfer_and_delete")
        .post(|c| transfer_and_delete(c, Some(c.at("id")))),
];

const USERS: &[&str] = &["users"];

/// A user as `/users` shows them.
pub(crate) fn render(people: &People, u: &User) -> Value {
    let territories: Vec<Value> = u
        .territories
        .iter()
        .map(|t| people.name_ref(SourceKind::Territories, Some(*t)))
        .collect();
    let profile = people.profile(u.profile).map(|p| p.name.clone());
    json!({
        "id": u.id.to_string(), "first_name": u.first_name, "last_name": u.last_name,
        "full_name": u.full_name(), "name": u.full_name(), "email": u.email,
        "role": people.name_ref(SourceKind::Roles, Some(u.role)),
        "profile": { "name": profile, "id": u.profile.to_string() },
        "status": u.status.name(), "confirm": u.confirm, "time_zone": u.time_zone,
        "locale": u.locale, "country_locale": u.locale, "phone": u.phone,
        "territories": territories, "Modified_Time": u.modified_time,
    })
}

/// Whether a user is of the type `kind` of Zoho's `type` parameter; `None` for an unknown type.
fn of_type(people: &People, u: &User, kind: &str) -> Option<bool> {
    let active = u.status == Status::Active;
    let admin = people
        .profile(u.profile)
        .is_some_and(|p| p.name == "Administrator");
    Some(match kind {
        "AllUsers" => u.status != Status::Deleted,
        "ActiveUsers" => active,
        "DeactiveUsers" => u.status == Status::Disabled,
        "ConfirmedUsers" => u.confirm && u.status != Status::Deleted,
        "NotConfirmedUsers" => !u.confirm && u.status != Status::Deleted,
        "DeletedUsers" => u.status == Status::Deleted,
        "ActiveConfirmedUsers" => active && u.confirm,
        "AdminUsers" => admin && u.status != Status::Deleted,
        "ActiveConfirmedAdmins" => admin && active && u.confirm,
        "CurrentUser" => u.id == ADMIN_ID,
        _ => return None,
    })
}

fn type_param<'a>(ctx: &'a Ctx<'_>) -> &'a str {
    ctx.param("type").unwrap_or("AllUsers")
}

/// `GET /users`: `type`, `ids`, `page`, `per_page`, `If-Modified-Since`.
fn list(ctx: &Ctx<'_>) -> Handled {
    need(ctx, USERS, Operation::Read)?;
    let ids = keyed::optional_ids(ctx, "ids")?;
    let since = modified_since(ctx)?;
    let store = ctx.store();
    let people = &store.people;
    let kind = type_param(ctx);
    let mut rows = Vec::new();
    for u in &people.users {
        let wanted = of_type(people, u, kind).ok_or_else(|| answers::invalid_param("type"))?;
        let asked = ids.as_ref().is_none_or(|ids| ids.contains(&u.id));
        let changed = since.is_none_or(|s| time::parse(&u.modified_time).is_some_and(|t| t > s));
        if wanted && asked && changed {
            rows.push(render(people, u));
        }
    }
    if since.is_some() && rows.is_empty() {
        return Ok(Answer::not_modified());
    }
    keyed::page(ctx, "users", rows)
}

fn modified_since(ctx: &Ctx<'_>) -> Result<Option<i64>, Answer> {
    let Some(value) = ctx.req.headers.get("if-modified-since") else {
        return Ok(None);
    };
    let parsed = value.to_str().ok().and_then(time::parse);
    parsed.map(Some).ok_or_else(|| {
        answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "invalid data",
            json!({ "header_name": "If-Modified-Since" }),
        )
    })
}

/// `GET /users/{id}`: `204` for an id that names no user, as Zoho's description lists.
fn get(ctx: &Ctx<'_>) -> Handled {
    need(ctx, USERS, Operation::Read)?;
    let id = keyed::path_id(ctx, "id")?;
    let since = modified_since(ctx)?;
    let store = ctx.store();
    let Some(u) = store.people.user(id) else {
        return Ok(Answer::no_content());
    };
    if since.is_some_and(|s| time::parse(&u.modified_time).is_none_or(|t| t <= s)) {
        return Ok(Answer::not_modified());
    }
    let info = json!({ "per_page": 200, "count": 1, "page": 1, "more_records": false });
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "users": [render(&store.people, u)], "info": info }),
    ))
}

/// `POST /users`: one user per call, as Zoho documents.
fn create(ctx: &Ctx<'_>) -> Handled {
    need(ctx, USERS, Operation::Create)?;
    let items = keyed::items(ctx, "users")?;
    if items.len() > 1 {
        return Err(answers::limit_exceeded(1, "users"));
    }
    let mut store = ctx.store();
    let outcome = keyed::object(&items[0]).and_then(|item| add(&mut store, item));
    let outcome = outcome.unwrap_or_else(|refusal| refusal);
    Ok(keyed::answer("users", vec![outcome], StatusCode::CREATED))
}

fn add(store: &mut Store, item: &Map<String, Value>) -> Result<Outcome, Outcome> {
    let last_name = keyed::required_text(item, "last_name")?.to_owned();
    let email = keyed::required_text(item, "email")?.to_lowercase();
    if !is_email(&email) {
        return Err(keyed::invalid("email"));
    }
    let role = known(item, "role", |id| store.people.role(id).is_some())?;
    let profile = known(item, "profile", |id| store.people.profile(id).is_some())?;
    if let Some(other) = holder_of(&store.people, &email, None) {
        return Err(keyed::duplicate("email", other));
    }
    let id = store.new_id();
    store.people.users.push(User {
        id,
        first_name: keyed::text(item, "first_name").map(str::to_owned),
        last_name,
        email,
        role,
        profile,
        status: Status::Active,
        confirm: false,
        time_zone: keyed::text(item, "time_zone")
            .unwrap_or("Etc/UTC")
            .to_owned(),
        locale: keyed::text(item, "country_locale")
            .unwrap_or("en_US")
            .to_owned(),
        phone: keyed::text(item, "phone").map(str::to_owned),
        territories: Default::default(),
        modified_time: time::now(),
    });
    Ok(keyed::done("User added", id))
}

/// The id of a role or profile the item must name, and which must exist.
fn known(
    item: &Map<String, Value>,
    key: &str,
    exists: impl Fn(u64) -> bool,
) -> Result<u64, Outcome> {
    let given = item.get(key).filter(|v| !v.is_null());
    let given = given.ok_or_else(|| keyed::mandatory(key))?;
    keyed::id_in(Some(given))
        .filter(|id| exists(*id))
        .ok_or_else(|| keyed::invalid(key))
}

fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !text.contains(' ')
}

/// The user other than `except`, not deleted, who has this email.
fn holder_of(people: &People, email: &str, except: Option<u64>) -> Option<u64> {
    people
        .users
        .iter()
        .find(|u| Some(u.id) != except && u.status != Status::Deleted && u.email == email)
        .map(|u| u.id)
}

/// `PUT /users` and `PUT /users/{id}`.
fn update(ctx: &Ctx<'_>, path: Option<&str>) -> Handled {
    need(ctx, USERS, Operation::Update)?;
    let path = path.map(|_| keyed::path_id(ctx, "id")).transpose()?;
    let items = keyed::items(ctx, "users")?;
    let mut store = ctx.store();
    let outcomes = keyed::each_by_id(&items, path, |id, item| change(&mut store.people, id, item));
    Ok(keyed::answer("users", outcomes, StatusCode::OK))
}

fn change(people: &mut People, id: u64, item: &Map<String, Value>) -> Result<Outcome, Outcome> {
    let user = people
        .user(id)
        .ok_or_else(|| keyed::invalid_id(&id.to_string()))?;
    if user.status == Status::Deleted {
        return Err(refused(
            "CANNOT_UPDATE_DELETED_USER",
            "deleted users cannot be changed",
            id,
        ));
    }
    if item
        .get("email")
        .and_then(Value::as_str)
        .is_some_and(|e| e != user.email)
    {
        return Err(refused(
            "EMAIL_UPDATE_NOT_ALLOWED",
            "the email cannot be changed",
            id,
        ));
    }
    let role = optional(item, "role", |r| people.role(r).is_some())?;
    let profile = optional(item, "profile", |p| people.profile(p).is_some())?;
    let status = match keyed::text(item, "status") {
        None => None,
        Some("active") => Some(Status::Active),
        Some("disabled") if id != ADMIN_ID => Some(Status::Disabled),
        Some(_) => return Err(keyed::invalid("status")),
    };
    let user = people
        .user_mut(id)
        .ok_or_else(|| keyed::invalid_id(&id.to_string()))?;
    let texts = [
        ("first_name", &mut user.first_name),
        ("phone", &mut user.phone),
    ];
    for (key, slot) in texts {
        if let Some(value) = keyed::text(item, key) {
            *slot = Some(value.to_owned());
        }
    }
    if let Some(last) = keyed::text(item, "last_name").filter(|t| !t.is_empty()) {
        user.last_name = last.to_owned();
    }
    if let Some(zone) = keyed::text(item, "time_zone") {
        user.time_zone = zone.to_owned();
    }
    user.role = role.unwrap_or(user.role);
    user.profile = profile.unwrap_or(user.profile);
    user.status = status.unwrap_or(user.status);
    user.modified_time = time::now();
    Ok(keyed::done("User updated", id))
}

fn optional(
    item: &Map<String, Value>,
    key: &str,
    exists: impl Fn(u64) -> bool,
) -> Result<Option<u64>, Outcome> {
    match item.get(key) {
        None | Some(Value::Null) => Ok(None),
        given => keyed::id_in(given)
            .filter(|id| exists(*id))
            .map(Some)
            .ok_or_else(|| keyed::invalid(key)),
    }
}

fn refused(code: &str, message: &str, id: u64) -> Outcome {
    Outcome::err_400(code, message, json!({ "id": id.to_string() }))
}

/// `DELETE /users/{id}`: the user is marked deleted; their records keep their owner.
fn delete(ctx: &Ctx<'_>) -> Handled {
    need(ctx, USERS, Operation::Delete)?;
    let id = keyed::path_id(ctx, "id")?;
    let mut store = ctx.store();
    let outcome = remove(&mut store.people, id).unwrap_or_else(|refusal| refusal);
    Ok(keyed::answer("users", vec![outcome], StatusCode::OK))
}

fn remove(people: &mut People, id: u64) -> Result<Outcome, Outcome> {
    let user = people
        .user_mut(id)
        .ok_or_else(|| keyed::invalid_id(&id.to_string()))?;
    if user.status == Status::Deleted {
        return Err(refused(
            "ID_ALREADY_DELETED",
            "the user is already deleted",
            id,
        ));
    }
    if id == ADMIN_ID {
        return Err(refused(
            "INVALID_DATA",
            "the primary user cannot be deleted",
            id,
        ));
    }
    user.status = Status::Deleted;
    user.territories.clear();
    user.modified_time = time::now();
    Ok(keyed::done("User deleted", id))
}

/// `GET /users/actions/count?type=`.
fn count(ctx: &Ctx<'_>) -> Handled {
    need(ctx, USERS, Operation::Read)?;
    let store = ctx.store();
    let people = &store.people;
    let kind = type_param(ctx);
    let mut n = 0;
    for u in &people.users {
        n += of_type(people, u, kind).ok_or_else(|| answers::invalid_param("type"))? as u64;
    }
    Ok(Answer::json(StatusCode::OK, json!({ "count": n })))
}

/// `GET /users/{id}/actions/associated_groups`: the groups that stand for the user.
fn associated_groups(ctx: &Ctx<'_>) -> Handled {
    need(ctx, &["settings", "user_groups"], Operation::Read)?;
    let id = keyed::path_id(ctx, "id")?;
    let store = ctx.store();
    let people = &store.people;
    people.user(id).ok_or_else(|| keyed::unknown(id))?;
    let rows = people
        .groups
        .iter()
        .filter(|g| people.group_users(g.id).contains(&id))
        .map(|g| json!({ "id": g.id.to_string(), "name": g.name }))
        .collect();
    keyed::page(ctx, "user_groups", rows)
}

/// `POST /users/actions/transfer_and_delete` and `/users/{id}/actions/transfer_and_delete`.
fn transfer_and_delete(ctx: &Ctx<'_>, path: Option<&str>) -> Handled {
    need(ctx, USERS, Operation::All)?;
    let path = path.map(|_| keyed::path_id(ctx, "id")).transpose()?;
    let items = keyed::items(ctx, "transfer_and_delete")?;
    let mut store = ctx.store();
    let outcomes = keyed::each_by_id(&items, path, |id, item| transfer(&mut store, id, item));
    Ok(keyed::answer(
        "transfer_and_delete",
        outcomes,
        StatusCode::OK,
    ))
}

fn transfer(store: &mut Store, id: u64, item: &Map<String, Value>) -> Result<Outcome, Outcome> {
    let to = item
        .get("transfer")
        .ok_or_else(|| keyed::mandatory("transfer"))?;
    let to_id = keyed::id_in(Some(to)).ok_or_else(|| keyed::mandatory("transfer.id"))?;
    if to_id == id || store.people.owner(to_id).is_none() {
        return Err(keyed::invalid("transfer.id"));
    }
    if let Some(sub) = item.get("move_subordinate").filter(|v| !v.is_null()) {
        keyed::id_in(Some(sub))
            .filter(|s| *s != id && store.people.owner(*s).is_some())
            .ok_or_else(|| keyed::invalid("move_subordinate"))?;
    }
    let records = to.get("records").and_then(Value::as_bool).unwrap_or(true);
    remove(&mut store.people, id)?;
    if records {
        let new_owner = store.people.user(to_id).map(User::reference);
        move_records(store, id, new_owner.unwrap_or(Value::Null));
    }
    let job = store.new_id();
    store.people.jobs.insert(job, "completed");
    let details = json!({ "id": id.to_string(), "jobId": job.to_string() });
    Ok(Outcome::ok("User transfer and delete scheduled", details))
}

/// Gives every record `from` owns to `owner`.
fn move_records(store: &mut Store, from: u64, owner: Value) {
    let from = Value::String(from.to_string());
    let schema = Arc::clone(store.schema());
    for m in schema.modules() {
        let owned: Vec<u64> = store
            .records(m.api_name)
            .filter(|(_, r)| r.fields.get("Owner").and_then(|o| o.get("id")) == Some(&from))
            .map(|(id, _)| id)
            .collect();
        for id in owned {
            if let Some(record) = store.get_mut(m.api_name, id) {
                record.fields.insert("Owner".into(), owner.clone());
            }
        }
    }
}

/// `GET /users/actions/transfer_and_delete?job_id=`.
fn transfer_status(ctx: &Ctx<'_>) -> Handled {
    need(ctx, USERS, Operation::Read)?;
    let text = ctx
        .param("job_id")
        .ok_or_else(|| answers::required_param_missing("job_id"))?;
    let store = ctx.store();
    let status = body::parse_id(text)
        .and_then(|job| store.people.jobs.get(&job))
        .ok_or_else(|| answers::invalid_param("job_id"))?;
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "transfer_and_delete": [{ "status": status }] }),
    ))
}
