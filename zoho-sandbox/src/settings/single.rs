//! Settings that are one object for the organisation (fiscal year, business hours, the email
//! composer's defaults) or for a module (the duplicate check preference of Leads): read,
//! created, updated and removed as a whole, answered under their own key.

use axum::http::StatusCode;
use serde_json::{json, Value};
use zoho_spec::scope::{Operation, Requirement, Scope};

use super::collection::{is_blank, module_param};
use crate::answers::{self, Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};

/// One single-object setting.
#[derive(Debug)]
pub(crate) struct Single {
    /// Its key in bodies and answers, and the name it is stored under.
    pub key: &'static str,
    /// Its scope: `["settings", "fiscal_year"]`.
    pub scope: &'static [&'static str],
    /// Keys it must carry when created or replaced.
    pub required: &'static [&'static str],
    /// Whether it is kept per `?module=`.
    pub per_module: bool,
    /// Whether a read answers the object alone (`{key: {…}}`) or in a list (`{key: [{…}]}`).
    pub listed: bool,
    /// Its message when saved: `fiscal year saved successfully`.
    pub saved: &'static str,
}

/// `settings/fiscal_year`: the month the organisation's fiscal year starts in.
pub(crate) static FISCAL_YEAR: Single = Single {
    key: "fiscal_year",
    scope: &["settings", "fiscal_year"],
    required: &["start_month", "display_based_on"],
    per_module: false,
    listed: false,
    saved: "The fiscal year configuration has been updated successfully",
};

/// `settings/business_hours`: the organisation's working days and hours.
pub(crate) static BUSINESS_HOURS: Single = Single {
    key: "business_hours",
    scope: &["settings", "business_hours"],
    required: &["type", "week_starts_on", "business_days"],
    per_module: false,
    listed: false,
    saved: "Business Hours saved successfully",
};

/// `settings/duplicate_check_preference?module=Leads`: which records a new lead is compared with.
pub(crate) static DUPLICATE_CHECK: Single = Single {
    key: "duplicate_check_preference",
    scope: &["settings", "duplicate_check_preference"],
    required: &["type"],
    per_module: true,
    listed: false,
    saved: "duplicate check preference saved successfully",
};

/// `/crm/email/v8/settings/compose?type=`: the email composer's defaults. Zoho keeps them per
/// type of email (`default`, `emailin`, `mass_mail`); the sandbox keeps one set, whatever
/// `type` a read names.
pub(crate) static EMAIL_COMPOSE: Single = Single {
    key: "email_compose",
    scope: &["settings", "emails"],
    required: &[],
    per_module: false,
    listed: true,
    saved: "email compose settings updated successfully",
};

fn need(single: &Single, op: Operation) -> Requirement {
    Requirement::one(Scope::crm(single.scope, op))
}

/// The name a setting is stored under: its key, and the module it belongs to.
fn name_of(c: &Ctx<'_>, single: &Single) -> Result<String, Answer> {
    if !single.per_module {
        return Ok(single.key.to_owned());
    }
    Ok(format!("{}:{}", single.key, module_param(c)?))
}

/// `GET`: the setting, or `204` while none is saved.
pub(crate) fn get(c: &Ctx<'_>, single: &Single) -> Handled {
    c.require(&need(single, Operation::Read))?;
    let name = name_of(c, single)?;
    let store = c.store();
    let Some(value) = store.settings.value(&name) else {
        return Ok(Answer::no_content());
    };
    let value = if single.listed {
        json!([value])
    } else {
        value.clone()
    };
    Ok(Answer::json(StatusCode::OK, json!({ single.key: value })))
}

/// `POST`: saves the setting where none is yet; `DUPLICATE_DATA` when one is.
pub(crate) fn create(c: &Ctx<'_>, single: &Single) -> Handled {
    c.require(&need(single, Operation::Create))?;
    let name = name_of(c, single)?;
    let given = given(c, single)?;
    let mut store = c.store();
    if store.settings.value(&name).is_some() {
        let outcome = Outcome::err(
            "DUPLICATE_DATA",
            "already configured",
            json!({ "api_name": single.key }),
        );
        return Ok(alone(single, outcome, StatusCode::BAD_REQUEST));
    }
    if let Some(missing) = missing(single, &given) {
        return Ok(alone(single, missing, StatusCode::BAD_REQUEST));
    }
    let id = store.new_id().to_string();
    let mut value = given;
    value.insert("id".into(), json!(id));
    store.settings.set_value(&name, Value::Object(value));
    Ok(alone(
        single,
        Outcome::ok(single.saved, json!({ "id": id })),
        StatusCode::CREATED,
    ))
}

/// `PUT`: merges the keys given into the setting, saving it first when there is none.
pub(crate) fn update(c: &Ctx<'_>, single: &Single) -> Handled {
    c.require(&need(single, Operation::Update))?;
    let name = name_of(c, single)?;
    let given = given(c, single)?;
    let mut store = c.store();
    let mut value = match store.settings.value(&name) {
        Some(Value::Object(existing)) => existing.clone(),
        _ => match missing(single, &given) {
            Some(missing) => return Ok(alone(single, missing, StatusCode::BAD_REQUEST)),
            None => {
                let id = store.new_id().to_string();
                serde_json::Map::from_iter([("id".to_owned(), json!(id))])
            }
        },
    };
    value.extend(given.into_iter().filter(|(k, _)| k != "id"));
    let details = json!({ "id": value.get("id") });
    store.settings.set_value(&name, Value::Object(value));
    Ok(alone(
        single,
        Outcome::ok(single.saved, details),
        StatusCode::OK,
    ))
}

/// `DELETE`: removes the setting; `204`-like `INVALID_DATA` when there was none.
pub(crate) fn delete(c: &Ctx<'_>, single: &Single) -> Handled {
    c.require(&need(single, Operation::Delete))?;
    let name = name_of(c, single)?;
    let mut store = c.store();
    match store.settings.remove_value(&name) {
        Some(old) => {
            let details = json!({ "id": old.get("id") });
            let outcome = Outcome::ok("disabled successfully", details);
            Ok(alone(single, outcome, StatusCode::OK))
        }
        None => Err(answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "the setting is not configured",
            json!({ "api_name": single.key }),
        )),
    }
}

/// The object under the setting's key in the body (for a listed one, the first of its list).
fn given(c: &Ctx<'_>, single: &Single) -> Result<serde_json::Map<String, Value>, Answer> {
    let body = body::object(&c.req.body)?;
    let value = match body.get(single.key) {
        Some(Value::Array(items)) => items.first().cloned(),
        other => other.cloned(),
    };
    match value {
        Some(Value::Object(map)) => Ok(map),
        _ => Err(answers::mandatory_body_key(single.key)),
    }
}

fn missing(single: &Single, given: &serde_json::Map<String, Value>) -> Option<Outcome> {
    let key = single.required.iter().find(|k| is_blank(given.get(**k)))?;
    Some(Outcome::err(
        "MANDATORY_NOT_FOUND",
        "required field not found",
        json!({ "api_name": key, "json_path": format!("$.{}.{key}", single.key) }),
    ))
}

/// `{key: outcome}` (or `{key: [outcome]}` for a listed setting) with `status` on success.
fn alone(single: &Single, outcome: Outcome, success: StatusCode) -> Answer {
    let status = if outcome.is_ok() {
        success
    } else {
        StatusCode::BAD_REQUEST
    };
    let body = if single.listed {
        json!([outcome.body])
    } else {
        outcome.body
    };
    Answer::json(status, json!({ single.key: body }))
}
