//! Converting leads: `POST /Leads/{id}/actions/convert` (and the leads of a mass convert) and
//! `GET /Leads/{id}/__conversion_options`.
//!
//! A conversion creates a contact from the lead (name, email, phones, address as the mailing
//! address, …), an account from its `Company` (phone, website, industry, address as the billing
//! address), and, when `Deals` is given, a deal of those fields linked to both; the lead is
//! then removed from `Leads`, as Zoho hides converted leads from the API. `Accounts` or
//! `Contacts` name existing records to convert into instead: with `overwrite`, the lead's values
//! replace theirs. `assign_to` owns the new records, else the lead's owner does. When any record
//! cannot be made (a deal without `Stage`, a contact whose email another contact has), nothing
//! is kept and the lead stays. Attachments (`move_attachments_to`), tags and notifications are
//! not moved or sent: Zoho's docs do not say what a conversion does to the sandbox's other
//! areas' data.
//!
//! The conversion options are the contacts whose `Email` is the lead's, the accounts whose
//! `Account_Name` is its `Company`, and the deals of those accounts; Zoho matches on the fields
//! of its duplicate-check preference, which the sandbox fixes to these two.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::Operation;

use crate::answers::{self, Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::schema::{ModuleDef, Schema};
use crate::store::{display_name, Fields, Store};
use crate::writes;
use std::sync::Arc;

/// Lead fields and the contact fields they become.
const TO_CONTACT: &[(&str, &str)] = &[
    ("Salutation", "Salutation"),
    ("First_Name", "First_Name"),
    ("Last_Name", "Last_Name"),
    ("Email", "Email"),
    ("Secondary_Email", "Secondary_Email"),
    ("Phone", "Phone"),
    ("Mobile", "Mobile"),
    ("Lead_Source", "Lead_Source"),
    ("Email_Opt_Out", "Email_Opt_Out"),
    ("Designation", "Title"),
    ("Street", "Mailing_Street"),
    ("City", "Mailing_City"),
    ("State", "Mailing_State"),
    ("Zip_Code", "Mailing_Zip"),
    ("Country", "Mailing_Country"),
    ("Description", "Description"),
];

/// Lead fields and the account fields they become.
const TO_ACCOUNT: &[(&str, &str)] = &[
    ("Company", "Account_Name"),
    ("Phone", "Phone"),
    ("Website", "Website"),
    ("Industry", "Industry"),
    ("Annual_Revenue", "Annual_Revenue"),
    ("No_of_Employees", "Employees"),
    ("Rating", "Rating"),
    ("Street", "Billing_Street"),
    ("City", "Billing_City"),
    ("State", "Billing_State"),
    ("Zip_Code", "Billing_Code"),
    ("Country", "Billing_Country"),
];

/// What a conversion is asked to do.
#[derive(Debug, Default)]
pub(crate) struct Options {
    overwrite: bool,
    account: Option<Value>,
    contact: Option<Value>,
    assign_to: Option<Value>,
    deal: Option<Value>,
}

impl Options {
    /// The options of one conversion's `data[0]`.
    fn of_record(record: &Map<String, Value>) -> Self {
        Options {
            overwrite: record
                .get("overwrite")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            account: record.get("Accounts").cloned().filter(|v| !v.is_null()),
            contact: record.get("Contacts").cloned().filter(|v| !v.is_null()),
            ..Options::of_mass(record)
        }
    }

    /// The options of a mass convert's body, which names no existing records.
    pub(crate) fn of_mass(body: &Map<String, Value>) -> Self {
        Options {
            assign_to: body.get("assign_to").cloned().filter(|v| !v.is_null()),
            deal: body.get("Deals").cloned().filter(Value::is_object),
            ..Options::default()
        }
    }
}

/// `POST /Leads/{id}/actions/convert`.
pub(crate) fn convert(ctx: &Ctx<'_>) -> Handled {
    let m = ctx.module("Leads")?;
    ctx.require_module(m, Operation::Create)?;
    let body = body::object(&ctx.req.body)?;
    let data = body::data(&body)?;
    let record = data[0].as_object().ok_or_else(answers::body_not_object)?;
    let options = Options::of_record(record);
    let id = body::parse_id(ctx.at("id"))
        .ok_or_else(|| crate::actions::invalid_data(json!({ "id": ctx.at("id") })))?;
    let outcome = match apply(&mut ctx.store(), id, &options) {
        Ok(details) => Outcome::ok("The record has been converted successfully", details),
        Err(outcome) => outcome,
    };
    Ok(answers::write_answer(vec![outcome], StatusCode::OK))
}

/// Converts the lead `id`: the details of the records made, or why nothing was.
pub(crate) fn apply(store: &mut Store, id: u64, options: &Options) -> Result<Value, Outcome> {
    let lead = store
        .get("Leads", id)
        .ok_or_else(|| Outcome::invalid_id(&id.to_string()))?;
    if let Some(refusal) = writes::refusal(lead.state, id) {
        return Err(refusal);
    }
    let lead = lead.fields.clone();
    let owner = options
        .assign_to
        .clone()
        .or_else(|| lead.get("Owner").cloned())
        .unwrap_or(Value::Null);
    let mut made = Vec::new();
    let result = make_all(store, &lead, owner, options, &mut made);
    if result.is_err() {
        for (module, made_id) in made {
            store.remove(module, made_id);
        }
        return result;
    }
    store.remove("Leads", id);
    result
}

/// Makes (or reuses) the account, the contact and the deal, noting each record made.
fn make_all(
    store: &mut Store,
    lead: &Fields,
    owner: Value,
    options: &Options,
    made: &mut Vec<(&'static str, u64)>,
) -> Result<Value, Outcome> {
    let mut account_fields = mapped(lead, TO_ACCOUNT);
    account_fields.insert("Owner".into(), owner.clone());
    let account = match &options.account {
        Some(given) => Some(reuse(
            store,
            "Accounts",
            given,
            &account_fields,
            options.overwrite,
        )?),
        None if account_fields
            .get("Account_Name")
            .is_some_and(|v| v.as_str().is_some_and(|s| !s.is_empty())) =>
        {
            Some(make(store, "Accounts", account_fields, made)?)
        }
        None => None,
    };
    let mut contact_fields = mapped(lead, TO_CONTACT);
    contact_fields.insert("Owner".into(), owner.clone());
    if let Some(account) = account {
        contact_fields.insert("Account_Name".into(), json!({ "id": account.to_string() }));
    }
    let contact = match &options.contact {
        Some(given) => reuse(store, "Contacts", given, &contact_fields, options.overwrite)?,
        None => make(store, "Contacts", contact_fields, made)?,
    };
    let deal = match options.deal.as_ref().and_then(Value::as_object) {
        Some(given) => {
            let mut fields = given.clone();
            fields.insert("Owner".into(), owner);
            fields.insert("Contact_Name".into(), json!({ "id": contact.to_string() }));
            if let Some(account) = account {
                fields.insert("Account_Name".into(), json!({ "id": account.to_string() }));
            }
            Some(make(store, "Deals", fields, made)?)
        }
        None => None,
    };
    Ok(json!({
        "Contacts": named(store, "Contacts", Some(contact)),
        "Accounts": named(store, "Accounts", account),
        "Deals": named(store, "Deals", deal),
    }))
}

/// The lead's values under the target's names, those it has.
fn mapped(lead: &Fields, map: &[(&str, &str)]) -> Fields {
    map.iter()
        .filter_map(|(from, to)| {
            let value = lead.get(*from).filter(|v| !v.is_null())?;
            Some(((*to).to_owned(), value.clone()))
        })
        .collect()
}

/// The definition of a module a conversion makes, or the outcome saying the schema lacks it.
fn def<'s>(schema: &'s Schema, module: &str) -> Result<&'s ModuleDef, Outcome> {
    schema.module(module).ok_or_else(|| {
        Outcome::err(
            "INVALID_MODULE",
            "the module name given seems to be invalid",
            json!({ "api_name": module }),
        )
    })
}

