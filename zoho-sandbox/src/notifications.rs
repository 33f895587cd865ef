//! Notifications: channels registered with `POST /actions/watch`, listed (`GET`), changed
//! (`PUT`), disabled event by event (`PATCH` with `_delete_events`) and removed (`DELETE
//! ?channel_ids=`), and the notices they deliver.
//!
//! After each write is applied (insert, update, delete, and the writes of mass actions,
//! conversions, merges and blueprints), every channel whose events name the module and the
//! operation (`Leads.create`, `Leads.edit`, `Leads.delete`, or `Leads.all`) and that has not
//! expired gets a notice, POSTed as JSON to its `notify_url` by a background task:
//!
//! ```json
//! {"server_time": 1733097600000, "query_params": {"a": "1"}, "module": "Leads",
//!  "resource_uri": "http://127.0.0.1:…/crm/v8/Leads", "ids": ["…"], "affected_fields": [],
//!  "operation": "insert", "channel_id": 1000000068001, "token": "…"}
//! ```
//!
//! `query_params` are those of the `notify_url`; `affected_fields` lists, for an update of a
//! channel with `return_affected_field_values`, `{"<id>": ["Field", …]}`. Zoho sends one notice
//! for all the records of one call; the sandbox sends one per record written. Only `http`
//! URLs on loopback (`127.0.0.1`, `localhost`, `[::1]`) are delivered to, and a failed delivery
//! is not retried. `channel_expiry` defaults to an hour ahead and must be in the future.

use std::time::{SystemTime, UNIX_EPOCH};

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::Operation;

use crate::actions::require_family;
use crate::answers::{self, Answer};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::schema::Schema;
use crate::store::Store;
use crate::time;

/// What a write did, as a notice's `operation` and a channel's event name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Insert,
    Update,
    Delete,
}

impl Op {
    fn event(self) -> &'static str {
        match self {
            Op::Insert => "create",
            Op::Update => "edit",
            Op::Delete => "delete",
        }
    }

    fn word(self) -> &'static str {
        match self {
            Op::Insert => "insert",
            Op::Update => "update",
            Op::Delete => "delete",
        }
    }
}

/// A registered channel.
#[derive(Debug, Clone)]
struct Channel {
    channel_id: Value,
    events: Vec<String>,
    notify_url: String,
    token: Option<String>,
    expiry: i64,
    affected_fields: bool,
    related: bool,
    api_domain: String,
}

/// Every channel.
#[derive(Debug, Clone, Default)]
pub(crate) struct Channels {
    list: Vec<Channel>,
}

/// Whether any channel is subscribed at all: when none is, a write need not note the fields
/// it changed.
pub(crate) fn listening(store: &Store) -> bool {
    !store.notifications.list.is_empty()
}

fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn same_id(a: &Value, b: &Value) -> bool {
    body::id_text(a) == body::id_text(b)
}

/// Notes a write applied to `module`'s record `id`: a notice for every channel that watches it.
pub(crate) fn written(store: &Store, module: &str, id: u64, op: Op, changed: &[&str]) {
    let now = now_secs();
    for channel in store.notifications.list.iter().filter(|c| c.expiry > now) {
        let event_of = |e: &String| {
            e.split_once('.').is_some_and(|(m, what)| {
                m.eq_ignore_ascii_case(module) && (what == "all" || what == op.event())
            })
        };
        if !channel.events.iter().any(event_of) {
            continue;
        }
        let notice = notice(channel, module, id, op, changed);
        deliver(channel.notify_url.clone(), notice);
    }
}

fn notice(channel: &Channel, module: &str, id: u64, op: Op, changed: &[&str]) -> Value {
    let affected = if channel.affected_fields && op == Op::Update {
        json!([{ id.to_string(): changed }])
    } else {
        json!([])
    };
    let millis = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64);
    json!({
        "server_time": millis,
        "query_params": query_params(&channel.notify_url),
        "module": module,
        "resource_uri": format!("{}/crm/v8/{module}", channel.api_domain),
        "ids": [id.to_string()],
        "affected_fields": affected,
        "operation": op.word(),
        "channel_id": channel.channel_id,
        "token": channel.token,
    })
}

fn query_params(url: &str) -> Value {
    let query = url.split_once('?').map_or("", |(_, q)| q);
    let params: Map<String, Value> = form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), Value::from(v.into_owned())))
        .collect();
    Value::Object(params)
}

