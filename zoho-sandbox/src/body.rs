//! Reading request bodies and ids the way Zoho does: JSON with or without a `Content-Type`,
//! record ids as strings or integers, never through a float.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};
use zoho_spec::limits::MAX_RECORDS_PER_CALL;

use crate::answers::{self, Answer};
use crate::store::{name_cmp, FieldRef, FieldSet, Input};

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

/// One record of a write body's `data`, its keys borrowed from the body where they need no
/// unescaping: the entries sorted by key, each key once (the last one given wins, as in a
/// parsed JSON object).
#[derive(Debug, Default)]
pub(crate) struct Given<'a> {
    entries: Vec<(Cow<'a, str>, Input<'a>)>,
}

impl<'a> Given<'a> {
    /// The record of an object already parsed.
    pub(crate) fn from_map(map: Map<String, Value>) -> Given<'static> {
        // A `Map` iterates in key order, its keys unique.
        Given {
            entries: map
                .into_iter()
                .map(|(k, v)| (Cow::Owned(k), Input::from_value(v)))
                .collect(),
        }
    }

    fn from_entries(mut entries: Vec<(Cow<'a, str>, Input<'a>)>) -> Self {
        // A stable sort keeps repeated keys in the order given; the last one's value is kept.
        entries.sort_by(|a, b| name_cmp(&a.0, &b.0));
        entries.dedup_by(|later, earlier| {
            let same = later.0 == earlier.0;
            if same {
                std::mem::swap(&mut later.1, &mut earlier.1);
            }
            same
        });
        Given { entries }
    }

    /// How many entries it has.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The entries, by increasing key.
    pub(crate) fn into_entries(self) -> impl Iterator<Item = (Cow<'a, str>, Input<'a>)> {
        self.entries.into_iter()
    }
}

impl FieldSet for Given<'_> {
    fn value(&self, name: &str) -> Option<FieldRef<'_>> {
        let at = self
            .entries
            .binary_search_by(|(k, _)| name_cmp(k, name))
            .ok()?;
        Some(self.entries[at].1.as_ref())
    }

    fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_ref())
    }
}

/// One item of a write body's `data`: a record, or something that is not a JSON object.
#[derive(Debug)]
pub(crate) enum Item<'a> {
    /// A JSON object.
    Record(Given<'a>),
    /// Any other JSON value.
    NotObject,
}

/// The items of a write body's `data`, parsed straight from the bytes (no `Value` tree of the
/// whole body), refused as [`object`] and [`data`] refuse them.
pub(crate) fn write_items(bytes: &[u8]) -> Result<Vec<Item<'_>>, Answer> {
    // Checked as UTF-8 once, rather than string by string as `from_slice` does.
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(answers::body_not_object());
    };
    let Ok(WriteBody(data)) = serde_json::from_str::<WriteBody<'_>>(text) else {
        return Err(answers::body_not_object());
    };
    match data {
        Data::Items(items) if items.len() > MAX_RECORDS_PER_CALL => {
            Err(answers::limit_exceeded(MAX_RECORDS_PER_CALL, "data"))
        }
        Data::Items(items) if !items.is_empty() => Ok(items),
        Data::Items(_) | Data::Absent | Data::Null => Err(answers::mandatory_body_key("data")),
        Data::Other => Err(answers::error(
            axum::http::StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "invalid data",
            serde_json::json!({ "api_name": "data", "expected_data_type": "jsonarray" }),
        )),
    }
}

/// A write body: a JSON object whose `data` is kept and whose other keys are only checked.
struct WriteBody<'a>(Data<'a>);

/// What a write body's `data` holds.
enum Data<'a> {
    Absent,
    Null,
    Items(Vec<Item<'a>>),
    Other,
}

/// A key, borrowed from the body unless it holds escapes.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(Key)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

impl<'de> Deserialize<'de> for WriteBody<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Top;
        impl<'de> Visitor<'de> for Top {
            type Value = WriteBody<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut data = Data::Absent;
                while let Some(key) = map.next_key_seed(Key)? {
                    if key == "data" {
                        data = map.next_value()?;
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(WriteBody(data))
            }
        }
        d.deserialize_map(Top)
    }
}

