//! Territories (`/settings/territories`), their users (`/settings/territories/{id}/users`)
//! and each user's territories (`/users/{id}/territories`).
//!
//! Names are unique; a territory sits under an existing one other than itself and those under
//! it (the top one under none), and its manager is an active user. One with child territories
//! is refused by a plain delete (`NOT_ALLOWED`, a code of Zoho's description) and deleted by
//! `transfer_and_delete`, whose body (`{"territories": [{"id", "transfer_to_id"}]}`) Zoho's
//! description leaves blank: its children and users move to `transfer_to_id`. A deleted
//! territory that had users is listed by `deleted_associated_territories`. A user's
//! territories are answered with Zoho's capitalised keys (`Name`, `Manager`, `Reporting_To`).

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::Operation;

use crate::answers::Outcome;
use crate::ctx::{Ctx, Handled};
use crate::keyed::{self, need};
use crate::people::{DeletedTerritory, People, SourceKind, Status, Territory};
use crate::routes::Route;
use crate::store::Store;
use crate::time;

/// The rows of `/settings/territories` and `/users/{id}/territories`.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/settings/territories")
        .get(list)
        .post(create)
        .put(|c| update(c, None))
        .delete(|c| delete(c, None)),
    Route::new("/settings/territories/actions/associated_users_count").get(users_count),
    Route::new("/settings/territories/actions/deleted_associated_territories").get(deleted),
    Route::new("/settings/territories/actions/transfer_and_delete")
        .post(|c| transfer_and_delete(c, None)),
    Route::new("/settings/territories/actions/*"),
    Route::new("/settings/territories/{id}")
        .get(get)
        .put(|c| update(c, Some(c.at("id"))))
        .delete(|c| delete(c, Some(c.at("id")))),
    Route::new("/settings/territories/{id}/__child_territories").get(children),
    Route::new("/settings/territories/{id}/actions/transfer_and_delete")
        .post(|c| transfer_and_delete(c, Some(c.at("id")))),
    Route::new("/settings/territories/{id}/users")
        .get(|c| members(c, None))
        .put(|c| join(c, None))
        .delete(|c| leave(c, None)),
    Route::new("/settings/territories/{id}/users/{user}")
        .get(|c| members(c, Some(c.at("user"))))
        .put(|c| join(c, Some(c.at("user"))))
        .delete(|c| leave(c, Some(c.at("user")))),
    Route::new("/users/{user}/territories")
        .get(|c| of_user(c, None))
        .put(user_join)
        .delete(|c| user_leave(c, None)),
    Route::new("/users/{user}/territories/{id}")
        .get(|c| of_user(c, Some(c.at("id"))))
        .delete(|c| user_leave(c, Some(c.at("id")))),
];

const TERRITORIES: &[&str] = &["settings", "territories"];

fn render(people: &People, t: &Territory) -> Value {
    json!({
        "id": t.id.to_string(), "name": t.name, "api_name": t.name.replace(' ', "_"),
        "manager": people.name_ref(SourceKind::Users, t.manager),
        "reporting_to": people.name_ref(SourceKind::Territories, t.reporting_to),
        "permission_type": t.permission_type, "description": t.description,
    })
}

/// `GET /settings/territories`: `ids`, `page`, `per_page`.
fn list(ctx: &Ctx<'_>) -> Handled {
    need(ctx, TERRITORIES, Operation::Read)?;
    let ids = keyed::optional_ids(ctx, "ids")?;
    let store = ctx.store();
    let people = &store.people;
    let rows = people
        .territories
        .iter()
        .filter(|t| ids.as_ref().is_none_or(|ids| ids.contains(&t.id)))
        .map(|t| render(people, t))
        .collect();
    keyed::page(ctx, "territories", rows)
}

/// `GET /settings/territories/{id}`: `204` for an unknown id, as Zoho's description lists.
fn get(ctx: &Ctx<'_>) -> Handled {
    need(ctx, TERRITORIES, Operation::Read)?;
    let id = keyed::path_id(ctx, "id")?;
    let store = ctx.store();
    let rows = store.people.territory(id).map(|t| render(&store.people, t));
    Ok(keyed::listed("territories", rows.into_iter().collect()))
}

