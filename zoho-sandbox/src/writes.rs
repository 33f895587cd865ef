//! Validating and applying the writes of one record: insert, update, delete and a mass-update
//! change, each answered with Zoho's per-record outcome.

use serde_json::{json, Map, Value};

use crate::answers::Outcome;
use crate::body::{self, Given};
use crate::metadata::dependencies;
use crate::notifications::{self, Op};
use crate::people::User;
use crate::recycle_bin;
use crate::schema::{FieldDef, FieldType, ModuleDef};
use crate::store::{
    creation_stamp, display_name, modification_stamp, refresh_computed, write_details, Checked,
    FieldRef, FieldSet, Fields, Input, Record, RecordState, Setting, Stamp, Store, PATRICIA_ID,
};
use crate::{settings, time};

/// Inserts one record of a `data` array.
pub(crate) fn insert(store: &mut Store, module: &ModuleDef, record: &Value) -> Outcome {
    let Some(given) = record.as_object() else {
        return not_an_object();
    };
    let id = normalise(store, module, given)
        .and_then(|fields| insert_fields(store, module, fields, &time::now()));
    match id {
        Ok(id) => {
            let details = store
                .get(module.api_name, id)
                .map_or(Value::Null, |r| write_details(id, &r.fields));
            Outcome::ok("record added", details)
        }
        Err(outcome) => outcome,
    }
}

/// [`insert`] of a record read from a body, created at the request's `stamp`: the id of the
/// record added, whose success the caller writes from the record stored.
pub(crate) fn insert_given(
    store: &mut Store,
    module: &ModuleDef,
    given: Given<'_>,
    stamp: &Stamp,
) -> Result<u64, Outcome> {
    let checked = normalise_given(store, module, given)?;
    let fields = checked
        .0
        .into_iter()
        .map(|(name, setting)| {
            let value = match setting {
                Setting::Input(input) => input.into_value(),
                Setting::Owner(id) => store.people.reference_of(id),
            };
            (name.to_owned(), value)
        })
        .collect();
    insert_fields(store, module, fields, stamp.time())
}

/// The checks and the storing of an insert, once its fields are normalised: the new id.
fn insert_fields(
    store: &mut Store,
    module: &ModuleDef,
    mut fields: Fields,
    created: &str,
) -> Result<u64, Outcome> {
    if let Some(missing) = module
        .fields()
        .find(|f| f.mandatory && fields.value(f.api_name).is_none_or(FieldRef::is_blank))
    {
        return Err(mandatory_missing(missing.api_name));
    }
    if let Some(duplicate) = duplicate(store, module, &fields, None) {
        return Err(duplicate);
    }
    dependencies::check(module, &fields, None)?;
    if let Some(duplicate) = settings::effects::duplicate_on_insert(store, module, &fields) {
        return Err(duplicate);
    }
    if !fields.contains_key("Owner") {
        let owner = owner_of(store, PATRICIA_ID).unwrap_or(Value::Null);
        fields.insert("Owner".into(), owner);
    }
    creation_stamp(&mut fields, created);
    refresh_computed(module, &mut fields);
    let id = store.new_id();
    let state = RecordState::Normal;
    store.put(module.api_name, id, Record { fields, state });
    store.count_write(module.api_name, id);
    notifications::written(store, module.api_name, id, Op::Insert, &[]);
    Ok(id)
}

/// Updates the record `id` with the fields of one record of a `data` array.
pub(crate) fn update(
    store: &mut Store,
    module: &ModuleDef,
    id: u64,
    given: &Map<String, Value>,
) -> Outcome {
    let given = Given::from_map(given.clone());
    update_given(store, module, id, given, &Stamp::now(), |id, fields| {
        Outcome::ok("record updated", write_details(id, fields))
    })
    .unwrap_or_else(|outcome| outcome)
}

