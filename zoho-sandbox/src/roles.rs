//! Roles (`/settings/roles`): the hierarchy users sit in.
//!
//! Names are unique. A role reports to an existing role other than itself and its own
//! sub-roles; the administrator's role is the top and reports to none. A role held by users
//! that are not deleted, or with sub-roles, is deleted only with `transfer_to_id`, which its
//! users and sub-roles move to; without it Zoho answers `REQUIRED_PARAM_MISSING`. A single
//! role's `GET` answers `204` for an unknown id, as Zoho's description lists.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::Operation;

use crate::answers::{self, Outcome};
use crate::ctx::{Ctx, Handled};
use crate::keyed::{self, need};
use crate::people::{People, Role, SourceKind, Status};
use crate::routes::Route;
use crate::store::Store;

/// The rows of `/settings/roles`.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/settings/roles")
        .get(|c| list(c, None))
        .post(create)
        .put(|c| update(c, None)),
    Route::new("/settings/roles/{id}")
        .get(|c| list(c, Some(c.at("id"))))
        .put(|c| update(c, Some(c.at("id"))))
        .delete(delete),
];

const ROLES: &[&str] = &["settings", "roles"];

fn render(people: &People, r: &Role) -> Value {
    json!({
        "id": r.id.to_string(), "name": r.name, "display_label": r.name,
        "reporting_to": people.name_ref(SourceKind::Roles, r.reporting_to),
        "share_with_peers": r.share_with_peers, "description": r.description,
        "admin_user": r.admin,
    })
}

/// `GET /settings/roles[/{id}]`.
fn list(ctx: &Ctx<'_>, one: Option<&str>) -> Handled {
    need(ctx, ROLES, Operation::Read)?;
    let one = one.map(|_| keyed::path_id(ctx, "id")).transpose()?;
    let store = ctx.store();
    let people = &store.people;
    let rows = people
        .roles
        .iter()
        .filter(|r| one.is_none_or(|id| r.id == id))
        .map(|r| render(people, r))
        .collect();
    Ok(keyed::listed("roles", rows))
}

/// `POST /settings/roles`.
fn create(ctx: &Ctx<'_>) -> Handled {
    need(ctx, ROLES, Operation::Create)?;
    let items = keyed::items(ctx, "roles")?;
    let mut store = ctx.store();
    let outcomes = keyed::each(&items, |item| add(&mut store, item));
    Ok(keyed::answer("roles", outcomes, StatusCode::CREATED))
}

fn add(store: &mut Store, item: &Map<String, Value>) -> Result<Outcome, Outcome> {
    let name = keyed::required_text(item, "name")?.to_owned();
    let given = item.get("reporting_to").filter(|v| !v.is_null());
    let given = given.ok_or_else(|| keyed::mandatory("reporting_to"))?;
    let reporting_to = keyed::id_in(Some(given))
        .filter(|id| store.people.role(*id).is_some())
        .ok_or_else(|| keyed::invalid("reporting_to"))?;
    if let Some(other) = named(&store.people, &name, None) {
        return Err(keyed::duplicate("name", other));
    }
    let id = store.new_id();
    store.people.roles.push(Role {
        id,
        name,
        reporting_to: Some(reporting_to),
        share_with_peers: keyed::flag(item, "share_with_peers")?.unwrap_or(false),
        description: keyed::text(item, "description").map(str::to_owned),
        admin: false,
    });
    Ok(keyed::done("role added", id))
}

fn named(people: &People, name: &str, except: Option<u64>) -> Option<u64> {
    let same = |r: &&Role| Some(r.id) != except && r.name.eq_ignore_ascii_case(name);
    people.roles.iter().find(same).map(|r| r.id)
}

/// `PUT /settings/roles[/{id}]`.
fn update(ctx: &Ctx<'_>, path: Option<&str>) -> Handled {
    need(ctx, ROLES, Operation::Update)?;
    let path = path.map(|_| keyed::path_id(ctx, "id")).transpose()?;
    let items = keyed::items(ctx, "roles")?;
    let mut store = ctx.store();
    let outcomes = keyed::each_by_id(&items, path, |id, item| change(&mut store.people, id, item));
    Ok(keyed::answer("roles", outcomes, StatusCode::OK))
}

