//! `/__admin/…`: the journal, faults, record states, and minting credentials over HTTP, for
//! tests in other processes and for the binary's users.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{Method, StatusCode};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::answers::{self, Answer};
use crate::body;
use crate::faults::{FaultState, Faults};
use crate::state::{lock, Shared};
use crate::store::RecordState;

fn bad_request(message: String) -> Answer {
    Answer::json(StatusCode::BAD_REQUEST, json!({ "error": message }))
}

fn ok() -> Answer {
    Answer::json(StatusCode::OK, json!({ "status": "success" }))
}

fn parse<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, Answer> {
    serde_json::from_slice(bytes).map_err(|e| bad_request(e.to_string()))
}

/// `GET` lists the journal as `{"entries": […]}`; `DELETE` clears it.
pub(crate) async fn journal(State(shared): State<Arc<Shared>>, method: Method) -> Answer {
    match method {
        Method::GET => {
            let entries: Vec<Value> = lock(&shared.journal).iter().map(|e| e.to_json()).collect();
            Answer::json(StatusCode::OK, json!({ "entries": entries }))
        }
        Method::DELETE => {
            lock(&shared.journal).clear();
            ok()
        }
        _ => answers::invalid_method(),
    }
}

/// `GET` shows the fault configuration; `POST` replaces it (a [`Faults`] as JSON); `DELETE`
/// removes every fault.
pub(crate) async fn faults(
    State(shared): State<Arc<Shared>>,
    method: Method,
    body: Bytes,
) -> Answer {
    let result = match method {
        Method::GET => Ok(Answer::json(
            StatusCode::OK,
            json!(lock(&shared.faults).config().clone()),
        )),
        Method::POST => parse::<Faults>(&body).map(|config| {
            *lock(&shared.faults) = FaultState::new(config);
            ok()
        }),
        Method::DELETE => {
            *lock(&shared.faults) = FaultState::new(Faults::default());
            Ok(ok())
        }
        _ => Err(answers::invalid_method()),
    };
    result.unwrap_or_else(|answer| answer)
}

#[derive(Deserialize)]
struct StateChange {
    module: String,
    id: Value,
    state: RecordState,
}

/// `POST {"module": "Leads", "id": "…", "state": "locked" | "not_approved" | "normal"}`.
pub(crate) async fn record_state(
    State(shared): State<Arc<Shared>>,
    method: Method,
    body: Bytes,
) -> Answer {
    if method != Method::POST {
        return answers::invalid_method();
    }
    let change = match parse::<StateChange>(&body) {
        Ok(change) => change,
        Err(answer) => return answer,
    };
    let id = body::id_of(&change.id);
    let mut store = lock(&shared.store);
    let module = store.schema().module(&change.module).map(|m| m.api_name);
    match module.zip(id).and_then(|(m, id)| store.get_mut(m, id)) {
        Some(record) => {
            record.state = change.state;
            ok()
        }
        None => Answer::json(StatusCode::NOT_FOUND, json!({ "error": "no such record" })),
    }
}

#[derive(Deserialize)]
struct TokenRequest {
    scopes: Vec<String>,
    #[serde(default = "an_hour")]
    ttl_secs: u64,
    #[serde(default)]
    oauth_client: bool,
}

fn an_hour() -> u64 {
    3600
}

/// `POST {"scopes": […], "ttl_secs": 3600}` mints an access token; with `"oauth_client": true`
/// it registers an OAuth client instead and answers its credentials.
pub(crate) async fn tokens(
    State(shared): State<Arc<Shared>>,
    method: Method,
    body: Bytes,
) -> Answer {
    if method != Method::POST {
        return answers::invalid_method();
    }
    let request = match parse::<TokenRequest>(&body) {
        Ok(request) => request,
        Err(answer) => return answer,
    };
    let scopes: Vec<&str> = request.scopes.iter().map(String::as_str).collect();
    let mut auth = lock(&shared.auth);
    if request.oauth_client {
        let c = auth.register_client(&scopes);
        return Answer::json(
            StatusCode::OK,
            json!({ "client_id": c.client_id, "client_secret": c.client_secret, "refresh_token": c.refresh_token }),
        );
    }
    let token = auth.issue(&scopes, Duration::from_secs(request.ttl_secs));
    Answer::json(StatusCode::OK, json!({ "access_token": token }))
}
