//! What is done with a record's emails besides sending them ([`crate::emails`]): sharing them
//! with colleagues (`POST /{module}/{id}/actions/share_emails`, `…/unshare_emails`, and the
//! module-level forms with `{"ids": […]}`), reading how they are shared
//! (`GET /{module}/{id}/__emails_sharing_details`), taking a record's email fields off the
//! blocked list (`POST /{module}/actions/unblock_email` with `{"ids", "unblock_fields"}`, and
//! `/{module}/{id}/actions/unblock_email` with `unblock_fields`), and associating a mail sent
//! outside the CRM with a record (`POST /{module}/{id}/actions/associate_email` with
//! `{"Emails": […]}`, found again by `GET /actions/email_available?orginal_message_id=`, as
//! Zoho spells the parameter).
//!
//! **Sharing** is kept per record, for all its emails: a record's emails are shared or not.
//! As Zoho documents, only Leads, Contacts and custom modules share emails (`NOT_SUPPORTED`
//! for others), sharing emails already shared is `ALREADY_SHARED` and unsharing emails not
//! shared `NOT_SHARED`, an id that names no record is `INVALID_DATA`, an id given twice is
//! `DUPLICATE_DATA`, at most 200 ids a call. The sandbox's one user has custom sharing on and
//! email configured, so `NOT_ALLOWED` is never answered. The sharing details list the user
//! who shared (`share_from_users`, `_type` `user`) and the types offered; Zoho's description
//! names `available_types` without its values, and the sandbox answers `["all", "custom"]`.
//!
//! **Blocking**: the sandbox sends no real mail, so an address is blocked when a mail sent
//! from a record has a recipient in the reserved domain `invalid` (`someone@mail.invalid`,
//! RFC 2606: never deliverable): that mail's status becomes `bounced`, and each email field of
//! the sending record holding that address is blocked. `unblock_email` takes the fields of
//! `unblock_fields` off the list (every email field of the module may be named, blocked or
//! not: what Zoho answers for a field that was not blocked it does not say, and the sandbox
//! answers success). A field that is not an email field of the module is `INVALID_DATA`.
//!
//! **Association**: each mail of `Emails` needs `from`, `to`, `original_message_id`, `sent`,
//! `date_time` and `linked_record` (`MANDATORY_NOT_FOUND` otherwise, in `Emails`, `400`);
//! it is kept among the record's related emails (`GET /{module}/{id}/Emails`) with a fresh
//! `message_id`, answered `201`. `email_available` says whether a mail with that original
//! message id is associated, and with which record; for one that is not, the sandbox answers
//! `{"available": false}` (Zoho's description makes `record` required, with nothing to put in
//! it).

use std::collections::{BTreeMap, BTreeSet};

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::{Operation, Requirement, Scope};

use crate::answers::{self, write_answer, Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::emails_state::Kept;
use crate::routes::Route;
use crate::schema::{FieldType, ModuleDef};
use crate::store::{patricia, Store};

/// The rows of these actions, before the generic related-list ones.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/actions/email_available").get(available),
    Route::new("/{module}/actions/share_emails").post(|c| share(c, None, true)),
    Route::new("/{module}/actions/unshare_emails").post(|c| share(c, None, false)),
    Route::new("/{module}/actions/unblock_email").post(|c| unblock(c, None)),
    Route::new("/{module}/{id}/actions/share_emails").post(|c| share(c, Some(c.at("id")), true)),
    Route::new("/{module}/{id}/actions/unshare_emails").post(|c| share(c, Some(c.at("id")), false)),
    Route::new("/{module}/{id}/actions/unblock_email").post(|c| unblock(c, Some(c.at("id")))),
    Route::new("/{module}/{id}/actions/associate_email").post(associate),
    Route::new("/{module}/{id}/__emails_sharing_details").get(sharing_details),
];

/// At most this many ids a module-level share or unshare.
const MAX_IDS: usize = 200;

