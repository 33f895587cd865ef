//! A record's emails: `POST /{module}/{id}/actions/send_mail` keeps the mail and lists it under
//! the record's related emails (`GET /{module}/{id}/Emails[/{message_id}]`, newest first); email
//! drafts are kept, listed, changed and deleted under `/{module}/{id}/__email_drafts[/{draft}]`.
//!
//! No mail leaves the sandbox; one to an address under the reserved domain `invalid` bounces
//! (see [`crate::email_actions`]). A mail needs `from`, `to` (at least one address), `subject` and
//! `content`; addresses must hold an `@`. Not known from Zoho's documentation, and so chosen
//! here: drafts answer their outcomes under `__email_drafts` with the messages `draft saved`,
//! `draft updated` and `draft deleted`; a draft needs only to be an object; the scopes of drafts
//! and related emails are taken as `ZohoCRM.modules.emails.{operation}` (or the record's module
//! scope); `type`, `index` and `owner_id` of the related emails are not applied (every mail the
//! sandbox keeps is one sent from the CRM by the one user).

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::{Operation, Requirement, Scope};

use crate::answers::{self, write_answer, Answer, Outcome};
use crate::body;
use crate::ctx::{module_scope, Ctx, Handled};
use crate::emails_state::Kept;
use crate::routes::Route;
use crate::schema::ModuleDef;
use crate::store::{patricia, Store};
use crate::tags::keyed_answer;
use crate::time;

/// The routes of emails, before the generic related-list ones.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/{module}/{id}/actions/send_mail").post(send_mail),
    Route::new("/{module}/{id}/Emails").get(|c| related(c, None)),
    Route::new("/{module}/{id}/Emails/{message}").get(|c| related(c, Some(c.at("message")))),
    Route::new("/{module}/{id}/__email_drafts")
        .get(|c| drafts(c, None))
        .post(create_drafts)
        .put(|c| update_drafts(c, None)),
    Route::new("/{module}/{id}/__email_drafts/{draft}")
        .get(|c| drafts(c, Some(c.at("draft"))))
        .put(|c| update_drafts(c, Some(c.at("draft"))))
        .delete(delete_draft),
];

const DRAFTS: &str = "__email_drafts";

/// The module and record of the path, the record required to exist, after the scope check.
fn record_of<'c>(ctx: &'c Ctx<'_>, need: Requirement) -> Result<(&'c ModuleDef, u64), Answer> {
    let module = ctx.module(ctx.at("module"))?;
    ctx.require(&need)?;
    let text = ctx.at("id");
    body::parse_id(text)
        .filter(|id| ctx.store().get(module.api_name, *id).is_some())
        .map(|id| (module, id))
        .ok_or_else(|| {
            answers::error(
                StatusCode::BAD_REQUEST,
                "INVALID_DATA",
                "the id given seems to be invalid",
                json!({ "id": text }),
            )
        })
}

fn emails_scope(ctx: &Ctx<'_>, op: Operation) -> Result<Requirement, Answer> {
    let module = ctx.module(ctx.at("module"))?;
    Ok(Requirement::one(Scope::crm(&["modules", "emails"], op)).or(module_scope(module, op)))
}

/// `POST /{module}/{id}/actions/send_mail`: each mail checked, kept, and answered with its id.
pub(crate) fn send_mail(ctx: &Ctx<'_>) -> Handled {
    let module = ctx.module(ctx.at("module"))?;
    let need = Requirement::one(Scope::crm(&["send_mail", "all"], Operation::Create)).or(
        Scope::crm(&["send_mail", &module.scope_name()], Operation::Create),
    );
    let (module, record) = record_of(ctx, need)?;
    let body = body::object(&ctx.req.body)?;
    let mails = body::data(&body)?;
    let mut store = ctx.store();
    let outcomes = mails
        .iter()
        .map(|mail| match checked_mail(mail) {
            Ok(fields) => {
                let id = keep_mail(&mut store, module.api_name, record, fields);
                Outcome::ok(
                    "Your mail has been sent successfully.",
                    json!({ "message_id": id }),
                )
            }
            Err(outcome) => outcome,
        })
        .collect();
    Ok(write_answer(outcomes, StatusCode::OK))
}

