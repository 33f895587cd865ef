//! Running a parsed query over the store: which records match, in which order, and which of
//! their fields are answered.
//!
//! Text compares without regard to case, numbers as numbers, a lookup (`Owner`) by its `id`
//! unless a part of it is named (`Owner.name`), a multi-select as its values joined by `;`
//! (`Languages_Known = 'English;German'`). A missing or empty value is `null`: only `is null`
//! and the negated tests match it.

use std::cmp::Ordering;

use serde_json::{Map, Value as Json};

use super::error::CoqlError;
use super::parser::{Criteria, Query, Test, Value};
use crate::schema::ModuleDef;
use crate::store::{Fields, Store};

/// Every column the query names exists in the module (`id` always does).
pub(crate) fn check_columns(m: &ModuleDef, q: &Query) -> Result<(), CoqlError> {
    let known = |column: &str| {
        let head = column.split('.').next().unwrap_or(column);
        head == "id" || m.fields().any(|f| f.api_name == head)
    };
    let mut named: Vec<(&str, &str)> = q.columns.iter().map(|c| (c.as_str(), "select")).collect();
    named.extend(q.order.iter().map(|(c, _)| (c.as_str(), "order by")));
    if let Some(criteria) = &q.criteria {
        criteria_columns(criteria, &mut named);
    }
    match named.into_iter().find(|(c, _)| !known(c)) {
        Some((column, clause)) => Err(CoqlError::invalid_column(column, clause)),
        None => Ok(()),
    }
}

fn criteria_columns<'q>(c: &'q Criteria, out: &mut Vec<(&'q str, &'static str)>) {
    match c {
        Criteria::And(a, b) | Criteria::Or(a, b) => {
            criteria_columns(a, out);
            criteria_columns(b, out);
        }
        Criteria::Test(column, _) => out.push((column.as_str(), "where")),
    }
}

/// The rows of the query's window, and whether more match after it.
pub(crate) fn run(store: &Store, m: &ModuleDef, q: &Query) -> (Vec<Json>, bool) {
    let mut hits: Vec<(u64, &Fields)> = store
        .records(m.api_name)
        .map(|(id, r)| (id, &r.fields))
        .filter(|(id, f)| q.criteria.as_ref().is_none_or(|c| matches(c, *id, f)))
        .collect();
    hits.sort_by(|a, b| order(q, a, b));
    let more = hits.len() > q.offset.saturating_add(q.limit);
    let rows = hits
        .iter()
        .skip(q.offset)
        .take(q.limit)
        .map(|(id, f)| row(q, *id, f))
        .collect();
    (rows, more)
}

/// The query's order, then the id ascending (Zoho's default), so pages never overlap.
fn order(q: &Query, a: &(u64, &Fields), b: &(u64, &Fields)) -> Ordering {
    for (column, descending) in &q.order {
        let x = column_value(a.0, a.1, column);
        let y = column_value(b.0, b.1, column);
        let o = compare_json(&x, &y);
        if o != Ordering::Equal {
            return if *descending { o.reverse() } else { o };
        }
    }
    a.0.cmp(&b.0)
}

fn row(q: &Query, id: u64, fields: &Fields) -> Json {
    let mut out = Map::new();
    for column in &q.columns {
        out.insert(column.clone(), column_value(id, fields, column));
    }
    out.insert("id".into(), Json::String(id.to_string()));
    Json::Object(out)
}

/// A column's value: `id`, a field, or a part of one (`Owner.name`).
fn column_value(id: u64, fields: &Fields, column: &str) -> Json {
    if column == "id" {
        return Json::String(id.to_string());
    }
    let mut parts = column.split('.');
    let head = parts.next().unwrap_or(column);
    let mut value = fields.get(head).cloned().unwrap_or(Json::Null);
    for part in parts {
        value = value.get(part).cloned().unwrap_or(Json::Null);
    }
    value
}

/// Whether a record matches the criteria.
pub(crate) fn matches(c: &Criteria, id: u64, fields: &Fields) -> bool {
    match c {
        Criteria::And(a, b) => matches(a, id, fields) && matches(b, id, fields),
        Criteria::Or(a, b) => matches(a, id, fields) || matches(b, id, fields),
        Criteria::Test(column, test) => {
            let value = comparable(&column_value(id, fields, column), column.contains('.'));
            passes(test, value.as_ref())
        }
    }
}

/// A stored value as COQL compares it; `None` for null.
#[derive(Debug, Clone, PartialEq)]
enum Have {
    Text(String),
    Number(f64),
    Bool(bool),
}

fn comparable(value: &Json, part_named: bool) -> Option<Have> {
    match value {
        Json::Null => None,
        Json::String(s) if s.is_empty() => None,
        Json::String(s) => Some(Have::Text(s.clone())),
        Json::Number(n) => n.as_f64().map(Have::Number),
        Json::Bool(b) => Some(Have::Bool(*b)),
        Json::Array(items) => {
            let texts: Vec<String> = items.iter().map(text_of).collect();
            Some(Have::Text(texts.join(";"))).filter(|_| !texts.is_empty())
        }
        Json::Object(map) if !part_named => map.get("id").and_then(|id| comparable(id, true)),
        Json::Object(_) => None,
    }
}

fn text_of(value: &Json) -> String {
    match value {
        Json::String(s) => s.clone(),
        Json::Object(map) => map.get("name").map(text_of).unwrap_or_default(),
        other => other.to_string(),
    }
}