/// How a record's emails are shared and which of its email fields are blocked.
#[derive(Debug, Clone, Default)]
pub(crate) struct EmailActions {
    shared: BTreeSet<(&'static str, u64)>,
    blocked: BTreeMap<(&'static str, u64), BTreeSet<String>>,
}

impl EmailActions {
    /// The blocked email fields of a record.
    pub(crate) fn blocked(&self, module: &str, record: u64) -> Vec<String> {
        self.blocked
            .iter()
            .find(|((m, r), _)| *m == module && *r == record)
            .map(|(_, fields)| fields.iter().cloned().collect())
            .unwrap_or_default()
    }
}

/// Whether mail to this address bounces in the sandbox: its domain is under `invalid`.
fn bounces(address: &str) -> bool {
    address
        .rsplit_once('@')
        .is_some_and(|(_, domain)| domain.to_ascii_lowercase().ends_with(".invalid"))
}

/// After a mail is sent from a record: when a recipient bounces, the mail is marked `bounced`
/// and the record's email fields holding that address are blocked.
pub(crate) fn after_send(
    store: &mut Store,
    module: &'static str,
    record: u64,
    mail: &mut Map<String, Value>,
) {
    let recipients: Vec<String> = ["to", "cc", "bcc"]
        .iter()
        .filter_map(|key| mail.get(*key).and_then(Value::as_array))
        .flatten()
        .filter_map(|r| r.get("email").and_then(Value::as_str))
        .filter(|a| bounces(a))
        .map(str::to_ascii_lowercase)
        .collect();
    if recipients.is_empty() {
        return;
    }
    mail.insert(
        "status".into(),
        json!([{ "type": "bounced", "bounced_time": mail.get("sent_time") }]),
    );
    let Some(m) = store.schema().module(module) else {
        return;
    };
    let fields: Vec<&'static str> = email_fields(m).collect();
    let Some(stored) = store.get(module, record) else {
        return;
    };
    let hit: Vec<String> = fields
        .into_iter()
        .filter(|f| {
            stored
                .fields
                .get(*f)
                .and_then(Value::as_str)
                .is_some_and(|v| recipients.contains(&v.to_ascii_lowercase()))
        })
        .map(String::from)
        .collect();
    if !hit.is_empty() {
        let entry = store
            .email_actions
            .blocked
            .entry((module, record))
            .or_default();
        entry.extend(hit);
    }
}

fn email_fields(m: &ModuleDef) -> impl Iterator<Item = &'static str> + '_ {
    m.fields()
        .filter(|f| matches!(f.kind, FieldType::Email))
        .map(|f| f.api_name)
}

fn module_of<'c>(ctx: &'c Ctx<'_>, op: Operation) -> Result<&'c ModuleDef, Answer> {
    let m = ctx.module(ctx.at("module"))?;
    ctx.require_module(m, op)?;
    Ok(m)
}

fn existing(store: &Store, m: &ModuleDef, text: &str) -> Option<u64> {
    body::parse_id(text).filter(|id| store.get(m.api_name, *id).is_some())
}

/// Share (`on`) or unshare the emails of the record `one`, or of the body's `ids`.
fn share(ctx: &Ctx<'_>, one: Option<&str>, on: bool) -> Handled {
    let m = module_of(ctx, Operation::Create)?;
    if !(m.custom || ["Leads", "Contacts"].contains(&m.api_name)) {
        return Err(answers::error(
            StatusCode::BAD_REQUEST,
            "NOT_SUPPORTED",
            "the given module is not supported in api",
            json!({ "resource_path_index": 0 }),
        ));
    }
    let ids: Vec<Value> = match one {
        // The body of a one-record call is ignored, as Zoho documents.
        Some(id) => vec![Value::from(id)],
        None => {
            let body = body::object(&ctx.req.body)?;
            let ids = body
                .get("ids")
                .and_then(Value::as_array)
                .filter(|ids| !ids.is_empty())
                .ok_or_else(|| answers::mandatory_body_key("ids"))?;
            if ids.len() > MAX_IDS {
                return Err(answers::limit_exceeded(MAX_IDS, "ids"));
            }
            ids.clone()
        }
    };
    let mut store = ctx.store();
    let mut seen = BTreeSet::new();
    let mut outcomes = Vec::with_capacity(ids.len());
    for raw in &ids {
        let text = body::id_text(raw);
        let outcome = match existing(&store, m, &text) {
            None if one.is_some() => {
                return Err(answers::error(
                    StatusCode::BAD_REQUEST,
                    "INVALID_DATA",
                    "the related id given seems to be invalid",
                    json!({ "resource_path_index": 1 }),
                ))
            }
            None => Outcome::invalid_id(&text),
            Some(id) if !seen.insert(id) => Outcome::err(
                "DUPLICATE_DATA",
                "Duplicate Data",
                json!({ "id": id.to_string() }),
            ),
            Some(id) => {
                let key = (m.api_name, id);
                let details = json!({ "id": id.to_string() });
                let shared = &mut store.email_actions.shared;
                match (on, shared.contains(&key)) {
                    (true, true) => Outcome::err(
                        "ALREADY_SHARED",
                        "Emails are already shared to the colleagues already",
                        details,
                    ),
                    (false, false) => Outcome::err(
                        "NOT_SHARED",
                        "Emails are not  shared to the colleagues already",
                        details,
                    ),
                    (true, false) => {
                        shared.insert(key);
                        Outcome::ok("Successfully shared", details)
                    }
                    (false, true) => {
                        shared.remove(&key);
                        Outcome::ok("Sharing revoked successfully", details)
                    }
                }
            }
        };
        outcomes.push(outcome);
    }
    Ok(write_answer(outcomes, StatusCode::OK))
}

/// `GET /{module}/{id}/__emails_sharing_details`.
fn sharing_details(ctx: &Ctx<'_>) -> Handled {
    let m = module_of(ctx, Operation::Read)?;
    let store = ctx.store();
    let text = ctx.at("id");
    let id = existing(&store, m, text).ok_or_else(|| {
        answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "the id given seems to be invalid",
            json!({ "id": text }),
        )
    })?;
    let from: Vec<Value> = match store.email_actions.shared.contains(&(m.api_name, id)) {
        true => {
            let mut user = patricia();
            user["_type"] = json!("user");
            vec![user]
        }
        false => Vec::new(),
    };
    let details = json!({ "share_from_users": from, "available_types": ["all", "custom"] });
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "__emails_sharing_details": [details] }),
    ))
}

