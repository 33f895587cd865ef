//! The default lookup: a search of the module (`GET /{module}/search?criteria=…`) for each
//! record in doubt, by its unique fields or by fields the caller names, the records found then
//! compared with the record sent.
//!
//! A search only answers for what Zoho's search index holds. The sandbox's search reads the
//! store itself; whether Zoho's search lists a record created a moment ago is not documented,
//! so reconcile a while after the call, or use a [`Locator`] of your own (COQL, a report) where
//! that matters.

use std::ops::Range;

use futures_util::future::BoxFuture;
use futures_util::stream::{self, StreamExt};
use serde::Deserialize;
use serde_json::Value;

use super::{InDoubt, Locator, Verdict};
use crate::client::Client;
use crate::endpoint::{
    decode_json, Endpoint, EndpointMeta, Method, RawResponse, RequestParts, Segment,
};
use crate::error::Error;
use crate::types::RecordId;

/// Searches the module for each record in doubt: by the endpoint's unique fields
/// ([`SearchLocator::by_key`]), or by fields named ([`SearchLocator::by_fields`]) that together
/// tell a record apart.
///
/// The verdict: no record found, [`Verdict::NotApplied`]; one record found whose values agree
/// with every plain value sent (text, number, boolean; case and surrounding spaces aside),
/// [`Verdict::Applied`] with its id; otherwise [`Verdict::CannotTell`], saying how many were
/// found and why none or several fit. A search that fails (after the client's retries) cannot
/// tell either, with its error.
#[derive(Clone, Debug, Default)]
pub struct SearchLocator {
    fields: Vec<String>,
}

impl SearchLocator {
    /// Searches by the endpoint's unique fields: a record is found by any of them it carries.
    pub fn by_key() -> Self {
        SearchLocator::default()
    }

    /// Searches by these fields, all of them: each record in doubt must carry a value for each.
    pub fn by_fields<I, S>(fields: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        SearchLocator {
            fields: fields.into_iter().map(Into::into).collect(),
        }
    }

    async fn verdict(&self, client: &Client, doubt: &InDoubt) -> Verdict {
        let criteria = match self.criteria(doubt) {
            Ok(criteria) => criteria,
            Err(reason) => return Verdict::CannotTell(reason),
        };
        let call = SearchRecords {
            module: doubt.module.clone(),
            criteria,
        };
        match client.send(&call).await {
            Err(error) => Verdict::CannotTell(format!("the search failed: {error}")),
            Ok(None) => Verdict::NotApplied,
            Ok(Some(page)) if page.data.is_empty() => Verdict::NotApplied,
            Ok(Some(page)) => decide(&doubt.record, &page.data),
        }
    }

    /// `(A:equals:x)and(B:equals:y)` for named fields, `(K:equals:x)or(L:equals:y)` for keys.
    fn criteria(&self, doubt: &InDoubt) -> Result<String, String> {
        if !self.fields.is_empty() {
            let conditions = self
                .fields
                .iter()
                .map(|field| match doubt.record.get(field).and_then(plain_text) {
                    Some(text) => Ok(condition(field, &text)),
                    None => Err(format!(
                        "the record has no plain value for `{field}` to search by"
                    )),
                })
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(conditions.join("and"));
        }
        if doubt.keys.is_empty() {
            return Err(
                "the endpoint declares no unique field and no field was named to \
                        search by (`SearchLocator::by_fields`)"
                    .to_owned(),
            );
        }
        let conditions: Vec<String> = doubt
            .keys
            .iter()
            .filter_map(|key| {
                let text = doubt.record.get(*key).and_then(plain_text)?;
                (!text.trim().is_empty()).then(|| condition(key, &text))
            })
            .collect();
        if conditions.is_empty() {
            return Err(format!(
                "the record carries none of the unique fields `{}` to search by",
                doubt.keys.join("`, `")
            ));
        }
        Ok(conditions.join("or"))
    }
}

impl Locator for SearchLocator {
    fn look_up<'a>(
        &'a self,
        client: &'a Client,
        doubts: &'a [InDoubt],
    ) -> BoxFuture<'a, Vec<Verdict>> {
        Box::pin(
            stream::iter(doubts)
                .map(move |doubt| self.verdict(client, doubt))
                .buffered(client.max_concurrent())
                .collect(),
        )
    }
}