/// The fields of a mail, or why it cannot be sent.
fn checked_mail(mail: &Value) -> Result<Map<String, Value>, Outcome> {
    let given = mail.as_object().ok_or_else(|| invalid("data"))?;
    for key in ["from", "to", "subject", "content"] {
        if given.get(key).is_none_or(Value::is_null) {
            return Err(crate::writes::mandatory_missing(key));
        }
    }
    if !is_address(&given["from"]) {
        return Err(invalid("from"));
    }
    for key in ["to", "cc", "bcc"] {
        match given.get(key) {
            None | Some(Value::Null) if key != "to" => {}
            Some(Value::Array(all)) if !all.is_empty() && all.iter().all(is_address) => {}
            _ => return Err(invalid(key)),
        }
    }
    Ok(given.clone())
}

fn is_address(value: &Value) -> bool {
    value
        .get("email")
        .and_then(Value::as_str)
        .is_some_and(|e| e.contains('@'))
}

fn invalid(api_name: &str) -> Outcome {
    Outcome::err(
        "INVALID_DATA",
        "invalid data",
        json!({ "api_name": api_name }),
    )
}

fn keep_mail(
    store: &mut Store,
    module: &'static str,
    record: u64,
    mut fields: Map<String, Value>,
) -> String {
    let id = store.rng.hex(32);
    let now = time::now();
    fields.insert("message_id".into(), json!(id));
    fields.insert("sent".into(), json!(true));
    fields.insert("sent_time".into(), json!(now));
    fields.insert("time".into(), json!(now));
    fields.insert("owner".into(), patricia());
    fields.insert("status".into(), json!([{ "type": "sent" }]));
    crate::email_actions::after_send(store, module, record, &mut fields);
    store.emails.sent.push(Kept {
        module,
        record,
        fields,
    });
    id
}

/// `GET /{module}/{id}/Emails[/{message_id}]`: the mail sent from the record, `204` when none.
pub(crate) fn related(ctx: &Ctx<'_>, message: Option<&str>) -> Handled {
    let (module, record) = record_of(ctx, emails_scope(ctx, Operation::Read)?)?;
    let store = ctx.store();
    let list: Vec<Value> = store
        .emails
        .sent_from(module.api_name, record)
        .filter(|m| message.is_none_or(|id| m.fields["message_id"] == id))
        .map(|m| shown(&m.fields, message.is_some()))
        .collect();
    if list.is_empty() {
        return Ok(Answer::no_content());
    }
    let info = json!({ "count": list.len(), "per_page": 200, "next_index": null, "prev_index": null, "more_records": false });
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "email_related_list": list, "info": info }),
    ))
}

/// A mail as its record lists it: a `summary` of its content; the content itself when read alone.
fn shown(fields: &Map<String, Value>, with_content: bool) -> Value {
    let mut out = fields.clone();
    let content = fields.get("content").and_then(Value::as_str).unwrap_or("");
    out.insert(
        "summary".into(),
        json!(content.chars().take(100).collect::<String>()),
    );
    if !with_content {
        out.remove("content");
    }
    Value::Object(out)
}

/// `GET /{module}/{id}/__email_drafts[/{draft}]`: `204` when there are none.
pub(crate) fn drafts(ctx: &Ctx<'_>, one: Option<&str>) -> Handled {
    let (module, record) = record_of(ctx, emails_scope(ctx, Operation::Read)?)?;
    let one = one.map(|text| body::parse_id(text).unwrap_or(0));
    let store = ctx.store();
    let list: Vec<Value> = store
        .emails
        .drafts_of(module.api_name, record)
        .filter(|(id, _)| one.is_none_or(|one| one == *id))
        .map(|(id, d)| {
            let mut out = d.fields.clone();
            out.insert("id".into(), json!(id.to_string()));
            Value::Object(out)
        })
        .collect();
    if list.is_empty() {
        return Ok(Answer::no_content());
    }
    Ok(Answer::json(StatusCode::OK, json!({ DRAFTS: list })))
}

