//! What saved settings do to record writes: the duplicate check preference of Leads compares a
//! new lead with the records of the mapped module, and a record locking configuration refuses
//! edits of the records its rules lock. `writes.rs` calls these two hooks and nothing else.
//!
//! # What the docs leave open
//!
//! - The preference's `converted_records` type compares a new lead with every lead, converted
//!   ones included, by the module's unique fields: the sandbox converts no leads, so its own
//!   unique-field check already is that comparison, and the type adds nothing.
//! - Zoho does not say whether the mapped fields are compared without regard to case; the
//!   sandbox compares text without regard to case, as it compares criteria.
//! - A record is locked while its stored fields meet a rule of an `automatic` (or `both`)
//!   configuration; with `lock_existing_records` false, only records written since the
//!   configuration was saved. Zoho does not document the answer to an edit of a locked
//!   record in these pages; the sandbox answers `RECORD_LOCKED`, the code its records API uses
//!   for locked records, with the configuration's id. Fields listed in `excluded_fields` stay
//!   editable. Deletes are refused only when `restricted_actions` names `delete`.

use serde_json::{json, Value};

use super::criteria;
use crate::answers::Outcome;
use crate::schema::ModuleDef;
use crate::store::{FieldSet, Fields, Store};

/// `DUPLICATE_DATA` when the preference of the lead's module maps one of its fields to a
/// record of another module holding the same value.
pub(crate) fn duplicate_on_insert(
    store: &Store,
    module: &ModuleDef,
    fields: &Fields,
) -> Option<Outcome> {
    let preference = store
        .settings
        .value_of("duplicate_check_preference:", module.api_name)?;
    if preference.get("type").and_then(Value::as_str) != Some("mapped_module_records") {
        return None;
    }
    let configurations = preference.get("type_configurations")?.as_array()?;
    configurations
        .iter()
        .find_map(|config| mapped_duplicate(store, config, fields))
}

fn mapped_duplicate(store: &Store, config: &Value, fields: &Fields) -> Option<Outcome> {
    let mapped = config.pointer("/mapped_module/api_name")?.as_str()?;
    let mappings = config.get("field_mappings")?.as_array()?;
    mappings.iter().find_map(|mapping| {
        let current = mapping.pointer("/current_field/api_name")?.as_str()?;
        let other = mapping.pointer("/mapped_field/api_name")?.as_str()?;
        let value = fields
            .get(current)?
            .as_str()
            .filter(|v| !v.trim().is_empty())?;
        let (id, _) = store.records(mapped).find(|(_, record)| {
            record
                .fields
                .get(other)
                .and_then(Value::as_str)
                .is_some_and(|v| v.eq_ignore_ascii_case(value))
        })?;
        Some(Outcome::err(
            "DUPLICATE_DATA",
            "duplicate data",
            json!({
                "api_name": current,
                "json_path": format!("$.data[0].{current}"),
                "duplicate_record": { "id": id.to_string(), "module": { "api_name": mapped } },
            }),
        ))
    })
}

/// `RECORD_LOCKED` when a configuration of the module locks the record and the edit touches a
/// field the configuration does not leave editable.
pub(crate) fn locked_for_update(
    store: &Store,
    module: &ModuleDef,
    id: u64,
    given: &impl FieldSet,
) -> Option<Outcome> {
    let (config, _) = locking(store, module, id)?;
    let excluded = api_names(config.get("excluded_fields"));
    let touches_locked = given
        .names()
        .any(|k| k != "id" && !k.starts_with('$') && !excluded.iter().any(|e| e == k));
    touches_locked.then(|| refusal(config, id))
}

/// `RECORD_LOCKED` for a delete, when a configuration locking the record restricts deletes.
pub(crate) fn locked_for_delete(store: &Store, module: &ModuleDef, id: u64) -> Option<Outcome> {
    let (config, _) = locking(store, module, id)?;
    let restricted = config.get("restricted_actions").and_then(Value::as_array)?;
    restricted
        .iter()
        .any(|a| a.as_str() == Some("delete"))
        .then(|| refusal(config, id))
}

/// The configuration and rule that lock the record, if one does.
fn locking<'s>(store: &'s Store, module: &ModuleDef, id: u64) -> Option<(&'s Fields, &'s Value)> {
    let record = &store.get(module.api_name, id)?.fields;
    let configs = store
        .settings
        .list_of("record_locking_configurations:", module.api_name);
    configs.iter().find_map(|config| {
        let automatic = matches!(
            config.get("lock_type").and_then(Value::as_str),
            Some("automatic" | "both")
        );
        if !automatic {
            return None;
        }
        let rules = config.get("locking_rules")?.as_array()?;
        let rule = rules.iter().find(|rule| rule_locks(config, rule, record))?;
        Some((config, rule))
    })
}

fn rule_locks(config: &Fields, rule: &Value, record: &Fields) -> bool {
    let existing_too = rule
        .get("lock_existing_records")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let written_since = match (config.get("created_time"), record.get("Modified_Time")) {
        (Some(Value::String(saved)), Some(Value::String(written))) => written >= saved,
        _ => false,
    };
    rule.get("_delete").and_then(Value::as_bool) != Some(true)
        && (existing_too || written_since)
        && rule
            .get("criteria")
            .is_some_and(|c| criteria::matches(c, record))
}

fn refusal(config: &Fields, id: u64) -> Outcome {
    Outcome::err(
        "RECORD_LOCKED",
        "the record is locked",
        json!({ "id": id.to_string(), "record_locking_configuration_id": config.get("id") }),
    )
}

fn api_names(list: Option<&Value>) -> Vec<String> {
    list.and_then(Value::as_array)
        .map(|xs| {
            xs.iter()
                .filter_map(|x| x.get("api_name").and_then(Value::as_str).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