/// `GET /settings/territories/{id}/__child_territories`: those directly under it.
fn children(ctx: &Ctx<'_>) -> Handled {
    need(ctx, TERRITORIES, Operation::Read)?;
    let id = keyed::path_id(ctx, "id")?;
    let store = ctx.store();
    let people = &store.people;
    people.territory(id).ok_or_else(|| keyed::unknown(id))?;
    let rows = people
        .territories
        .iter()
        .filter(|t| t.reporting_to == Some(id))
        .map(|t| render(people, t))
        .collect();
    keyed::page(ctx, "territories", rows)
}

/// `POST /settings/territories`.
fn create(ctx: &Ctx<'_>) -> Handled {
    need(ctx, TERRITORIES, Operation::Create)?;
    let items = keyed::items(ctx, "territories")?;
    let mut store = ctx.store();
    let outcomes = keyed::each(&items, |item| add(&mut store, item));
    Ok(keyed::answer("territories", outcomes, StatusCode::CREATED))
}

fn add(store: &mut Store, item: &Map<String, Value>) -> Result<Outcome, Outcome> {
    let name = keyed::required_text(item, "name")?.to_owned();
    let given = item.get("reporting_to").filter(|v| !v.is_null());
    let parent = keyed::id_in(Some(given.ok_or_else(|| keyed::mandatory("reporting_to"))?))
        .filter(|p| store.people.territory(*p).is_some())
        .ok_or_else(|| keyed::invalid("reporting_to"))?;
    let manager = manager(&store.people, item)?;
    let permission_type = permission(item)?.unwrap_or("read_write_delete").to_owned();
    if let Some(other) = named(&store.people, &name, None) {
        return Err(keyed::duplicate("name", other));
    }
    let id = store.new_id();
    let description = keyed::text(item, "description").map(str::to_owned);
    store.people.territories.push(Territory {
        id,
        name,
        manager,
        reporting_to: Some(parent),
        permission_type,
        description,
    });
    Ok(keyed::done("territory added", id))
}

fn manager(people: &People, item: &Map<String, Value>) -> Result<Option<u64>, Outcome> {
    match item.get("manager") {
        None | Some(Value::Null) => Ok(None),
        given => keyed::id_in(given)
            .filter(|m| people.owner(*m).is_some())
            .map(Some)
            .ok_or_else(|| keyed::invalid("manager")),
    }
}

fn permission(item: &Map<String, Value>) -> Result<Option<&str>, Outcome> {
    match keyed::text(item, "permission_type") {
        None => Ok(None),
        Some(p @ ("read_only" | "read_write_delete")) => Ok(Some(p)),
        Some(_) => Err(keyed::invalid("permission_type")),
    }
}

fn named(people: &People, name: &str, except: Option<u64>) -> Option<u64> {
    let same = |t: &&Territory| Some(t.id) != except && t.name.eq_ignore_ascii_case(name);
    people.territories.iter().find(same).map(|t| t.id)
}

/// `PUT /settings/territories[/{id}]`.
fn update(ctx: &Ctx<'_>, path: Option<&str>) -> Handled {
    need(ctx, TERRITORIES, Operation::Update)?;
    let path = path.map(|_| keyed::path_id(ctx, "id")).transpose()?;
    let items = keyed::items(ctx, "territories")?;
    let mut store = ctx.store();
    let outcomes = keyed::each_by_id(&items, path, |id, item| change(&mut store.people, id, item));
    Ok(keyed::answer("territories", outcomes, StatusCode::OK))
}

