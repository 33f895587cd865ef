//! What pipelines do beyond their list: a delete is a `PATCH` marking the pipeline `_delete`,
//! and a transfer moves the deals of one pipeline (and stage) to another.
//!
//! A transfer answers with a `job_id`, as Zoho does; the sandbox moves the deals at once, so
//! the job is done by the time it is answered. Deals are matched on their `Pipeline` and
//! `Stage` values against the pipelines' and stages' `display_value`s (or `actual_value`s).

use axum::http::StatusCode;
use serde_json::{json, Value};
use zoho_spec::scope::Operation;

use super::collection::{invalid_id, items_of, list_name, need, position, written};
use super::kinds::PIPELINES;
use crate::answers::Outcome;
use crate::ctx::{Ctx, Handled};
use crate::store::{modification_stamp, Fields, Store};

/// `PATCH /settings/pipeline/{id}` with `{"pipeline": [{"_delete": {"permanent": true}}]}`.
pub(crate) fn delete(c: &Ctx<'_>, id: &str) -> Handled {
    c.require(&need(&PIPELINES, Operation::Delete))?;
    let name = list_name(c, &PIPELINES)?;
    let items = items_of(c, PIPELINES.key)?;
    let mut store = c.store();
    let list = store.settings.list_mut(&name);
    let at = position(list, &PIPELINES, id).ok_or_else(|| invalid_id(id))?;
    let marked = items.first().and_then(|i| i.get("_delete")).is_some();
    let outcome = if marked {
        list.remove(at);
        Outcome::ok("pipeline deleted successfully", json!({ "id": id }))
    } else {
        Outcome::err(
            "MANDATORY_NOT_FOUND",
            "required field not found",
            json!({ "api_name": "_delete", "json_path": "$.pipeline[0]._delete" }),
        )
    };
    Ok(written(PIPELINES.key, vec![outcome], StatusCode::OK))
}

/// `POST /settings/pipeline/actions/transfer`: moves deals between pipelines and stages.
pub(crate) fn transfer(c: &Ctx<'_>) -> Handled {
    c.require(&need(&PIPELINES, Operation::Update))?;
    let name = list_name(c, &PIPELINES)?;
    let transfers = items_of(c, "transfer_pipeline")?;
    let mut store = c.store();
    let mut outcomes = Vec::new();
    for (i, transfer) in transfers.iter().enumerate() {
        let outcome = match plan(&store, &name, transfer) {
            Ok(plan) => {
                move_deals(&mut store, &plan);
                let job = store.new_id().to_string();
                Outcome::ok("transfer scheduled successfully", json!({ "job_id": job }))
            }
            Err(key) => Outcome::err(
                "INVALID_DATA",
                "invalid data",
                json!({ "api_name": key, "json_path": format!("$.transfer_pipeline[{i}].{key}") }),
            ),
        };
        outcomes.push(outcome);
    }
    Ok(written("transfer_pipeline", outcomes, StatusCode::OK))
}

/// The names a transfer moves deals from and to: the pipeline's, then each stage's.
struct Plan {
    pipeline: (Vec<Value>, Value),
    stages: Vec<(Vec<Value>, Value)>,
}

fn plan(store: &Store, list: &str, transfer: &Value) -> Result<Plan, &'static str> {
    let pipelines = store.settings.list(list);
    let find = |id: Option<&Value>| -> Option<&Fields> {
        let id = id?.as_str()?;
        pipelines
            .iter()
            .find(|p| p.get("id").and_then(Value::as_str) == Some(id))
    };
    let from = find(transfer.pointer("/pipeline/from")).ok_or("pipeline.from")?;
    let to = find(transfer.pointer("/pipeline/to")).ok_or("pipeline.to")?;
    let mut stages = Vec::new();
    for stage in transfer
        .get("stages")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let old = stage_of(from, stage.get("from")).ok_or("stages.from")?;
        let new = stage_of(to, stage.get("to")).ok_or("stages.to")?;
        stages.push((values_of(old), display(new)));
    }
    Ok(Plan {
        pipeline: (values_of(from), display(to)),
        stages,
    })
}

fn stage_of<'a>(pipeline: &'a Fields, id: Option<&Value>) -> Option<&'a Fields> {
    let id = id?.as_str()?;
    let maps = pipeline.get("maps")?.as_array()?;
    maps.iter().filter_map(Value::as_object).find(|m| {
        m.get("id").and_then(Value::as_str) == Some(id)
            || m.get("display_value").and_then(Value::as_str) == Some(id)
    })
}

fn values_of(item: &Fields) -> Vec<Value> {
    ["display_value", "actual_value"]
        .iter()
        .filter_map(|k| item.get(*k).cloned())
        .collect()
}

fn display(item: &Fields) -> Value {
    item.get("display_value").cloned().unwrap_or(Value::Null)
}

fn move_deals(store: &mut Store, plan: &Plan) {
    let ids: Vec<u64> = store
        .records("Deals")
        .filter(|(_, d)| {
            d.fields
                .get("Pipeline")
                .is_some_and(|p| plan.pipeline.0.contains(p))
        })
        .map(|(id, _)| id)
        .collect();
    for id in ids {
        let Some(deal) = store.get_mut("Deals", id) else {
            continue;
        };
        deal.fields
            .insert("Pipeline".into(), plan.pipeline.1.clone());
        let stage = deal.fields.get("Stage").cloned();
        if let Some((_, new)) = plan
            .stages
            .iter()
            .find(|(old, _)| stage.as_ref().is_some_and(|s| old.contains(s)))
        {
            deal.fields.insert("Stage".into(), new.clone());
        }
        modification_stamp(&mut deal.fields);
    }
}
