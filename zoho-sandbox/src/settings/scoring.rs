//! Scoring rules beyond their list: activating, deactivating and cloning a rule, and running
//! the rules of a module, which scores its records into `Entity_Scores__s`.
//!
//! A run adds, for each record, the `score` of every field rule whose criteria the record
//! meets (positive scores to `Positive_Score`, negative ones to `Negative_Score`), for each
//! active rule of the module, or the rules the body names. Signal rules (scores for emails
//! opened, visits) need events the sandbox does not have, so they add nothing, and the
//! touch-point scores stay 0. A record's score is kept per rule and replaced by the next run.

use axum::http::StatusCode;
use serde_json::{json, Value};
use zoho_spec::scope::Operation;

use super::collection::{self, at_path, invalid_id, need, position, written};
use super::criteria;
use super::kinds::SCORING_RULES;
use crate::answers::{self, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::store::{display_name, Fields, Store};

/// `PUT` (`active` true) or `DELETE` (false) of `…/scoring_rules/{id}/actions/activate`.
pub(crate) fn activate(c: &Ctx<'_>, id: &str, active: bool) -> Handled {
    c.require(&need(&SCORING_RULES, Operation::Update))?;
    let mut store = c.store();
    let rules = store.settings.list_mut(SCORING_RULES.key);
    let at = position(rules, &SCORING_RULES, id).ok_or_else(|| invalid_id(id))?;
    let was = rules[at]
        .get("active")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let outcome = if was == active {
        let code = if active {
            "ALREADY_ACTIVATED"
        } else {
            "ALREADY_DEACTIVATED"
        };
        Outcome::err(
            code,
            "the scoring rule is already in that state",
            json!({ "id": id }),
        )
    } else {
        rules[at].insert("active".into(), Value::Bool(active));
        let message = if active {
            "scoring rule activated successfully"
        } else {
            "scoring rule deactivated successfully"
        };
        Outcome::ok(message, json!({ "id": id }))
    };
    Ok(written(SCORING_RULES.key, vec![outcome], StatusCode::OK))
}

/// `POST …/scoring_rules/{id}/actions/clone`: a copy, inactive, named by the body's `name`
/// (or `<name> clone` when the body gives none; Zoho does not document its default).
pub(crate) fn clone(c: &Ctx<'_>, id: &str) -> Handled {
    c.require(&need(&SCORING_RULES, Operation::Create))?;
    let given = match collection::items_of(c, SCORING_RULES.key) {
        Ok(items) => items
            .into_iter()
            .next()
            .and_then(|v| v.as_object().cloned())
            .unwrap_or_default(),
        Err(_) => Fields::new(),
    };
    let mut store = c.store();
    let rules = store.settings.list(SCORING_RULES.key);
    let at = position(rules, &SCORING_RULES, id).ok_or_else(|| invalid_id(id))?;
    let mut copy = rules[at].clone();
    let name = given.get("name").cloned().unwrap_or_else(|| {
        json!(format!(
            "{} clone",
            copy.get("name").and_then(Value::as_str).unwrap_or("")
        ))
    });
    if rules.iter().any(|r| r.get("name") == Some(&name)) {
        let outcome = Outcome::err(
            "DUPLICATE_DATA",
            "duplicate data",
            json!({ "api_name": "name" }),
        );
        return Ok(written(SCORING_RULES.key, vec![outcome], StatusCode::OK));
    }
    copy.extend(given);
    let new_id = store.new_id().to_string();
    copy.insert("id".into(), json!(new_id));
    copy.insert("name".into(), name);
    copy.insert("active".into(), Value::Bool(false));
    store.settings.list_mut(SCORING_RULES.key).push(copy);
    let outcome = Outcome::ok("scoring rule cloned successfully", json!({ "id": new_id }));
    Ok(written(SCORING_RULES.key, vec![outcome], StatusCode::OK))
}

/// `PUT /{module}/actions/run_scoring_rules`: scores every record of the module.
pub(crate) fn run(c: &Ctx<'_>, module: &str) -> Handled {
    c.require(&need(&SCORING_RULES, Operation::Update))?;
    let module = c.module(module)?.api_name;
    let named: Vec<String> = match collection::items_of(c, SCORING_RULES.key) {
        Ok(items) => items
            .iter()
            .filter_map(|i| i.get("id").map(body::id_text))
            .collect(),
        Err(_) => Vec::new(),
    };
    let mut store = c.store();
    let rules: Vec<Fields> = store
        .settings
        .list(SCORING_RULES.key)
        .iter()
        .filter(|r| at_path(r, "module.api_name").and_then(Value::as_str) == Some(module))
        .filter(|r| match named.is_empty() {
            true => r.get("active").and_then(Value::as_bool) == Some(true),
            false => r
                .get("id")
                .is_some_and(|id| named.contains(&body::id_text(id))),
        })
        .cloned()
        .collect();
    if rules.is_empty() {
        return Err(answers::invalid_param("scoring_rules"));
    }
    let outcomes = rules
        .iter()
        .map(|rule| score_all(&mut store, module, rule))
        .collect();
    Ok(written(SCORING_RULES.key, outcomes, StatusCode::OK))
}

fn score_all(store: &mut Store, module: &'static str, rule: &Fields) -> Outcome {
    let rule_id = rule.get("id").map(body::id_text).unwrap_or_default();
    let field_rules: Vec<Value> = rule
        .get("field_rules")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let schema = std::sync::Arc::clone(store.schema());
    let def = schema.module(module);
    let scored: Vec<Value> = store
        .records(module)
        .map(|(id, record)| {
            let (plus, minus) = field_rules.iter().fold((0i64, 0i64), |(p, m), fr| {
                let score = fr.get("score").and_then(Value::as_i64).unwrap_or(0);
                let hit = fr.get("criteria").is_some_and(|cr| criteria::matches(cr, &record.fields));
                match (hit, score >= 0) {
                    (false, _) => (p, m),
                    (true, true) => (p + score, m),
                    (true, false) => (p, m + score),
                }
            });
            let name = def.map_or(Value::Null, |d| display_name(d, &record.fields));
            json!({
                "id": format!("{id}:{rule_id}"),
                "Entity": { "name": name, "id": id.to_string(), "module": { "api_name": module } },
                "Score": plus + minus, "Positive_Score": plus, "Negative_Score": minus,
                "Touch_Point_Score": 0, "Touch_Point_Positive_Score": 0, "Touch_Point_Negative_Score": 0,
                "Scoring_Rule": { "name": rule.get("name"), "id": rule_id },
            })
        })
        .collect();
    let scores = store.settings.list_mut("entity_scores");
    scores
        .retain(|s| at_path(s, "Scoring_Rule.id").map(body::id_text).as_deref() != Some(&rule_id));
    scores.extend(scored.into_iter().filter_map(|v| v.as_object().cloned()));
    Outcome::ok(
        "scoring rule executed successfully",
        json!({ "id": rule_id }),
    )
}

/// `GET /Entity_Scores__s`: every score, as records are listed (`data` and `info`).
pub(crate) fn entity_scores(c: &Ctx<'_>, record: Option<&str>) -> Handled {
    c.require(&need(&super::kinds::ENTITY_SCORES, Operation::Read))?;
    let store = c.store();
    let ids = c.param("ids").map(body::comma_list);
    let scores: Vec<Value> = store
        .settings
        .list("entity_scores")
        .iter()
        .filter(|s| {
            let entity = at_path(s, "Entity.id")
                .map(body::id_text)
                .unwrap_or_default();
            record.is_none_or(|r| r == entity)
                && ids.as_ref().is_none_or(|ids| ids.contains(&entity))
        })
        .map(|s| Value::Object(s.clone()))
        .collect();
    if record.is_some() && scores.is_empty() {
        return Err(invalid_id(record.unwrap_or_default()));
    }
    collection::page_of(c, "data", scores)
}
