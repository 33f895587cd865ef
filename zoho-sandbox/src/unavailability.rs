//! When users are away (`/settings/users_unavailability`), stored per user.
//!
//! An entry names an active user and a `from` before its `to` (Zoho's timestamps). The list
//! narrows by `role_ids`, `territory_ids` and `group_ids` (the users those stand for) and by
//! `filters`, of which the sandbox reads one criterion on `user` (`equal`) or on `from`/`to`
//! (`equal`, `greater_equal`, `less_equal`); Zoho's description does not say which criteria
//! Zoho reads, and another is answered `INVALID_DATA`. A single entry's `GET` answers `204`
//! for an unknown id.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::Operation;

use crate::answers::{self, Answer, Outcome};
use crate::ctx::{Ctx, Handled};
use crate::keyed::{self, need};
use crate::people::{Away, People, SourceKind};
use crate::routes::Route;
use crate::store::Store;
use crate::time;

/// The rows of `/settings/users_unavailability`.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/settings/users_unavailability")
        .get(|c| list(c, None))
        .post(create)
        .put(|c| update(c, None)),
    Route::new("/settings/users_unavailability/{id}")
        .get(|c| list(c, Some(c.at("id"))))
        .put(|c| update(c, Some(c.at("id"))))
        .delete(delete),
];

const AWAY: &[&str] = &["settings", "users_unavailability"];

fn render(people: &People, a: &Away) -> Value {
    json!({
        "id": a.id.to_string(), "user": people.name_ref(SourceKind::Users, Some(a.user)),
        "from": a.from, "to": a.to, "all_day": a.all_day, "comments": a.comments,
    })
}

/// One criterion of `filters`: the field, the comparator and the value.
struct Criterion {
    field: String,
    comparator: String,
    value: Value,
}

fn criterion(ctx: &Ctx<'_>) -> Result<Option<Criterion>, Answer> {
    let Some(text) = ctx.param("filters") else {
        return Ok(None);
    };
    let parsed: Option<Value> = serde_json::from_str(text).ok();
    let read = |v: &Value| {
        let field = v.get("field")?.get("api_name")?.as_str()?.to_owned();
        let comparator = v.get("comparator")?.as_str()?.to_owned();
        Some(Criterion {
            field,
            comparator,
            value: v.get("value")?.clone(),
        })
    };
    let c = parsed.as_ref().and_then(read);
    let known = |c: &Criterion| match c.field.as_str() {
        "user" => c.comparator == "equal",
        "from" | "to" => ["equal", "greater_equal", "less_equal"].contains(&c.comparator.as_str()),
        _ => false,
    };
    c.filter(known)
        .map(Some)
        .ok_or_else(|| answers::invalid_param("filters"))
}

fn matches(c: &Criterion, a: &Away) -> bool {
    if c.field == "user" {
        return keyed::id_in(Some(&c.value)) == Some(a.user);
    }
    let at = time::parse(if c.field == "from" { &a.from } else { &a.to });
    let wanted = c.value.as_str().and_then(time::parse);
    match (at, wanted, c.comparator.as_str()) {
        (Some(at), Some(w), "equal") => at == w,
        (Some(at), Some(w), "greater_equal") => at >= w,
        (Some(at), Some(w), "less_equal") => at <= w,
        _ => false,
    }
}

/// The users `role_ids`, `territory_ids` and `group_ids` stand for; `None` without them.
fn narrowed(ctx: &Ctx<'_>, people: &People) -> Result<Option<BTreeSet<u64>>, Answer> {
    let roles = keyed::optional_ids(ctx, "role_ids")?;
    let territories = keyed::optional_ids(ctx, "territory_ids")?;
    let groups = keyed::optional_ids(ctx, "group_ids")?;
    if roles.is_none() && territories.is_none() && groups.is_none() {
        return Ok(None);
    }
    let mut users: BTreeSet<u64> = people
        .users
        .iter()
        .filter(|u| roles.as_ref().is_some_and(|r| r.contains(&u.role)))
        .chain(people.users.iter().filter(|u| {
            territories
                .as_ref()
                .is_some_and(|t| t.iter().any(|t| u.territories.contains(t)))
        }))
        .map(|u| u.id)
        .collect();
    for g in groups.into_iter().flatten() {
        users.extend(people.group_users(g));
    }
    Ok(Some(users))
}