/// `(Field:equals:value)`, with the characters Zoho's criteria give a meaning escaped.
fn condition(field: &str, value: &str) -> String {
    let mut out = format!("({field}:equals:");
    for ch in value.chars() {
        if matches!(ch, '\\' | '(' | ')' | ',') {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push(')');
    out
}

/// A value a search can match and a comparison can check: text, a number, a boolean.
fn plain_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The one record found that agrees with the record sent, or why there is not one.
fn decide(sent: &Value, found: &[Value]) -> Verdict {
    let fitting: Vec<&Value> = found.iter().filter(|r| agrees(sent, r)).collect();
    match fitting[..] {
        [record] => match record.get("id").and_then(plain_text) {
            Some(id) => Verdict::Applied(RecordId::new(id)),
            None => Verdict::CannotTell("the record found has no `id`".to_owned()),
        },
        [] => Verdict::CannotTell(format!(
            "{} record(s) found by the search, none with every value sent",
            found.len()
        )),
        _ => Verdict::CannotTell(format!(
            "{} records found with every value sent; the fields searched do not tell them apart",
            fitting.len()
        )),
    }
}

/// Whether every plain value sent is the value the record found holds (fields the answer
/// leaves out, and values that are not plain, are not compared).
fn agrees(sent: &Value, found: &Value) -> bool {
    let Some(sent) = sent.as_object() else {
        return false;
    };
    sent.iter().all(|(key, value)| {
        let (Some(want), Some(have)) = (plain_text(value), found.get(key)) else {
            return true;
        };
        match plain_text(have) {
            Some(have) => same(&want, &have),
            None => have.is_null() && want.is_empty(),
        }
    })
}

fn same(want: &str, have: &str) -> bool {
    let (want, have) = (want.trim(), have.trim());
    if let (Ok(a), Ok(b)) = (want.parse::<f64>(), have.parse::<f64>()) {
        return a == b;
    }
    want.eq_ignore_ascii_case(have) || want.to_lowercase() == have.to_lowercase()
}

/// `GET /{module}/search?criteria=…`, written by hand for the lookup alone.
struct SearchRecords {
    module: String,
    criteria: String,
}

static SEARCH: EndpointMeta = EndpointMeta::new(Method::Get, "/<module>/search")
    .segments(&[Segment::Field("module"), Segment::Literal("search")])
    .scopes(&["ZohoCRM.modules.<module>.READ"]);

/// A page of records found; only `data` is read.
#[derive(Deserialize)]
struct Found {
    #[serde(default)]
    data: Vec<Value>,
}

impl Endpoint for SearchRecords {
    type Response = Option<Found>;
    const META: &'static EndpointMeta = &SEARCH;

    fn write_request(
        &self,
        parts: &mut RequestParts,
        _: Option<Range<usize>>,
    ) -> Result<(), Error> {
        parts.path_value("module", &self.module)?;
        parts.query("criteria", &self.criteria);
        Ok(())
    }

    fn decode(raw: &RawResponse, _: Option<usize>) -> Result<Self::Response, Error> {
        decode_json(raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doubt(record: Value, keys: &'static [&'static str]) -> InDoubt {
        InDoubt {
            index: 0,
            module: "Leads".into(),
            record,
            keys,
        }
    }

    #[test]
    fn criteria_name_every_field_or_any_key_and_escape_values() {
        let record = json!({"Last_Name": "Smith (2), Jr\\", "Email": "s@x.com", "Mobile": null});
        let named = SearchLocator::by_fields(["Last_Name", "Email"]);
        assert_eq!(
            named.criteria(&doubt(record.clone(), &[])).unwrap(),
            r"(Last_Name:equals:Smith \(2\)\, Jr\\)and(Email:equals:s@x.com)"
        );
        let keys = SearchLocator::by_key();
        assert_eq!(
            keys.criteria(&doubt(record.clone(), &["Mobile", "Email"]))
                .unwrap(),
            "(Email:equals:s@x.com)"
        );
        assert!(keys.criteria(&doubt(record.clone(), &["Mobile"])).is_err());
        assert!(keys.criteria(&doubt(record.clone(), &[])).is_err());
        assert!(SearchLocator::by_fields(["Company"])
            .criteria(&doubt(record, &[]))
            .is_err());
    }

    #[test]
    fn one_record_that_agrees_is_applied_and_anything_else_cannot_tell() {
        let sent = json!({"Last_Name": "Smith", "No_of_Employees": 5, "Owner": {"id": "1"}});
        let same = json!({"id": "42", "Last_Name": "smith ", "No_of_Employees": "5.0"});
        let other = json!({"id": "43", "Last_Name": "Smith", "No_of_Employees": 6});
        assert_eq!(
            decide(&sent, &[same.clone(), other.clone()]),
            Verdict::Applied(RecordId::new("42"))
        );
        assert!(matches!(decide(&sent, &[other]), Verdict::CannotTell(_)));
        assert!(matches!(
            decide(&sent, &[same.clone(), same]),
            Verdict::CannotTell(_)
        ));
    }
}