/// POSTs the notice from a background task, when the URL is `http` on loopback and a runtime
/// runs (a write made outside one, through the [`Sandbox`](crate::Sandbox) handle, notifies no one).
pub(crate) fn deliver(url: String, notice: Value) {
    let Some((host, path)) = loopback(&url) else {
        return;
    };
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        runtime.spawn(async move {
            let _ = post(&host, &path, &notice.to_string()).await;
        });
    }
}

/// `("127.0.0.1:8080", "/hook?a=1")` of `http://127.0.0.1:8080/hook?a=1`.
fn loopback(url: &str) -> Option<(String, String)> {
    let rest = url.strip_prefix("http://")?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let name = host.rsplit_once(':').map_or(host, |(name, _)| name);
    let local = matches!(name, "127.0.0.1" | "localhost" | "[::1]");
    let path = if path.is_empty() { "/" } else { path };
    local.then(|| (host.to_owned(), path.to_owned()))
}

async fn post(host: &str, path: &str, body: &str) -> std::io::Result<()> {
    let addr = host.replace("localhost", "127.0.0.1");
    let stream = tokio::net::TcpStream::connect(addr).await?;
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    write_all(&stream, request.as_bytes()).await?;
    // The answer is read (and dropped) so that the receiver is not cut off mid-answer.
    let _ = tokio::time::timeout(std::time::Duration::from_secs(10), drain(&stream)).await;
    Ok(())
}

async fn write_all(stream: &tokio::net::TcpStream, mut bytes: &[u8]) -> std::io::Result<()> {
    while !bytes.is_empty() {
        stream.writable().await?;
        match stream.try_write(bytes) {
            Ok(n) => bytes = &bytes[n..],
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

async fn drain(stream: &tokio::net::TcpStream) -> std::io::Result<()> {
    let mut buf = [0u8; 1024];
    loop {
        stream.readable().await?;
        match stream.try_read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(e) => return Err(e),
        }
    }
}

fn render(schema: &Schema, channel: &Channel) -> Value {
    let module = channel
        .events
        .first()
        .and_then(|e| e.split('.').next())
        .unwrap_or_default();
    json!({
        "channel_id": channel.channel_id,
        "events": channel.events,
        "notify_url": channel.notify_url,
        "token": channel.token,
        "channel_expiry": time::format_unix(channel.expiry.max(0) as u64),
        "resource_name": module,
        "resource_id": schema.module(module).map(|m| m.id),
        "resource_uri": format!("{}/crm/v8/{module}", channel.api_domain),
        "return_affected_field_values": channel.affected_fields,
        "notify_on_related_action": channel.related,
    })
}

/// `GET /actions/watch`.
pub(crate) fn list(ctx: &Ctx<'_>) -> Handled {
    require_family(ctx, "notifications", None, Operation::Read)?;
    let store = ctx.store();
    let wanted = ctx.param("channel_id").map(Value::from);
    let module = ctx.param("module");
    let rows: Vec<Value> = store
        .notifications
        .list
        .iter()
        .filter(|c| wanted.as_ref().is_none_or(|w| same_id(w, &c.channel_id)))
        .filter(|c| {
            module.is_none_or(|m| {
                c.events.iter().any(|e| {
                    e.split('.')
                        .next()
                        .is_some_and(|x| x.eq_ignore_ascii_case(m))
                })
            })
        })
        .map(|c| render(&ctx.schema, c))
        .collect();
    if rows.is_empty() {
        return Ok(Answer::no_content());
    }
    let info = json!({ "per_page": 200, "page": 1, "count": rows.len(), "more_records": false });
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "watch": rows, "info": info }),
    ))
}

/// The channels of a body's `watch`.
fn items(ctx: &Ctx<'_>) -> Result<Vec<Map<String, Value>>, Answer> {
    let body = body::object(&ctx.req.body)?;
    let items = body
        .get("watch")
        .and_then(Value::as_array)
        .filter(|items| !items.is_empty())
        .ok_or_else(|| answers::mandatory_body_key("watch"))?;
    items
        .iter()
        .map(|item| {
            item.as_object()
                .cloned()
                .ok_or_else(answers::body_not_object)
        })
        .collect()
}