fn change(people: &mut People, id: u64, item: &Map<String, Value>) -> Result<Outcome, Outcome> {
    let top = people
        .territory(id)
        .ok_or_else(|| keyed::invalid_id(&id.to_string()))?;
    let top = top.reporting_to.is_none();
    let name = keyed::text(item, "name");
    if name.is_some_and(str::is_empty) {
        return Err(keyed::invalid("name"));
    }
    if let Some(other) = name.and_then(|n| named(people, n, Some(id))) {
        return Err(keyed::duplicate("name", other));
    }
    let parent = match item.get("reporting_to") {
        None | Some(Value::Null) => None,
        given => {
            let parent_of = |x: u64| people.territory(x).and_then(|t| t.reporting_to);
            let fits =
                |p: &u64| people.territory(*p).is_some() && !People::descends(parent_of, *p, id);
            let parent = keyed::id_in(given).filter(|p| !top && fits(p));
            Some(parent.ok_or_else(|| keyed::invalid("reporting_to"))?)
        }
    };
    let manager = manager(people, item)?;
    let permission = permission(item)?.map(str::to_owned);
    let t = people.territories.iter_mut().find(|t| t.id == id);
    let t = t.ok_or_else(|| keyed::invalid_id(&id.to_string()))?;
    if let Some(name) = name {
        t.name = name.to_owned();
    }
    if let Some(description) = keyed::text(item, "description") {
        t.description = Some(description.to_owned());
    }
    t.reporting_to = parent.or(t.reporting_to);
    t.manager = manager.or(t.manager);
    t.permission_type = permission.unwrap_or_else(|| t.permission_type.clone());
    Ok(keyed::done("territory updated", id))
}

/// `DELETE /settings/territories?ids=` and `DELETE /settings/territories/{id}`.
fn delete(ctx: &Ctx<'_>, path: Option<&str>) -> Handled {
    need(ctx, TERRITORIES, Operation::Delete)?;
    let ids = match path {
        Some(_) => vec![keyed::path_id(ctx, "id")?],
        None => keyed::ids_param(ctx, "ids")?,
    };
    let mut store = ctx.store();
    let outcomes = ids
        .iter()
        .map(|id| remove(&mut store.people, *id, None))
        .map(|o| o.unwrap_or_else(|refusal| refusal))
        .collect();
    Ok(keyed::answer("territories", outcomes, StatusCode::OK))
}

/// Deletes a territory; with `to`, its children and users move there first.
fn remove(people: &mut People, id: u64, to: Option<u64>) -> Result<Outcome, Outcome> {
    let t = people
        .territory(id)
        .ok_or_else(|| keyed::invalid_id(&id.to_string()))?;
    let name = t.name.clone();
    if t.reporting_to.is_none() {
        return Err(not_allowed("the top territory cannot be deleted", id));
    }
    let has_children = people
        .territories
        .iter()
        .any(|c| c.reporting_to == Some(id));
    if let Some(to) = to {
        let parent_of = |x: u64| people.territory(x).and_then(|t| t.reporting_to);
        if people.territory(to).is_none() || People::descends(parent_of, to, id) {
            return Err(keyed::invalid("transfer_to_id"));
        }
        for child in people
            .territories
            .iter_mut()
            .filter(|c| c.reporting_to == Some(id))
        {
            child.reporting_to = Some(to);
        }
    } else if has_children {
        return Err(not_allowed("the territory has child territories", id));
    }
    let mut had_users = false;
    for user in people.users.iter_mut() {
        if !user.territories.remove(&id) {
            continue;
        }
        had_users = true;
        if let Some(to) = to {
            user.territories.insert(to);
        }
    }
    if had_users {
        let deleted_time = time::now();
        people.deleted_territories.push(DeletedTerritory {
            id,
            name,
            deleted_time,
        });
    }
    people.territories.retain(|t| t.id != id);
    Ok(keyed::done("territory deleted", id))
}

fn not_allowed(message: &str, id: u64) -> Outcome {
    Outcome::err_400("NOT_ALLOWED", message, json!({ "id": id.to_string() }))
}

