//! Reading request bodies and ids the way Zoho does: JSON with or without a `Content-Type`,
//! record ids as strings or integers, never through a float.

use serde_json::{Map, Value};
use zoho_spec::limits::MAX_RECORDS_PER_CALL;

use crate::answers::{self, Answer};

/// The body as a JSON object, or seed 002's `INVALID_DATA … "body"` answer.
pub(crate) fn object(bytes: &[u8]) -> Result<Map<String, Value>, Answer> {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(answers::body_not_object()),
    }
}

/// The `data` array of a write body, holding at most `MAX_RECORDS_PER_CALL` records.
pub(crate) fn data(body: &Map<String, Value>) -> Result<&Vec<Value>, Answer> {
    match body.get("data") {
        Some(Value::Array(items)) if items.len() > MAX_RECORDS_PER_CALL => {
            Err(answers::limit_exceeded(MAX_RECORDS_PER_CALL, "data"))
        }
        Some(Value::Array(items)) if !items.is_empty() => Ok(items),
        Some(Value::Array(_)) | None | Some(Value::Null) => {
            Err(answers::mandatory_body_key("data"))
        }
        Some(_) => Err(answers::error(
            axum::http::StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "invalid data",
            serde_json::json!({ "api_name": "data", "expected_data_type": "jsonarray" }),
        )),
    }
}

/// A record id given as a JSON string of digits or a JSON integer.
pub(crate) fn id_of(value: &Value) -> Option<u64> {
    match value {
        Value::String(s) => parse_id(s),
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

/// A record id written as text: digits only.
pub(crate) fn parse_id(text: &str) -> Option<u64> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// An id as the client wrote it, for echoing in error details.
pub(crate) fn id_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A comma-separated list, as Zoho takes `ids` and `fields`.
pub(crate) fn comma_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Decodes `%XX` escapes in a path segment (`+` stays a plus, unlike in a query).
pub(crate) fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_keep_every_digit() {
        let body: Value =
            serde_json::from_str(r#"{"a": 3652397000000327001, "b": "4150868000003384003"}"#)
                .unwrap();
        assert_eq!(id_of(&body["a"]), Some(3_652_397_000_000_327_001));
        assert_eq!(id_of(&body["b"]), Some(4_150_868_000_003_384_003));
        assert_eq!(id_of(&json!(1.5)), None);
        assert_eq!(id_of(&json!("12a")), None);
    }

    #[test]
    fn malformed_json_is_seed_002s_invalid_data() {
        let err = object(b"{\"data\": [ {\"id\": 123\n \"x\": 1} ]}").unwrap_err();
        assert_eq!(
            err.body.unwrap(),
            json!({"code":"INVALID_DATA","details":{"expected_data_type":"jsonobject"},"message":"body","status":"error"})
        );
    }

    #[test]
    fn data_is_limited_to_one_hundred() {
        let many: Vec<Value> = (0..101).map(|_| json!({})).collect();
        let body = json!({ "data": many });
        let err = data(body.as_object().unwrap()).unwrap_err();
        assert_eq!(
            err.body.unwrap()["details"],
            json!({"limit":"100","param_name":"data"})
        );
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("ext%20contact%2F3"), "ext contact/3");
        assert_eq!(percent_decode("a+b%"), "a+b%");
    }
}
