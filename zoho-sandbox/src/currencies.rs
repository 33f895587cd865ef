//! The organisation's currencies (`/org/currencies`).
//!
//! The organisation starts with one currency and currencies not enabled: the list is empty
//! (`204`) and adding or changing one is `CURRENCIES_NOT_ENABLED` until
//! `POST /org/currencies/actions/enable` names the base currency (a second enable is
//! `ALREADY_ENABLED`). A currency's ISO code must be one of `available_currencies` and is
//! added once (`DUPLICATE_DATA`); its exchange rate is a positive decimal, and the base
//! currency's rate stays 1 and it stays active (`NOT_ALLOWED`). The codes are those of Zoho's
//! description; which one each case gets is the sandbox's reading of it.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::scope::Operation;

use crate::answers::{self, Answer, Outcome};
use crate::ctx::{Ctx, Handled};
use crate::keyed::{self, need};
use crate::people::{Currency, People};
use crate::routes::Route;
use crate::store::Store;

/// The rows of `/org/currencies`.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/org/currencies")
        .get(|c| list(c, None))
        .post(add)
        .put(|c| update(c, None)),
    Route::new("/org/currencies/actions/enable")
        .post(enable)
        .put(update_base),
    Route::new("/org/currencies/actions/available_currencies").get(available),
    Route::new("/org/currencies/actions/*"),
    Route::new("/org/currencies/{id}")
        .get(|c| list(c, Some(c.at("id"))))
        .put(|c| update(c, Some(c.at("id")))),
];

const CURRENCIES: &[&str] = &["settings", "currencies"];

/// The currencies Zoho offers: ISO code, name, symbol, decimal places.
const AVAILABLE: &[(&str, &str, &str, &str)] = &[
    ("USD", "US Dollar", "$", "2"),
    ("EUR", "Euro", "€", "2"),
    ("GBP", "Pound Sterling", "£", "2"),
    ("INR", "Indian Rupee", "₹", "2"),
    ("JPY", "Japanese Yen", "¥", "0"),
    ("AUD", "Australian Dollar", "A$", "2"),
    ("CAD", "Canadian Dollar", "C$", "2"),
    ("CNY", "Yuan Renminbi", "¥", "2"),
    ("CHF", "Swiss Franc", "CHF", "2"),
    ("SEK", "Swedish Krona", "kr", "2"),
    ("SAR", "Saudi Riyal", "﷼", "2"),
    ("BRL", "Brazilian Real", "R$", "2"),
];

fn render(c: &Currency) -> Value {
    json!({
        "id": c.id.to_string(), "iso_code": c.iso_code, "name": c.name, "symbol": c.symbol,
        "exchange_rate": c.exchange_rate, "is_active": c.is_active, "is_base": c.is_base,
        "prefix_symbol": c.prefix_symbol,
        "format": { "decimal_separator": c.format[0], "thousand_separator": c.format[1], "decimal_places": c.format[2] },
    })
}

/// `GET /org/currencies[/{id}]`.
fn list(ctx: &Ctx<'_>, one: Option<&str>) -> Handled {
    need(ctx, CURRENCIES, Operation::Read)?;
    let one = one.map(|_| keyed::path_id(ctx, "id")).transpose()?;
    let store = ctx.store();
    let rows = store
        .people
        .currencies
        .iter()
        .filter(|c| one.is_none_or(|id| c.id == id))
        .map(render)
        .collect();
    Ok(keyed::listed("currencies", rows))
}

/// `GET /org/currencies/actions/available_currencies`.
fn available(ctx: &Ctx<'_>) -> Handled {
    need(ctx, CURRENCIES, Operation::Read)?;
    let rows: Vec<Value> = AVAILABLE
        .iter()
        .map(|(iso, name, symbol, places)| {
            json!({
                "iso_code": iso, "display_name": name, "display_value": format!("{name} - {iso}"),
                "symbol": symbol, "decimal_places": places,
                "decimal_separator": "Period", "thousand_separator": "Comma",
            })
        })
        .collect();
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "available_currencies": rows }),
    ))
}

fn not_enabled() -> Answer {
    answers::error(
        StatusCode::BAD_REQUEST,
        "CURRENCIES_NOT_ENABLED",
        "multiple currencies are not enabled",
        json!({}),
    )
}

/// A new currency from a body item: `is_base` only for the first.
fn currency(store: &mut Store, item: &Map<String, Value>, base: bool) -> Result<Currency, Outcome> {
    let iso = keyed::required_text(item, "iso_code")?.to_uppercase();
    let known = AVAILABLE.iter().find(|a| a.0 == iso);
    let (_, name, symbol, places) = known.ok_or_else(|| keyed::invalid("iso_code"))?;
    if let Some(other) = store.people.currencies.iter().find(|c| c.iso_code == iso) {
        return Err(keyed::duplicate("iso_code", other.id));
    }
    let rate = match base {
        true => "1".to_owned(),
        false => rate(item.get("exchange_rate"))?,
    };
    let format = format(item.get("format"), places)?;
    Ok(Currency {
        id: store.new_id(),
        iso_code: iso,
        name: keyed::text(item, "name").unwrap_or(name).to_owned(),
        symbol: keyed::text(item, "symbol").unwrap_or(symbol).to_owned(),
        exchange_rate: rate,
        is_active: true,
        is_base: base,
        prefix_symbol: keyed::flag(item, "prefix_symbol")?.unwrap_or(true),
        format,
    })
}