fn change(people: &mut People, id: u64, item: &Map<String, Value>) -> Result<Outcome, Outcome> {
    let role = people
        .role(id)
        .ok_or_else(|| keyed::invalid_id(&id.to_string()))?;
    let admin = role.admin;
    let name = keyed::text(item, "name");
    if name.is_some_and(str::is_empty) {
        return Err(keyed::invalid("name"));
    }
    if let Some(other) = name.and_then(|n| named(people, n, Some(id))) {
        return Err(keyed::duplicate("name", other));
    }
    let reporting_to = match item.get("reporting_to") {
        None | Some(Value::Null) => None,
        given => {
            let parent = keyed::id_in(given).filter(|p| people.role(*p).is_some());
            let parent_of = |x: u64| people.role(x).and_then(|r| r.reporting_to);
            let below = |p: u64| People::descends(parent_of, p, id);
            Some(parent.filter(|p| !admin && !below(*p)))
                .flatten()
                .ok_or_else(|| keyed::invalid("reporting_to"))
                .map(Some)?
        }
    };
    let share = keyed::flag(item, "share_with_peers")?;
    let role = people.roles.iter_mut().find(|r| r.id == id);
    let role = role.ok_or_else(|| keyed::invalid_id(&id.to_string()))?;
    if let Some(name) = name {
        role.name = name.to_owned();
    }
    if let Some(description) = keyed::text(item, "description") {
        role.description = Some(description.to_owned());
    }
    role.reporting_to = reporting_to.or(role.reporting_to);
    role.share_with_peers = share.unwrap_or(role.share_with_peers);
    Ok(keyed::done("role updated", id))
}

/// `DELETE /settings/roles/{id}[?transfer_to_id=]`.
fn delete(ctx: &Ctx<'_>) -> Handled {
    need(ctx, ROLES, Operation::Delete)?;
    let id = keyed::path_id(ctx, "id")?;
    let transfer = ctx.param("transfer_to_id").map(|text| {
        crate::body::parse_id(text).ok_or_else(|| answers::invalid_param("transfer_to_id"))
    });
    let transfer = transfer.transpose()?;
    let mut store = ctx.store();
    let people = &mut store.people;
    let role = people.role(id).ok_or_else(|| keyed::unknown(id))?;
    if role.admin {
        return Err(answers::error(
            StatusCode::BAD_REQUEST,
            "NOT_ALLOWED",
            "the administrator's role cannot be deleted",
            json!({ "id": id.to_string() }),
        ));
    }
    let held = people
        .users
        .iter()
        .any(|u| u.role == id && u.status != Status::Deleted);
    let parent = people.roles.iter().any(|r| r.reporting_to == Some(id));
    let to = match transfer {
        Some(to) if to != id && people.role(to).is_some() => Some(to),
        Some(_) => return Err(answers::invalid_param("transfer_to_id")),
        None if held || parent => return Err(answers::required_param_missing("transfer_to_id")),
        None => None,
    };
    if let Some(to) = to {
        if People::descends(|x| people.role(x).and_then(|r| r.reporting_to), to, id) {
            return Err(answers::invalid_param("transfer_to_id"));
        }
        move_role(people, id, to);
    }
    people.roles.retain(|r| r.id != id);
    Ok(keyed::answer(
        "roles",
        vec![keyed::done("role deleted", id)],
        StatusCode::OK,
    ))
}

/// Gives the users and sub-roles of `from` to `to`.
fn move_role(people: &mut People, from: u64, to: u64) {
    for user in people.users.iter_mut().filter(|u| u.role == from) {
        user.role = to;
    }
    for role in people
        .roles
        .iter_mut()
        .filter(|r| r.reporting_to == Some(from))
    {
        role.reporting_to = Some(to);
    }
}