/// `unblock_email`: the fields of `unblock_fields` unblocked on each record.
fn unblock(ctx: &Ctx<'_>, one: Option<&str>) -> Handled {
    let m = module_of(ctx, Operation::Update)?;
    let body = body::object(&ctx.req.body)?;
    let fields: Vec<&str> = body
        .get("unblock_fields")
        .and_then(Value::as_array)
        .filter(|f| !f.is_empty())
        .ok_or_else(|| answers::mandatory_body_key("unblock_fields"))?
        .iter()
        .map(|f| f.as_str().unwrap_or(""))
        .collect();
    let known: Vec<&str> = email_fields(m).collect();
    if let Some(bad) = fields.iter().find(|f| !known.contains(f)) {
        return Err(answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "invalid data",
            json!({ "api_name": "unblock_fields", "json_path": "$.unblock_fields", "value": bad }),
        ));
    }
    let ids: Vec<Value> = match one {
        Some(id) => vec![Value::from(id)],
        None => body
            .get("ids")
            .and_then(Value::as_array)
            .filter(|ids| !ids.is_empty())
            .ok_or_else(|| answers::mandatory_body_key("ids"))?
            .clone(),
    };
    if ids.len() > MAX_IDS {
        return Err(answers::limit_exceeded(MAX_IDS, "ids"));
    }
    let mut store = ctx.store();
    let outcomes = ids
        .iter()
        .map(|raw| {
            let text = body::id_text(raw);
            match existing(&store, m, &text) {
                None => Outcome::invalid_id(&text),
                Some(id) => {
                    let key = (m.api_name, id);
                    if let Some(blocked) = store.email_actions.blocked.get_mut(&key) {
                        blocked.retain(|f| !fields.contains(&f.as_str()));
                        if blocked.is_empty() {
                            store.email_actions.blocked.remove(&key);
                        }
                    }
                    Outcome::ok(
                        "Email unblocked successfully",
                        json!({ "id": id.to_string() }),
                    )
                }
            }
        })
        .collect();
    Ok(write_answer(outcomes, StatusCode::OK))
}

