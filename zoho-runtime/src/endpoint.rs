//! The [`Endpoint`] trait that `#[zoho_endpoint]` implements, and the static description of an
//! endpoint it carries.

use std::ops::Range;

use crate::request::RequestParts;
use crate::response::RawResponse;
use crate::scope::Scope;
use crate::types::{ApiVersion, Method};
use crate::Error;

/// One segment of an endpoint's path template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Literal text, sent as written: `Deals`.
    Literal(&'static str),
    /// A placeholder, `<deal_id>`, filled from the struct field of that name and percent-encoded.
    Field(&'static str),
}

/// Which list of an endpoint is split when a call carries more items than Zoho takes at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BatchAxis {
    /// A `#[zoho(records)]` field: the `data` array, at most 100 records per call.
    Records,
    /// A `#[zoho(targets)]` field: the ids a call acts on (mass update's `ids`), at most 500.
    Targets,
}

impl BatchAxis {
    /// How many items Zoho takes in one call along this axis.
    pub const fn limit(self) -> usize {
        match self {
            BatchAxis::Records => 100,
            BatchAxis::Targets => 500,
        }
    }
}

/// What an endpoint declaration fixes at compile time.
#[derive(Debug)]
#[non_exhaustive]
pub struct EndpointMeta {
    /// The HTTP method.
    pub method: Method,
    /// The path template as declared: `/Deals/<deal_id>/Contact_Roles/<contact_id>`.
    pub path: &'static str,
    /// The path template, segment by segment.
    pub segments: &'static [Segment],
    /// The scopes the call needs, all of them; `<field>` stands for a path field's value.
    pub scopes: &'static [&'static str],
    /// The API version pinned by the declaration; `None` uses the client's.
    pub version: Option<ApiVersion>,
    /// The API root the version follows: `/crm` by default, `/crm/bulk` for the bulk API.
    pub root: &'static str,
    /// The `X-EXTERNAL` header, when the declaration names external id fields.
    pub external: Option<&'static str>,
    /// Whether the request may be sent again after a failure that leaves its fate unknown.
    pub idempotent: bool,
    /// The list a call may be split along, when the endpoint has one.
    pub batch: Option<BatchAxis>,
}

impl EndpointMeta {
    /// Describes an endpoint; used by the code `#[zoho_endpoint]` generates.
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        method: Method,
        path: &'static str,
        segments: &'static [Segment],
        scopes: &'static [&'static str],
        version: Option<ApiVersion>,
        root: &'static str,
        external: Option<&'static str>,
        idempotent: bool,
        batch: Option<BatchAxis>,
    ) -> Self {
        EndpointMeta {
            method,
            path,
            segments,
            scopes,
            version,
            root,
            external,
            idempotent,
            batch,
        }
    }

    /// The scopes this endpoint needs, with `<field>` templates left as written. Use
    /// [`Endpoint::scopes`] on a value to have them filled in.
    pub fn scope_templates(&self) -> &'static [&'static str] {
        self.scopes
    }
}

/// A declared Zoho CRM operation. Implemented by `#[zoho_endpoint]`; see the crate docs.
///
/// The generated implementation is small: it writes the struct's fields into a
/// [`RequestParts`] and names the decoder for the answer. Everything else (URLs, encoding,
/// auth, retries, decoding) is this crate's non-generic code.
pub trait Endpoint: Send + Sync {
    /// What a successful call returns.
    type Response: Send;

    /// The endpoint's static description.
    const META: &'static EndpointMeta;

    /// Writes this call's path values, query, headers and body into `parts`. With `batch`, only
    /// that range of the [`BatchAxis`] list is written.
    fn write_request(
        &self,
        parts: &mut RequestParts,
        batch: Option<Range<usize>>,
    ) -> Result<(), Error>;

    /// How many items the batch list holds, when the endpoint has one.
    fn batch_len(&self) -> Option<usize> {
        None
    }

    /// Decodes Zoho's answer. `expected` is the number of per-record outcomes the request asks
    /// for, when it is known.
    fn decode(raw: &RawResponse, expected: Option<usize>) -> Result<Self::Response, Error>;

    /// Renders this call's request parts (path, query, headers, body) without a client.
    fn request_parts(&self) -> Result<RequestParts, Error>
    where
        Self: Sized,
    {
        let mut parts = RequestParts::new(Self::META);
        self.write_request(&mut parts, None)?;
        Ok(parts)
    }

    /// The scopes this call needs, with templates such as `ZohoCRM.modules.<module>.UPDATE`
    /// filled from the path fields.
    fn scopes(&self) -> Result<Vec<Scope>, Error>
    where
        Self: Sized,
    {
        self.request_parts()?.scopes()
    }
}
