//! What the organisation and people areas share: bodies and answers keyed by the resource
//! (`{"roles": […]}` rather than `{"data": […]}`), ids written as strings, integers or
//! `{"id": …}`, per-item errors, scope checks and paged lists.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::limits::MAX_RECORDS_PER_CALL;
use zoho_spec::scope::{Operation, Requirement, Scope};

use crate::answers::{self, write_answer, Answer, Outcome};
use crate::body;
use crate::ctx::Ctx;
use crate::paging;

/// Checks `ZohoCRM.<family…>.<op>`.
pub(crate) fn need(ctx: &Ctx<'_>, family: &[&str], op: Operation) -> Result<(), Answer> {
    ctx.require(&Requirement::one(Scope::crm(family, op)))
}

/// The request body's list under `key`: present, not empty, at most 100 items.
pub(crate) fn items(ctx: &Ctx<'_>, key: &str) -> Result<Vec<Value>, Answer> {
    let mut body = body::object(&ctx.req.body)?;
    match body.remove(key) {
        Some(Value::Array(items)) if items.len() > MAX_RECORDS_PER_CALL => {
            Err(answers::limit_exceeded(MAX_RECORDS_PER_CALL, key))
        }
        Some(Value::Array(items)) if !items.is_empty() => Ok(items),
        Some(Value::Object(one)) => Ok(vec![Value::Object(one)]),
        _ => Err(answers::mandatory_body_key(key)),
    }
}

/// The per-item outcomes under `key`, with the status [`write_answer`] gives them.
pub(crate) fn answer(key: &str, outcomes: Vec<Outcome>, success: StatusCode) -> Answer {
    let mut answer = write_answer(outcomes, success);
    if let Some(Value::Object(body)) = &mut answer.body {
        let items = body.remove("data").unwrap_or(Value::Array(Vec::new()));
        body.insert(key.to_owned(), items);
    }
    answer
}

/// One outcome under `key`, as an object rather than a list (`{"base_currency": {…}}`).
pub(crate) fn answer_one(key: &str, outcome: Outcome) -> Answer {
    let mut answer = self::answer(key, vec![outcome], StatusCode::OK);
    if let Some(Value::Object(body)) = &mut answer.body {
        if let Some(Value::Array(mut items)) = body.remove(key) {
            body.insert(key.to_owned(), items.pop().unwrap_or(Value::Null));
        }
    }
    answer
}

/// An id given as a string, an integer or `{"id": …}`.
pub(crate) fn id_in(value: Option<&Value>) -> Option<u64> {
    match value? {
        Value::Object(map) => body::id_of(map.get("id")?),
        other => body::id_of(other),
    }
}

/// The id in the path capture `name`, or `INVALID_DATA` for one that is not an id.
pub(crate) fn path_id(ctx: &Ctx<'_>, name: &str) -> Result<u64, Answer> {
    let text = ctx.at(name);
    body::parse_id(text).ok_or_else(|| {
        answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "the id given seems to be invalid",
            json!({ "id": text }),
        )
    })
}

/// The ids of the `ids` query parameter (`REQUIRED_PARAM_MISSING` without it).
pub(crate) fn ids_param(ctx: &Ctx<'_>, name: &str) -> Result<Vec<u64>, Answer> {
    let text = ctx
        .param(name)
        .ok_or_else(|| answers::required_param_missing(name))?;
    let ids = body::comma_list(text);
    ids.iter()
        .map(|id| body::parse_id(id).ok_or_else(|| answers::invalid_param(name)))
        .collect()
}

/// The ids of an optional list parameter.
pub(crate) fn optional_ids(ctx: &Ctx<'_>, name: &str) -> Result<Option<Vec<u64>>, Answer> {
    match ctx.param(name) {
        None => Ok(None),
        Some(_) => ids_param(ctx, name).map(Some),
    }
}

/// A request-level `INVALID_DATA` naming the unknown resource `id`.
pub(crate) fn unknown(id: u64) -> Answer {
    answers::error(
        StatusCode::BAD_REQUEST,
        "INVALID_DATA",
        "the id given seems to be invalid",
        json!({ "id": id.to_string() }),
    )
}

/// A text key of an item.
pub(crate) fn text<'a>(item: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    item.get(key).and_then(Value::as_str).map(str::trim)
}

/// A text key that must be there and not blank.
pub(crate) fn required_text<'a>(
    item: &'a Map<String, Value>,
    key: &str,
) -> Result<&'a str, Outcome> {
    text(item, key)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| mandatory(key))
}

