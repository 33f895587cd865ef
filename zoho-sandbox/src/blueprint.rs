//! Blueprints: `GET /{module}/{id}/actions/blueprint` (the record's state and the transitions
//! open to it) and `PUT` (one taken).
//!
//! The sandbox's processes are data, [`PROCESSES`]: each moves one picklist field of a module
//! from state to state by named transitions, and a transition may ask for fields, some of them
//! mandatory.
//!
//! | process | module, field | transition: from → to (fields; * mandatory) |
//! |---|---|---|
//! | Deal Process | Deals, `Stage` | Qualify: Qualification → Needs Analysis (`Amount`*); Propose: Needs Analysis → Value Proposition (`Closing_Date`*, `Description`); Win: Value Proposition → Closed Won; Lose: Value Proposition → Closed Lost (`Description`*) |
//! | Lead Process | Leads, `Lead_Status` | Attempt: Not Contacted → Attempted to Contact; Reach: Attempted to Contact → Contacted (`Phone`*); Qualify: Contacted → Pre-Qualified (`Annual_Revenue`*) |
//!
//! A record whose field holds no state of its module's process (or whose module has none) is
//! `RECORD_NOT_IN_PROCESS`. Taking a transition checks the values given (as an update does),
//! asks for each mandatory field the record does not hold already (`MANDATORY_NOT_FOUND`),
//! and writes the values with the field's next state as one update (so a locked record refuses
//! it). Zoho's criteria, before- and after-transition actions and common transitions are not
//! modelled: every transition from the record's state is open.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::Operation;

use crate::actions;
use crate::answers::{self, Answer};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::schema::ModuleDef;
use crate::store::Fields;
use crate::writes;

/// A blueprint process: the picklist field it moves and its transitions.
pub(crate) struct Process {
    pub id: &'static str,
    pub name: &'static str,
    pub module: &'static str,
    pub field: &'static str,
    pub transitions: &'static [TransitionDef],
}

/// A transition from one state to the next, with the fields it asks for.
pub(crate) struct TransitionDef {
    pub id: &'static str,
    pub name: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    /// `(api_name, mandatory)`.
    pub fields: &'static [(&'static str, bool)],
}

const fn t(
    id: &'static str,
    name: &'static str,
    from: &'static str,
    to: &'static str,
    fields: &'static [(&'static str, bool)],
) -> TransitionDef {
    TransitionDef {
        id,
        name,
        from,
        to,
        fields,
    }
}

/// The sandbox's blueprints.
pub(crate) static PROCESSES: &[Process] = &[
    Process {
        id: "738964000000410001",
        name: "Deal Process",
        module: "Deals",
        field: "Stage",
        transitions: &[
            t(
                "738964000000410011",
                "Qualify",
                "Qualification",
                "Needs Analysis",
                &[("Amount", true)],
            ),
            t(
                "738964000000410013",
                "Propose",
                "Needs Analysis",
                "Value Proposition",
                &[("Closing_Date", true), ("Description", false)],
            ),
            t(
                "738964000000410015",
                "Win",
                "Value Proposition",
                "Closed Won",
                &[],
            ),
            t(
                "738964000000410017",
                "Lose",
                "Value Proposition",
                "Closed Lost",
                &[("Description", true)],
            ),
        ],
    },
    Process {
        id: "738964000000410101",
        name: "Lead Process",
        module: "Leads",
        field: "Lead_Status",
        transitions: &[
            t(
                "738964000000410111",
                "Attempt",
                "Not Contacted",
                "Attempted to Contact",
                &[],
            ),
            t(
                "738964000000410113",
                "Reach",
                "Attempted to Contact",
                "Contacted",
                &[("Phone", true)],
            ),
            t(
                "738964000000410115",
                "Qualify",
                "Contacted",
                "Pre-Qualified",
                &[("Annual_Revenue", true)],
            ),
        ],
    },
];

impl Process {
    fn has_state(&self, state: &str) -> bool {
        self.transitions
            .iter()
            .any(|t| t.from == state || t.to == state)
    }

    fn open<'a>(&self, state: &'a str) -> impl Iterator<Item = &'static TransitionDef> + 'a {
        let all: &'static [TransitionDef] = self.transitions;
        all.iter().filter(move |t| t.from == state)
    }
}

fn not_in_process() -> Answer {
    answers::error(
        StatusCode::BAD_REQUEST,
        "RECORD_NOT_IN_PROCESS",
        "record not in process",
        json!({}),
    )
}

