//! Inventory conversion: `POST /{Quotes|Sales_Orders}/{id}/actions/convert` (a quote into a
//! sales order or an invoice, a sales order into an invoice) and the mass convert of such
//! records, `POST`/`GET /{module}/actions/mass_convert`.
//!
//! A conversion makes a record of each target module of `convert_to` from the source's values
//! (every field the target declares under the same API name, the line items included) and a
//! lookup to the source where the target has one (`Quote_Name`, `Sales_Order`).
//!
//! The sandbox's schema has no inventory modules (Quotes, Sales Orders, Invoices) yet, so these
//! calls are answered `INVALID_MODULE` until it has them.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::Operation;

use crate::action_jobs::JobKind;
use crate::actions::{self, require_family};
use crate::answers::{self, Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::mass_actions::scheduled;
use crate::schema::{FieldType, ModuleDef, Schema};
use crate::store::{display_name, Fields, Store};
use crate::writes;

/// The modules a record of `source` may be converted into.
fn targets_of(source: &str) -> &'static [&'static str] {
    match source {
        "Quotes" => &["Sales_Orders", "Invoices"],
        "Sales_Orders" => &["Invoices"],
        _ => &[],
    }
}

/// The target modules of a body's `convert_to`.
fn targets<'s>(
    schema: &'s Schema,
    source: &ModuleDef,
    body: &Map<String, Value>,
) -> Result<Vec<&'s ModuleDef>, Answer> {
    let items = body
        .get("convert_to")
        .and_then(Value::as_array)
        .filter(|items| !items.is_empty())
        .ok_or_else(|| answers::mandatory_body_key("convert_to"))?;
    items
        .iter()
        .map(|item| {
            let name = item["module"]["api_name"].as_str().unwrap_or_default();
            schema
                .module(name)
                .filter(|t| targets_of(source.api_name).contains(&t.api_name))
                .ok_or_else(|| {
                    actions::invalid_data(
                        json!({ "api_name": "convert_to", "json_path": "$.convert_to[0].module" }),
                    )
                })
        })
        .collect()
}

/// The source module, when it is one that converts.
fn source<'c>(ctx: &'c Ctx<'_>) -> Result<&'c ModuleDef, Answer> {
    let m = ctx.module(ctx.at("module"))?;
    if targets_of(m.api_name).is_empty() {
        return Err(answers::invalid_module());
    }
    Ok(m)
}

/// Converts one record into each target: the details of the records made.
fn apply(
    store: &mut Store,
    source: &ModuleDef,
    id: u64,
    targets: &[&ModuleDef],
    owner: Option<&Value>,
) -> Result<Value, Outcome> {
    let fields = store
        .get(source.api_name, id)
        .map(|r| r.fields.clone())
        .ok_or_else(|| Outcome::invalid_id(&id.to_string()))?;
    let mut details = Map::new();
    for target in targets {
        let mut made: Fields = target
            .fields()
            .filter(|f| !f.read_only && f.api_name != "Owner")
            .filter_map(|f| Some((f.api_name.to_owned(), fields.get(f.api_name)?.clone())))
            .collect();
        if let Some(link) = target
            .fields()
            .find(|f| f.kind == FieldType::Lookup(source.api_name))
        {
            made.insert(link.api_name.to_owned(), json!({ "id": id.to_string() }));
        }
        if let Some(owner) = owner.or(fields.get("Owner")) {
            made.insert("Owner".into(), owner.clone());
        }
        let outcome = writes::insert(store, target, &Value::Object(made));
        let new_id = outcome.body["details"]["id"]
            .as_str()
            .and_then(body::parse_id)
            .filter(|_| outcome.is_ok())
            .ok_or(outcome)?;
        let name = store
            .get(target.api_name, new_id)
            .map_or(Value::Null, |r| display_name(target, &r.fields));
        details.insert(
            target.api_name.to_owned(),
            json!({ "id": new_id.to_string(), "name": name }),
        );
    }
    Ok(Value::Object(details))
}

/// `POST /{module}/{id}/actions/convert` for a quote or a sales order.
pub(crate) fn convert(ctx: &Ctx<'_>) -> Handled {
    let m = source(ctx)?;
    ctx.require_module(m, Operation::Create)?;
    let body = body::object(&ctx.req.body)?;
    let targets = targets(&ctx.schema, m, &body)?;
    let mut store = ctx.store();
    let id = actions::existing_id(&store, m, ctx.at("id"))?;
    let outcome = match apply(&mut store, m, id, &targets, None) {
        Ok(details) => Outcome::ok("The record has been converted successfully", details),
        Err(outcome) => outcome,
    };
    Ok(answers::write_answer(vec![outcome], StatusCode::OK))
}

/// `POST /{module}/actions/mass_convert` for quotes or sales orders.
pub(crate) fn mass_convert(ctx: &Ctx<'_>) -> Handled {
    let m = source(ctx)?;
    require_family(ctx, "mass_convert", Some(m), Operation::Create)?;
    let body = body::object(&ctx.req.body)?;
    let targets = targets(&ctx.schema, m, &body)?;
    let ids = body
        .get("ids")
        .and_then(Value::as_array)
        .filter(|ids| !ids.is_empty())
        .ok_or_else(|| answers::mandatory_body_key("ids"))?;
    let mut store = ctx.store();
    let owner = match body.get("assign_to") {
        Some(given) => Some(actions::owner_value(&store, Some(given), "assign_to")?),
        None => None,
    };
    let converted = ids
        .iter()
        .filter(|raw| {
            body::id_of(raw)
                .is_some_and(|id| apply(&mut store, m, id, &targets, owner.as_ref()).is_ok())
        })
        .count();
    let job_id = actions::schedule(
        ctx,
        &mut store,
        JobKind::InventoryConvert,
        m.api_name,
        ids.len(),
        converted,
    );
    let mut answer = scheduled("Mass Convert scheduled successfully", job_id);
    answer.status = StatusCode::ACCEPTED;
    Ok(answer)
}

/// `GET /{module}/actions/mass_convert?job_id=` for quotes or sales orders.
pub(crate) fn mass_status(ctx: &Ctx<'_>) -> Handled {
    let m = source(ctx)?;
    require_family(ctx, "mass_convert", Some(m), Operation::Read)?;
    let (phase, job) = actions::poll(ctx, JobKind::InventoryConvert, m.api_name)?;
    let (done, not_done) = actions::counts(phase, &job);
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "status": phase.word(), "total_count": job.total, "converted_count": done,
                "not_converted_count": not_done, "failed_count": 0 }),
    ))
}
