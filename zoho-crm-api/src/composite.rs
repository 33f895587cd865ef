//! Composite requests: up to five calls in one, run in order (or side by side when
//! `parallel_execution` allows and none depends on another), and all undone when one fails
//! with `rollback_on_fail`. Each sub-request can be made from a declared operation with
//! [`SubRequest::from_endpoint`].
//!
//! ```
//! use zoho_crm_api::composite::{Composite, SubRequest};
//! use zoho_crm_api::mass_delete::MassDelete;
//! use zoho_runtime::Client;
//! use zoho_sandbox::Sandbox;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start().await?;
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! let task = sandbox.insert_record("Tasks", r#"{"Subject": "Call back"}"#.parse()?).unwrap();
//! let delete = SubRequest::from_endpoint(&MassDelete::ids("Tasks", [task.as_str()]))?;
//! let answer = Composite::of([delete]).send(&client).await?;
//! assert_eq!(answer.responses[0].status_code(), Some(200));
//! assert!(sandbox.record("Tasks", &task).is_none());
//! # Ok(())
//! # }
//! ```

use zoho_runtime::endpoint::Endpoint;
use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, ApiVersion, Code, Error, Json};

use crate::{declared, ApiOperation};

/// Runs up to five sub-requests in one call.
///
/// Zoho names the scope of this call `ZohoCRM.composite_requests.CUSTOM`, an operation outside
/// the scope grammar; `ALL` stands for it here. Each sub-request needs its own scopes as well.
#[zoho_endpoint(POST "/__composite_requests", scope = "ZohoCRM.composite_requests.ALL",
                response = CompositeAnswer)]
pub struct Composite {
    /// Whether every sub-request is undone when one fails.
    #[zoho(envelope)]
    pub rollback_on_fail: Option<bool>,
    /// Whether independent sub-requests may run side by side (Zoho's default unless
    /// `rollback_on_fail`).
    #[zoho(envelope)]
    pub parallel_execution: Option<bool>,
    /// The sub-requests, at most five.
    #[zoho(envelope, rename = "__composite_requests")]
    pub requests: Vec<SubRequest>,
}

impl Composite {
    /// The sub-requests `requests`, with Zoho's defaults.
    pub fn of(requests: impl IntoIterator<Item = SubRequest>) -> Self {
        Composite {
            rollback_on_fail: None,
            parallel_execution: None,
            requests: requests.into_iter().collect(),
        }
    }

    /// Undoes every sub-request when one fails (which also runs them in order).
    pub fn with_rollback(mut self) -> Self {
        self.rollback_on_fail = Some(true);
        self
    }
}

/// One call of a composite request.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct SubRequest {
    /// An id to tell its answer by (letters, digits and `_`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_request_id: Option<String>,
    /// `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
    pub method: String,
    /// The path, version included: `/crm/v8/Leads`.
    pub uri: String,
    /// The query parameters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub params: Option<Json>,
    /// The request headers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headers: Option<Json>,
    /// The JSON body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<Json>,
}

impl SubRequest {
    /// The sub-request that sends `call` (to API version v8 unless it names its own).
    pub fn from_endpoint<E: Endpoint>(call: &E) -> Result<SubRequest, Error> {
        let parts = call.request_parts()?;
        let meta = parts.meta();
        let uri = format!(
            "{}/{}{}",
            meta.root,
            parts.version(ApiVersion::V8),
            parts.path()?
        );
        let params: std::collections::BTreeMap<String, Json> = parts
            .query_pairs()
            .iter()
            .map(|(name, value)| ((*name).to_owned(), Json::from(percent_decoded(value))))
            .collect();
        let body = match parts.body_bytes() {
            Some(bytes) => Some(json_of(bytes)?),
            None => None,
        };
        Ok(SubRequest {
            sub_request_id: None,
            method: parts.method().as_str().to_owned(),
            uri,
            params: (!params.is_empty()).then(|| Json::Object(params.into_iter().collect())),
            headers: None,
            body,
        })
    }

    /// Names it `id`.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.sub_request_id = Some(id.into());
        self
    }
}

fn json_of(bytes: &[u8]) -> Result<Json, Error> {
    let invalid = |reason: &str| Error::InvalidRequest {
        reason: reason.to_owned(),
    };
    let text =
        std::str::from_utf8(bytes).map_err(|_| invalid("a sub-request's body is not UTF-8"))?;
    text.parse()
        .map_err(|_| invalid("a sub-request's body is not JSON"))
}

/// Undoes the `%XX` of a query value the request rendered.
fn percent_decoded(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if let (b'%', Some(Some(h)), Some(Some(l))) = (
            bytes[i],
            bytes.get(i + 1).map(|b| hex(*b)),
            bytes.get(i + 2).map(|b| hex(*b)),
        ) {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The answer of [`Composite`]: one answer per sub-request, in order.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct CompositeAnswer {
    /// Each sub-request's answer.
    #[serde(rename = "__composite_requests", default)]
    pub responses: Vec<SubResponse>,
}

/// What one sub-request got.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct SubResponse {
    /// `SUCCESS`, or why it was not run or was undone (`ROLLBACK_PERFORMED`, …).
    pub code: Code,
    /// Zoho's words.
    #[serde(default)]
    pub message: String,
    /// `success` or `error`.
    #[serde(default)]
    pub status: String,
    /// The sub-request's id, when it had one.
    #[serde(default)]
    pub sub_request_id: Option<String>,
    /// The HTTP answer it got.
    #[serde(default)]
    pub details: SubDetails,
}

impl SubResponse {
    /// The HTTP status the sub-request got.
    pub fn status_code(&self) -> Option<u16> {
        self.details.response.as_ref().map(|r| r.status_code)
    }

    /// The body the sub-request got.
    pub fn body(&self) -> Option<&Json> {
        self.details.response.as_ref().and_then(|r| r.body.as_ref())
    }
}

/// The details of a sub-request's answer.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct SubDetails {
    /// Its HTTP answer, when it ran.
    #[serde(default)]
    pub response: Option<SubHttp>,
}

/// A sub-request's HTTP answer.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct SubHttp {
    /// The status.
    pub status_code: u16,
    /// The body, `None` for `204`.
    #[serde(default)]
    pub body: Option<Json>,
    /// The headers.
    #[serde(default)]
    pub headers: Option<Json>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![Composite];
