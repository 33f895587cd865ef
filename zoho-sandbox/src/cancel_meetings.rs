//! Cancelling a meeting: `POST /Events/{event}/actions/cancel` with
//! `{"data": [{"send_cancelling_mail": true}]}`. The meeting is marked `$event_cancelled: true`,
//! which a `GET` of the record reads back.
//!
//! As Zoho documents, the answer is `data[0]`: `SUCCESS` ("The event is successfully
//! cancelled"), or `400` with `INVALID_DATA` for an id that names no meeting,
//! `MANDATORY_NOT_FOUND` without `send_cancelling_mail` (`INVALID_DATA` with
//! `expected_data_type` when it is not a boolean), and `NOT_ALLOWED` for a meeting already
//! cancelled, one without participants (Zoho cancels only meetings whose attendees were
//! invited: the sandbox takes a non-empty `Participants` as invited, since it sends no
//! invitations), and one whose `End_DateTime` has passed. The sandbox sends no mail, whatever
//! `send_cancelling_mail` says. Zoho's documentation does not say whether a cancelled meeting
//! may still be edited; the sandbox leaves its other fields writable.

use std::time::{SystemTime, UNIX_EPOCH};

use axum::http::StatusCode;
use serde_json::{json, Value};
use zoho_spec::scope::Operation;

use crate::answers::{write_answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::routes::Route;

/// The row of the action.
pub(crate) static ROUTES: &[Route] = &[Route::new("/Events/{event}/actions/cancel").post(cancel)];

/// The flag a cancelled meeting carries.
const CANCELLED: &str = "$event_cancelled";

fn cancel(ctx: &Ctx<'_>) -> Handled {
    let m = ctx.module("Events")?;
    ctx.require_module(m, Operation::Update)?;
    let body = body::object(&ctx.req.body)?;
    let first = body::data(&body)?.first().cloned().unwrap_or(Value::Null);
    let text = ctx.at("event");
    let outcome = match first.get("send_cancelling_mail") {
        None | Some(Value::Null) => Outcome::err_400(
            "MANDATORY_NOT_FOUND",
            "required field not found",
            json!({ "api_name": "send_cancelling_mail",
                    "json_path": "$.data[0].send_cancelling_mail" }),
        ),
        Some(Value::Bool(_)) => {
            let mut store = ctx.store();
            match body::parse_id(text).and_then(|id| Some((id, store.get_mut("Events", id)?))) {
                None => invalid_id(text),
                Some((id, event)) => {
                    let refusal = if event.fields.get(CANCELLED) == Some(&Value::Bool(true)) {
                        Some("The event is already cancelled")
                    } else if !has_participants(&event.fields) {
                        Some("You cannot cancel the event without inviting participants")
                    } else if has_ended(&event.fields) {
                        Some("You cannot cancel the meeting after the meeting end time")
                    } else {
                        None
                    };
                    match refusal {
                        Some(message) => Outcome::err_400(
                            "NOT_ALLOWED",
                            message,
                            json!({ "id": id.to_string() }),
                        ),
                        None => {
                            event.fields.insert(CANCELLED.into(), Value::Bool(true));
                            Outcome::ok(
                                "The event is successfully cancelled",
                                json!({ "id": id.to_string() }),
                            )
                        }
                    }
                }
            }
        }
        Some(_) => Outcome::err_400(
            "INVALID_DATA",
            "invalid data",
            json!({ "api_name": "send_cancelling_mail", "expected_data_type": "boolean",
                    "json_path": "$.data[0].send_cancelling_mail" }),
        ),
    };
    Ok(write_answer(vec![outcome], StatusCode::OK))
}

fn invalid_id(text: &str) -> Outcome {
    Outcome::err_400(
        "INVALID_DATA",
        "the id given seems to be invalid",
        json!({ "id": text }),
    )
}

fn has_participants(fields: &crate::store::Fields) -> bool {
    fields
        .get("Participants")
        .and_then(Value::as_array)
        .is_some_and(|p| !p.is_empty())
}

/// Whether the meeting's end is before now (a meeting without a readable end has not ended).
fn has_ended(fields: &crate::store::Fields) -> bool {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    fields
        .get("End_DateTime")
        .and_then(Value::as_str)
        .and_then(crate::time::parse)
        .is_some_and(|end| end < now)
}
