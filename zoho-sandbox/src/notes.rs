//! Notes: `/Notes`, `/Notes/{id}` and a record's related list `/{module}/{id}/Notes`.
//!
//! A note is kept on the record its `Parent_Id` names (`{"module": {"api_name": "Leads"}, "id":
//! "…"}`, or v2's bare id beside `se_module`), which must exist; it is listed back under
//! `/Notes` and under its record. `Note_Content` is required. Zoho also moves a record's notes
//! to the recycle bin with the record; the sandbox keeps them, since it has no recycle bin.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::limits::MAX_RECORDS_PER_CALL;
use zoho_spec::scope::{Operation, Requirement, Scope};
use zoho_spec::ApiVersion;

use crate::answers::{self, write_answer, Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::notes_state::Note;
use crate::paging::{self, Sort};
use crate::routes::Route;
use crate::schema::ModuleDef;
use crate::store::{creation_stamp, display_name, modification_stamp, write_details, Store};
use crate::{time, writes};

/// The routes of notes, before the generic related-list ones.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/Notes")
        .get(list)
        .post(|c| add(c, None))
        .put(|c| update(c, None))
        .delete(|c| delete(c, None)),
    Route::new("/Notes/{note}")
        .get(get)
        .put(|c| update(c, Some(c.at("note"))))
        .delete(|c| delete(c, Some(c.at("note")))),
    Route::new("/{module}/{id}/Notes")
        .get(of_record)
        .post(|c| add(c, Some((c.at("module"), c.at("id"))))),
];

fn require(ctx: &Ctx<'_>, op: Operation) -> Result<(), Answer> {
    ctx.require(&Requirement::one(Scope::crm(&["modules", "notes"], op)))
}

/// A note as the API shows it: its fields (or those asked for) and its id.
fn render(id: u64, note: &Note, only: Option<&[String]>) -> Value {
    let mut out = Map::new();
    match only {
        Some(names) => {
            for name in names {
                let value = note.fields.get(name).cloned().unwrap_or(Value::Null);
                out.insert(name.clone(), value);
            }
        }
        None => out.extend(note.fields.clone()),
    }
    out.insert("id".into(), json!(id.to_string()));
    Value::Object(out)
}

/// `fields=…`, required from v3 on when listing.
fn fields(ctx: &Ctx<'_>, required: bool) -> Result<Option<Vec<String>>, Answer> {
    match ctx.param("fields") {
        None if required && ctx.version >= ApiVersion::V3 => {
            Err(answers::required_param_missing("fields"))
        }
        None => Ok(None),
        Some(text) => Ok(Some(body::comma_list(text))),
    }
}

/// Newest first, as Zoho lists notes by default.
fn newest_first() -> Sort {
    Sort {
        by: "id".into(),
        descending: true,
    }
}

/// `GET /Notes`: a page of every note, newest first (`sort_order=asc` for oldest first).
pub(crate) fn list(ctx: &Ctx<'_>) -> Handled {
    require(ctx, Operation::Read)?;
    let only = fields(ctx, true)?;
    let window = paging::window(ctx, None)?;
    let ids: Option<Vec<u64>> = ctx.param("ids").map(|t| {
        body::comma_list(t)
            .iter()
            .filter_map(|s| body::parse_id(s))
            .collect()
    });
    let mut sort = newest_first();
    sort.descending = ctx.param("sort_order") != Some("asc");
    let mut rows: Vec<Value> = {
        let store = ctx.store();
        store
            .notes
            .all()
            .filter(|(id, _)| ids.as_ref().is_none_or(|ids| ids.contains(id)))
            .map(|(id, n)| render(id, n, only.as_deref()))
            .collect()
    };
    if sort.descending {
        rows.reverse();
    }
    Ok(paging::answer(ctx, rows, window, &sort, None))
}

/// `GET /Notes/{id}`: one note, `204` when there is none.
pub(crate) fn get(ctx: &Ctx<'_>) -> Handled {
    require(ctx, Operation::Read)?;
    let only = fields(ctx, false)?;
    let store = ctx.store();
    let found = body::parse_id(ctx.at("note"))
        .and_then(|id| Some(render(id, store.notes.get(id)?, only.as_deref())));
    Ok(match found {
        Some(note) => Answer::data(StatusCode::OK, vec![note]),
        None => Answer::no_content(),
    })
}

