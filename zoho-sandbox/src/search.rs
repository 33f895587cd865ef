//! `GET /{module}/search`: by `criteria`, `email`, `phone` or `word`.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::answers::{self, Answer};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::paging::{self, Sort};
use crate::schema::{FieldType, ModuleDef};
use crate::store::{render, Fields};

/// A parsed `criteria`: conditions joined by `and` / `or`, grouped by parentheses.
#[derive(Debug, PartialEq)]
enum Criteria {
    Condition {
        field: String,
        op: String,
        value: String,
    },
    And(Box<Criteria>, Box<Criteria>),
    Or(Box<Criteria>, Box<Criteria>),
}

/// Answers a search; `204` when nothing matches.
pub(crate) fn search(ctx: &Ctx<'_>, module: &str) -> Handled {
    let m = ctx.module(module)?;
    ctx.require_shape(m)?;
    let filter = filter(ctx, m)?;
    let fields = ctx.param("fields").map(body::comma_list);
    let window = paging::window(ctx, None)?;
    let rows = {
        let store = ctx.store();
        store
            .records(m.api_name)
            .filter(|(_, r)| filter(&r.fields))
            .map(|(id, r)| render(id, r, fields.as_deref()))
            .collect()
    };
    let sort = Sort {
        by: "id".into(),
        descending: false,
    };
    Ok(paging::answer(ctx, rows, window, &sort, None))
}

pub(crate) type Filter = Box<dyn Fn(&Fields) -> bool>;

/// The filter of `criteria`, `email`, `phone` or `word`, or `None` when none is given (a
/// count of every record).
pub(crate) fn optional_filter(ctx: &Ctx<'_>, m: &ModuleDef) -> Result<Option<Filter>, Answer> {
    let given = ["criteria", "email", "phone", "word"]
        .iter()
        .any(|p| ctx.param(p).is_some());
    if given {
        filter(ctx, m).map(Some)
    } else {
        Ok(None)
    }
}

fn filter(ctx: &Ctx<'_>, m: &ModuleDef) -> Result<Filter, Answer> {
    if let Some(text) = ctx.param("criteria") {
        let criteria = parse(text).ok_or_else(invalid_query)?;
        return Ok(Box::new(move |f| matches(&criteria, f)));
    }
    if let Some(email) = ctx.param("email") {
        let email = email.to_lowercase();
        let names = names_of(m, |k| k == FieldType::Email);
        return Ok(Box::new(move |f| any_equals(f, &names, &email)));
    }
    if let Some(phone) = ctx.param("phone") {
        let phone = phone.to_lowercase();
        let names = names_of(m, |k| k == FieldType::Phone);
        return Ok(Box::new(move |f| any_equals(f, &names, &phone)));
    }
    if let Some(word) = ctx.param("word") {
        let word = word.to_lowercase();
        return Ok(Box::new(move |f| {
            f.values()
                .any(|v| v.as_str().is_some_and(|s| s.to_lowercase().contains(&word)))
        }));
    }
    Err(answers::required_param_missing("criteria"))
}

fn names_of(m: &ModuleDef, keep: impl Fn(FieldType) -> bool) -> Vec<&'static str> {
    m.fields()
        .filter(|f| keep(f.kind))
        .map(|f| f.api_name)
        .collect()
}

fn any_equals(fields: &Fields, names: &[&str], wanted: &str) -> bool {
    names.iter().any(|n| {
        fields
            .get(*n)
            .is_some_and(|v| text_of(v).to_lowercase() == wanted)
    })
}

fn invalid_query() -> Answer {
    answers::error(
        StatusCode::BAD_REQUEST,
        "INVALID_QUERY",
        "invalid query formed",
        json!({ "reason": "invalid criteria" }),
    )
}

