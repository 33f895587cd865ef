//! The records API: list, get, insert, update, delete, upsert and count.

use std::cmp::Ordering;

use axum::http::StatusCode;
use serde_json::{json, Map, Value};

use crate::answers::{self, write_answer, Answer, Outcome, OutcomeWriter};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::external;
use crate::paging::{self, Sort};
use crate::schema::ModuleDef;
use crate::state::lock;
use crate::store::{render, FieldSet, Record, Stamp};
use crate::{recycle, search, time, writes};
use zoho_spec::limits::MAX_RECORDS_PER_CALL;
use zoho_spec::{ApiVersion, Operation};

/// Field names a `fields` parameter may list at once.
const MAX_FIELDS: usize = 50;

/// `GET /{module}`: a page of records.
pub(crate) fn list(ctx: &Ctx<'_>, module: &str) -> Handled {
    let m = ctx.module(module)?;
    ctx.require_shape(m)?;
    let ids = ids_param(ctx)?;
    let fields = fields_param(ctx, ids.is_none())?;
    let cursor = paging::cursor(ctx, m.api_name)?;
    let sort = match &cursor {
        Some(c) => Sort {
            by: c.sort_by.clone(),
            descending: c.descending,
        },
        None => sort_param(ctx)?,
    };
    let window = paging::window(ctx, cursor.as_ref())?;
    let since = modified_since(ctx)?;
    // Only the page asked for is rendered: a walk of 100,000 records renders each once.
    let (total, page) = {
        let store = ctx.store();
        let mut rows: Vec<(u64, &Record)> = store
            .records(m.api_name)
            .filter(|(id, _)| ids.as_ref().is_none_or(|ids| ids.contains(id)))
            .filter(|(_, r)| since.is_none_or(|since| modified_after(r, since)))
            .collect();
        rows.sort_by(|a, b| compare(a, b, &sort));
        let page: Vec<Value> = rows
            .iter()
            .skip(window.offset)
            .take(window.per_page)
            .map(|(id, r)| render(*id, r, fields.as_deref()))
            .collect();
        (rows.len(), page)
    };
    if since.is_some() && total == 0 {
        return Ok(Answer::not_modified());
    }
    Ok(paging::answer_page(
        ctx,
        total,
        page,
        window,
        &sort,
        Some(m.api_name),
    ))
}

/// The `If-Modified-Since` header as seconds since the epoch.
fn modified_since(ctx: &Ctx<'_>) -> Result<Option<i64>, Answer> {
    let Some(value) = ctx.req.headers.get("if-modified-since") else {
        return Ok(None);
    };
    let invalid = || {
        answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "invalid data",
            json!({ "header_name": "If-Modified-Since" }),
        )
    };
    let text = value.to_str().map_err(|_| invalid())?;
    time::parse(text).map(Some).ok_or_else(invalid)
}

fn modified_after(record: &Record, since: i64) -> bool {
    let modified = record.fields.get("Modified_Time").and_then(Value::as_str);
    modified.and_then(time::parse).is_some_and(|t| t > since)
}

/// `ids=1,2,3`: at most 100 ids; ids that are not numbers are skipped.
fn ids_param(ctx: &Ctx<'_>) -> Result<Option<Vec<u64>>, Answer> {
    let Some(text) = ctx.param("ids") else {
        return Ok(None);
    };
    let ids = body::comma_list(text);
    if ids.len() > MAX_RECORDS_PER_CALL {
        return Err(answers::limit_exceeded(MAX_RECORDS_PER_CALL, "ids"));
    }
    Ok(Some(ids.iter().filter_map(|s| body::parse_id(s)).collect()))
}

/// `fields=Last_Name,Email`; from v3 on, mandatory when listing a whole module.
fn fields_param(ctx: &Ctx<'_>, listing_all: bool) -> Result<Option<Vec<String>>, Answer> {
    match ctx.param("fields") {
        None if listing_all && ctx.version >= ApiVersion::V3 => {
            Err(answers::required_param_missing("fields"))
        }
        None => Ok(None),
        Some(text) => {
            let names = body::comma_list(text);
            if names.len() > MAX_FIELDS {
                return Err(answers::limit_exceeded(MAX_FIELDS, "fields"));
            }
            Ok(Some(names))
        }
    }
}

