//! Pages of a listing: `page`, `per_page`, `page_token`, and the `info` object Zoho returns.

use std::time::{Duration, Instant, SystemTime};

use axum::http::StatusCode;
use serde_json::{json, Value};

use zoho_spec::limits::{MAX_PAGE_RECORDS, MAX_PER_PAGE};
use zoho_spec::ApiVersion;

use crate::answers::{self, Answer};
use crate::ctx::Ctx;
use crate::store::Cursor;
use crate::time;

/// How long a `page_token` stays usable.
const TOKEN_LIFETIME: Duration = Duration::from_secs(86_400);

/// Which slice of the sorted records to answer.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Window {
    pub offset: usize,
    pub per_page: usize,
}

/// The order a listing is sorted in.
#[derive(Debug, Clone)]
pub(crate) struct Sort {
    pub by: String,
    pub descending: bool,
}

/// Reads `per_page` and `page` (or starts at a cursor's offset).
pub(crate) fn window(ctx: &Ctx<'_>, cursor: Option<&Cursor>) -> Result<Window, Answer> {
    let per_page = per_page(ctx)?;
    if let Some(cursor) = cursor {
        return Ok(Window {
            offset: cursor.offset,
            per_page,
        });
    }
    let page = match ctx.param("page") {
        None => 1,
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| answers::invalid_param("page"))?,
    };
    let offset = (page - 1).saturating_mul(per_page);
    if offset >= MAX_PAGE_RECORDS {
        return Err(answers::error(
            StatusCode::BAD_REQUEST,
            "DISCRETE_PAGINATION_LIMIT_EXCEEDED",
            "The limit of discrete pagination has been exceeded. Use page_token to fetch more records",
            json!({ "limit": MAX_PAGE_RECORDS }),
        ));
    }
    Ok(Window { offset, per_page })
}

/// `per_page`: 1 to 200, default 200.
fn per_page(ctx: &Ctx<'_>) -> Result<usize, Answer> {
    match ctx.param("per_page") {
        None => Ok(MAX_PER_PAGE),
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=MAX_PER_PAGE).contains(n))
            .ok_or_else(|| answers::invalid_param("per_page")),
    }
}

/// The cursor a `page_token` names, or the error for a token that is unknown or expired.
pub(crate) fn cursor(ctx: &Ctx<'_>, module: &str) -> Result<Option<Cursor>, Answer> {
    let Some(token) = ctx.param("page_token") else {
        return Ok(None);
    };
    let store = ctx.store();
    match store.cursors.get(token) {
        Some(c) if c.module == module && c.expires > Instant::now() => Ok(Some(c.clone())),
        Some(c) if c.module == module => Err(answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "the page token given has expired",
            json!({ "param_name": "page_token" }),
        )),
        _ => Err(answers::invalid_param("page_token")),
    }
}

/// Answers one page of `rows` (already sorted); a page past the end is `204 No Content`.
///
/// With `module`, a `next_page_token` is issued when more records follow.
pub(crate) fn answer(
    ctx: &Ctx<'_>,
    rows: Vec<Value>,
    window: Window,
    sort: &Sort,
    module: Option<&'static str>,
) -> Answer {
    let total = rows.len();
    let page = rows
        .into_iter()
        .skip(window.offset)
        .take(window.per_page)
        .collect();
    answer_page(ctx, total, page, window, sort, module)
}

/// Answers `page`, the window's slice of `total` sorted records (rendered by the caller, so a
/// large listing renders only the records it answers).
pub(crate) fn answer_page(
    ctx: &Ctx<'_>,
    total: usize,
    page: Vec<Value>,
    window: Window,
    sort: &Sort,
    module: Option<&'static str>,
) -> Answer {
    if window.offset >= total {
        return Answer::no_content();
    }
    let end = (window.offset + window.per_page).min(total);
    let more = end < total;
    let mut info = json!({
        "per_page": window.per_page,
        "count": page.len(),
        "page": window.offset / window.per_page + 1,
        "more_records": more,
    });
    if ctx.version >= ApiVersion::V3 {
        let (token, expiry) = match module.filter(|_| more) {
            Some(m) => issue_token(ctx, m, end, sort),
            None => (Value::Null, Value::Null),
        };
        info["sort_by"] = json!(sort.by);
        info["sort_order"] = json!(if sort.descending { "desc" } else { "asc" });
        info["next_page_token"] = token;
        info["previous_page_token"] = Value::Null;
        info["page_token_expiry"] = expiry;
    }
    Answer::json(StatusCode::OK, json!({ "data": page, "info": info }))
}

fn issue_token(ctx: &Ctx<'_>, module: &'static str, offset: usize, sort: &Sort) -> (Value, Value) {
    let mut store = ctx.store();
    let token = store.rng.hex(48);
    let expiry_text = time::zoho_time(SystemTime::now() + TOKEN_LIFETIME);
    let cursor = Cursor {
        module,
        offset,
        sort_by: sort.by.clone(),
        descending: sort.descending,
        expires: Instant::now() + TOKEN_LIFETIME,
    };
    store.cursors.insert(token.clone(), cursor);
    (json!(token), json!(expiry_text))
}

/// Makes every cursor expired (for [`crate::Sandbox::expire_page_tokens`]).
pub(crate) fn expire_all(store: &mut crate::store::Store) -> usize {
    let now = Instant::now();
    for cursor in store.cursors.values_mut() {
        cursor.expires = now;
    }
    store.cursors.len()
}
