//! User groups (`/settings/user_groups`): named sets of users, roles (with or without their
//! sub-roles), territories (with or without their children) and other groups.
//!
//! Names are unique and every member must exist. A group stands for the users its members
//! reach, each counted once, as `associated_users_count`, `grouped_counts` and
//! `get_assigned` count them. A delete answers `SCHEDULED` with a `job_id` and is done at once,
//! so the job's `Status` is `COMPLETED`. The sandbox keeps none of the features that use groups
//! (sharing and assignment rules), so `associations` lists only the groups that have the group
//! as a member. Zoho's description leaves the answers of `sources_count`, `get_assigned` and
//! `grouped_counts` unspecified; the sandbox answers `{"sources_count": [{…}]}`,
//! `{"user_groups": […], "info"}` and `{"grouped_counts": [{"value", "count"}]}`.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::Operation;

use crate::answers::{self, Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::keyed::{self, need};
use crate::people::{Group, People, Source, SourceKind, Status};
use crate::routes::Route;
use crate::store::Store;

/// The rows of `/settings/user_groups`.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/settings/user_groups")
        .get(list)
        .post(create)
        .put(|c| update(c, None)),
    Route::new("/settings/user_groups/actions/deletion_jobs").get(deletion_jobs),
    Route::new("/settings/user_groups/actions/associated_users_count").get(users_count),
    Route::new("/settings/user_groups/actions/get_assigned").post(|c| assigned(c, true)),
    Route::new("/settings/user_groups/actions/get_unassigned").post(|c| assigned(c, false)),
    Route::new("/settings/user_groups/actions/*"),
    Route::new("/settings/user_groups/{id}")
        .get(get)
        .put(|c| update(c, Some(c.at("id"))))
        .delete(delete),
    Route::new("/settings/user_groups/{id}/sources").get(sources),
    Route::new("/settings/user_groups/{id}/actions/sources_count").get(sources_count),
    Route::new("/settings/user_groups/{id}/actions/associations").get(associations),
    Route::new("/settings/user_groups/{id}/associated_users/actions/grouped_counts")
        .get(grouped_counts),
];

const GROUPS: &[&str] = &["settings", "user_groups"];

fn render(people: &People, g: &Group, with_counts: bool) -> Value {
    let mut row = json!({ "id": g.id.to_string(), "name": g.name, "description": g.description });
    if with_counts {
        row["sources_count"] = counts(people, g);
    }
    row
}

fn counts(people: &People, g: &Group) -> Value {
    let of = |kind| g.sources.iter().filter(|s| s.kind == kind).count();
    let users: Vec<Status> = g
        .sources
        .iter()
        .filter(|s| s.kind == SourceKind::Users)
        .filter_map(|s| people.user(s.id).map(|u| u.status))
        .collect();
    let by = |st| users.iter().filter(|s| **s == st).count();
    json!({
        "territories": of(SourceKind::Territories), "roles": of(SourceKind::Roles),
        "groups": of(SourceKind::Groups),
        "users": { "active": by(Status::Active), "inactive": by(Status::Disabled), "deleted": by(Status::Deleted) },
    })
}

/// `GET /settings/user_groups`: `name` (a prefix), `include=sources_count`, paged.
fn list(ctx: &Ctx<'_>) -> Handled {
    need(ctx, GROUPS, Operation::Read)?;
    let prefix = ctx.param("name").map(str::to_lowercase);
    let with_counts = ctx
        .param("include")
        .is_some_and(|i| i.contains("sources_count"));
    let store = ctx.store();
    let people = &store.people;
    let rows = people
        .groups
        .iter()
        .filter(|g| {
            prefix
                .as_ref()
                .is_none_or(|p| g.name.to_lowercase().starts_with(p))
        })
        .map(|g| render(people, g, with_counts))
        .collect();
    keyed::page(ctx, "user_groups", rows)
}