/// `POST /settings/territories[/{id}]/actions/transfer_and_delete`.
fn transfer_and_delete(ctx: &Ctx<'_>, path: Option<&str>) -> Handled {
    need(ctx, TERRITORIES, Operation::Delete)?;
    let path = path.map(|_| keyed::path_id(ctx, "id")).transpose()?;
    let items = keyed::items(ctx, "territories")?;
    let mut store = ctx.store();
    let outcomes = keyed::each_by_id(&items, path, |id, item| {
        let to = item.get("transfer_to_id").filter(|v| !v.is_null());
        let to = keyed::id_in(Some(to.ok_or_else(|| keyed::mandatory("transfer_to_id"))?));
        remove(
            &mut store.people,
            id,
            Some(to.ok_or_else(|| keyed::invalid("transfer_to_id"))?),
        )
    });
    Ok(keyed::answer("territories", outcomes, StatusCode::OK))
}

/// `GET /settings/territories/actions/associated_users_count`.
fn users_count(ctx: &Ctx<'_>) -> Handled {
    need(ctx, TERRITORIES, Operation::Read)?;
    let store = ctx.store();
    let people = &store.people;
    let rows = people
        .territories
        .iter()
        .map(|t| {
            let n = people
                .users
                .iter()
                .filter(|u| u.territories.contains(&t.id))
                .count();
            let territory =
                json!({ "id": t.id.to_string(), "name": t.name, "subordinates": false });
            json!({ "territory": territory, "count": n.to_string() })
        })
        .collect();
    keyed::page(ctx, "associated_users_count", rows)
}

/// `GET /settings/territories/actions/deleted_associated_territories[?ids=]`.
fn deleted(ctx: &Ctx<'_>) -> Handled {
    need(ctx, TERRITORIES, Operation::Read)?;
    let ids = keyed::optional_ids(ctx, "ids")?;
    let store = ctx.store();
    let by = store.people.users.first().map(|u| u.reference());
    let rows = store
        .people
        .deleted_territories
        .iter()
        .filter(|t| ids.as_ref().is_none_or(|ids| ids.contains(&t.id)))
        .map(|t| json!({ "id": t.id.to_string(), "name": t.name, "deleted_time": t.deleted_time, "deleted_by": by }))
        .collect();
    keyed::page(ctx, "territories", rows)
}

fn user_row(people: &People, id: u64) -> Value {
    people.user(id).map_or(Value::Null, |u| u.reference())
}

/// `GET /settings/territories/{id}/users[/{user}]`.
fn members(ctx: &Ctx<'_>, one: Option<&str>) -> Handled {
    need(ctx, TERRITORIES, Operation::Read)?;
    let id = keyed::path_id(ctx, "id")?;
    let one = one.map(|_| keyed::path_id(ctx, "user")).transpose()?;
    let store = ctx.store();
    let people = &store.people;
    people.territory(id).ok_or_else(|| keyed::unknown(id))?;
    let rows = people
        .users
        .iter()
        .filter(|u| u.territories.contains(&id) && one.is_none_or(|o| u.id == o))
        .map(|u| user_row(people, u.id))
        .collect();
    keyed::page(ctx, "users", rows)
}

/// Puts `user` in `territory`.
fn associate(people: &mut People, territory: u64, user: u64) -> Outcome {
    if people.territory(territory).is_none() {
        return keyed::invalid_id(&territory.to_string());
    }
    match people
        .user_mut(user)
        .filter(|u| u.status != Status::Deleted)
    {
        Some(u) => {
            u.territories.insert(territory);
            keyed::done("user associated", user)
        }
        None => keyed::invalid_id(&user.to_string()),
    }
}

/// Takes `user` out of `territory`.
fn dissociate(people: &mut People, territory: u64, user: u64, answer_with: u64) -> Outcome {
    match people
        .user_mut(user)
        .filter(|u| u.territories.contains(&territory))
    {
        Some(u) => {
            u.territories.remove(&territory);
            keyed::done("user removed", answer_with)
        }
        None => keyed::invalid_id(&answer_with.to_string()),
    }
}