/// [`update`] with a record read from a body, whose values are moved into the store, stamped
/// with the request's `stamp`; `done` makes the success of the record written, and a failure
/// is the `Err`.
pub(crate) fn update_given<R>(
    store: &mut Store,
    module: &ModuleDef,
    id: u64,
    given: Given<'_>,
    stamp: &Stamp,
    done: impl FnOnce(u64, &Fields) -> R,
) -> Result<R, Outcome> {
    let Some(existing) = store.get(module.api_name, id) else {
        return Err(Outcome::invalid_id(&id.to_string()));
    };
    if let Some(refusal) = refusal(existing.state, id) {
        return Err(refusal);
    }
    if let Some(locked) = settings::effects::locked_for_update(store, module, id, &given) {
        return Err(locked);
    }
    let fields = normalise_given(store, module, given)?;
    if let Some(cleared) = module
        .fields()
        .find(|f| f.mandatory && fields.value(f.api_name).is_some_and(FieldRef::is_blank))
    {
        return Err(mandatory_missing(cleared.api_name));
    }
    if let Some(duplicate) = duplicate(store, module, &fields, Some(id)) {
        return Err(duplicate);
    }
    dependencies::check(module, &fields, Some(&existing.fields))?;
    let changed: Vec<&'static str> = if notifications::listening(store) {
        fields.0.iter().map(|(name, _)| *name).collect()
    } else {
        Vec::new()
    };
    let Some(record) = store.merge_checked(module.api_name, id, fields) else {
        return Err(Outcome::invalid_id(&id.to_string()));
    };
    stamp.modified(&mut record.fields);
    refresh_computed(module, &mut record.fields);
    store.count_write(module.api_name, id);
    notifications::written(store, module.api_name, id, Op::Update, &changed);
    let record = store
        .get(module.api_name, id)
        .ok_or_else(|| Outcome::invalid_id(&id.to_string()))?;
    Ok(done(id, &record.fields))
}

/// Merges already validated fields into a record and counts the write.
pub(crate) fn apply(store: &mut Store, module: &ModuleDef, id: u64, fields: Fields) -> Outcome {
    let changed: Vec<String> = if notifications::listening(store) {
        fields.keys().cloned().collect()
    } else {
        Vec::new()
    };
    let changed: Vec<&str> = changed.iter().map(String::as_str).collect();
    let Some(record) = store.merge_fields(module.api_name, id, fields) else {
        return Outcome::invalid_id(&id.to_string());
    };
    modification_stamp(&mut record.fields);
    refresh_computed(module, &mut record.fields);
    let details = write_details(id, &record.fields);
    store.count_write(module.api_name, id);
    notifications::written(store, module.api_name, id, Op::Update, &changed);
    Outcome::ok("record updated", details)
}

/// Deletes the record `id`.
pub(crate) fn delete(store: &mut Store, module: &ModuleDef, id: u64) -> Outcome {
    let Some(existing) = store.get(module.api_name, id) else {
        return Outcome::invalid_id(&id.to_string());
    };
    if let Some(refusal) = refusal(existing.state, id) {
        return refusal;
    }
    if let Some(locked) = settings::effects::locked_for_delete(store, module, id) {
        return locked;
    }
    if let Some(removed) = store.remove(module.api_name, id) {
        recycle_bin::deleted(store, module.api_name, id, removed);
    }
    store.count_write(module.api_name, id);
    notifications::written(store, module.api_name, id, Op::Delete, &[]);
    Outcome::ok("record deleted", json!({ "id": id.to_string() }))
}

/// Why a record in this state refuses writes, worded as seeds 002 and 004 record it.
pub(crate) fn refusal(state: RecordState, id: u64) -> Option<Outcome> {
    let message = "cannot update record that is not approved yet";
    match state {
        RecordState::Normal => None,
        RecordState::NotApproved => Some(Outcome::err(
            "NOT_APPROVED",
            message,
            json!({ "id": id.to_string() }),
        )),
        RecordState::Locked => Some(Outcome::err(
            "RECORD_LOCKED",
            message,
            json!({ "action": "zia_vision_processing", "id": id.to_string() }),
        )),
    }
}

/// `MANDATORY_NOT_FOUND` for a missing field (seed 002 names `id` this way).
pub(crate) fn mandatory_missing(api_name: &str) -> Outcome {
    Outcome::err(
        "MANDATORY_NOT_FOUND",
        "required field not found",
        json!({ "api_name": api_name }),
    )
}

pub(crate) fn not_an_object() -> Outcome {
    Outcome::err(
        "INVALID_DATA",
        "invalid data",
        json!({ "expected_data_type": "jsonobject" }),
    )
}

