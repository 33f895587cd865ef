//! The recycle bin: `GET`/`DELETE /settings/recycle_bin` and `…/{id}`.
//!
//! Every record a delete removes (`DELETE /{module}`, mass delete, a merge's merged records)
//! goes to the bin, with when and by whom; it is listed (`filters` on the `module`, `ids`,
//! `sort_by` `deleted_time` or `display_name`, `page`, `per_page`), read by id, and deleted for
//! good. [`restore`] puts a record back where it was, with its id and fields, as Zoho's
//! web client's restore does (v8 has no API call for it).

use std::collections::BTreeMap;

use axum::http::StatusCode;
use serde_json::{json, Value};
use zoho_spec::scope::Operation;

use crate::answers::{self, Answer};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::schema::Schema;
use crate::store::{display_name, patricia, Record, Store};
use crate::time;

/// A deleted record.
#[derive(Debug, Clone)]
struct Entry {
    module: &'static str,
    record: Record,
    deleted_time: String,
}

/// The deleted records, by id.
#[derive(Debug, Clone, Default)]
pub(crate) struct RecycleBin {
    entries: BTreeMap<u64, Entry>,
}

/// Puts a record a delete removed into the bin.
pub(crate) fn deleted(store: &mut Store, module: &'static str, id: u64, record: Record) {
    let entry = Entry {
        module,
        record,
        deleted_time: time::now(),
    };
    store.recycle_bin.entries.insert(id, entry);
}

/// Puts the record `id` back into its module; false when the bin does not hold it.
pub(crate) fn restore(store: &mut Store, id: u64) -> bool {
    match store.recycle_bin.entries.remove(&id) {
        Some(entry) => {
            store.put(entry.module, id, entry.record);
            true
        }
        None => false,
    }
}

fn render(schema: &Schema, id: u64, entry: &Entry) -> Value {
    let m = schema.module(entry.module);
    let name = m.map_or(Value::Null, |m| display_name(m, &entry.record.fields));
    let owner = entry
        .record
        .fields
        .get("Owner")
        .cloned()
        .unwrap_or(Value::Null);
    json!({
        "display_name": name,
        "deleted_time": entry.deleted_time,
        "owner": owner,
        "module": { "api_name": entry.module, "id": m.map(|m| m.id) },
        "deleted_by": patricia(),
        "id": id.to_string(),
    })
}

fn require(ctx: &Ctx<'_>, op: Operation) -> Result<(), Answer> {
    crate::actions::require_family(ctx, "settings", None, op).or_else(|_| {
        let scope = zoho_spec::scope::Scope::crm(&["settings", "recycle_bin"], op);
        ctx.require(&zoho_spec::scope::Requirement::one(scope))
    })
}

/// The module a `filters` criterion names: `{"comparator":"equal","field":{"api_name":"module"},"value":"Leads"}`.
fn module_filter(ctx: &Ctx<'_>) -> Result<Option<String>, Answer> {
    let Some(text) = ctx.param("filters") else {
        return Ok(None);
    };
    let filter: Value =
        serde_json::from_str(text).map_err(|_| answers::invalid_param("filters"))?;
    let field = filter["field"]["api_name"].as_str();
    match (
        filter["comparator"].as_str(),
        field,
        filter["value"].as_str(),
    ) {
        (Some("equal"), Some("module"), Some(module)) => Ok(Some(module.to_owned())),
        _ => Err(answers::invalid_param("filters")),
    }
}

/// `GET /settings/recycle_bin[/{id}]`.
pub(crate) fn list(ctx: &Ctx<'_>, one: Option<&str>) -> Handled {
    require(ctx, Operation::Read)?;
    let module = module_filter(ctx)?;
    let ids: Option<Vec<u64>> = match one.or(ctx.param("ids")) {
        Some(text) => Some(ids_of(text)?),
        None => None,
    };
    let store = ctx.store();
    let mut rows: Vec<(u64, &Entry)> = store
        .recycle_bin
        .entries
        .iter()
        .map(|(id, e)| (*id, e))
        .filter(|(id, e)| {
            ids.as_ref().is_none_or(|ids| ids.contains(id))
                && module
                    .as_ref()
                    .is_none_or(|m| m.eq_ignore_ascii_case(e.module))
        })
        .collect();
    if one.is_some() && rows.is_empty() {
        return Err(crate::actions::invalid_data(json!({ "id": one })));
    }
    sort(ctx, &mut rows)?;
    page(
        ctx,
        rows.iter()
            .map(|(id, e)| render(&ctx.schema, *id, e))
            .collect(),
    )
}

fn ids_of(text: &str) -> Result<Vec<u64>, Answer> {
    body::comma_list(text)
        .iter()
        .map(|id| body::parse_id(id).ok_or_else(|| answers::invalid_param("ids")))
        .collect()
}

fn sort(ctx: &Ctx<'_>, rows: &mut [(u64, &Entry)]) -> Result<(), Answer> {
    match ctx.param("sort_by").unwrap_or("deleted_time") {
        "deleted_time" => {
            rows.sort_by(|a, b| a.1.deleted_time.cmp(&b.1.deleted_time).then(a.0.cmp(&b.0)))
        }
        "display_name" => {
            rows.sort_by_key(|(id, e)| render(&ctx.schema, *id, e)["display_name"].to_string())
        }
        _ => return Err(answers::invalid_param("sort_by")),
    }
    match ctx.param("sort_order").unwrap_or("desc") {
        "desc" => rows.reverse(),
        "asc" => {}
        _ => return Err(answers::invalid_param("sort_order")),
    }
    Ok(())
}

fn page(ctx: &Ctx<'_>, rows: Vec<Value>) -> Handled {
    let number = |name: &str, default: usize| -> Result<usize, Answer> {
        ctx.param(name).map_or(Ok(default), |v| {
            v.parse()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| answers::invalid_param(name))
        })
    };
    let (page, per_page) = (number("page", 1)?, number("per_page", 200)?.min(200));
    let shown: Vec<Value> = rows
        .iter()
        .skip((page - 1) * per_page)
        .take(per_page)
        .cloned()
        .collect();
    if shown.is_empty() {
        return Ok(Answer::no_content());
    }
    let more = rows.len() > page * per_page;
    let info =
        json!({ "per_page": per_page, "count": shown.len(), "page": page, "more_records": more });
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "recycle_bin": shown, "info": info }),
    ))
}

/// `DELETE /settings/recycle_bin[/{id}]`: deletes for good.
pub(crate) fn purge(ctx: &Ctx<'_>, one: Option<&str>) -> Handled {
    require(ctx, Operation::Delete)?;
    let text = one
        .or(ctx.param("ids"))
        .ok_or_else(|| answers::required_param_missing("ids"))?;
    let ids = body::comma_list(text);
    let mut store = ctx.store();
    let mut oks = 0;
    let acks: Vec<Value> = ids
        .iter()
        .map(|text| {
            match body::parse_id(text).and_then(|id| store.recycle_bin.entries.remove(&id)) {
                Some(_) => {
                    oks += 1;
                    answers::success_body("record deleted permanently", json!({ "id": text }))
                }
                None => answers::error_body(
                    "INVALID_DATA",
                    "the id given seems to be invalid",
                    json!({ "id": text }),
                ),
            }
        })
        .collect();
    let status = match oks {
        0 => StatusCode::BAD_REQUEST,
        n if n == acks.len() => StatusCode::OK,
        _ => StatusCode::MULTI_STATUS,
    };
    Ok(Answer::json(status, json!({ "recycle_bin": acks })))
}