/// `PUT /settings/territories/{id}/users[/{user}]`.
fn join(ctx: &Ctx<'_>, one: Option<&str>) -> Handled {
    need(ctx, TERRITORIES, Operation::Update)?;
    let id = keyed::path_id(ctx, "id")?;
    let users: Vec<Option<u64>> = match one {
        Some(_) => vec![Some(keyed::path_id(ctx, "user")?)],
        None => keyed::items(ctx, "users")?
            .iter()
            .map(|u| keyed::id_in(Some(u)))
            .collect(),
    };
    let mut store = ctx.store();
    store
        .people
        .territory(id)
        .ok_or_else(|| keyed::unknown(id))?;
    let outcomes = users
        .into_iter()
        .map(|u| {
            u.map_or_else(
                || keyed::mandatory("id"),
                |u| associate(&mut store.people, id, u),
            )
        })
        .collect();
    Ok(keyed::answer("users", outcomes, StatusCode::OK))
}

/// `DELETE /settings/territories/{id}/users?ids=` and `…/users/{user}`.
fn leave(ctx: &Ctx<'_>, one: Option<&str>) -> Handled {
    need(ctx, TERRITORIES, Operation::Update)?;
    let id = keyed::path_id(ctx, "id")?;
    let users = match one {
        Some(_) => vec![keyed::path_id(ctx, "user")?],
        None => keyed::ids_param(ctx, "ids")?,
    };
    let mut store = ctx.store();
    store
        .people
        .territory(id)
        .ok_or_else(|| keyed::unknown(id))?;
    let outcomes = users
        .into_iter()
        .map(|u| dissociate(&mut store.people, id, u, u))
        .collect();
    Ok(keyed::answer("users", outcomes, StatusCode::OK))
}

/// `GET /users/{user}/territories[/{id}]`, with Zoho's capitalised keys.
fn of_user(ctx: &Ctx<'_>, one: Option<&str>) -> Handled {
    need(ctx, TERRITORIES, Operation::Read)?;
    let user = keyed::path_id(ctx, "user")?;
    let one = one.map(|_| keyed::path_id(ctx, "id")).transpose()?;
    let store = ctx.store();
    let people = &store.people;
    let u = people.user(user).ok_or_else(|| keyed::unknown(user))?;
    let capitalised = |v: Value| json!({ "Name": v["name"], "id": v["id"] });
    let rows = u
        .territories
        .iter()
        .filter(|t| one.is_none_or(|o| **t == o))
        .filter_map(|t| people.territory(*t))
        .map(|t| {
            json!({
                "id": t.id.to_string(), "Name": t.name,
                "Manager": capitalised(people.name_ref(SourceKind::Users, t.manager)),
                "Reporting_To": capitalised(people.name_ref(SourceKind::Territories, t.reporting_to)),
            })
        })
        .collect();
    Ok(keyed::listed("territories", rows))
}

/// `PUT /users/{user}/territories`.
fn user_join(ctx: &Ctx<'_>) -> Handled {
    need(ctx, TERRITORIES, Operation::Update)?;
    let user = keyed::path_id(ctx, "user")?;
    let items = keyed::items(ctx, "territories")?;
    let mut store = ctx.store();
    store
        .people
        .user(user)
        .ok_or_else(|| keyed::unknown(user))?;
    let outcomes = items
        .iter()
        .map(|t| match keyed::id_in(Some(t)) {
            None => keyed::mandatory("id"),
            Some(t) => match associate(&mut store.people, t, user) {
                o if o.is_ok() => keyed::done("territory associated", t),
                o => o,
            },
        })
        .collect();
    Ok(keyed::answer("territories", outcomes, StatusCode::OK))
}

/// `DELETE /users/{user}/territories?ids=` and `…/territories/{id}`.
fn user_leave(ctx: &Ctx<'_>, one: Option<&str>) -> Handled {
    need(ctx, TERRITORIES, Operation::Update)?;
    let user = keyed::path_id(ctx, "user")?;
    let territories = match one {
        Some(_) => vec![keyed::path_id(ctx, "id")?],
        None => keyed::ids_param(ctx, "ids")?,
    };
    let mut store = ctx.store();
    store
        .people
        .user(user)
        .ok_or_else(|| keyed::unknown(user))?;
    let outcomes = territories
        .into_iter()
        .map(|t| dissociate(&mut store.people, t, user, t))
        .collect();
    Ok(keyed::answer("territories", outcomes, StatusCode::OK))
}
