//! Data sharing rules beyond their list: activating and deactivating a rule, searching rules
//! by filters, the per-module summary, and rerunning the rules.
//!
//! # What the sandbox does not apply
//!
//! A sharing rule grants users of other roles or groups access to records they do not own.
//! The sandbox has one user acting (every token is Patricia Boyle's, an administrator who
//! sees every record), so no call can observe a grant: rules are stored, read back and
//! counted, but change no answer of the records API. A rerun answers `SCHEDULED` as Zoho does
//! and has nothing to recompute.

use axum::http::StatusCode;
use serde_json::{json, Value};
use zoho_spec::scope::Operation;

use super::collection::{invalid_id, list_name, need, page_of, position, written};
use super::criteria;
use super::kinds::SHARING_RULES;
use crate::answers::{self, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};

/// `PUT` (activate) or `DELETE` (deactivate) of `…/rules/{id}/actions/activate`.
pub(crate) fn activate(c: &Ctx<'_>, id: &str, active: bool) -> Handled {
    c.require(&need(&SHARING_RULES, Operation::Update))?;
    let name = list_name(c, &SHARING_RULES)?;
    let mut store = c.store();
    let rules = store.settings.list_mut(&name);
    let at = position(rules, &SHARING_RULES, id).ok_or_else(|| invalid_id(id))?;
    let status = if active { "active" } else { "inactive" };
    let outcome = if rules[at].get("status").and_then(Value::as_str) == Some(status) {
        let code = if active {
            "ALREADY_ACTIVE"
        } else {
            "ALREADY_DEACTIVE"
        };
        Outcome::err(
            code,
            "the rule is already in that state",
            json!({ "id": id }),
        )
    } else {
        rules[at].insert("status".into(), json!(status));
        Outcome::ok(
            &format!("sharing rule {status} successfully"),
            json!({ "id": id }),
        )
    };
    Ok(written(SHARING_RULES.key, vec![outcome], StatusCode::OK))
}

/// `POST …/rules/search`: the module's rules meeting every filter of `{"filters": [criteria]}`.
pub(crate) fn search(c: &Ctx<'_>) -> Handled {
    c.require(&need(&SHARING_RULES, Operation::Read))?;
    let name = list_name(c, &SHARING_RULES)?;
    let filters = filters(c)?;
    let store = c.store();
    let found: Vec<Value> = store
        .settings
        .list(&name)
        .iter()
        .filter(|rule| filters.iter().all(|f| criteria::matches(f, rule)))
        .map(|rule| Value::Object(rule.clone()))
        .collect();
    page_of(c, SHARING_RULES.key, found)
}

fn filters(c: &Ctx<'_>) -> Result<Vec<Value>, crate::answers::Answer> {
    let body = body::object(&c.req.body)?;
    match body.get("filters") {
        Some(Value::Array(filters)) => Ok(filters.clone()),
        _ => Err(answers::mandatory_body_key("filters")),
    }
}

/// `GET …/rules/actions/summary` (every module with rules, or `?module=`'s), and its `POST`
/// form filtering the summaries by `{"filters": [criteria]}` on their keys.
pub(crate) fn summary(c: &Ctx<'_>, filtered: bool) -> Handled {
    c.require(&need(&SHARING_RULES, Operation::Read))?;
    let only = match c.param("module") {
        Some(name) => Some(c.module(name)?.api_name),
        None => None,
    };
    let filters = if filtered { filters(c)? } else { Vec::new() };
    let store = c.store();
    let summaries: Vec<Value> = c
        .schema
        .modules()
        .filter(|m| only.is_none_or(|o| o == m.api_name))
        .filter_map(|m| {
            let rules = store
                .settings
                .list(&format!("{}:{}", SHARING_RULES.key, m.api_name));
            let summary = json!({
                "module": { "api_name": m.api_name, "id": m.id },
                "rule_computation_status": false,
                "rule_count": rules.len(),
            });
            let keys = summary.as_object()?;
            let shown = (!rules.is_empty() || only.is_some())
                && filters.iter().all(|f| criteria::matches(f, keys));
            shown.then_some(summary)
        })
        .collect();
    page_of(c, "sharing_rules_summary", summaries)
}

/// `POST …/rules/actions/run`: Zoho schedules the recomputation of the module's rules.
pub(crate) fn rerun(c: &Ctx<'_>) -> Handled {
    c.require(&need(&SHARING_RULES, Operation::Update))?;
    list_name(c, &SHARING_RULES)?;
    let scheduled = json!({
        "status": "success", "code": "SCHEDULED",
        "message": "sharing rules are scheduled to run", "details": {},
    });
    Ok(crate::answers::Answer::json(
        StatusCode::ACCEPTED,
        json!({ SHARING_RULES.key: [scheduled] }),
    ))
}
