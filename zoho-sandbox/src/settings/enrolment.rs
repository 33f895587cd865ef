//! Enrolling records in cadences and taking them out: `POST /{module}/actions/enrol_in_cadences`
//! and `…/unenrol_from_cadences` with `{"cadences_ids": […], "ids": […]}`, one outcome per
//! record in `data`.
//!
//! The sandbox keeps who is enrolled where, so a record can be taken out only of a cadence it
//! is in. Zoho does not document the code for that case; the sandbox answers `INVALID_DATA`.
//! The follow-ups a cadence sends are not emulated.

use axum::http::StatusCode;
use serde_json::{json, Value};
use zoho_spec::scope::Operation;

use super::collection::{at_path, need, written};
use super::kinds::CADENCES;
use crate::answers::{self, Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::store::{Fields, Store};

const ENROLMENTS: &str = "cadence_enrolments";

/// Enrols (`enrol` true) or takes out the records of `ids` from the cadences of `cadences_ids`.
pub(crate) fn enrol(c: &Ctx<'_>, module: &str, enrol: bool) -> Handled {
    c.require(&need(&CADENCES, Operation::Update))?;
    let module = c.module(module)?.api_name;
    let body = body::object(&c.req.body)?;
    let list = |key: &str| -> Result<Vec<String>, Answer> {
        match body.get(key) {
            Some(Value::Array(xs)) if !xs.is_empty() => Ok(xs.iter().map(body::id_text).collect()),
            _ => Err(answers::mandatory_body_key(key)),
        }
    };
    let (cadence_ids, ids) = (list("cadences_ids")?, list("ids")?);
    let mut store = c.store();
    let cadences = cadences_of(&store, module, &cadence_ids)?;
    let outcomes = ids
        .iter()
        .map(|id| one(&mut store, module, id, &cadences, enrol))
        .collect();
    Ok(written("data", outcomes, StatusCode::OK))
}

/// The `{name, id}` of each cadence named, which must be the module's.
fn cadences_of(store: &Store, module: &str, ids: &[String]) -> Result<Vec<Value>, Answer> {
    ids.iter()
        .map(|id| {
            store
                .settings
                .list(CADENCES.key)
                .iter()
                .find(|c| c.get("id").map(body::id_text).as_deref() == Some(id))
                .filter(|c| at_path(c, "module.api_name").and_then(Value::as_str) == Some(module))
                .map(|c| json!({ "name": c.get("name"), "id": id }))
                .ok_or_else(|| answers::invalid_param("cadences_ids"))
        })
        .collect()
}

fn one(
    store: &mut Store,
    module: &'static str,
    id: &str,
    cadences: &[Value],
    enrol: bool,
) -> Outcome {
    let Some(record) = body::parse_id(id).filter(|n| store.get(module, *n).is_some()) else {
        return Outcome::invalid_id(id);
    };
    let enrolled = |s: &Fields, cadence: &Value| {
        s.get("record").and_then(Value::as_u64) == Some(record)
            && s.get("cadence") == cadence.get("id")
    };
    let list = store.settings.list_mut(ENROLMENTS);
    if !enrol
        && !cadences
            .iter()
            .all(|cd| list.iter().any(|s| enrolled(s, cd)))
    {
        return Outcome::err(
            "INVALID_DATA",
            "the record is not enrolled in the cadence",
            json!({ "id": id }),
        );
    }
    for cadence in cadences {
        list.retain(|s| !enrolled(s, cadence));
        if enrol {
            let entry = json!({ "record": record, "module": module, "cadence": cadence.get("id") });
            list.extend(entry.as_object().cloned());
        }
    }
    let message = if enrol {
        "enrolled successfully"
    } else {
        "unenrolled successfully"
    };
    Outcome::ok(message, json!({ "id": id, "cadences": cadences }))
}