/// `GET /{module}/{id}/Notes`: the record's notes, newest first; `204` when it has none.
pub(crate) fn of_record(ctx: &Ctx<'_>) -> Handled {
    let module = ctx.module(ctx.at("module"))?;
    require(ctx, Operation::Read)?;
    let only = fields(ctx, false)?;
    let window = paging::window(ctx, None)?;
    let mut rows: Vec<Value> = {
        let store = ctx.store();
        let parent = existing_parent(&store, module, ctx.at("id"))?;
        store
            .notes
            .of(module.api_name, parent)
            .map(|(id, n)| render(id, n, only.as_deref()))
            .collect()
    };
    rows.reverse();
    Ok(paging::answer(ctx, rows, window, &newest_first(), None))
}

fn existing_parent(store: &Store, module: &ModuleDef, id: &str) -> Result<u64, Answer> {
    body::parse_id(id)
        .filter(|id| store.get(module.api_name, *id).is_some())
        .ok_or_else(|| {
            answers::error(
                StatusCode::BAD_REQUEST,
                "INVALID_DATA",
                "the related id given seems to be invalid",
                json!({ "id": id }),
            )
        })
}

/// `POST /Notes` (each note names its record) and `POST /{module}/{id}/Notes`.
pub(crate) fn add(ctx: &Ctx<'_>, on: Option<(&str, &str)>) -> Handled {
    require(ctx, Operation::Create)?;
    let on = match on {
        Some((module, id)) => Some((ctx.module(module)?, id)),
        None => None,
    };
    let body = body::object(&ctx.req.body)?;
    let notes = body::data(&body)?;
    let mut store = ctx.store();
    let outcomes = notes
        .iter()
        .map(|note| match add_one(&mut store, on, note) {
            Ok(outcome) | Err(outcome) => outcome,
        })
        .collect();
    Ok(write_answer(outcomes, StatusCode::CREATED))
}

fn add_one(
    store: &mut Store,
    on: Option<(&ModuleDef, &str)>,
    note: &Value,
) -> Result<Outcome, Outcome> {
    let given = note.as_object().ok_or_else(not_an_object)?;
    let schema = std::sync::Arc::clone(store.schema());
    let (module, parent) = match on {
        Some((module, id)) => (module, body::parse_id(id)),
        None => parent_of(&schema, given)?,
    };
    let parent = parent
        .filter(|id| store.get(module.api_name, *id).is_some())
        .ok_or_else(|| invalid("Parent_Id"))?;
    let mut fields = content(given, true)?;
    let record = &store
        .get(module.api_name, parent)
        .ok_or_else(|| invalid("Parent_Id"))?;
    let name = display_name(module, &record.fields);
    fields.insert(
        "Parent_Id".into(),
        json!({
            "module": { "api_name": module.api_name, "id": module.id },
            "name": name,
            "id": parent.to_string(),
        }),
    );
    fields.insert("$se_module".into(), json!(module.api_name));
    creation_stamp(&mut fields, &time::now());
    fields.insert(
        "Owner".into(),
        writes::owner_of(store, crate::store::PATRICIA_ID).unwrap_or(Value::Null),
    );
    let id = store.new_id();
    let details = write_details(id, &fields);
    let module = module.api_name;
    store.notes.insert(
        id,
        Note {
            module,
            parent,
            fields,
        },
    );
    Ok(Outcome::ok("record added", details))
}

/// The record a note's body names: `Parent_Id: {module: {api_name}, id}`, or v2's bare
/// `Parent_Id` beside `se_module`.
fn parent_of<'s>(
    schema: &'s crate::schema::Schema,
    given: &Map<String, Value>,
) -> Result<(&'s ModuleDef, Option<u64>), Outcome> {
    let parent = given
        .get("Parent_Id")
        .ok_or_else(|| writes::mandatory_missing("Parent_Id"))?;
    let (module, id) = match parent {
        Value::Object(p) => (
            p.get("module")
                .and_then(|m| m.get("api_name"))
                .and_then(Value::as_str),
            p.get("id"),
        ),
        bare => (given.get("se_module").and_then(Value::as_str), Some(bare)),
    };
    let module = module
        .and_then(|name| schema.module(name))
        .ok_or_else(|| invalid("se_module"))?;
    Ok((module, id.and_then(body::id_of)))
}

