//! A record's timeline: `GET /{module}/{id}/__timeline`, newest first (`sort_order=asc` for
//! oldest first), a page at a time.
//!
//! The sandbox keeps a record's state, not its history, so its timeline holds what that state
//! tells: the record `added` (its `Created_Time` and `Created_By`), `updated` once if it was
//! changed since (its `Modified_Time` and `Modified_By`, without `field_history`: the values
//! before are not kept), and each of its notes `added`. Zoho's timeline also lists each update
//! with its old and new values, workflows, emails and other related records; the sandbox does
//! not invent them.

use axum::http::StatusCode;
use serde_json::{json, Value};
use zoho_spec::scope::Operation;

use crate::answers::{self, Answer};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::paging;
use crate::routes::Route;
use crate::schema::ModuleDef;
use crate::store::{display_name, Store};
use crate::time;

/// The route of timelines, before the generic related-list ones.
pub(crate) static ROUTES: &[Route] = &[Route::new("/{module}/{id}/__timeline").get(timeline)];

/// One entry, with the time and id it is sorted by.
struct Entry {
    at: i64,
    id: u64,
    body: Value,
}

/// `GET /{module}/{id}/__timeline`.
pub(crate) fn timeline(ctx: &Ctx<'_>) -> Handled {
    let module = ctx.module(ctx.at("module"))?;
    ctx.require_module(module, Operation::Read)?;
    let window = paging::window(ctx, None)?;
    let ascending = match ctx.param("sort_order") {
        None | Some("desc") => false,
        Some("asc") => true,
        Some(_) => return Err(answers::invalid_param("sort_order")),
    };
    let mut entries = {
        let store = ctx.store();
        let id = body::parse_id(ctx.at("id"))
            .filter(|id| store.get(module.api_name, *id).is_some())
            .ok_or_else(|| {
                answers::error(
                    StatusCode::BAD_REQUEST,
                    "INVALID_DATA",
                    "the id given seems to be invalid",
                    json!({ "id": ctx.at("id") }),
                )
            })?;
        entries(&store, module, id)
    };
    entries.sort_by_key(|e| (e.at, e.id));
    if !ascending {
        entries.reverse();
    }
    let total = entries.len();
    let page: Vec<Value> = entries
        .into_iter()
        .skip(window.offset)
        .take(window.per_page)
        .map(|e| e.body)
        .collect();
    if page.is_empty() {
        return Ok(Answer::no_content());
    }
    let info = json!({
        "per_page": window.per_page,
        "count": page.len(),
        "page": window.offset / window.per_page + 1,
        "more_records": window.offset + page.len() < total,
    });
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "__timeline": page, "info": info }),
    ))
}

/// What the store tells of the record `id`: its creation, its last change, its notes.
fn entries(store: &Store, module: &ModuleDef, id: u64) -> Vec<Entry> {
    let Some(record) = store.get(module.api_name, id) else {
        return Vec::new();
    };
    let field = |k: &str| record.fields.get(k).cloned().unwrap_or(Value::Null);
    let shown = json!({
        "module": { "api_name": module.api_name, "id": module.id },
        "name": display_name(module, &record.fields),
        "id": id.to_string(),
    });
    let created = field("Created_Time");
    let modified = field("Modified_Time");
    let mut out = vec![entry(
        "added",
        &created,
        field("Created_By"),
        shown.clone(),
        id,
        0,
    )];
    if seconds(&modified) > seconds(&created) {
        out.push(entry(
            "updated",
            &modified,
            field("Modified_By"),
            shown,
            id,
            1,
        ));
    }
    for (note_id, note) in store.notes.of(module.api_name, id) {
        let get = |k: &str| note.fields.get(k).cloned().unwrap_or(Value::Null);
        let related = json!({
            "module": { "api_name": "Notes" },
            "name": get("Note_Title"),
            "id": note_id.to_string(),
        });
        out.push(entry(
            "added",
            &get("Created_Time"),
            get("Created_By"),
            related,
            note_id,
            0,
        ));
    }
    out
}

fn seconds(time: &Value) -> i64 {
    time.as_str().and_then(time::parse).unwrap_or(0)
}

/// An entry; `seq` tells apart entries of one id (a record's creation and its change).
fn entry(action: &str, at: &Value, by: Value, record: Value, id: u64, seq: u64) -> Entry {
    let entry_id = id.wrapping_mul(2).wrapping_add(seq);
    Entry {
        at: seconds(at),
        id: entry_id,
        body: json!({
            "id": entry_id.to_string(),
            "action": action,
            "audited_time": at,
            "done_by": by,
            "source": "crm_api",
            "record": record,
            "field_history": Value::Null,
        }),
    }
}