fn passes(test: &Test, have: Option<&Have>) -> bool {
    match test {
        Test::Null { negated } => have.is_none() != *negated,
        Test::Compare(op, want) => have.is_some_and(|h| compare_op(op, h, want)),
        Test::Like { pattern, negated } => match have {
            Some(h) => like(&as_text(h), pattern) != *negated,
            None => *negated,
        },
        Test::In { values, negated } => match have {
            Some(h) => {
                values
                    .iter()
                    .any(|v| order_of(h, v) == Some(Ordering::Equal))
                    != *negated
            }
            None => *negated,
        },
        Test::Between { low, high, negated } => match have {
            Some(h) => {
                let inside = matches!(order_of(h, low), Some(Ordering::Greater | Ordering::Equal))
                    && matches!(order_of(h, high), Some(Ordering::Less | Ordering::Equal));
                inside != *negated
            }
            None => *negated,
        },
    }
}

fn compare_op(op: &str, have: &Have, want: &Value) -> bool {
    let Some(o) = order_of(have, want) else {
        return op == "!=";
    };
    match op {
        "=" => o == Ordering::Equal,
        "!=" => o != Ordering::Equal,
        "<" => o == Ordering::Less,
        ">" => o == Ordering::Greater,
        "<=" => o != Ordering::Greater,
        ">=" => o != Ordering::Less,
        _ => false,
    }
}

/// How a stored value orders against a literal; `None` when they cannot be compared.
fn order_of(have: &Have, want: &Value) -> Option<Ordering> {
    match (have, want) {
        (Have::Number(a), Value::Number(b)) => a.partial_cmp(b),
        (Have::Text(a), Value::Number(b)) => a.trim().parse::<f64>().ok()?.partial_cmp(b),
        (Have::Number(a), Value::Text(b)) => a.partial_cmp(&b.trim().parse::<f64>().ok()?),
        (Have::Text(a), Value::Text(b)) => Some(a.to_lowercase().cmp(&b.to_lowercase())),
        (Have::Bool(a), Value::Bool(b)) => Some(a.cmp(b)),
        (Have::Bool(a), Value::Text(b)) => Some(a.to_string().cmp(&b.to_lowercase())),
        _ => None,
    }
}

fn as_text(have: &Have) -> String {
    match have {
        Have::Text(t) => t.clone(),
        Have::Number(n) => n.to_string(),
        Have::Bool(b) => b.to_string(),
    }
}

/// `%` stands for any text, the rest is matched without regard to case.
pub(crate) fn like(text: &str, pattern: &str) -> bool {
    let text = text.to_lowercase();
    let pattern = pattern.to_lowercase();
    let parts: Vec<&str> = pattern.split('%').collect();
    let (first, rest) = (parts[0], &parts[1..]);
    let Some(mut left) = text.strip_prefix(first) else {
        return false;
    };
    let Some((last, middle)) = rest.split_last() else {
        return left.is_empty();
    };
    for part in middle {
        match left.find(part) {
            Some(at) => left = &left[at + part.len()..],
            None => return false,
        }
    }
    left.len() >= last.len() && left.ends_with(last)
}

/// The order of two stored values for `order by`: nulls first, numbers as numbers, text
/// without regard to case.
fn compare_json(a: &Json, b: &Json) -> Ordering {
    match (comparable(a, true), comparable(b, true)) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(Have::Number(x)), Some(Have::Number(y))) => {
            x.partial_cmp(&y).unwrap_or(Ordering::Equal)
        }
        (Some(x), Some(y)) => as_text(&x).to_lowercase().cmp(&as_text(&y).to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coql::parser::parse;
    use serde_json::json;

    fn record(value: Json) -> Fields {
        value.as_object().unwrap().clone()
    }

    fn hit(query: &str, fields: &Fields) -> bool {
        let q = parse(&format!("select id from Leads where {query}")).unwrap();
        matches(q.criteria.as_ref().unwrap(), 7, fields)
    }

    #[test]
    fn evaluates_each_operator() {
        let f = record(json!({
            "Last_Name": "Bryant", "Annual_Revenue": 250, "Email": null,
            "Owner": {"id": "42", "name": "Patricia"}, "Languages": ["English", "German"],
        }));
        assert!(hit("Last_Name = 'bryant'", &f));
        assert!(hit("Last_Name != 'Chen'", &f));
        assert!(hit("Annual_Revenue > 100", &f) && !hit("Annual_Revenue < 100", &f));
        assert!(hit("Annual_Revenue >= 250 and Annual_Revenue <= 250", &f));
        assert!(hit("Last_Name like 'Bry%'", &f) && hit("Last_Name like '%an%'", &f));
        assert!(hit("Last_Name not like '%x%'", &f) && !hit("Last_Name like 'ant%'", &f));
        assert!(hit("Last_Name in ('Chen', 'Bryant')", &f));
        assert!(hit("Last_Name not in ('Chen')", &f));
        assert!(hit("Email is null", &f) && hit("Last_Name is not null", &f));
        assert!(hit("Annual_Revenue between 200 and 300", &f));
        assert!(hit("Annual_Revenue not between 1 and 2", &f));
        assert!(hit("Owner = '42'", &f) && hit("Owner.name = 'patricia'", &f));
        assert!(hit("Languages = 'English;German'", &f));
        assert!(hit(
            "(Last_Name = 'x' or (Email is null and Owner = 42))",
            &f
        ));
    }

    #[test]
    fn like_matches_percent_anywhere() {
        assert!(like("Zylker Corp", "z%corp"));
        assert!(like("abc", "%"));
        assert!(like("abc", "a%b%c"));
        assert!(!like("abc", "a%d"));
        assert!(!like("ab", "ab%b"));
    }
}
