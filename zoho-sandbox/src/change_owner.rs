//! Change owner: `POST /{module}/{id}/actions/change_owner` for one record and
//! `POST /{module}/actions/change_owner` for up to 500 `ids`, answered per record.
//!
//! `related_modules` names modules whose records that look the changed record up (by a lookup
//! field to its module) go to the new owner too. Zoho moves the related tasks, events and
//! calls this way; the sandbox's `Tasks` have no lookup to other records, so there it moves
//! nothing. `notify` is accepted and sends no email.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::limits::MAX_TARGETS_PER_CALL as MAX_IDS;
use zoho_spec::scope::Operation;

use crate::actions::{self, require_family};
use crate::answers::{self, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::mass_actions::give;
use crate::schema::{FieldType, ModuleDef, Schema};
use crate::store::{Fields, Store};

/// Changes the owner of the record `one`, or of the body's `ids`.
pub(crate) fn change(ctx: &Ctx<'_>, one: Option<&str>) -> Handled {
    let m = ctx.module(ctx.at("module"))?;
    require_family(ctx, "change_owner", None, Operation::Create)?;
    let body = body::object(&ctx.req.body)?;
    let mut store = ctx.store();
    let mut change = Fields::new();
    change.insert(
        "Owner".into(),
        actions::owner_value(&store, body.get("owner"), "owner")?,
    );
    let ids: Vec<Value> = match one {
        Some(id) => vec![Value::from(id)],
        None => targets(&body)?,
    };
    let related = related_modules(&ctx.schema, &body);
    let outcomes = ids
        .iter()
        .map(|raw| match body::id_of(raw) {
            Some(id) => change_one(&mut store, m, id, &change, &related),
            None => Outcome::invalid_id(&body::id_text(raw)),
        })
        .collect();
    Ok(answers::write_answer(outcomes, StatusCode::OK))
}

fn targets(body: &Map<String, Value>) -> Result<Vec<Value>, crate::answers::Answer> {
    let ids = body
        .get("ids")
        .and_then(Value::as_array)
        .filter(|ids| !ids.is_empty())
        .ok_or_else(|| answers::mandatory_body_key("ids"))?;
    if ids.len() > MAX_IDS {
        return Err(answers::limit_exceeded(MAX_IDS, "ids"));
    }
    Ok(ids.clone())
}

/// The modules of `related_modules` the sandbox serves.
fn related_modules<'s>(schema: &'s Schema, body: &Map<String, Value>) -> Vec<&'s ModuleDef> {
    let names = body.get("related_modules").and_then(Value::as_array);
    names
        .into_iter()
        .flatten()
        .filter_map(|r| r.get("api_name").and_then(Value::as_str))
        .filter_map(|name| schema.module(name))
        .collect()
}

fn change_one(
    store: &mut Store,
    m: &ModuleDef,
    id: u64,
    change: &Fields,
    related: &[&ModuleDef],
) -> Outcome {
    let outcome = give(store, m, id, change);
    if !outcome.is_ok() {
        return outcome;
    }
    for other in related {
        for rid in looking_up(store, other, m.api_name, id) {
            give(store, other, rid, change);
        }
    }
    Outcome::ok(
        "owner is successfully updated",
        json!({ "id": id.to_string() }),
    )
}

/// The records of `other` whose lookup to `module` holds `id`.
fn looking_up(store: &Store, other: &ModuleDef, module: &str, id: u64) -> Vec<u64> {
    let fields: Vec<&str> = other
        .fields()
        .filter(|f| matches!(f.kind, FieldType::Lookup(target) if target == module))
        .map(|f| f.api_name)
        .collect();
    let id = id.to_string();
    store
        .records(other.api_name)
        .filter(|(_, r)| {
            fields
                .iter()
                .any(|f| r.fields.get(*f).and_then(|v| v.get("id")) == Some(&json!(id)))
        })
        .map(|(rid, _)| rid)
        .collect()
}
