//! Settings read from what the sandbox already holds: the addresses mail may be sent from (the
//! users' own), where unsubscribe links are used, and what a portal's users may see of a
//! module.

use axum::http::StatusCode;
use serde_json::{json, Value};
use zoho_spec::scope::{Operation, Requirement, Scope};

use super::collection::{module_param, need};
use super::kinds::{PORTALS, UNSUBSCRIBE_LINKS};
use crate::answers::Answer;
use crate::ctx::{Ctx, Handled};
use crate::schema;

/// `GET /settings/emails/actions/from_addresses[?user_id=]`: each user's primary address.
pub(crate) fn from_addresses(c: &Ctx<'_>) -> Handled {
    c.require(&Requirement::one(Scope::crm(
        &["settings", "emails"],
        Operation::Read,
    )))?;
    let user = c.param("user_id");
    let store = c.store();
    let addresses: Vec<Value> = store
        .people
        .users
        .iter()
        .filter(|u| user.is_none_or(|id| u.id.to_string() == id))
        .map(|u| {
            json!({
                "email": u.email, "type": "primary", "id": u.id.to_string(),
                "user_name": u.full_name(), "default": true,
            })
        })
        .collect();
    if addresses.is_empty() {
        return Ok(Answer::no_content());
    }
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "from_addresses": addresses }),
    ))
}

/// `GET /settings/unsubscribe_link/actions/associations`: every link, with the places that
/// use it. Links are used by workflows and campaigns' emails, which the sandbox does not keep,
/// so each link's `associated_places` is empty; `204` when there is no link.
pub(crate) fn associations(c: &Ctx<'_>) -> Handled {
    c.require(&need(&UNSUBSCRIBE_LINKS, Operation::Read))?;
    let store = c.store();
    let links: Vec<Value> = store
        .settings
        .list(UNSUBSCRIBE_LINKS.key)
        .iter()
        .map(|l| json!({ "id": l.get("id"), "associated_places": [] }))
        .collect();
    if links.is_empty() {
        return Ok(Answer::no_content());
    }
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "associations": links }),
    ))
}

/// `GET /settings/portals/meta?module=`: the module's related lists a portal may show, each
/// with the module's layout and "All" view.
pub(crate) fn portals_meta(c: &Ctx<'_>) -> Handled {
    c.require(&need(&PORTALS, Operation::Read))?;
    let module = c.module(&module_param(c)?)?;
    let lists: Vec<Value> = module
        .related
        .iter()
        .filter_map(|r| c.schema.module(r.module))
        .map(|m| json!({ "module": meta_of(m) }))
        .collect();
    if lists.is_empty() {
        return Ok(Answer::no_content());
    }
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "related_lists": lists }),
    ))
}

fn meta_of(m: &schema::ModuleDef) -> Value {
    json!({
        "plural_label": m.api_name.replace('_', " "),
        "shared_type": "private",
        "api_name": m.api_name,
        "id": m.id,
        "filters": [],
        "layouts": [{ "display_label": "Standard", "name": "Standard", "id": m.id }],
        "views": [{ "display_label": format!("All {}", m.api_name.replace('_', " ")), "name": "All", "id": m.cvid, "type": "all" }],
    })
}