/// The text a value is compared as: lookups by name, numbers and booleans as written.
fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Object(map) => map.get("name").map(text_of).unwrap_or_default(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn matches(criteria: &Criteria, fields: &Fields) -> bool {
    match criteria {
        Criteria::And(a, b) => matches(a, fields) && matches(b, fields),
        Criteria::Or(a, b) => matches(a, fields) || matches(b, fields),
        Criteria::Condition { field, op, value } => {
            let have = fields.get(field).map(text_of).unwrap_or_default();
            compare(&have, op, value)
        }
    }
}

fn compare(have: &str, op: &str, want: &str) -> bool {
    let (h, w) = (have.to_lowercase(), want.to_lowercase());
    let numbers = have.parse::<f64>().ok().zip(want.parse::<f64>().ok());
    let order = match numbers {
        Some((a, b)) => a.partial_cmp(&b),
        None => Some(h.cmp(&w)),
    };
    use std::cmp::Ordering::*;
    match op {
        "equals" => h == w,
        "not_equal" => h != w,
        "starts_with" => h.starts_with(&w),
        "in" => w.split(',').any(|x| x.trim() == h),
        "greater_than" => order == Some(Greater),
        "greater_equal" => matches!(order, Some(Greater | Equal)),
        "less_than" => order == Some(Less),
        "less_equal" => matches!(order, Some(Less | Equal)),
        _ => false,
    }
}

/// Parses `(A:equals:x)and((B:starts_with:y)or(C:in:1,2))`.
fn parse(text: &str) -> Option<Criteria> {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut pos = 0;
    let criteria = expression(&chars, &mut pos)?;
    (pos == chars.len()).then_some(criteria)
}

fn expression(c: &[char], pos: &mut usize) -> Option<Criteria> {
    let mut left = group(c, pos)?;
    loop {
        let rest: String = c[*pos..].iter().take(3).collect::<String>().to_lowercase();
        if rest.starts_with("and") {
            *pos += 3;
            left = Criteria::And(Box::new(left), Box::new(group(c, pos)?));
        } else if rest.starts_with("or") {
            *pos += 2;
            left = Criteria::Or(Box::new(left), Box::new(group(c, pos)?));
        } else {
            return Some(left);
        }
    }
}

/// `( expression )` or `( field:op:value )`.
fn group(c: &[char], pos: &mut usize) -> Option<Criteria> {
    if c.get(*pos) != Some(&'(') {
        return None;
    }
    *pos += 1;
    let inner = if c.get(*pos) == Some(&'(') {
        expression(c, pos)?
    } else {
        condition(c, pos)?
    };
    if c.get(*pos) != Some(&')') {
        return None;
    }
    *pos += 1;
    Some(inner)
}

fn condition(c: &[char], pos: &mut usize) -> Option<Criteria> {
    let mut text = String::new();
    while let Some(&ch) = c.get(*pos) {
        match ch {
            '\\' if c.get(*pos + 1).is_some() => {
                text.push(c[*pos + 1]);
                *pos += 2;
            }
            ')' => break,
            _ => {
                text.push(ch);
                *pos += 1;
            }
        }
    }
    let mut parts = text.splitn(3, ':');
    let (field, op, value) = (parts.next()?, parts.next()?, parts.next()?);
    Some(Criteria::Condition {
        field: field.trim().to_string(),
        op: op.trim().to_ascii_lowercase(),
        value: value.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_evaluates_nested_criteria() {
        let c = parse("((Last_Name:equals:Smith)or(Last_Name:equals:Chen))and(No_of_Employees:greater_than:100)").unwrap();
        let mut f = Fields::new();
        f.insert("Last_Name".into(), json!("smith"));
        f.insert("No_of_Employees".into(), json!(250));
        assert!(matches(&c, &f));
        f.insert("No_of_Employees".into(), json!(50));
        assert!(!matches(&c, &f));
    }

    #[test]
    fn rejects_unbalanced_criteria() {
        assert!(parse("(Last_Name:equals:Smith").is_none());
        assert!(parse("Last_Name:equals:Smith").is_none());
        assert!(parse("(a:b)").is_none());
    }
}