/// `Note_Title` and `Note_Content`, checked as text; `Note_Content` required when `new`.
fn content(given: &Map<String, Value>, new: bool) -> Result<Map<String, Value>, Outcome> {
    let mut fields = Map::new();
    for key in ["Note_Title", "Note_Content"] {
        match given.get(key) {
            Some(Value::String(text)) => {
                fields.insert(key.into(), json!(text));
            }
            Some(Value::Null) | None => {}
            Some(_) => return Err(invalid(key)),
        }
    }
    let blank = fields
        .get("Note_Content")
        .and_then(Value::as_str)
        .is_none_or(|t| t.trim().is_empty());
    if new && blank {
        return Err(writes::mandatory_missing("Note_Content"));
    }
    Ok(fields)
}

fn invalid(api_name: &str) -> Outcome {
    Outcome::err(
        "INVALID_DATA",
        "invalid data",
        json!({ "api_name": api_name }),
    )
}

fn not_an_object() -> Outcome {
    Outcome::err(
        "INVALID_DATA",
        "invalid data",
        json!({ "expected_data_type": "jsonobject" }),
    )
}

/// `PUT /Notes` (ids in the notes) and `PUT /Notes/{id}`: new titles and contents.
pub(crate) fn update(ctx: &Ctx<'_>, path_id: Option<&str>) -> Handled {
    require(ctx, Operation::Update)?;
    let body = body::object(&ctx.req.body)?;
    let notes = body::data(&body)?;
    let notes = if path_id.is_some() {
        &notes[..1]
    } else {
        &notes[..]
    };
    let mut store = ctx.store();
    let outcomes = notes
        .iter()
        .map(|note| match update_one(&mut store, path_id, note) {
            Ok(outcome) | Err(outcome) => outcome,
        })
        .collect();
    Ok(write_answer(outcomes, StatusCode::OK))
}

fn update_one(store: &mut Store, path_id: Option<&str>, note: &Value) -> Result<Outcome, Outcome> {
    let given = note.as_object().ok_or_else(not_an_object)?;
    let raw = match path_id {
        Some(id) => json!(id),
        None => given
            .get("id")
            .cloned()
            .ok_or_else(|| writes::mandatory_missing("id"))?,
    };
    let id = body::id_of(&raw).ok_or_else(|| Outcome::invalid_id(&body::id_text(&raw)))?;
    let changes = content(given, false)?;
    let note = store
        .notes
        .get_mut(id)
        .ok_or_else(|| Outcome::invalid_id(&id.to_string()))?;
    note.fields.extend(changes);
    modification_stamp(&mut note.fields);
    Ok(Outcome::ok(
        "record updated",
        write_details(id, &note.fields),
    ))
}

/// `DELETE /Notes?ids=…` (at most 100) and `DELETE /Notes/{id}`.
pub(crate) fn delete(ctx: &Ctx<'_>, path_id: Option<&str>) -> Handled {
    require(ctx, Operation::Delete)?;
    let ids = match path_id {
        Some(id) => vec![id.to_owned()],
        None => body::comma_list(ctx.param("ids").unwrap_or("")),
    };
    if ids.is_empty() {
        return Err(answers::required_param_missing("ids"));
    }
    if ids.len() > MAX_RECORDS_PER_CALL {
        return Err(answers::limit_exceeded(MAX_RECORDS_PER_CALL, "ids"));
    }
    let mut store = ctx.store();
    let outcomes = ids
        .iter()
        .map(
            |text| match body::parse_id(text).and_then(|id| store.notes.remove(id)) {
                Some(_) => Outcome::ok("record deleted", json!({ "id": text })),
                None => Outcome::invalid_id(text),
            },
        )
        .collect();
    Ok(write_answer(outcomes, StatusCode::OK))
}
