//! Profiles (`/settings/profiles`): the permissions users are given.
//!
//! A new profile is a clone of another (Zoho has no call that makes one from nothing); its
//! name is unique. Zoho's own profiles (Administrator, Standard) are not deleted
//! (`INVALID_ACTION`, a code of Zoho's description); a custom one is deleted with
//! `transfer_to`, the profile its users move to (`REQUIRED_PARAM_MISSING` without it). The
//! sandbox keeps no per-module permissions, so the answers carry none.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::Operation;

use crate::answers::{self, Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::keyed::{self, need};
use crate::people::{People, Profile, ADMIN_ID};
use crate::routes::Route;

/// The rows of `/settings/profiles`.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/settings/profiles").get(|c| list(c, None)),
    Route::new("/settings/profiles/{id}")
        .get(|c| list(c, Some(c.at("id"))))
        .put(update)
        .delete(delete),
    Route::new("/settings/profiles/{id}/actions/clone").post(clone),
];

const PROFILES: &[&str] = &["settings", "profiles"];

fn render(people: &People, p: &Profile) -> Value {
    let author = people.user(ADMIN_ID).map(|u| u.reference());
    json!({
        "id": p.id.to_string(), "name": p.name, "display_label": p.name,
        "description": p.description, "default": p.default, "custom": p.custom,
        "_delete": p.custom, "permission_type": if p.custom { "custom" } else { "default" },
        "created_by": if p.custom { author } else { None },
    })
}

/// `GET /settings/profiles[/{id}]`.
fn list(ctx: &Ctx<'_>, one: Option<&str>) -> Handled {
    need(ctx, PROFILES, Operation::Read)?;
    let one = one.map(|_| keyed::path_id(ctx, "id")).transpose()?;
    let store = ctx.store();
    let people = &store.people;
    let rows = people
        .profiles
        .iter()
        .filter(|p| one.is_none_or(|id| p.id == id))
        .map(|p| render(people, p))
        .collect();
    Ok(keyed::listed("profiles", rows))
}

/// `POST /settings/profiles/{id}/actions/clone`.
fn clone(ctx: &Ctx<'_>) -> Handled {
    need(ctx, PROFILES, Operation::Create)?;
    let id = keyed::path_id(ctx, "id")?;
    let items = keyed::items(ctx, "profiles")?;
    let mut store = ctx.store();
    let Some(source) = store.people.profile(id).cloned() else {
        return Err(keyed::unknown(id));
    };
    let outcome = keyed::object(&items[0]).and_then(|item| {
        let name = keyed::required_text(item, "name")?.to_owned();
        if let Some(other) = named(&store.people, &name, None) {
            return Err(keyed::duplicate("name", other));
        }
        let new = store.new_id();
        let description = keyed::text(item, "description").map(str::to_owned);
        store.people.profiles.push(Profile {
            id: new,
            name,
            description: description.or(source.description),
            default: false,
            custom: true,
        });
        Ok(keyed::done("profile cloned", new))
    });
    let outcome = outcome.unwrap_or_else(|refusal| refusal);
    Ok(keyed::answer(
        "profiles",
        vec![outcome],
        StatusCode::CREATED,
    ))
}

fn named(people: &People, name: &str, except: Option<u64>) -> Option<u64> {
    let same = |p: &&Profile| Some(p.id) != except && p.name.eq_ignore_ascii_case(name);
    people.profiles.iter().find(same).map(|p| p.id)
}

/// `PUT /settings/profiles/{id}`: its name and description.
fn update(ctx: &Ctx<'_>) -> Handled {
    need(ctx, PROFILES, Operation::Update)?;
    let id = keyed::path_id(ctx, "id")?;
    let items = keyed::items(ctx, "profiles")?;
    let mut store = ctx.store();
    store.people.profile(id).ok_or_else(|| keyed::unknown(id))?;
    let outcome = keyed::object(&items[0]).and_then(|item| change(&mut store.people, id, item));
    let outcome = outcome.unwrap_or_else(|refusal| refusal);
    Ok(keyed::answer("profiles", vec![outcome], StatusCode::OK))
}

fn change(people: &mut People, id: u64, item: &Map<String, Value>) -> Result<Outcome, Outcome> {
    let name = keyed::text(item, "name");
    if name.is_some_and(str::is_empty) {
        return Err(keyed::invalid("name"));
    }
    if let Some(other) = name.and_then(|n| named(people, n, Some(id))) {
        return Err(keyed::duplicate("name", other));
    }
    let profile = people.profiles.iter_mut().find(|p| p.id == id);
    let profile = profile.ok_or_else(|| keyed::invalid_id(&id.to_string()))?;
    if let Some(name) = name {
        profile.name = name.to_owned();
    }
    if let Some(description) = keyed::text(item, "description") {
        profile.description = Some(description.to_owned());
    }
    Ok(keyed::done("profile updated", id))
}

/// `DELETE /settings/profiles/{id}?transfer_to=`: answered with one outcome at the top.
fn delete(ctx: &Ctx<'_>) -> Handled {
    need(ctx, PROFILES, Operation::Delete)?;
    let id = keyed::path_id(ctx, "id")?;
    let to = ctx
        .param("transfer_to")
        .ok_or_else(|| answers::required_param_missing("transfer_to"))?;
    let mut store = ctx.store();
    let people = &mut store.people;
    let profile = people.profile(id).ok_or_else(|| keyed::unknown(id))?;
    if !profile.custom {
        return Err(answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_ACTION",
            "Zoho's own profiles cannot be deleted",
            json!({ "id": id.to_string() }),
        ));
    }
    let to = body::parse_id(to)
        .filter(|to| *to != id && people.profile(*to).is_some())
        .ok_or_else(|| answers::invalid_param("transfer_to"))?;
    for user in people.users.iter_mut().filter(|u| u.profile == id) {
        user.profile = to;
    }
    people.profiles.retain(|p| p.id != id);
    let done = answers::success_body("profile deleted", json!({ "id": id.to_string() }));
    Ok(Answer::json(StatusCode::OK, done))
}