/// Inserts a record as a write would, noting it; its outcome when it fails.
fn make(
    store: &mut Store,
    module: &'static str,
    fields: Fields,
    made: &mut Vec<(&'static str, u64)>,
) -> Result<u64, Outcome> {
    let outcome = writes::insert(
        store,
        def(&Arc::clone(store.schema()), module)?,
        &Value::Object(fields),
    );
    let id = outcome.body["details"]["id"]
        .as_str()
        .and_then(body::parse_id);
    match id {
        Some(id) if outcome.is_ok() => {
            made.push((module, id));
            Ok(id)
        }
        _ => Err(outcome),
    }
}

/// An existing record named by `{"id": …}`, updated with the lead's values when `overwrite`.
fn reuse(
    store: &mut Store,
    module: &'static str,
    given: &Value,
    fields: &Fields,
    overwrite: bool,
) -> Result<u64, Outcome> {
    let raw = given.get("id").unwrap_or(given);
    let id = body::id_of(raw)
        .filter(|id| store.get(module, *id).is_some())
        .ok_or_else(|| {
            Outcome::err(
                "INVALID_DATA",
                "invalid data",
                json!({ "api_name": module, "json_path": format!("$.data[0].{module}.id") }),
            )
        })?;
    if overwrite {
        let outcome = writes::update(store, def(&Arc::clone(store.schema()), module)?, id, fields);
        if !outcome.is_ok() {
            return Err(outcome);
        }
    }
    Ok(id)
}

/// `{"name", "id"}` of a record, or `null`.
fn named(store: &Store, module: &str, id: Option<u64>) -> Value {
    let found =
        id.and_then(|id| Some((id, store.get(module, id)?, store.schema().module(module)?)));
    let Some((id, record, m)) = found else {
        return Value::Null;
    };
    json!({ "name": display_name(m, &record.fields), "id": id.to_string() })
}

/// `GET /Leads/{id}/__conversion_options`.
pub(crate) fn options(ctx: &Ctx<'_>) -> Handled {
    let m = ctx.module("Leads")?;
    ctx.require_module(m, Operation::Read)?;
    let store = ctx.store();
    let id = crate::actions::existing_id(&store, m, ctx.at("id"))?;
    let lead = store
        .get("Leads", id)
        .map(|r| r.fields.clone())
        .unwrap_or_default();
    let contacts = matching(&store, "Contacts", "Email", lead.get("Email"));
    let accounts = matching(&store, "Accounts", "Account_Name", lead.get("Company"));
    let deals: Vec<Value> = store
        .records("Deals")
        .filter(|(_, r)| {
            let account = r.fields.get("Account_Name").and_then(|a| a.get("id"));
            accounts.iter().any(|a| Some(&a["id"]) == account)
        })
        .map(|(id, r)| crate::store::render(id, r, None))
        .collect();
    let matched = json!({
        "Contacts": matched_value("Email", lead.get("Email"), &contacts),
        "Accounts": matched_value("Account_Name", lead.get("Company"), &accounts),
    });
    let options = json!({
        "module_preference": { "api_name": "Accounts", "id": ctx.schema.module("Accounts").map(|m| m.id) },
        "Contacts": contacts, "Accounts": accounts, "Deals": deals,
        "preference_field_matched_value": matched,
        "modules_with_multiple_layouts": [],
    });
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "__conversion_options": options }),
    ))
}

/// The records of `module` whose `field` is `value` (none for a blank value).
fn matching(store: &Store, module: &str, field: &str, value: Option<&Value>) -> Vec<Value> {
    let Some(value) = value.filter(|v| v.as_str().is_some_and(|s| !s.is_empty())) else {
        return Vec::new();
    };
    store
        .records(module)
        .filter(|(_, r)| r.fields.get(field) == Some(value))
        .map(|(id, r)| crate::store::render(id, r, None))
        .collect()
}

fn matched_value(field: &str, value: Option<&Value>, found: &[Value]) -> Value {
    if found.is_empty() {
        return Value::Null;
    }
    json!([{ "field": { "api_name": field }, "matched_lead_value": value }])
}