/// The record's process and state, or `RECORD_NOT_IN_PROCESS`.
fn place<'c>(
    ctx: &'c Ctx<'_>,
    op: Operation,
) -> Result<(&'c ModuleDef, u64, &'static Process, String, Fields), Answer> {
    let m = ctx.module(ctx.at("module"))?;
    ctx.require_module(m, op)?;
    let store = ctx.store();
    let id = actions::existing_id(&store, m, ctx.at("id"))?;
    let fields = store
        .get(m.api_name, id)
        .map(|r| r.fields.clone())
        .unwrap_or_default();
    let process = PROCESSES
        .iter()
        .find(|p| p.module == m.api_name)
        .ok_or_else(not_in_process)?;
    let state = fields
        .get(process.field)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    if !process.has_state(&state) {
        return Err(not_in_process());
    }
    Ok((m, id, process, state, fields))
}

/// `GET /{module}/{id}/actions/blueprint`.
pub(crate) fn get(ctx: &Ctx<'_>) -> Handled {
    let (m, _, process, state, fields) = place(ctx, Operation::Read)?;
    let label = m.field(process.field).map_or(process.field, |f| f.label);
    let info = json!({
        "id": process.id, "name": process.name, "api_name": process.field,
        "field_label": label, "field_name": label, "field_value": state,
        "is_continuous": false, "continuous": false,
    });
    let transitions: Vec<Value> = process
        .open(&state)
        .map(|t| transition(m, t, &fields))
        .collect();
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "blueprint": { "process_info": info, "transitions": transitions } }),
    ))
}

fn transition(m: &ModuleDef, t: &TransitionDef, record: &Fields) -> Value {
    let fields: Vec<Value> = t
        .fields
        .iter()
        .map(|(name, mandatory)| {
            let def = m.field(name);
            json!({ "api_name": name, "field_label": def.map(|d| d.label),
                    "data_type": def.map(|d| d.kind.name()), "mandatory": mandatory })
        })
        .collect();
    let data: Map<String, Value> = t
        .fields
        .iter()
        .filter_map(|(name, _)| Some(((*name).to_owned(), record.get(*name)?.clone())))
        .collect();
    json!({ "id": t.id, "name": t.name, "next_field_value": t.to, "criteria_matched": true,
            "percent_partial_save": 0, "fields": fields, "data": data, "type": "normal" })
}

/// `PUT /{module}/{id}/actions/blueprint`.
pub(crate) fn update(ctx: &Ctx<'_>) -> Handled {
    let (m, id, process, state, fields) = place(ctx, Operation::Update)?;
    let body = body::object(&ctx.req.body)?;
    let item = body
        .get("blueprint")
        .and_then(Value::as_array)
        .and_then(|items| items.first())
        .ok_or_else(|| answers::mandatory_body_key("blueprint"))?;
    let wanted = item
        .get("transition_id")
        .map(body::id_text)
        .unwrap_or_default();
    let chosen = process
        .open(&state)
        .find(|t| t.id == wanted)
        .ok_or_else(|| {
            answers::error(
                StatusCode::BAD_REQUEST,
                "INVALID_DATA",
                "invalid transition",
                json!({ "api_name": "transition_id" }),
            )
        })?;
    let mut data = item
        .get("data")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    if let Some((missing, _)) = chosen
        .fields
        .iter()
        .find(|(name, mandatory)| *mandatory && blank(data.get(*name)) && blank(fields.get(*name)))
    {
        return Err(answers::mandatory_body_key(missing));
    }
    data.insert(process.field.to_owned(), Value::from(chosen.to));
    let outcome = writes::update(&mut ctx.store(), m, id, &data);
    if !outcome.is_ok() {
        // The one record's refusal is the call's: Zoho answers a transition with one object.
        return Err(Answer::json(StatusCode::BAD_REQUEST, outcome.body));
    }
    Ok(Answer::json(
        StatusCode::OK,
        answers::success_body("transition updated successfully", json!({})),
    ))
}

fn blank(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::FieldType;

    #[test]
    fn every_process_moves_a_picklist_through_its_values() {
        let schema = crate::schema::seed::seed();
        for process in PROCESSES {
            let m = schema.module(process.module).unwrap();
            let FieldType::Picklist(values) = m.field(process.field).unwrap().kind else {
                panic!("{} is not a picklist", process.field);
            };
            for t in process.transitions {
                assert!(
                    values.contains(&t.from) && values.contains(&t.to),
                    "{}",
                    t.name
                );
                assert!(
                    t.fields.iter().all(|(f, _)| m.field(f).is_some()),
                    "{}",
                    t.name
                );
            }
        }
    }
}