fn drafts_of(body: &Map<String, Value>) -> Result<&Vec<Value>, Answer> {
    match body.get(DRAFTS) {
        Some(Value::Array(items)) if !items.is_empty() => Ok(items),
        _ => Err(answers::mandatory_body_key(DRAFTS)),
    }
}

/// `POST /{module}/{id}/__email_drafts`.
pub(crate) fn create_drafts(ctx: &Ctx<'_>) -> Handled {
    let (module, record) = record_of(ctx, emails_scope(ctx, Operation::Create)?)?;
    let body = body::object(&ctx.req.body)?;
    let mut store = ctx.store();
    let outcomes = drafts_of(&body)?
        .iter()
        .map(|draft| match draft.as_object() {
            Some(given) => {
                let id = store.new_id();
                let mut fields = given.clone();
                fields.remove("id");
                fields.insert("modified_time".into(), json!(time::now()));
                store.emails.drafts.insert(
                    id,
                    Kept {
                        module: module.api_name,
                        record,
                        fields,
                    },
                );
                Outcome::ok("draft saved", json!({ "id": id.to_string() }))
            }
            None => invalid(DRAFTS),
        })
        .collect();
    Ok(keyed_answer(outcomes, StatusCode::CREATED, DRAFTS))
}

/// `PUT /{module}/{id}/__email_drafts` (ids in the drafts) and `…/{draft}`.
pub(crate) fn update_drafts(ctx: &Ctx<'_>, path_id: Option<&str>) -> Handled {
    let (module, record) = record_of(ctx, emails_scope(ctx, Operation::Update)?)?;
    let body = body::object(&ctx.req.body)?;
    let drafts = drafts_of(&body)?;
    let drafts = if path_id.is_some() {
        &drafts[..1]
    } else {
        &drafts[..]
    };
    let mut store = ctx.store();
    let outcomes = drafts
        .iter()
        .map(|draft| {
            let raw = match path_id {
                Some(id) => json!(id),
                None => draft.get("id").cloned().unwrap_or(Value::Null),
            };
            let found = body::id_of(&raw).and_then(|id| {
                let kept = store.emails.drafts.get_mut(&id)?;
                (kept.module == module.api_name && kept.record == record).then_some((id, kept))
            });
            match (found, draft.as_object()) {
                (Some((id, kept)), Some(given)) => {
                    kept.fields.extend(
                        given
                            .iter()
                            .filter(|(k, _)| *k != "id")
                            .map(|(k, v)| (k.clone(), v.clone())),
                    );
                    kept.fields
                        .insert("modified_time".into(), json!(time::now()));
                    Outcome::ok("draft updated", json!({ "id": id.to_string() }))
                }
                _ => Outcome::invalid_id(&body::id_text(&raw)),
            }
        })
        .collect();
    Ok(keyed_answer(outcomes, StatusCode::OK, DRAFTS))
}

/// `DELETE /{module}/{id}/__email_drafts/{draft}`.
pub(crate) fn delete_draft(ctx: &Ctx<'_>) -> Handled {
    let (module, record) = record_of(ctx, emails_scope(ctx, Operation::Delete)?)?;
    let text = ctx.at("draft");
    let mut store = ctx.store();
    let mine = body::parse_id(text).filter(|id| {
        store
            .emails
            .drafts
            .get(id)
            .is_some_and(|d| d.module == module.api_name && d.record == record)
    });
    let outcome = match mine.and_then(|id| store.emails.drafts.remove(&id)) {
        Some(_) => Outcome::ok("draft deleted", json!({ "id": text })),
        None => Outcome::invalid_id(text),
    };
    Ok(keyed_answer(vec![outcome], StatusCode::OK, DRAFTS))
}
