//! Contact roles: `/Contacts/roles` and `/Contacts/roles/{id}`, listed (by
//! [`crate::metadata::contact_roles`]), added, renamed, moved and deleted. The roles contacts
//! play on deals are the related list `Contact_Roles` ([`crate::related`]).
//!
//! Names are unique (compared case-insensitively) and at most 50 characters; a role's
//! `sequence_number` is its place in the list, from 1, and giving one moves it there. Answers
//! list outcomes under `contact_roles`. Not known from Zoho's documentation: whether a role a
//! deal's contact plays may be deleted; the sandbox deletes it, and the relation keeps the id,
//! shown as stored.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::{Operation, Requirement, Scope};

use crate::answers::{self, Answer, Outcome};
use crate::body;
use crate::ctx::{module_scope, Ctx, Handled};
use crate::metadata;
use crate::routes::Route;
use crate::store::{ContactRole, Store};
use crate::tags::keyed_answer;

/// The routes of contact roles.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/Contacts/roles")
        .get(|c| metadata::contact_roles(c, None))
        .post(add)
        .put(|c| update(c, None))
        .delete(|c| delete(c, None)),
    Route::new("/Contacts/roles/{id}")
        .get(|c| metadata::contact_roles(c, Some(c.at("id"))))
        .put(|c| update(c, Some(c.at("id"))))
        .delete(|c| delete(c, Some(c.at("id")))),
];

const MAX_NAME: usize = 50;

fn require(ctx: &Ctx<'_>, op: Operation) -> Result<(), Answer> {
    let contacts = ctx.module("Contacts")?;
    let need = Requirement::one(Scope::crm(&["settings", "contact_roles"], op))
        .or(module_scope(contacts, op));
    ctx.require(&need)
}

fn roles_of(body: &Map<String, Value>) -> Result<&Vec<Value>, Answer> {
    match body.get("contact_roles") {
        Some(Value::Array(items)) if !items.is_empty() => Ok(items),
        _ => Err(answers::mandatory_body_key("contact_roles")),
    }
}

/// `POST /Contacts/roles`: new roles, last unless a `sequence_number` places them.
pub(crate) fn add(ctx: &Ctx<'_>) -> Handled {
    require(ctx, Operation::Create)?;
    let body = body::object(&ctx.req.body)?;
    let mut store = ctx.store();
    let outcomes = roles_of(&body)?
        .iter()
        .map(|role| match add_one(&mut store, role) {
            Ok(id) => Outcome::ok("contact role added", json!({ "id": id.to_string() })),
            Err(outcome) => outcome,
        })
        .collect();
    Ok(keyed_answer(outcomes, StatusCode::CREATED, "contact_roles"))
}

fn add_one(store: &mut Store, role: &Value) -> Result<u64, Outcome> {
    let name = checked_name(store, role.get("name"), None)?
        .ok_or_else(|| crate::writes::mandatory_missing("name"))?;
    let id = store.new_id();
    store.contact_roles.push(ContactRole { id, name });
    place(store, id, role.get("sequence_number"))?;
    Ok(id)
}

/// A new name, if given: text of at most 50 characters no other role (but `this`) has.
fn checked_name(
    store: &Store,
    name: Option<&Value>,
    this: Option<u64>,
) -> Result<Option<String>, Outcome> {
    let Some(name) = name.filter(|n| !n.is_null()) else {
        return Ok(None);
    };
    let name = name
        .as_str()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .ok_or_else(|| invalid("name"))?;
    if name.chars().count() > MAX_NAME {
        return Err(Outcome::err_400(
            "INVALID_DATA",
            "invalid data",
            json!({ "api_name": "name", "maximum_length": MAX_NAME }),
        ));
    }
    let taken = store
        .contact_roles
        .iter()
        .find(|r| r.name.eq_ignore_ascii_case(name) && Some(r.id) != this);
    match taken {
        Some(other) => Err(Outcome::err_400(
            "DUPLICATE_DATA",
            "duplicate data",
            json!({ "api_name": "name", "id": other.id.to_string() }),
        )),
        None => Ok(Some(name.to_owned())),
    }
}

/// Moves the role `id` to the place `sequence_number` names (from 1), if one is given.
fn place(store: &mut Store, id: u64, sequence: Option<&Value>) -> Result<(), Outcome> {
    let Some(sequence) = sequence.filter(|s| !s.is_null()) else {
        return Ok(());
    };
    let at = sequence
        .as_u64()
        .filter(|n| *n >= 1)
        .ok_or_else(|| invalid("sequence_number"))?;
    let Some(from) = store.contact_roles.iter().position(|r| r.id == id) else {
        return Err(Outcome::invalid_id(&id.to_string()));
    };
    let role = store.contact_roles.remove(from);
    let to = (at as usize - 1).min(store.contact_roles.len());
    store.contact_roles.insert(to, role);
    Ok(())
}

fn invalid(api_name: &str) -> Outcome {
    Outcome::err_400(
        "INVALID_DATA",
        "invalid data",
        json!({ "api_name": api_name }),
    )
}

/// `PUT /Contacts/roles` (ids in the roles) and `PUT /Contacts/roles/{id}`.
pub(crate) fn update(ctx: &Ctx<'_>, path_id: Option<&str>) -> Handled {
    require(ctx, Operation::Update)?;
    let body = body::object(&ctx.req.body)?;
    let roles = roles_of(&body)?;
    let roles = if path_id.is_some() {
        &roles[..1]
    } else {
        &roles[..]
    };
    let mut store = ctx.store();
    let outcomes = roles
        .iter()
        .map(|role| match update_one(&mut store, path_id, role) {
            Ok(id) => Outcome::ok("contact role updated", json!({ "id": id.to_string() })),
            Err(outcome) => outcome,
        })
        .collect();
    Ok(keyed_answer(outcomes, StatusCode::OK, "contact_roles"))
}

fn update_one(store: &mut Store, path_id: Option<&str>, role: &Value) -> Result<u64, Outcome> {
    let raw = match path_id {
        Some(id) => json!(id),
        None => role
            .get("id")
            .cloned()
            .ok_or_else(|| crate::writes::mandatory_missing("id"))?,
    };
    let id = body::id_of(&raw)
        .filter(|id| store.contact_role(*id).is_some())
        .ok_or_else(|| Outcome::invalid_id(&body::id_text(&raw)))?;
    let name = checked_name(store, role.get("name"), Some(id))?;
    place(store, id, role.get("sequence_number"))?;
    if let (Some(name), Some(stored)) = (name, store.contact_roles.iter_mut().find(|r| r.id == id))
    {
        stored.name = name;
    }
    Ok(id)
}

/// `DELETE /Contacts/roles?ids=…` and `DELETE /Contacts/roles/{id}`.
pub(crate) fn delete(ctx: &Ctx<'_>, path_id: Option<&str>) -> Handled {
    require(ctx, Operation::Delete)?;
    let ids = match path_id {
        Some(id) => vec![id.to_owned()],
        None => body::comma_list(ctx.param("ids").unwrap_or("")),
    };
    if ids.is_empty() {
        return Err(answers::required_param_missing("ids"));
    }
    let mut store = ctx.store();
    let outcomes = ids
        .iter()
        .map(|text| {
            let at = body::parse_id(text)
                .and_then(|id| store.contact_roles.iter().position(|r| r.id == id));
            match at {
                Some(at) => {
                    store.contact_roles.remove(at);
                    Outcome::ok("contact role deleted", json!({ "id": text }))
                }
                None => Outcome::invalid_id(text),
            }
        })
        .collect();
    Ok(keyed_answer(outcomes, StatusCode::OK, "contact_roles"))
}