/// Answers `Other` for a scalar of any kind.
macro_rules! other_scalars {
    ($($name:ident: $t:ty),*) => {
        $(fn $name<E: de::Error>(self, _: $t) -> Result<Self::Value, E> {
            Ok(Self::OTHER)
        })*
    };
}

impl<'de> Deserialize<'de> for Data<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl V {
            const OTHER: Data<'static> = Data::Other;
        }
        impl<'de> Visitor<'de> for V {
            type Value = Data<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON value")
            }

            other_scalars!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64,
                visit_str: &str);

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Data::Null)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Data::Items(items))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Data::Other)
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Item<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl V {
            const OTHER: Item<'static> = Item::NotObject;
        }
        impl<'de> Visitor<'de> for V {
            type Value = Item<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON value")
            }

            other_scalars!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64,
                visit_str: &str);

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Item::NotObject)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Item::NotObject)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(32));
                while let Some(key) = map.next_key_seed(Key)? {
                    entries.push((key, map.next_value_seed(InputSeed)?));
                }
                Ok(Item::Record(Given::from_entries(entries)))
            }
        }
        d.deserialize_any(V)
    }
}

/// A field's value in a body's record: text borrowed where it can be, anything else as the
/// `Value` serde_json would parse.
struct InputSeed;

impl<'de> DeserializeSeed<'de> for InputSeed {
    type Value = Input<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for InputSeed {
    type Value = Input<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Input::Text(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Input::Text(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Input::Text(Cow::Owned(v)))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Input::Json(Value::Bool(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Input::Json(Value::from(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Input::Json(Value::from(v)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Input::Json(Value::from(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Input::Json(Value::Null))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Value::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Input::Json)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Value::deserialize(de::value::MapAccessDeserializer::new(map)).map(Input::Json)
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

    /// What `write_items` reads, as the `Value` path reads it: records as maps, others `None`.
    fn items_read(bytes: &[u8]) -> Result<Vec<Option<Map<String, Value>>>, Value> {
        let items = write_items(bytes).map_err(|a| a.body.unwrap())?;
        Ok(items
            .into_iter()
            .map(|item| match item {
                Item::Record(given) => Some(
                    given
                        .into_entries()
                        .map(|(k, v)| (k.into_owned(), v.into_value()))
                        .collect(),
                ),
                Item::NotObject => None,
            })
            .collect())
    }

    fn items_by_value(bytes: &[u8]) -> Result<Vec<Option<Map<String, Value>>>, Value> {
        let body = object(bytes).map_err(|a| a.body.unwrap())?;
        let items = data(&body).map_err(|a| a.body.unwrap())?;
        Ok(items.iter().map(|v| v.as_object().cloned()).collect())
    }

    #[test]
    fn write_items_read_bodies_as_the_value_tree_does() {
        let many = format!("{{\"data\": [{}]}}", vec!["{}"; 101].join(","));
        let bodies: Vec<&[u8]> = vec![
            br#"{"data": [{"id": "1", "Last_Name": "A", "b": {"x": [1, 2.5, null]}}]}"#,
            br#"{"trigger": ["workflow"], "data": [{"z": 1, "a": 2, "z": 3}, 7, [1], null, "s"]}"#,
            br#"{"data": [{"Last_\u004eame": "\"quoted\"", "id": 12}], "data": [{"k": true}]}"#,
            br#"{"data": []}"#,
            br#"{"data": null}"#,
            br#"{"other": 1}"#,
            br#"{"data": {"id": "1"}}"#,
            br#"{"data": "x"}"#,
            br#"{"data": 1.5}"#,
            br#"[{"id": "1"}]"#,
            br#"{"data": [{"id": "1"}]} trailing"#,
            br#"{"data": [{"id": "1",}]}"#,
            b"{\"data\": [{\"Last_Name\": \"\xff\"}]}",
            b"{\"data\": [{\"Last_Name\": \"\xc3\xa9t\xc3\xa9\", \"k\": \"\\u00e9\"}]}",
            b"{\"data\": [{\"Last_Name\": \"\xc3\xa9t\xc3\xa9\"}]} \xff",
            b"",
            many.as_bytes(),
        ];
        for body in bodies {
            assert_eq!(
                items_read(body),
                items_by_value(body),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("ext%20contact%2F3"), "ext contact/3");
        assert_eq!(percent_decode("a+b%"), "a+b%");
    }
}