/// Checks and normalises the writable fields of a record body.
///
/// System fields (`id`, times, authors, `$…`) are ignored as Zoho ignores them; a field the
/// module's metadata does not declare (never created, or removed) is refused as `INVALID_DATA`
/// naming it. (Zoho's pages say only that writes take fields' API names; the sandbox refuses
/// others rather than keep what no metadata describes.) `Layout` names the record's layout.
pub(crate) fn normalise(
    store: &Store,
    module: &ModuleDef,
    given: &Map<String, Value>,
) -> Result<Fields, Outcome> {
    normalise_owned(store, module, given.clone())
}

/// [`normalise`] of a record the caller owns: its keys and values are moved, not copied.
pub(crate) fn normalise_owned(
    store: &Store,
    module: &ModuleDef,
    given: Fields,
) -> Result<Fields, Outcome> {
    let mut out = Fields::new();
    for (name, value) in given {
        if name == "id" || name.starts_with('$') {
            continue;
        }
        match module.field(&name) {
            Some(def) if def.read_only => {}
            Some(def) => {
                let value = checked_owned(store, def, value)?;
                out.insert(name, value);
            }
            None if name == "Layout" => {
                let layout = dependencies::layout_of(module, &value)?;
                out.insert(name, layout);
            }
            None => return Err(unknown_field(&name)),
        }
    }
    Ok(out)
}

/// [`normalise`] of a body's record: its values are moved, and the names kept are the
/// schema's own.
pub(crate) fn normalise_given<'a>(
    store: &Store,
    module: &ModuleDef,
    given: Given<'a>,
) -> Result<Checked<'a>, Outcome> {
    let mut out = Vec::with_capacity(given.len());
    // The entries are in name order: the module's fields are found by walking along them.
    let mut walk = module.walk();
    for (name, value) in given.into_entries() {
        if name == "id" || name.starts_with('$') {
            continue;
        }
        match walk.field(&name) {
            Some(def) if def.read_only => {}
            Some(def) => {
                let value = checked_input(store, def, value)?;
                out.push((def.api_name, value));
            }
            None if name == "Layout" => {
                let layout = dependencies::layout_of(module, &value.into_value())?;
                out.push(("Layout", Setting::Input(Input::Json(layout))));
            }
            None => return Err(unknown_field(&name)),
        }
    }
    Ok(Checked(out))
}

/// One field's value, checked against its type and put in the stored form.
pub(crate) fn checked(store: &Store, def: &FieldDef, value: &Value) -> Result<Value, Outcome> {
    checked_owned(store, def, value.clone())
}

/// [`checked`] of a value as a body gives it: text that fits is kept as it was read.
/// An owner field (not a unique one) is checked to name an active user, and left to the merge
/// to write as `{name, id, email}` when the record does not hold that already.
fn checked_input<'a>(
    store: &Store,
    def: &FieldDef,
    value: Input<'a>,
) -> Result<Setting<'a>, Outcome> {
    match value {
        Input::Text(text) if !is_lookup(def.kind) => {
            if text_fits(def.kind, &text) {
                Ok(Setting::Input(Input::Text(text)))
            } else {
                Err(wrong_type(def))
            }
        }
        Input::Json(Value::Null) => Ok(Setting::Input(Input::Json(Value::Null))),
        value if def.kind == FieldType::OwnerLookup && !def.unique => {
            match lookup_id(value.as_ref()).and_then(|id| store.people.owner(id)) {
                Some(user) => Ok(Setting::Owner(user.id)),
                None => Err(wrong_type(def)),
            }
        }
        other => checked_owned(store, def, other.into_value())
            .map(|value| Setting::Input(Input::from_value(value))),
    }
}

/// Whether a field's value names another record (and is stored as `{name, id}`).
fn is_lookup(kind: FieldType) -> bool {
    matches!(kind, FieldType::Lookup(_) | FieldType::OwnerLookup)
}

/// Whether text is a value of a field of this type (not a lookup).
fn text_fits(kind: FieldType, text: &str) -> bool {
    match kind {
        FieldType::Picklist(offered) => offered.contains(&text),
        FieldType::Date => is_date(text),
        FieldType::Integer
        | FieldType::BigInt
        | FieldType::Double
        | FieldType::Currency
        | FieldType::Decimal
        | FieldType::Percent
        | FieldType::MultiSelect(_)
        | FieldType::Subform(_)
        | FieldType::Boolean => false,
        _ => true,
    }
}

