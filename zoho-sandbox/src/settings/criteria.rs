//! Zoho's criteria (`{comparator, field: {api_name}, value}` or `{group_operator, group: […]}`),
//! evaluated against a stored record, for the settings whose effect depends on one: record
//! locking rules and scoring rules.
//!
//! A comparator this file does not know matches nothing, so an unknown rule never locks or
//! scores a record by accident.

use serde_json::Value;

use crate::store::Fields;

/// Whether the record's fields meet the criteria.
pub(crate) fn matches(criteria: &Value, fields: &Fields) -> bool {
    if let Some(group) = criteria.get("group").and_then(Value::as_array) {
        let or = criteria
            .get("group_operator")
            .and_then(Value::as_str)
            .is_some_and(|op| op.eq_ignore_ascii_case("or"));
        let mut each = group.iter().map(|c| matches(c, fields));
        return if or { each.any(|m| m) } else { each.all(|m| m) };
    }
    let Some(field) = criteria.pointer("/field/api_name").and_then(Value::as_str) else {
        return false;
    };
    let comparator = criteria
        .get("comparator")
        .and_then(Value::as_str)
        .unwrap_or("");
    let wanted = criteria.get("value").unwrap_or(&Value::Null);
    compare(
        comparator,
        fields.get(field).unwrap_or(&Value::Null),
        wanted,
    )
}

fn compare(comparator: &str, actual: &Value, wanted: &Value) -> bool {
    let (a, w) = (text(actual), text(wanted));
    match comparator {
        "equal" => equal(actual, wanted),
        "not_equal" => !equal(actual, wanted),
        "in" => wanted
            .as_array()
            .is_some_and(|xs| xs.iter().any(|x| equal(actual, x))),
        "not_in" => wanted
            .as_array()
            .is_some_and(|xs| !xs.iter().any(|x| equal(actual, x))),
        "contains" => contains(&a, &w),
        "not_contains" => !contains(&a, &w),
        "starts_with" => a.to_lowercase().starts_with(&w.to_lowercase()),
        "ends_with" => a.to_lowercase().ends_with(&w.to_lowercase()),
        "is_empty" | "empty" => a.is_empty(),
        "is_not_empty" | "not_empty" => !a.is_empty(),
        "greater_than" => order(actual, wanted).is_some_and(|o| o.is_gt()),
        "greater_equal" => order(actual, wanted).is_some_and(|o| o.is_ge()),
        "less_than" => order(actual, wanted).is_some_and(|o| o.is_lt()),
        "less_equal" => order(actual, wanted).is_some_and(|o| o.is_le()),
        _ => false,
    }
}

/// Equal as Zoho compares text: without regard to case; a lookup by its id or its name.
fn equal(actual: &Value, wanted: &Value) -> bool {
    if let Value::Object(lookup) = actual {
        return ["id", "name"]
            .iter()
            .any(|k| lookup.get(*k).is_some_and(|v| equal(v, wanted)));
    }
    text(actual).eq_ignore_ascii_case(&text(wanted))
}

fn contains(actual: &str, wanted: &str) -> bool {
    actual.to_lowercase().contains(&wanted.to_lowercase())
}

/// Numbers by value, anything else (dates, times) as text.
fn order(actual: &Value, wanted: &Value) -> Option<std::cmp::Ordering> {
    if actual.is_null() {
        return None;
    }
    let number = |v: &Value| v.as_f64().or_else(|| v.as_str()?.parse().ok());
    match (number(actual), number(wanted)) {
        (Some(a), Some(w)) => a.partial_cmp(&w),
        _ => Some(text(actual).cmp(&text(wanted))),
    }
}

fn text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Object(map) => map.get("name").map(text).unwrap_or_default(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(v: Value) -> Fields {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn groups_combine_their_conditions() {
        let record = fields(json!({"Lead_Status": "Junk Lead", "Annual_Revenue": 5000}));
        let status = json!({"comparator": "equal", "field": {"api_name": "Lead_Status"}, "value": "junk lead"});
        let rich = json!({"comparator": "greater_than", "field": {"api_name": "Annual_Revenue"}, "value": 10000});
        assert!(matches(&status, &record));
        assert!(!matches(&rich, &record));
        let and = json!({"group_operator": "AND", "group": [status.clone(), rich.clone()]});
        let or = json!({"group_operator": "OR", "group": [status, rich]});
        assert!(!matches(&and, &record));
        assert!(matches(&or, &record));
    }

    #[test]
    fn unknown_comparators_match_nothing() {
        let record = fields(json!({"Email": "a@b.c"}));
        let odd =
            json!({"comparator": "sounds_like", "field": {"api_name": "Email"}, "value": "a@b.c"});
        assert!(!matches(&odd, &record));
    }
}
