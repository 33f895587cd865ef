//! What both crates share: the record and answer types, and the renderer.

use std::fmt::Write as _;

use crate::table::Endpoint;

pub(crate) const TYPES: &str = r#"//! The record and answer types the endpoints use.

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{Json, RecordId};

/// A reference to a user: `{"id": "…"}`.
#[derive(Clone, Debug, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct UserRef {
    /// The user's id.
    pub id: RecordId,
}

/// A record to insert.
#[derive(Clone, Debug, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct NewRecord {
    /// `Last_Name`
    #[serde(rename = "Last_Name")]
    pub last_name: String,
    /// `Email`
    #[serde(rename = "Email", skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `Owner`
    #[serde(rename = "Owner", skip_serializing_if = "Option::is_none")]
    pub owner: Option<UserRef>,
}

/// A record of a related list with the relation's own field.
#[derive(Clone, Debug, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct RelatedRecord {
    /// The related record.
    pub id: RecordId,
    /// `Member_Status`
    #[serde(rename = "Member_Status")]
    pub member_status: String,
}

/// A page of records.
#[derive(Debug, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct RecordsPage {
    /// The records.
    pub data: Vec<Json>,
    /// Paging.
    #[serde(default)]
    pub info: PageInfo,
}

/// Where a page is in the list.
#[derive(Debug, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct PageInfo {
    /// Records per page.
    pub per_page: Option<u32>,
    /// Records on this page.
    pub count: Option<u32>,
    /// The page number.
    pub page: Option<u32>,
    /// Whether more pages follow.
    pub more_records: Option<bool>,
}
"#;

const RENDER_HEAD: &str = r##"//! Renders every endpoint of the crate with fixed values: the bench compares this output
//! between the declared and the hand-written crate.

use std::fmt::Debug;
use std::fmt::Write as _;

use zoho_runtime::{Client, Endpoint, Json, Nullable, RecordId};
use zoho_runtime::endpoint::{RawResponse, RequestParts};
use CRATE::types::*;
use CRATE::*;

const OUTCOMES: &str = r#"{"data":[{"code":"SUCCESS","details":{"id":"1"},"message":"record updated","status":"success"},{"code":"INVALID_DATA","details":{"api_name":"Email"},"message":"invalid data","status":"error"}]}"#;
const PAGE: &str = r#"{"data":[{"id":"1","Last_Name":"Boyle"}],"info":{"per_page":200,"count":1,"page":1,"more_records":false}}"#;
const REFUSED: &str = r#"{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}"#;

fn parts(out: &mut String, label: &str, parts: &RequestParts) {
    let body = parts.body_bytes().map(String::from_utf8_lossy);
    let headers: Vec<_> = parts.headers().collect();
    let _ = writeln!(
        out,
        "  {label}: {:?} {:?} headers {headers:?} body {body:?} expected {:?}",
        parts.method(),
        parts.path_and_query(zoho_runtime::ApiVersion::V8),
        parts.expected_outcomes()
    );
}

async fn show<E>(out: &mut String, client: &Client, name: &str, call: E)
where
    E: Endpoint,
    E::Response: Debug,
{
    let _ = writeln!(out, "{name}\n  meta: {:?}", E::META);
    let _ = writeln!(out, "  scopes: {:?}", call.scopes().map(|s| s.iter().map(ToString::to_string).collect::<Vec<_>>()));
    let _ = writeln!(out, "  batch_len: {:?}", call.batch_len());
    match client.prepare(&call).await {
        Ok(request) => {
            let _ = writeln!(out, "  prepared: {:?} {} {:?} {:?}", request.method, request.url, request.headers, request.body.as_deref().map(String::from_utf8_lossy));
        }
        Err(error) => {
            let _ = writeln!(out, "  prepared: error {error}");
        }
    }
    if let Some(len) = call.batch_len() {
        for start in (0..len).step_by(2) {
            let mut p = RequestParts::new(E::META);
            match call.write_request(&mut p, Some(start..len.min(start + 2))) {
                Ok(()) => parts(out, &format!("batch {start}"), &p),
                Err(error) => {
                    let _ = writeln!(out, "  batch {start}: error {error}");
                }
            }
        }
    }
    let expected = call.request_parts().ok().and_then(|p| p.expected_outcomes());
    for (status, body) in [(200, OUTCOMES), (200, PAGE), (204, ""), (401, REFUSED)] {
        let _ = writeln!(out, "  decode {status}: {:?}", E::decode(&RawResponse::new(status, body), expected));
    }
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    let client = Client::builder().access_token("1000.bench").build().expect("a client");
    let mut out = String::new();
    runtime.block_on(async {
"##;

/// The renderer's source: the same text in both crates, apart from the crate's name.
pub(crate) fn render_source(krate: &str, endpoints: &[Endpoint]) -> String {
    let mut out = String::from(RENDER_HEAD);
    for e in endpoints {
        let value = if e.fields.is_empty() {
            e.name.clone()
        } else {
            let fields: Vec<String> = e
                .fields
                .iter()
                .map(|f| format!("{}: {}", f.name, f.value))
                .collect();
            format!("{} {{ {} }}", e.name, fields.join(", "))
        };
        let _ = writeln!(
            out,
            "        show(&mut out, &client, {:?}, {value}).await;",
            e.name
        );
    }
    out.push_str(
        "    });\n    // Type names in errors carry the crate's name.\n    print!(\"{}\", out.replace(\"CRATE::\", \"crate::\"));\n}\n",
    );
    out.replace("CRATE", krate)
}