fn invalid(api_name: &str) -> Answer {
    answers::error(
        StatusCode::BAD_REQUEST,
        "INVALID_DATA",
        "invalid data",
        json!({ "api_name": api_name }),
    )
}

/// The `events` of an item: `Module.create|edit|delete|all` of served modules.
fn events(schema: &Schema, item: &Map<String, Value>) -> Result<Vec<String>, Answer> {
    let list = item
        .get("events")
        .and_then(Value::as_array)
        .filter(|e| !e.is_empty())
        .ok_or_else(|| answers::mandatory_body_key("events"))?;
    list.iter()
        .map(|e| {
            let text = e.as_str().ok_or_else(|| invalid("events"))?;
            let (module, what) = text.split_once('.').ok_or_else(|| invalid("events"))?;
            let m = schema.module(module).ok_or_else(|| invalid("events"))?;
            match what {
                "create" | "edit" | "delete" | "all" => Ok(format!("{}.{what}", m.api_name)),
                _ => Err(invalid("events")),
            }
        })
        .collect()
}

/// A channel from a registration's item.
fn channel_of(ctx: &Ctx<'_>, item: &Map<String, Value>) -> Result<Channel, Answer> {
    let channel_id = item
        .get("channel_id")
        .filter(|v| body::id_of(v).is_some())
        .ok_or_else(|| answers::mandatory_body_key("channel_id"))?;
    let notify_url = item
        .get("notify_url")
        .and_then(Value::as_str)
        .ok_or_else(|| answers::mandatory_body_key("notify_url"))?;
    let mut channel = Channel {
        channel_id: channel_id.clone(),
        events: events(&ctx.schema, item)?,
        notify_url: notify_url.to_owned(),
        token: None,
        expiry: now_secs() + 3600,
        affected_fields: false,
        related: false,
        api_domain: ctx.shared.api_domain.clone(),
    };
    change(&mut channel, item)?;
    Ok(channel)
}

/// Applies the optional keys of an item to a channel.
fn change(channel: &mut Channel, item: &Map<String, Value>) -> Result<(), Answer> {
    if let Some(url) = item.get("notify_url") {
        channel.notify_url = url
            .as_str()
            .ok_or_else(|| invalid("notify_url"))?
            .to_owned();
    }
    if let Some(token) = item.get("token") {
        channel.token = Some(token.as_str().ok_or_else(|| invalid("token"))?.to_owned());
    }
    if let Some(expiry) = item.get("channel_expiry") {
        let at = expiry
            .as_str()
            .and_then(time::parse)
            .filter(|at| *at > now_secs());
        channel.expiry = at.ok_or_else(|| invalid("channel_expiry"))?;
    }
    let flag = |key: &str, into: &mut bool| match item.get(key) {
        Some(v) => v.as_bool().map(|b| *into = b).ok_or_else(|| invalid(key)),
        None => Ok(()),
    };
    flag("return_affected_field_values", &mut channel.affected_fields)?;
    flag("notify_on_related_action", &mut channel.related)?;
    Ok(())
}

fn ack(schema: &Schema, channel: &Channel, message: &str) -> Value {
    let module = channel
        .events
        .first()
        .and_then(|e| e.split('.').next())
        .unwrap_or_default();
    let events = json!([{
        "channel_expiry": time::format_unix(channel.expiry.max(0) as u64),
        "resource_uri": format!("{}/crm/v8/{module}", channel.api_domain),
        "resource_id": schema.module(module).map(|m| m.id),
        "resource_name": module,
        "channel_id": channel.channel_id,
    }]);
    answers::success_body(message, json!({ "events": events }))
}

fn not_subscribed() -> Value {
    answers::error_body(
        "NOT_SUBSCRIBED",
        "Not subscribed for actions-watch of the given module",
        json!({}),
    )
}

/// The answer of several channels: 200 when all succeeded, else 202 as Zoho's errors are.
fn answer(acks: Vec<Value>) -> Handled {
    let ok = acks.iter().all(|a| a["status"] == "success");
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::ACCEPTED
    };
    Ok(Answer::json(status, json!({ "watch": acks })))
}