/// `GET /settings/users_unavailability[/{id}]`.
fn list(ctx: &Ctx<'_>, one: Option<&str>) -> Handled {
    need(ctx, AWAY, Operation::Read)?;
    let one = one.map(|_| keyed::path_id(ctx, "id")).transpose()?;
    let filter = criterion(ctx)?;
    let store = ctx.store();
    let people = &store.people;
    let users = narrowed(ctx, people)?;
    let rows = people
        .away
        .iter()
        .filter(|a| one.is_none_or(|id| a.id == id))
        .filter(|a| users.as_ref().is_none_or(|u| u.contains(&a.user)))
        .filter(|a| filter.as_ref().is_none_or(|c| matches(c, a)))
        .map(|a| render(people, a))
        .collect();
    keyed::page(ctx, "users_unavailability", rows)
}

/// `POST /settings/users_unavailability`.
fn create(ctx: &Ctx<'_>) -> Handled {
    need(ctx, AWAY, Operation::Create)?;
    let items = keyed::items(ctx, "users_unavailability")?;
    let mut store = ctx.store();
    let outcomes = keyed::each(&items, |item| add(&mut store, item));
    Ok(keyed::answer(
        "users_unavailability",
        outcomes,
        StatusCode::CREATED,
    ))
}

fn add(store: &mut Store, item: &Map<String, Value>) -> Result<Outcome, Outcome> {
    let given = item.get("user").filter(|v| !v.is_null());
    let user = keyed::id_in(Some(given.ok_or_else(|| keyed::mandatory("user"))?))
        .filter(|u| store.people.owner(*u).is_some())
        .ok_or_else(|| keyed::invalid("user"))?;
    let from = keyed::required_text(item, "from")?.to_owned();
    let to = keyed::required_text(item, "to")?.to_owned();
    check_span(&from, &to)?;
    let id = store.new_id();
    store.people.away.push(Away {
        id,
        user,
        from,
        to,
        all_day: keyed::flag(item, "all_day")?.unwrap_or(false),
        comments: keyed::text(item, "comments").map(str::to_owned),
    });
    Ok(keyed::done("unavailability added", id))
}

fn check_span(from: &str, to: &str) -> Result<(), Outcome> {
    let start = time::parse(from).ok_or_else(|| keyed::invalid("from"))?;
    let end = time::parse(to).ok_or_else(|| keyed::invalid("to"))?;
    if end <= start {
        return Err(keyed::invalid("to"));
    }
    Ok(())
}

/// `PUT /settings/users_unavailability[/{id}]`.
fn update(ctx: &Ctx<'_>, path: Option<&str>) -> Handled {
    need(ctx, AWAY, Operation::Update)?;
    let path = path.map(|_| keyed::path_id(ctx, "id")).transpose()?;
    let items = keyed::items(ctx, "users_unavailability")?;
    let mut store = ctx.store();
    let outcomes = keyed::each_by_id(&items, path, |id, item| change(&mut store.people, id, item));
    Ok(keyed::answer(
        "users_unavailability",
        outcomes,
        StatusCode::OK,
    ))
}

fn change(people: &mut People, id: u64, item: &Map<String, Value>) -> Result<Outcome, Outcome> {
    let entry = people.away.iter_mut().find(|a| a.id == id);
    let entry = entry.ok_or_else(|| keyed::invalid_id(&id.to_string()))?;
    let from = keyed::text(item, "from").unwrap_or(&entry.from).to_owned();
    let to = keyed::text(item, "to").unwrap_or(&entry.to).to_owned();
    check_span(&from, &to)?;
    let all_day = keyed::flag(item, "all_day")?;
    entry.from = from;
    entry.to = to;
    entry.all_day = all_day.unwrap_or(entry.all_day);
    if let Some(comments) = keyed::text(item, "comments") {
        entry.comments = Some(comments.to_owned());
    }
    Ok(keyed::done("unavailability updated", id))
}

/// `DELETE /settings/users_unavailability/{id}`.
fn delete(ctx: &Ctx<'_>) -> Handled {
    need(ctx, AWAY, Operation::Delete)?;
    let id = keyed::path_id(ctx, "id")?;
    let mut store = ctx.store();
    let before = store.people.away.len();
    store.people.away.retain(|a| a.id != id);
    let outcome = match store.people.away.len() < before {
        true => keyed::done("unavailability deleted", id),
        false => keyed::invalid_id(&id.to_string()),
    };
    Ok(keyed::answer(
        "users_unavailability",
        vec![outcome],
        StatusCode::OK,
    ))
}