/// `GET /settings/user_groups/{id}`: `204` for an unknown id, as Zoho's description lists.
fn get(ctx: &Ctx<'_>) -> Handled {
    need(ctx, GROUPS, Operation::Read)?;
    let id = keyed::path_id(ctx, "id")?;
    let store = ctx.store();
    let rows = store
        .people
        .group(id)
        .map(|g| render(&store.people, g, true));
    Ok(keyed::listed("user_groups", rows.into_iter().collect()))
}

/// `POST /settings/user_groups`.
fn create(ctx: &Ctx<'_>) -> Handled {
    need(ctx, GROUPS, Operation::Create)?;
    let items = keyed::items(ctx, "user_groups")?;
    let mut store = ctx.store();
    let outcomes = keyed::each(&items, |item| add(&mut store, item));
    Ok(keyed::answer("user_groups", outcomes, StatusCode::CREATED))
}

fn add(store: &mut Store, item: &Map<String, Value>) -> Result<Outcome, Outcome> {
    let name = keyed::required_text(item, "name")?.to_owned();
    let sources = members(&store.people, item.get("sources"), None)?;
    if let Some(other) = named(&store.people, &name, None) {
        return Err(keyed::duplicate("name", other));
    }
    let id = store.new_id();
    let description = keyed::text(item, "description").map(str::to_owned);
    store.people.groups.push(Group {
        id,
        name,
        description,
        sources,
    });
    Ok(keyed::done("user group added", id))
}

/// The members a body's `sources` names, each of which must exist (and not be the group).
fn members(
    people: &People,
    given: Option<&Value>,
    this: Option<u64>,
) -> Result<Vec<Source>, Outcome> {
    let list = given.and_then(Value::as_array).filter(|l| !l.is_empty());
    let list = list.ok_or_else(|| keyed::mandatory("sources"))?;
    list.iter().map(|s| member(people, s, this)).collect()
}

fn member(people: &People, given: &Value, this: Option<u64>) -> Result<Source, Outcome> {
    let kind = given
        .get("type")
        .and_then(Value::as_str)
        .and_then(SourceKind::parse);
    let kind = kind.ok_or_else(|| keyed::invalid("type"))?;
    let id = keyed::id_in(given.get("source")).ok_or_else(|| keyed::mandatory("source"))?;
    let exists = match kind {
        SourceKind::Users => people.user(id).is_some_and(|u| u.status != Status::Deleted),
        SourceKind::Roles => people.role(id).is_some(),
        SourceKind::Territories => people.territory(id).is_some(),
        SourceKind::Groups => people.group(id).is_some() && Some(id) != this,
    };
    if !exists {
        return Err(keyed::invalid_id(&id.to_string()));
    }
    let yes = |key| given.get(key).and_then(Value::as_bool).unwrap_or(false);
    Ok(Source {
        kind,
        id,
        subordinates: yes("subordinates"),
        sub_territories: yes("sub_territories"),
    })
}

fn named(people: &People, name: &str, except: Option<u64>) -> Option<u64> {
    let same = |g: &&Group| Some(g.id) != except && g.name.eq_ignore_ascii_case(name);
    people.groups.iter().find(same).map(|g| g.id)
}

/// `PUT /settings/user_groups[/{id}]`: `sources`, when given, replaces the members.
fn update(ctx: &Ctx<'_>, path: Option<&str>) -> Handled {
    need(ctx, GROUPS, Operation::Update)?;
    let path = path.map(|_| keyed::path_id(ctx, "id")).transpose()?;
    let items = keyed::items(ctx, "user_groups")?;
    let mut store = ctx.store();
    let outcomes = keyed::each_by_id(&items, path, |id, item| change(&mut store.people, id, item));
    Ok(keyed::answer("user_groups", outcomes, StatusCode::OK))
}

