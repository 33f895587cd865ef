//! `POST /coql`: the query in `{"select_query": "…"}` parsed for COQL's grammar
//! ([`parser`]), its names checked against the module, and run over the store ([`eval`]).
//!
//! The answer is `{"data": […], "info": {"count", "more_records"}}`, or `204 No Content` when
//! nothing matches. Each row has the selected columns and the record's `id`.

mod error;
mod eval;
mod lexer;
mod parser;

use axum::http::StatusCode;
use serde_json::{json, Value};
use zoho_spec::scope::Operation;
use zoho_spec::{shape, Method};

use crate::answers::{self, Answer};
use crate::body;
use crate::ctx::{Ctx, Handled};

/// Answers a COQL query.
pub(crate) fn query(ctx: &Ctx<'_>) -> Handled {
    if let Some(need) = shape::requirement(Method::Post, &["coql"], false) {
        ctx.require(&need)?;
    }
    let body = body::object(&ctx.req.body)?;
    let text = body
        .get("select_query")
        .and_then(Value::as_str)
        .ok_or_else(|| answers::mandatory_body_key("select_query"))?;
    let q = parser::parse(text).map_err(error::CoqlError::answer)?;
    let m = ctx
        .schema
        .module(&q.module)
        .ok_or_else(|| error::CoqlError::invalid_module(&q.module).answer())?;
    ctx.require_module(m, Operation::Read)?;
    eval::check_columns(m, &q).map_err(error::CoqlError::answer)?;
    let (rows, more) = eval::run(&ctx.store(), m, &q);
    if rows.is_empty() {
        return Ok(Answer::no_content());
    }
    let info = json!({ "count": rows.len(), "more_records": more });
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "data": rows, "info": info }),
    ))
}

/// Whether a query parses (for the fuzz target and property tests): the query's module, or
/// the error code.
pub fn check(query: &str) -> Result<String, &'static str> {
    parser::parse(query).map(|q| q.module).map_err(|e| e.code)
}