/// The keys every associated mail needs.
const ASSOCIATE_NEEDS: &[&str] = &[
    "from",
    "to",
    "original_message_id",
    "sent",
    "date_time",
    "linked_record",
];

/// `POST /{module}/{id}/actions/associate_email`.
fn associate(ctx: &Ctx<'_>) -> Handled {
    let m = module_of(ctx, Operation::Create)?;
    let mut store = ctx.store();
    let text = ctx.at("id");
    let record = existing(&store, m, text).ok_or_else(|| {
        answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "the id given seems to be invalid",
            json!({ "id": text }),
        )
    })?;
    let body = body::object(&ctx.req.body)?;
    let mails = body
        .get("Emails")
        .and_then(Value::as_array)
        .filter(|e| !e.is_empty())
        .ok_or_else(|| answers::mandatory_body_key("Emails"))?;
    let mut checked = Vec::with_capacity(mails.len());
    for (i, mail) in mails.iter().enumerate() {
        let given = mail.as_object().cloned().unwrap_or_default();
        if let Some(missing) = ASSOCIATE_NEEDS
            .iter()
            .find(|k| given.get(**k).is_none_or(Value::is_null))
        {
            let error = answers::error_body(
                "MANDATORY_NOT_FOUND",
                "required field not found",
                json!({ "api_name": missing, "json_path": format!("$.Emails[{i}].{missing}") }),
            );
            return Ok(Answer::json(
                StatusCode::BAD_REQUEST,
                json!({ "Emails": [error] }),
            ));
        }
        if !given["sent"].is_boolean() {
            let error = answers::error_body(
                "INVALID_DATA",
                "invalid data",
                json!({ "expected_data_type": "boolean", "api_name": "sent" }),
            );
            return Ok(Answer::json(
                StatusCode::BAD_REQUEST,
                json!({ "Emails": [error] }),
            ));
        }
        checked.push(given);
    }
    let answers: Vec<Value> = checked
        .into_iter()
        .map(|mut fields| {
            let id = store.rng.hex(32);
            fields.insert("message_id".into(), json!(id));
            fields.insert("sent_time".into(), fields["date_time"].clone());
            fields.insert("time".into(), fields["date_time"].clone());
            fields.insert("owner".into(), patricia());
            let kind = if fields["sent"] == true {
                "sent"
            } else {
                "received"
            };
            fields.insert("status".into(), json!([{ "type": kind }]));
            fields.insert("associated".into(), json!(true));
            store.emails.sent.push(Kept {
                module: m.api_name,
                record,
                fields,
            });
            answers::success_body("Email associated successfully", json!({ "message_id": id }))
        })
        .collect();
    Ok(Answer::json(
        StatusCode::CREATED,
        json!({ "Emails": answers }),
    ))
}

/// `GET /actions/email_available?orginal_message_id=…`.
fn available(ctx: &Ctx<'_>) -> Handled {
    let need = Requirement::one(Scope::crm(&["modules", "emails"], Operation::Read));
    ctx.require(&need)?;
    let wanted = ctx
        .param("orginal_message_id")
        .ok_or_else(|| answers::required_param_missing("orginal_message_id"))?;
    let store = ctx.store();
    let found = store.emails.sent.iter().rev().find(|k| {
        k.fields.get("associated") == Some(&json!(true))
            && k.fields.get("original_message_id").and_then(Value::as_str) == Some(wanted)
    });
    let answer = match found {
        None => json!({ "available": false }),
        Some(kept) => {
            let module = store
                .schema()
                .module(kept.module)
                .map(|m| json!({ "api_name": m.api_name, "id": m.id }))
                .unwrap_or(Value::Null);
            let linked = kept
                .fields
                .get("linked_record")
                .cloned()
                .unwrap_or(Value::Null);
            json!({
                "available": true,
                "record": { "module": module, "id": kept.record.to_string(), "linked_record": linked },
                "linked_record": linked,
            })
        }
    };
    Ok(Answer::json(StatusCode::OK, answer))
}