/// `sort_by` (`id`, `Created_Time`, `Modified_Time`) and `sort_order` (default `desc`).
fn sort_param(ctx: &Ctx<'_>) -> Result<Sort, Answer> {
    let by = ctx.param("sort_by").unwrap_or("id");
    if !["id", "Created_Time", "Modified_Time"].contains(&by) {
        return Err(answers::invalid_param("sort_by"));
    }
    let descending = match ctx.param("sort_order") {
        None | Some("desc") => true,
        Some("asc") => false,
        Some(_) => return Err(answers::invalid_param("sort_order")),
    };
    Ok(Sort {
        by: by.to_string(),
        descending,
    })
}

fn compare(a: &(u64, &Record), b: &(u64, &Record), sort: &Sort) -> Ordering {
    let key = |(_, r): &(u64, &Record)| -> String {
        r.fields
            .get(sort.by.as_str())
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    // Ties fall back to the id so that pages never overlap.
    let order = match sort.by.as_str() {
        "id" => a.0.cmp(&b.0),
        _ => key(a).cmp(&key(b)).then(a.0.cmp(&b.0)),
    };
    if sort.descending {
        order.reverse()
    } else {
        order
    }
}

/// `GET /{module}/{id}`: one record, `204` when there is none.
pub(crate) fn get(ctx: &Ctx<'_>, module: &str, id: &str) -> Handled {
    let m = ctx.module(module)?;
    ctx.require_shape(m)?;
    let ext = external::parse(&ctx.schema, &ctx.req.headers)?;
    let fields = fields_param(ctx, false)?;
    let store = ctx.store();
    let found = ext.resolve(&store, m, id).and_then(|id| {
        store
            .get(m.api_name, id)
            .map(|r| render(id, r, fields.as_deref()))
    });
    Ok(match found {
        Some(record) => Answer::data(StatusCode::OK, vec![record]),
        None => Answer::no_content(),
    })
}

/// `POST /{module}`: inserts up to 100 records; `201` when all were added.
pub(crate) fn insert(ctx: &Ctx<'_>, module: &str) -> Handled {
    let m = ctx.module(module)?;
    ctx.require_shape(m)?;
    // Read straight from the body's bytes, as an update is; one time for every record.
    let records = body::write_items(&ctx.req.body)?;
    let stamp = Stamp::now();
    let mut store = ctx.store();
    let mut out = OutcomeWriter::new(records.len());
    for record in records {
        let added = match record {
            body::Item::Record(given) => writes::insert_given(&mut store, m, given, &stamp),
            body::Item::NotObject => Err(writes::not_an_object()),
        };
        // Each success is written into the answer from the record stored.
        match added.map(|id| (id, store.get(m.api_name, id))) {
            Ok((id, Some(record))) => out.success("record added", id, &record.fields),
            Ok((id, None)) => out.push(Outcome::invalid_id(&id.to_string())),
            Err(outcome) => out.push(outcome),
        }
    }
    Ok(out.finish(StatusCode::CREATED))
}

/// `PUT /{module}` (ids in the records) and `PUT /{module}/{id}`.
pub(crate) fn update(ctx: &Ctx<'_>, module: &str, path_id: Option<&str>) -> Handled {
    let m = ctx.module(module)?;
    ctx.require_shape(m)?;
    let mut records = body::write_items(&ctx.req.body)?;
    let ext = external::parse(&ctx.schema, &ctx.req.headers)?;
    // With the id in the path, only the first record is read, as at Zoho.
    if path_id.is_some() {
        records.truncate(1);
    }
    // One time and author for every record of the call.
    let stamp = Stamp::now();
    let mut store = ctx.store();
    let mut out = OutcomeWriter::new(records.len());
    for record in records {
        let body::Item::Record(given) = record else {
            out.push(writes::mandatory_missing("id"));
            continue;
        };
        let target = match path_id {
            Some(seg) => ext
                .resolve(&store, m, seg)
                .ok_or_else(|| Outcome::invalid_id(seg)),
            None => record_target(&store, m, &ext, &given),
        };
        // The records are the body's own, moved into the store rather than copied, and each
        // success is written into the answer from the record stored.
        let written = target.and_then(|id| {
            writes::update_given(&mut store, m, id, given, &stamp, |id, fields| {
                out.success("record updated", id, fields)
            })
        });
        if let Err(outcome) = written {
            out.push(outcome);
        }
    }
    Ok(out.finish(StatusCode::OK))
}

/// The record a body record names: by `id`, or by its external field under `X-EXTERNAL`.
fn record_target(
    store: &crate::store::Store,
    m: &ModuleDef,
    ext: &external::External,
    given: &body::Given<'_>,
) -> Result<u64, Outcome> {
    if let Some(field) = ext.field_for(m) {
        let value = given
            .value(field.api_name)
            .ok_or_else(|| writes::mandatory_missing(field.api_name))?;
        return store
            .find_by_ref(m.api_name, field.api_name, value, None)
            .ok_or_else(|| {
                Outcome::err(
                    "INVALID_DATA",
                    "the id given seems to be invalid",
                    json!({ field.api_name: value.to_value() }),
                )
            });
    }
    let raw = given
        .value("id")
        .ok_or_else(|| writes::mandatory_missing("id"))?;
    raw.as_id()
        .filter(|id| store.get(m.api_name, *id).is_some())
        .ok_or_else(|| Outcome::invalid_id(&body::id_text(&raw.to_value())))
}

/// `DELETE /{module}?ids=…` and `DELETE /{module}/{id}`.
pub(crate) fn delete(ctx: &Ctx<'_>, module: &str, path_id: Option<&str>) -> Handled {
    let m = ctx.module(module)?;
    ctx.require_shape(m)?;
    let ids = match path_id {
        Some(id) => vec![id.to_string()],
        None => body::comma_list(ctx.param("ids").unwrap_or("")),
    };
    if ids.is_empty() {
        return Err(answers::required_param_missing("ids"));
    }
    if ids.len() > MAX_RECORDS_PER_CALL {
        return Err(answers::limit_exceeded(MAX_RECORDS_PER_CALL, "ids"));
    }
    let ext = external::parse(&ctx.schema, &ctx.req.headers)?;
    let mut store = ctx.store();
    let mut bin = lock(&ctx.shared.recycle);
    let outcomes = ids
        .iter()
        .map(|text| match ext.resolve(&store, m, text) {
            Some(id) => {
                let before = store.get(m.api_name, id).cloned();
                let outcome = writes::delete(&mut store, m, id);
                if let (true, Some(record)) = (outcome.is_ok(), before) {
                    bin.put(m.api_name, id, &record);
                }
                outcome
            }
            None => Outcome::invalid_id(text),
        })
        .collect();
    Ok(write_answer(outcomes, StatusCode::OK))
}

/// `POST /{module}/upsert`: updates the record a duplicate-check field finds, else inserts.
pub(crate) fn upsert(ctx: &Ctx<'_>, module: &str) -> Handled {
    let m = ctx.module(module)?;
    // What zoho_spec says an upsert needs (`CREATE`; Zoho's page also takes `ALL` and `WRITE`).
    ctx.require_shape(m)?;
    let body = body::object(&ctx.req.body)?;
    let records = body::data(&body)?;
    let checks = duplicate_check_fields(m, &body);
    let mut store = ctx.store();
    let mut outcomes = Vec::new();
    for record in records {
        let found = existing(&store, m, &checks, record);
        let mut outcome = match (&found, record.as_object()) {
            (Some((_, id)), Some(given)) => writes::update(&mut store, m, *id, given),
            _ => writes::insert(&mut store, m, record),
        };
        if outcome.is_ok() {
            let action = if found.is_some() { "update" } else { "insert" };
            outcome.body["action"] = json!(action);
            outcome.body["duplicate_field"] = json!(found.map(|(f, _)| f));
        }
        outcomes.push(outcome);
    }
    Ok(write_answer(outcomes, StatusCode::OK))
}

/// The record an upsert updates: the first duplicate-check field whose value another record holds.
fn existing(
    store: &crate::store::Store,
    m: &ModuleDef,
    checks: &[String],
    record: &Value,
) -> Option<(String, u64)> {
    let given = record.as_object()?;
    checks.iter().find_map(|field| {
        let value = given.get(field).filter(|v| !v.is_null())?;
        Some((
            field.clone(),
            store.find_by(m.api_name, field, value, None)?,
        ))
    })
}

/// The fields an upsert matches on: `duplicate_check_fields`, else the module's unique fields.
fn duplicate_check_fields(m: &ModuleDef, body: &Map<String, Value>) -> Vec<String> {
    match body.get("duplicate_check_fields").and_then(Value::as_array) {
        Some(names) => names
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        None => m
            .fields()
            .filter(|f| f.unique)
            .map(|f| f.api_name.to_string())
            .collect(),
    }
}

/// `GET` (and `POST`) `/{module}/actions/count`: every record, or those `criteria`,
/// `email`, `phone` or `word` find, as a search would. Zoho's description gives the `POST` the
/// same query parameters and no body; what Zoho does with a body sent anyway it does not say,
/// and the sandbox reads none.
pub(crate) fn count(ctx: &Ctx<'_>, module: &str) -> Handled {
    let m = ctx.module(module)?;
    // `POST` is not a shape zoho_spec lists; both methods read.
    ctx.require_module(m, Operation::Read)?;
    let filter = search::optional_filter(ctx, m)?;
    let store = ctx.store();
    let count = store
        .records(m.api_name)
        .filter(|(_, r)| filter.as_ref().is_none_or(|f| f(&r.fields)))
        .count();
    Ok(Answer::json(StatusCode::OK, json!({ "count": count })))
}

/// `GET /{module}/actions/fetch_full_data?ids=…&fields=…` and
/// `GET /{module}/{id}/actions/fetch_full_data?fields=…`: the fields asked for, of each record
/// that exists; `204` when none does. (The sandbox never cuts rich text short, so the full
/// value is the stored one.)
pub(crate) fn fetch_full_data(ctx: &Ctx<'_>, module: &str, path_id: Option<&str>) -> Handled {
    let m = ctx.module(module)?;
    ctx.require_module(m, Operation::Read)?;
    let ids: Vec<u64> = match path_id {
        Some(id) => body::parse_id(id).into_iter().collect(),
        None => ids_param(ctx)?.ok_or_else(|| answers::required_param_missing("ids"))?,
    };
    let fields =
        fields_param(ctx, false)?.ok_or_else(|| answers::required_param_missing("fields"))?;
    let store = ctx.store();
    let items = ids
        .iter()
        .filter_map(|id| {
            store
                .get(m.api_name, *id)
                .map(|r| render(*id, r, Some(&fields)))
        })
        .collect();
    Ok(recycle::data_or_empty(items))
}

/// `POST /{module}/{id}/actions/clone`: a new record with the original's values and the
/// overrides of `data[0]`, if given.
pub(crate) fn clone_record(ctx: &Ctx<'_>, module: &str, id: &str) -> Handled {
    let m = ctx.module(module)?;
    ctx.require_module(m, Operation::Create)?;
    let overrides = match ctx.req.body.is_empty() {
        true => Map::new(),
        false => {
            let body = body::object(&ctx.req.body)?;
            let first = body
                .get("data")
                .and_then(Value::as_array)
                .and_then(|d| d.first());
            first
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default()
        }
    };
    let mut store = ctx.store();
    let Some(original) = body::parse_id(id).and_then(|id| store.get(m.api_name, id)) else {
        return Ok(write_answer(vec![Outcome::invalid_id(id)], StatusCode::OK));
    };
    let mut copy: Map<String, Value> = original
        .fields
        .iter()
        .filter(|(k, _)| !is_system_field(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    copy.extend(overrides);
    let mut outcome = writes::insert(&mut store, m, &Value::Object(copy));
    if outcome.is_ok() {
        outcome.body["message"] = json!("record cloned");
    }
    Ok(write_answer(vec![outcome], StatusCode::CREATED))
}

/// Fields a copy does not take from its original: its identity and the write stamps.
fn is_system_field(name: &str) -> bool {
    name.starts_with('$')
        || [
            "id",
            "Created_Time",
            "Modified_Time",
            "Created_By",
            "Modified_By",
            "Last_Activity_Time",
        ]
        .contains(&name)
}
