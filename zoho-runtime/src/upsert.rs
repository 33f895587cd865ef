//! An insert sent again without the risk of a second record.
//!
//! Zoho has no idempotency keys, but an upsert keyed on a field no two records share
//! (`duplicate_check_fields`) cannot create a second record when it is sent again: it finds the
//! first and updates it with the same values. So when a batch of an endpoint that declares
//! [`EndpointMeta::unique`] fields fails in a way that leaves its fate unknown, the records of
//! it that carry a value for one of those fields are sent again to `/{module}/upsert`, and
//! Zoho's `action` says which it created and which it found already there. Records without a
//! value for any of them stay in doubt: an upsert could not find them, so it could duplicate
//! them.

use std::sync::Mutex;

use serde_json::{Map, Value};

use crate::error::Error;
use crate::meta::{EndpointMeta, Segment};
use crate::outcome::Outcomes;
use crate::request::RequestParts;
use crate::types::Method;

/// The body key that names the fields an upsert matches on.
const DUPLICATE_CHECK_FIELDS: &str = "duplicate_check_fields";

/// The upsert endpoints derived so far, one per insert endpoint, kept for the program's life as
/// a declaration's own `static` is; keyed by the address of the insert's description.
static DERIVED: Mutex<Vec<(usize, &'static EndpointMeta)>> = Mutex::new(Vec::new());

/// The upsert that stands for an insert endpoint when it is sent again, when it has one: a
/// `POST` of records to `/{module}` that declares unique fields and is not already safe to
/// repeat.
pub(crate) fn upsert_of(meta: &'static EndpointMeta) -> Option<&'static EndpointMeta> {
    let insert = meta.method == Method::Post
        && !meta.idempotent
        && !meta.unique.is_empty()
        && meta.batch.is_some()
        && meta.segments.len() == 1;
    if !insert {
        return None;
    }
    let key = meta as *const EndpointMeta as usize;
    // A poisoned lock only means another thread panicked while pushing: the list is whole.
    let mut derived = DERIVED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, upsert)) = derived.iter().find(|(k, _)| *k == key) {
        return Some(upsert);
    }
    let upsert: &'static EndpointMeta = Box::leak(Box::new(derive(meta)));
    derived.push((key, upsert));
    Some(upsert)
}

fn derive(meta: &'static EndpointMeta) -> EndpointMeta {
    let mut segments = meta.segments.to_vec();
    segments.push(Segment::Literal("upsert"));
    EndpointMeta {
        path: Box::leak(format!("{}/upsert", meta.path).into_boxed_str()),
        segments: Box::leak(segments.into_boxed_slice()),
        idempotent: true,
        ..*meta
    }
}

/// The upsert request for the records of `insert` that carry a key, with their positions in
/// the insert's `data`; `None` when none carries one.
pub(crate) fn resend_request(
    insert: &RequestParts,
    upsert: &'static EndpointMeta,
) -> Result<Option<(RequestParts, Vec<usize>)>, Error> {
    let body = insert.body_bytes().unwrap_or(b"{}");
    let mut body: Map<String, Value> = serde_json::from_slice(body).map_err(Error::serialize)?;
    let Some(Value::Array(records)) = body.remove("data") else {
        return Ok(None);
    };
    let keys = upsert.unique;
    let (positions, keyed): (Vec<usize>, Vec<Value>) = records
        .into_iter()
        .enumerate()
        .filter(|(_, record)| carries_key(record, keys))
        .unzip();
    if positions.is_empty() {
        return Ok(None);
    }
    body.entry(DUPLICATE_CHECK_FIELDS)
        .or_insert_with(|| Value::from(keys.to_vec()));
    body.insert("data".to_owned(), Value::Array(keyed));
    let bytes = serde_json::to_vec(&body).map_err(Error::serialize)?;
    Ok(Some((
        insert.redirected(upsert, bytes, positions.len()),
        positions,
    )))
}

/// Whether an upsert on `keys` can find the record once stored: it has a value for one.
pub(crate) fn carries_key(record: &Value, keys: &[&str]) -> bool {
    keys.iter().any(|key| match record.get(*key) {
        None | Some(Value::Null) => false,
        Some(Value::String(text)) => !text.trim().is_empty(),
        Some(_) => true,
    })
}

/// What sending again did for a batch's records.
pub(crate) enum Resent {
    /// Nothing was sent again: no record carries a key.
    Nothing,
    /// Zoho's verdicts, one for the record at each position of the batch.
    Answered {
        /// Positions in the batch, in the order sent.
        positions: Vec<usize>,
        /// One outcome per position.
        outcomes: Outcomes,
    },
    /// The upsert failed as a whole.
    Failed {
        /// Positions in the batch of the records it carried.
        positions: Vec<usize>,
        /// Its error.
        error: Error,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::BatchAxis;

    static INSERT: EndpointMeta = EndpointMeta::new(Method::Post, "/<module>")
        .segments(&[Segment::Field("module")])
        .scopes(&["ZohoCRM.modules.<module>.CREATE"])
        .batch(BatchAxis::Records)
        .unique(&["Email"]);

    #[test]
    fn an_insert_with_keys_is_sent_again_as_an_upsert_of_the_keyed_records() {
        let upsert = upsert_of(&INSERT).unwrap();
        assert_eq!(upsert.path, "/<module>/upsert");
        assert!(upsert.idempotent);
        assert!(
            std::ptr::eq(upsert, upsert_of(&INSERT).unwrap()),
            "derived once"
        );
        let mut parts = RequestParts::new(&INSERT);
        parts.path_value("module", "Leads").unwrap();
        let records = serde_json::json!([
            {"Last_Name": "a", "Email": "a@x.com"},
            {"Last_Name": "b", "Email": " "},
            {"Last_Name": "c"},
            {"Last_Name": "d", "Email": "d@x.com"}
        ]);
        let mut body = parts.body();
        body.records(records.as_array().unwrap(), None).unwrap();
        body.envelope("trigger", &["workflow"]).unwrap();
        body.finish();
        let (resend, positions) = resend_request(&parts, upsert).unwrap().unwrap();
        assert_eq!(positions, [0, 3]);
        assert_eq!(resend.path().unwrap(), "/Leads/upsert");
        assert_eq!(resend.expected_outcomes(), Some(2));
        let sent: Value = serde_json::from_slice(resend.body_bytes().unwrap()).unwrap();
        assert_eq!(sent["duplicate_check_fields"], serde_json::json!(["Email"]));
        assert_eq!(sent["trigger"], serde_json::json!(["workflow"]));
        assert_eq!(sent["data"][1]["Last_Name"], "d");
    }

    #[test]
    fn endpoints_that_are_not_inserts_with_keys_have_no_upsert() {
        static PLAIN: EndpointMeta = EndpointMeta::new(Method::Post, "/Leads")
            .segments(&[Segment::Literal("Leads")])
            .batch(BatchAxis::Records);
        static UPDATE: EndpointMeta = EndpointMeta::new(Method::Put, "/Leads")
            .segments(&[Segment::Literal("Leads")])
            .batch(BatchAxis::Records)
            .unique(&["Email"]);
        assert!(upsert_of(&PLAIN).is_none());
        assert!(upsert_of(&UPDATE).is_none());
    }
}
