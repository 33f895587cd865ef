//! The request journal: every request as the sandbox received it, for tests to inspect.

use bytes::Bytes;
use serde_json::{json, Value};

use crate::faults::InjectedFault;

/// One request as received: method, path, query, headers and body bytes.
///
/// Requests to `/__admin/…` are not journaled, so reading the journal does not change it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    /// The method, e.g. `PUT`.
    pub method: String,
    /// The path without the query, e.g. `/crm/v2/Leads/738964000002148061`.
    pub path: String,
    /// The raw query string without `?`, if there was one.
    pub query: Option<String>,
    /// The headers in the order received; names are lowercase.
    pub headers: Vec<(String, String)>,
    /// The body bytes exactly as received: the request's own buffer, shared rather than
    /// copied (`&entry.body[..]` is a `&[u8]`, `entry.body.to_vec()` an owned copy).
    pub body: Bytes,
    /// When it arrived, in Zoho's time format.
    pub received_at: String,
    /// The fault the sandbox injected into this request, if it injected one: a rule that
    /// fired, or the `429` of the concurrency limit (before apply).
    pub fault: Option<InjectedFault>,
}

impl JournalEntry {
    /// The first value of a header, its name compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body parsed as JSON, if it is JSON.
    pub fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The body as text (invalid UTF-8 replaced).
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The decoded query parameters in order.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        let raw = self.query.as_deref().unwrap_or("");
        form_urlencoded::parse(raw.as_bytes())
            .into_owned()
            .collect()
    }

    /// The first value of a query parameter.
    pub fn query_param(&self, name: &str) -> Option<String> {
        self.query_pairs()
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }

    /// The entry as `GET /__admin/journal` shows it.
    pub fn to_json(&self) -> Value {
        json!({
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": self.headers,
            "body": self.body_text(),
            "json": self.json(),
            "received_at": self.received_at,
            "fault": self.fault.as_ref().map(|f| json!({"fault": f.fault, "phase": f.phase})),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_headers_query_and_json() {
        let e = JournalEntry {
            method: "GET".into(),
            path: "/crm/v8/Leads".into(),
            query: Some("fields=Last_Name%2CEmail&page=2".into()),
            headers: vec![("x-external".into(), "Contacts.External_Contact_ID".into())],
            body: Bytes::from_static(br#"{"a":1}"#),
            received_at: String::new(),
            fault: None,
        };
        assert_eq!(e.header("X-EXTERNAL"), Some("Contacts.External_Contact_ID"));
        assert_eq!(e.query_param("fields").as_deref(), Some("Last_Name,Email"));
        assert_eq!(e.json().unwrap()["a"], 1);
    }
}