/// An exchange rate: a positive decimal, as a string or a number.
fn rate(given: Option<&Value>) -> Result<String, Outcome> {
    let text = match given {
        None | Some(Value::Null) => return Err(keyed::mandatory("exchange_rate")),
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err(keyed::invalid("exchange_rate")),
    };
    let positive = text.parse::<f64>().is_ok_and(|r| r > 0.0 && r.is_finite());
    let plain = text.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    match positive && plain {
        true => Ok(text),
        false => Err(keyed::invalid("exchange_rate")),
    }
}

fn format(given: Option<&Value>, places: &str) -> Result<[String; 3], Outcome> {
    let Some(given) = given.filter(|v| !v.is_null()) else {
        return Ok(["Period".into(), "Comma".into(), places.into()]);
    };
    let part = |key: &str, allowed: &[&str]| {
        let value = given.get(key).and_then(Value::as_str);
        value
            .filter(|v| allowed.contains(v))
            .map(str::to_owned)
            .ok_or_else(|| keyed::invalid(&format!("format.{key}")))
    };
    Ok([
        part("decimal_separator", &["Period", "Comma"])?,
        part("thousand_separator", &["Comma", "Period", "Space"])?,
        part("decimal_places", &["0", "2", "3"])?,
    ])
}

/// `POST /org/currencies/actions/enable`: `{"base_currency": {…}}`.
fn enable(ctx: &Ctx<'_>) -> Handled {
    need(ctx, CURRENCIES, Operation::Create)?;
    let items = keyed::items(ctx, "base_currency")?;
    let mut store = ctx.store();
    if store.people.base_currency().is_some() {
        return Err(answers::error(
            StatusCode::BAD_REQUEST,
            "ALREADY_ENABLED",
            "multiple currencies are already enabled",
            json!({}),
        ));
    }
    let made = keyed::object(&items[0]).and_then(|item| currency(&mut store, item, true));
    let outcome = match made {
        Ok(base) => {
            let id = base.id;
            store.people.currencies.push(base);
            keyed::done("currencies enabled", id)
        }
        Err(refusal) => refusal,
    };
    Ok(keyed::answer_one("base_currency", outcome))
}

/// `PUT /org/currencies/actions/enable`: the base currency's symbol and format.
fn update_base(ctx: &Ctx<'_>) -> Handled {
    need(ctx, CURRENCIES, Operation::Update)?;
    let items = keyed::items(ctx, "base_currency")?;
    let mut store = ctx.store();
    let base = store
        .people
        .base_currency()
        .map(|c| c.id)
        .ok_or_else(not_enabled)?;
    let outcome = keyed::object(&items[0]).and_then(|item| change(&mut store.people, base, item));
    Ok(keyed::answer_one(
        "base_currency",
        outcome.unwrap_or_else(|r| r),
    ))
}

/// `POST /org/currencies`.
fn add(ctx: &Ctx<'_>) -> Handled {
    need(ctx, CURRENCIES, Operation::Create)?;
    let items = keyed::items(ctx, "currencies")?;
    let mut store = ctx.store();
    store.people.base_currency().ok_or_else(not_enabled)?;
    let outcomes = keyed::each(&items, |item| {
        let made = currency(&mut store, item, false)?;
        let id = made.id;
        store.people.currencies.push(made);
        Ok(keyed::done("currency added", id))
    });
    Ok(keyed::answer("currencies", outcomes, StatusCode::CREATED))
}

/// `PUT /org/currencies[/{id}]`.
fn update(ctx: &Ctx<'_>, path: Option<&str>) -> Handled {
    need(ctx, CURRENCIES, Operation::Update)?;
    let path = path.map(|_| keyed::path_id(ctx, "id")).transpose()?;
    let items = keyed::items(ctx, "currencies")?;
    let mut store = ctx.store();
    store.people.base_currency().ok_or_else(not_enabled)?;
    let outcomes = keyed::each_by_id(&items, path, |id, item| change(&mut store.people, id, item));
    Ok(keyed::answer("currencies", outcomes, StatusCode::OK))
}

fn change(people: &mut People, id: u64, item: &Map<String, Value>) -> Result<Outcome, Outcome> {
    let c = people.currencies.iter_mut().find(|c| c.id == id);
    let c = c.ok_or_else(|| keyed::invalid_id(&id.to_string()))?;
    let rate = match item.get("exchange_rate") {
        None | Some(Value::Null) => None,
        given => Some(rate(given)?),
    };
    let active = keyed::flag(item, "is_active")?;
    if c.is_base
        && (rate.as_deref().is_some_and(|r| r.parse::<f64>() != Ok(1.0)) || active == Some(false))
    {
        let details = json!({ "id": id.to_string() });
        return Err(Outcome::err_400(
            "NOT_ALLOWED",
            "the base currency keeps a rate of 1 and stays active",
            details,
        ));
    }
    if item.get("format").is_some_and(|f| !f.is_null()) {
        c.format = format(item.get("format"), &c.format[2])?;
    }
    if let Some(symbol) = keyed::text(item, "symbol") {
        c.symbol = symbol.to_owned();
    }
    c.exchange_rate = rate.unwrap_or_else(|| c.exchange_rate.clone());
    c.is_active = active.unwrap_or(c.is_active);
    c.prefix_symbol = keyed::flag(item, "prefix_symbol")?.unwrap_or(c.prefix_symbol);
    Ok(keyed::done("currency updated", id))
}
