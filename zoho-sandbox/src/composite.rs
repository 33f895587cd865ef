//! Composite requests: `POST /__composite_requests` runs up to five sub-requests through the
//! sandbox's own dispatch, with the composite call's token, and answers each one's status,
//! body and headers.
//!
//! With `rollback_on_fail`, sub-requests run in order and the first failure (an HTTP status of
//! 400 or more, or a record the answer says failed) undoes every change the composite request
//! made: the store goes back to what it was before it, those that ran are answered
//! `ROLLBACK_PERFORMED` and those after `PROCESSING_STOPPED`. (A request of another client
//! served in between is undone too; notices already delivered stay delivered.) Without it,
//! every sub-request runs and keeps its effect. `parallel_execution` (which some of Zoho's pages
//! call `concurrent_execution`) is accepted as either name; the sandbox runs sub-requests one
//! after another in either case, which gives the same answers as running independent ones side
//! by side. References between sub-requests (`@{1:$.data[0].details.id}`) are not resolved.

use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use serde_json::{json, Map, Value};

use crate::answers::{self, Answer};
use crate::body;
use crate::ctx::{Ctx, Handled, Incoming};
use crate::dispatch;
use crate::state::lock;

/// At most this many sub-requests one composite request runs.
const MAX_SUB_REQUESTS: usize = 5;

/// `POST /__composite_requests`.
pub(crate) fn run(ctx: &Ctx<'_>) -> Handled {
    // Zoho's scope is `ZohoCRM.composite_requests.CUSTOM`, outside the scope grammar; `ALL`
    // stands for it, as the catalogue declares.
    crate::actions::require_family(
        ctx,
        "composite_requests",
        None,
        zoho_spec::scope::Operation::All,
    )?;
    let body = body::object(&ctx.req.body)?;
    let subs = body
        .get("__composite_requests")
        .and_then(Value::as_array)
        .filter(|subs| !subs.is_empty())
        .ok_or_else(|| answers::mandatory_body_key("__composite_requests"))?;
    if subs.len() > MAX_SUB_REQUESTS {
        return Err(answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "invalid data",
            json!({ "api_name": "__composite_requests", "json_path": "$.__composite_requests",
                    "maximum_length": MAX_SUB_REQUESTS }),
        ));
    }
    let requests: Vec<(Option<Value>, Incoming)> = subs
        .iter()
        .enumerate()
        .map(|(i, sub)| incoming(ctx, i, sub).map(|req| (sub.get("sub_request_id").cloned(), req)))
        .collect::<Result<_, _>>()?;
    let rollback = body
        .get("rollback_on_fail")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let answers = if rollback {
        run_or_undo(ctx, &requests)
    } else {
        requests
            .iter()
            .map(|(id, req)| ran(id, &dispatch::handle(ctx.shared, req)))
            .collect()
    };
    let all_ok = answers.iter().all(|a| {
        a["details"]["response"]["status_code"]
            .as_u64()
            .is_some_and(|s| s < 400)
    });
    let status = if all_ok {
        StatusCode::OK
    } else {
        StatusCode::MULTI_STATUS
    };
    Ok(Answer::json(
        status,
        json!({ "__composite_requests": answers }),
    ))
}

/// The sub-request `i` as a request of its own, or why it cannot be one.
fn incoming(ctx: &Ctx<'_>, i: usize, sub: &Value) -> Result<Incoming, Answer> {
    let bad = |key: &str| {
        answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "invalid data",
            json!({ "api_name": key, "json_path": format!("$.__composite_requests[{i}].{key}") }),
        )
    };
    let method = sub
        .get("method")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("method"))?;
    let method = axum::http::Method::from_bytes(method.as_bytes()).map_err(|_| bad("method"))?;
    let uri = sub
        .get("uri")
        .and_then(Value::as_str)
        .filter(|u| u.starts_with("/crm/"))
        .ok_or_else(|| bad("uri"))?;
    if uri.contains("__composite_requests") {
        return Err(answers::error(
            StatusCode::BAD_REQUEST,
            "NOT_SUPPORTED",
            "a composite request cannot hold another",
            json!({ "api_name": "uri" }),
        ));
    }
    let (path, query) = uri.split_once('?').unwrap_or((uri, ""));
    let mut pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    if let Some(params) = sub.get("params").and_then(Value::as_object) {
        pairs.extend(params.iter().map(|(k, v)| {
            (
                k.clone(),
                v.as_str().map_or_else(|| v.to_string(), str::to_owned),
            )
        }));
    }
    let headers = headers(ctx, sub.get("headers").and_then(Value::as_object))
        .ok_or_else(|| bad("headers"))?;
    let body = match sub.get("body") {
        None | Some(Value::Null) => Vec::new(),
        Some(body) => body.to_string().into_bytes(),
    };
    Ok(Incoming {
        method,
        path: path.to_owned(),
        query: pairs,
        headers,
        body: body.into(),
    })
}

/// The composite call's own headers (its token) with the sub-request's over them.
fn headers(ctx: &Ctx<'_>, given: Option<&Map<String, Value>>) -> Option<HeaderMap> {
    let mut headers = ctx.req.headers.clone();
    headers.remove(axum::http::header::CONTENT_LENGTH);
    for (name, value) in given.into_iter().flatten() {
        let name = HeaderName::from_bytes(name.as_bytes()).ok()?;
        let value = HeaderValue::from_str(value.as_str()?).ok()?;
        headers.insert(name, value);
    }
    Some(headers)
}

/// A sub-request's answer as the composite answer holds it.
fn ran(id: &Option<Value>, answer: &Answer) -> Value {
    let response = json!({
        "status_code": answer.status.as_u16(),
        "body": answer.json_body(),
        "headers": { "Content-Type": answers::JSON_CONTENT_TYPE },
    });
    let mut out = answers::success_body("success", json!({ "response": response }));
    out["sub_request_id"] = id.clone().unwrap_or(Value::Null);
    out
}

fn failed(answer: &Answer) -> bool {
    let record_failed = answer
        .json_body()
        .as_ref()
        .and_then(|b| b.get("data"))
        .and_then(Value::as_array)
        .is_some_and(|items| items.iter().any(|i| i["status"] == "error"));
    answer.status.as_u16() >= 400 || record_failed
}

/// Runs the sub-requests in order, undoing them all at the first failure.
fn run_or_undo(ctx: &Ctx<'_>, requests: &[(Option<Value>, Incoming)]) -> Vec<Value> {
    let before = lock(&ctx.shared.store).clone();
    let mut out = Vec::new();
    for (i, (id, req)) in requests.iter().enumerate() {
        let answer = dispatch::handle(ctx.shared, req);
        if !failed(&answer) {
            out.push(ran(id, &answer));
            continue;
        }
        *lock(&ctx.shared.store) = before;
        for done in out.iter_mut() {
            let id = done["sub_request_id"].clone();
            *done = answers::error_body("ROLLBACK_PERFORMED", "rollback performed", json!({}));
            done["sub_request_id"] = id;
        }
        out.push(ran(id, &answer));
        for (id, _) in &requests[i + 1..] {
            let mut stopped =
                answers::error_body("PROCESSING_STOPPED", "processing stopped", json!({}));
            stopped["sub_request_id"] = id.clone().unwrap_or(Value::Null);
            out.push(stopped);
        }
        return out;
    }
    out
}