fn change(people: &mut People, id: u64, item: &Map<String, Value>) -> Result<Outcome, Outcome> {
    people
        .group(id)
        .ok_or_else(|| keyed::invalid_id(&id.to_string()))?;
    let name = keyed::text(item, "name");
    if name.is_some_and(str::is_empty) {
        return Err(keyed::invalid("name"));
    }
    if let Some(other) = name.and_then(|n| named(people, n, Some(id))) {
        return Err(keyed::duplicate("name", other));
    }
    let sources = match item.get("sources") {
        None | Some(Value::Null) => None,
        given => Some(members(people, given, Some(id))?),
    };
    let group = people.groups.iter_mut().find(|g| g.id == id);
    let group = group.ok_or_else(|| keyed::invalid_id(&id.to_string()))?;
    if let Some(name) = name {
        group.name = name.to_owned();
    }
    if let Some(description) = keyed::text(item, "description") {
        group.description = Some(description.to_owned());
    }
    if let Some(sources) = sources {
        group.sources = sources;
    }
    Ok(keyed::done("user group updated", id))
}

/// `DELETE /settings/user_groups/{id}`: a job, done at once.
fn delete(ctx: &Ctx<'_>) -> Handled {
    need(ctx, GROUPS, Operation::Delete)?;
    let id = keyed::path_id(ctx, "id")?;
    let mut store = ctx.store();
    store.people.group(id).ok_or_else(|| keyed::unknown(id))?;
    store.people.groups.retain(|g| g.id != id);
    for group in &mut store.people.groups {
        group
            .sources
            .retain(|s| !(s.kind == SourceKind::Groups && s.id == id));
    }
    let job = store.new_id();
    store.people.jobs.insert(job, "COMPLETED");
    let scheduled = answers::success_body(
        "user group deletion scheduled",
        json!({ "job_id": job.to_string() }),
    );
    let mut scheduled = scheduled;
    scheduled["code"] = json!("SCHEDULED");
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "user_groups": [scheduled] }),
    ))
}

/// `GET /settings/user_groups/actions/deletion_jobs?job_id=`.
fn deletion_jobs(ctx: &Ctx<'_>) -> Handled {
    need(ctx, GROUPS, Operation::Read)?;
    let text = ctx
        .param("job_id")
        .ok_or_else(|| answers::required_param_missing("job_id"))?;
    let store = ctx.store();
    let status = body::parse_id(text)
        .and_then(|job| store.people.jobs.get(&job))
        .ok_or_else(|| answers::invalid_param("job_id"))?;
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "deletion_jobs": [{ "Status": status }] }),
    ))
}

/// `GET /settings/user_groups/{id}/sources`: `type`, `user_type`, paged.
fn sources(ctx: &Ctx<'_>) -> Handled {
    need(ctx, GROUPS, Operation::Read)?;
    let id = keyed::path_id(ctx, "id")?;
    let kind = match ctx.param("type") {
        None => None,
        Some(text) => Some(SourceKind::parse(text).ok_or_else(|| answers::invalid_param("type"))?),
    };
    let user_type = ctx.param("user_type");
    let store = ctx.store();
    let people = &store.people;
    let group = people.group(id).ok_or_else(|| keyed::unknown(id))?;
    let state_of = |s: &Source| people.user(s.id).map(|u| u.status);
    let wanted_user = |s: &Source| match (s.kind, user_type) {
        (SourceKind::Users, Some(t)) => state_of(s).is_some_and(|st| t == state_name(st)),
        _ => true,
    };
    let rows = group
        .sources
        .iter()
        .filter(|s| kind.is_none_or(|k| s.kind == k) && wanted_user(s))
        .map(|s| {
            json!({
                "type": s.kind.name(), "source": people.name_ref(s.kind, Some(s.id)),
                "subordinates": s.subordinates, "sub_territories": s.sub_territories,
            })
        })
        .collect();
    keyed::page(ctx, "sources", rows)
}

fn state_name(status: Status) -> &'static str {
    match status {
        Status::Active => "active",
        Status::Disabled => "inactive",
        Status::Deleted => "deleted",
    }
}