/// [`checked`] of a value the caller owns, returned as it is when it needs no change.
fn checked_owned(store: &Store, def: &FieldDef, value: Value) -> Result<Value, Outcome> {
    if value.is_null() {
        return Ok(Value::Null);
    }
    if let Value::String(text) = &value {
        if !is_lookup(def.kind) {
            return if text_fits(def.kind, text) {
                Ok(value)
            } else {
                Err(wrong_type(def))
            };
        }
    }
    let ok = match def.kind {
        FieldType::Integer | FieldType::BigInt => value.is_i64() || value.is_u64(),
        FieldType::Double | FieldType::Currency | FieldType::Decimal | FieldType::Percent => {
            value.is_number()
        }
        // Text was decided above, by `text_fits`.
        FieldType::Picklist(_) | FieldType::Date => false,
        FieldType::MultiSelect(offered) => value.as_array().is_some_and(|xs| {
            xs.iter()
                .all(|x| x.as_str().is_some_and(|x| offered.contains(&x)))
        }),
        FieldType::Subform(_) => value
            .as_array()
            .is_some_and(|xs| xs.iter().all(Value::is_object)),
        FieldType::Boolean => value.is_boolean(),
        FieldType::Lookup(target) => return lookup(store, def, target, &value),
        FieldType::OwnerLookup => {
            let user = lookup_id(FieldRef::Json(&value)).and_then(|id| store.people.owner(id));
            return user.map(User::reference).ok_or_else(|| wrong_type(def));
        }
        // Numbers are accepted in text fields and stored as text, as Zoho does.
        _ => value.is_number(),
    };
    match value {
        _ if !ok => Err(wrong_type(def)),
        Value::Number(n) if def.kind.json_type() == "string" => Ok(Value::String(n.to_string())),
        value => Ok(value),
    }
}

fn unknown_field(name: &str) -> Outcome {
    Outcome::err("INVALID_DATA", "invalid data", json!({ "api_name": name }))
}

fn wrong_type(def: &FieldDef) -> Outcome {
    Outcome::err(
        "INVALID_DATA",
        "invalid data",
        json!({ "expected_data_type": def.kind.name(), "api_name": def.api_name }),
    )
}

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// A lookup is written `{"id": …}` or as the bare id; it is stored as `{name, id}`.
fn lookup(store: &Store, def: &FieldDef, target: &str, value: &Value) -> Result<Value, Outcome> {
    let schema = store.schema();
    let target_def = schema.module(target).ok_or_else(|| wrong_type(def))?;
    let id = lookup_id(FieldRef::Json(value))
        .filter(|id| store.get(target, *id).is_some())
        .ok_or_else(|| wrong_type(def))?;
    let fields = &store.get(target, id).ok_or_else(|| wrong_type(def))?.fields;
    Ok(json!({ "name": display_name(target_def, fields), "id": id.to_string() }))
}

/// The id a lookup's value names: `{"id": …}` or the bare id.
fn lookup_id(value: FieldRef<'_>) -> Option<u64> {
    match value {
        FieldRef::Json(Value::Object(map)) => map.get("id").and_then(body::id_of),
        other => other.as_id(),
    }
}

/// An active user as an owner field: `{name, id, email}`.
pub(crate) fn owner_of(store: &Store, id: &str) -> Option<Value> {
    store.people.owner(body::parse_id(id)?).map(User::reference)
}

/// `DUPLICATE_DATA` when a unique field's value is held by another record (seed 002).
pub(crate) fn duplicate(
    store: &Store,
    module: &ModuleDef,
    fields: &impl FieldSet,
    this: Option<u64>,
) -> Option<Outcome> {
    module.fields().filter(|f| f.unique).find_map(|f| {
        let value = fields.value(f.api_name).filter(|v| !v.is_blank())?;
        let other = store.find_by_ref(module.api_name, f.api_name, value, this)?;
        Some(Outcome::err(
            "DUPLICATE_DATA",
            "duplicate data",
            json!({ "api_name": f.api_name, "id": other.to_string() }),
        ))
    })
}