/// `POST /actions/watch`: registers channels (a channel id already registered is replaced).
pub(crate) fn enable(ctx: &Ctx<'_>) -> Handled {
    require_family(ctx, "notifications", None, Operation::Create)?;
    let channels: Vec<Channel> = items(ctx)?
        .iter()
        .map(|i| channel_of(ctx, i))
        .collect::<Result<_, _>>()?;
    let mut store = ctx.store();
    let list = &mut store.notifications.list;
    let mut acks = Vec::new();
    for channel in channels {
        list.retain(|c| !same_id(&c.channel_id, &channel.channel_id));
        acks.push(ack(
            &ctx.schema,
            &channel,
            "Successfully subscribed for actions-watch of the given module",
        ));
        list.push(channel);
    }
    answer(acks)
}

/// `PUT /actions/watch`: changes registered channels; their events are replaced by those given.
pub(crate) fn update(ctx: &Ctx<'_>) -> Handled {
    require_family(ctx, "notifications", None, Operation::Update)?;
    let items = items(ctx)?;
    let mut store = ctx.store();
    let mut list = store.notifications.list.clone();
    let mut acks = Vec::new();
    for item in &items {
        let wanted = item.get("channel_id").unwrap_or(&Value::Null);
        let Some(channel) = list.iter_mut().find(|c| same_id(&c.channel_id, wanted)) else {
            acks.push(not_subscribed());
            continue;
        };
        if item.contains_key("events") {
            channel.events = events(&ctx.schema, item)?;
        }
        change(channel, item)?;
        acks.push(ack(
            &ctx.schema,
            channel,
            "Successfully updated the subscribe details",
        ));
    }
    store.notifications.list = list;
    answer(acks)
}

/// `PATCH /actions/watch`: removes the given events of channels (`_delete_events: true`); a
/// channel left without events is removed.
pub(crate) fn disable(ctx: &Ctx<'_>) -> Handled {
    require_family(ctx, "notifications", None, Operation::Update)?;
    let items = items(ctx)?;
    let mut store = ctx.store();
    let mut list = store.notifications.list.clone();
    let mut acks = Vec::new();
    for item in &items {
        if item.get("_delete_events").and_then(Value::as_bool) != Some(true) {
            return Err(answers::mandatory_body_key("_delete_events"));
        }
        let gone = events(&ctx.schema, item)?;
        let wanted = item.get("channel_id").unwrap_or(&Value::Null);
        let Some(channel) = list.iter_mut().find(|c| same_id(&c.channel_id, wanted)) else {
            acks.push(not_subscribed());
            continue;
        };
        channel.events.retain(|e| !gone.contains(e));
        acks.push(ack(
            &ctx.schema,
            channel,
            "Successfully removed the subscribe details",
        ));
    }
    list.retain(|c| !c.events.is_empty());
    store.notifications.list = list;
    answer(acks)
}

/// `DELETE /actions/watch?channel_ids=…`.
pub(crate) fn remove(ctx: &Ctx<'_>) -> Handled {
    require_family(ctx, "notifications", None, Operation::Delete)?;
    let ids = ctx
        .param("channel_ids")
        .map(body::comma_list)
        .filter(|ids| !ids.is_empty())
        .ok_or_else(|| answers::required_param_missing("channel_ids"))?;
    let mut store = ctx.store();
    let list = &mut store.notifications.list;
    let acks = ids
        .iter()
        .map(|id| {
            let wanted = Value::from(id.as_str());
            let at = list.iter().position(|c| same_id(&c.channel_id, &wanted));
            match at {
                Some(at) => {
                    let channel = list.remove(at);
                    ack(
                        &ctx.schema,
                        &channel,
                        "Successfully un-subscribed from actions-watch",
                    )
                }
                None => not_subscribed(),
            }
        })
        .collect();
    answer(acks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_http_is_delivered_to() {
        let local = loopback("http://127.0.0.1:8080/hook?a=1");
        assert_eq!(local, Some(("127.0.0.1:8080".into(), "/hook?a=1".into())));
        assert_eq!(
            loopback("http://localhost:9"),
            Some(("localhost:9".into(), "/".into()))
        );
        assert_eq!(loopback("https://127.0.0.1/hook"), None);
        assert_eq!(loopback("http://example.com/hook"), None);
        assert_eq!(loopback("http://127.0.0.1.example.com/hook"), None);
    }

    #[test]
    fn query_params_come_from_the_notify_url() {
        assert_eq!(
            query_params("http://127.0.0.1/h?a=1&b=x%20y"),
            json!({"a": "1", "b": "x y"})
        );
        assert_eq!(query_params("http://127.0.0.1/h"), json!({}));
    }
}