/// A boolean key, if given; `INVALID_DATA` for another type.
pub(crate) fn flag(item: &Map<String, Value>, key: &str) -> Result<Option<bool>, Outcome> {
    match item.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(invalid(key)),
    }
}

/// An item as an object, or `INVALID_DATA`.
pub(crate) fn object(item: &Value) -> Result<&Map<String, Value>, Outcome> {
    item.as_object().ok_or_else(|| {
        Outcome::err_400(
            "INVALID_DATA",
            "invalid data",
            json!({ "expected_data_type": "jsonobject" }),
        )
    })
}

/// `MANDATORY_NOT_FOUND` for a key the item lacks.
pub(crate) fn mandatory(api_name: &str) -> Outcome {
    Outcome::err_400(
        "MANDATORY_NOT_FOUND",
        "required field not found",
        json!({ "api_name": api_name }),
    )
}

/// `INVALID_DATA` for a key whose value cannot be used.
pub(crate) fn invalid(api_name: &str) -> Outcome {
    Outcome::err_400(
        "INVALID_DATA",
        "invalid data",
        json!({ "api_name": api_name }),
    )
}

/// `INVALID_DATA` for an id that names nothing.
pub(crate) fn invalid_id(id: &str) -> Outcome {
    Outcome::err_400(
        "INVALID_DATA",
        "the id given seems to be invalid",
        json!({ "id": id }),
    )
}

/// `DUPLICATE_DATA` for a value another item holds.
pub(crate) fn duplicate(api_name: &str, other: u64) -> Outcome {
    Outcome::err_400(
        "DUPLICATE_DATA",
        "duplicate data",
        json!({ "api_name": api_name, "id": other.to_string() }),
    )
}

/// A success naming the item written.
pub(crate) fn done(message: &str, id: u64) -> Outcome {
    Outcome::ok(message, json!({ "id": id.to_string() }))
}

/// The item's id, which an update needs: the path's when there is one, else the item's own.
pub(crate) fn item_id(item: &Map<String, Value>, path: Option<u64>) -> Result<u64, Outcome> {
    if let Some(id) = path {
        return Ok(id);
    }
    match item.get("id") {
        None | Some(Value::Null) => Err(mandatory("id")),
        Some(v) => body::id_of(v).ok_or_else(|| invalid_id(&body::id_text(v))),
    }
}

/// One outcome per item of a keyed write, in order: each must be an object, and `apply`'s
/// refusal of one is that item's outcome, not the call's.
pub(crate) fn each(
    items: &[Value],
    mut apply: impl FnMut(&Map<String, Value>) -> Result<Outcome, Outcome>,
) -> Vec<Outcome> {
    items
        .iter()
        .map(|item| object(item).and_then(&mut apply))
        .map(|outcome| outcome.unwrap_or_else(|refusal| refusal))
        .collect()
}

/// [`each`] for the items of an update, given with the id each names ([`item_id`]: the path's
/// when there is one, else the item's own).
pub(crate) fn each_by_id(
    items: &[Value],
    path: Option<u64>,
    mut apply: impl FnMut(u64, &Map<String, Value>) -> Result<Outcome, Outcome>,
) -> Vec<Outcome> {
    each(items, |item| apply(item_id(item, path)?, item))
}

/// A page of `rows` under `key`, as `page` and `per_page` ask; `204` when there are none.
pub(crate) fn page(ctx: &Ctx<'_>, key: &str, rows: Vec<Value>) -> Result<Answer, Answer> {
    let window = paging::window(ctx, None)?;
    let total = rows.len();
    let shown: Vec<Value> = rows
        .into_iter()
        .skip(window.offset)
        .take(window.per_page)
        .collect();
    if shown.is_empty() {
        return Ok(Answer::no_content());
    }
    let info = json!({
        "per_page": window.per_page,
        "count": shown.len(),
        "page": window.offset / window.per_page.max(1) + 1,
        "more_records": window.offset + shown.len() < total,
    });
    Ok(Answer::json(
        StatusCode::OK,
        answers::object([(key, Value::Array(shown)), ("info", info)]),
    ))
}

/// `{key: rows}`, or `204` when there are none.
pub(crate) fn listed(key: &str, rows: Vec<Value>) -> Answer {
    if rows.is_empty() {
        return Answer::no_content();
    }
    Answer::json(StatusCode::OK, answers::object([(key, Value::Array(rows))]))
}