/// `GET /settings/user_groups/{id}/actions/sources_count`.
fn sources_count(ctx: &Ctx<'_>) -> Handled {
    need(ctx, GROUPS, Operation::Read)?;
    let id = keyed::path_id(ctx, "id")?;
    let store = ctx.store();
    let group = store.people.group(id).ok_or_else(|| keyed::unknown(id))?;
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "sources_count": [counts(&store.people, group)] }),
    ))
}

/// `GET /settings/user_groups/{id}/actions/associations`: the groups it is a member of.
fn associations(ctx: &Ctx<'_>) -> Handled {
    need(ctx, GROUPS, Operation::Read)?;
    let id = keyed::path_id(ctx, "id")?;
    let store = ctx.store();
    let people = &store.people;
    people.group(id).ok_or_else(|| keyed::unknown(id))?;
    let rows = people
        .groups
        .iter()
        .filter(|g| g.sources.iter().any(|s| s.kind == SourceKind::Groups && s.id == id))
        .map(|g| json!({ "type": "user_groups", "resource": { "id": g.id.to_string(), "name": g.name } }))
        .collect();
    Ok(keyed::listed("associations", rows))
}

/// `GET /settings/user_groups/actions/associated_users_count`.
fn users_count(ctx: &Ctx<'_>) -> Handled {
    need(ctx, GROUPS, Operation::Read)?;
    let store = ctx.store();
    let people = &store.people;
    let rows = people
        .groups
        .iter()
        .map(|g| {
            let group = json!({ "id": g.id.to_string(), "name": g.name });
            json!({ "user_group": group, "count": people.group_users(g.id).len() })
        })
        .collect();
    keyed::page(ctx, "associated_users_count", rows)
}

/// `POST /settings/user_groups/actions/get_assigned` and `get_unassigned`: the groups that
/// do (or do not) stand for the user `related_entity_id`.
fn assigned(ctx: &Ctx<'_>, wanted: bool) -> Handled {
    need(ctx, GROUPS, Operation::Read)?;
    let key = if wanted {
        "get_assigned"
    } else {
        "get_unassigned"
    };
    let mut body = body::object(&ctx.req.body)?;
    let ask = body
        .remove(key)
        .ok_or_else(|| answers::mandatory_body_key(key))?;
    let feature = ask.get("feature").and_then(Value::as_str);
    if feature != Some("user_groups") {
        return Err(invalid_body("feature"));
    }
    let user = keyed::id_in(ask.get("related_entity_id"))
        .ok_or_else(|| answers::mandatory_body_key("related_entity_id"))?;
    let store = ctx.store();
    let people = &store.people;
    people
        .user(user)
        .ok_or_else(|| invalid_body("related_entity_id"))?;
    let rows = people
        .groups
        .iter()
        .filter(|g| people.group_users(g.id).contains(&user) == wanted)
        .map(|g| render(people, g, false))
        .collect();
    keyed::page(ctx, "user_groups", rows)
}

fn invalid_body(api_name: &str) -> Answer {
    answers::error(
        StatusCode::BAD_REQUEST,
        "INVALID_DATA",
        "invalid data",
        json!({ "api_name": api_name }),
    )
}

/// `GET /settings/user_groups/{id}/associated_users/actions/grouped_counts?group_by=status`.
fn grouped_counts(ctx: &Ctx<'_>) -> Handled {
    need(ctx, GROUPS, Operation::Read)?;
    let id = keyed::path_id(ctx, "id")?;
    match ctx.param("group_by") {
        None => return Err(answers::required_param_missing("group_by")),
        Some("status") => {}
        Some(_) => return Err(answers::invalid_param("group_by")),
    }
    let store = ctx.store();
    let people = &store.people;
    people.group(id).ok_or_else(|| keyed::unknown(id))?;
    let users = people.group_users(id);
    let rows = [Status::Active, Status::Disabled, Status::Deleted]
        .into_iter()
        .map(|st| {
            let n = users
                .iter()
                .filter(|u| people.user(**u).is_some_and(|u| u.status == st))
                .count();
            json!({ "value": state_name(st), "count": n })
        })
        .collect();
    Ok(keyed::listed("grouped_counts", rows))
}
