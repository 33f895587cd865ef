//! The [`Endpoint`] trait that `#[zoho_endpoint]` implements, and what an endpoint written
//! by hand needs to implement it.
//!
//! `#[zoho_endpoint]` writes all of this for you. Write it yourself for a call the attribute
//! cannot express: describe the call in a `static` [`EndpointMeta`], write the struct's values
//! into [`RequestParts`] (path values, query, headers, body through a [`BodyWriter`]), and name
//! the decoder of the answer ([`decode_json`] or [`decode_outcomes`]).
//!
//! ```
//! use std::ops::Range;
//!
//! use zoho_runtime::endpoint::{
//!     decode_json, EndpointMeta, Method, RawResponse, RequestParts, Segment,
//! };
//! use zoho_runtime::{Client, Endpoint, Error, Json, RecordId};
//!
//! /// Reads one lead, asking for some of its fields.
//! pub struct GetLead {
//!     pub id: RecordId,
//!     pub fields: Vec<String>,
//! }
//!
//! static GET_LEAD: EndpointMeta = EndpointMeta::new(Method::Get, "/Leads/<id>")
//!     .segments(&[Segment::Literal("Leads"), Segment::Field("id")])
//!     .scopes(&["ZohoCRM.modules.leads.READ"]);
//!
//! impl Endpoint for GetLead {
//!     type Response = Json;
//!     const META: &'static EndpointMeta = &GET_LEAD;
//!
//!     fn write_request(&self, parts: &mut RequestParts, _batch: Option<Range<usize>>) -> Result<(), Error> {
//!         parts.path_value("id", &self.id)?;
//!         parts.query("fields", &self.fields);
//!         Ok(())
//!     }
//!
//!     fn decode(raw: &RawResponse, _expected: Option<usize>) -> Result<Json, Error> {
//!         decode_json(raw)
//!     }
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Error> {
//! let client = Client::builder().access_token("1000.example").build()?;
//! let call = GetLead { id: "4150868000003384003".into(), fields: vec!["Last_Name".into(), "Email".into()] };
//! let request = client.prepare(&call).await?;
//! assert_eq!(
//!     request.url,
//!     "https://www.zohoapis.com/crm/v8/Leads/4150868000003384003?fields=Last_Name,Email"
//! );
//! # Ok(())
//! # }
//! ```

use std::ops::Range;

pub use crate::meta::{BatchAxis, Domain, EndpointMeta, Segment};
pub use crate::request::{
    BodyWriter, HeaderField, PathSegment, QueryValue, RecordList, RequestParts,
};
pub use crate::response::{decode_json, decode_outcomes, RawResponse};
pub use crate::types::Method;

use crate::error::Error;
use crate::scope::{Scope, ScopeSet};

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

/// The minimal [`ScopeSet`] the listed endpoint types need, templated scopes left out (see
/// [`ScopeSet::from_endpoints`]).
///
/// ```
/// use zoho_runtime::{zoho_endpoint, scopes, RecordId};
///
/// #[zoho_endpoint(PUT "/Deals/<deal_id>/Contact_Roles/<contact_id>",
///                 scope = ["ZohoCRM.modules.deals.UPDATE", "ZohoCRM.modules.contacts.UPDATE"])]
/// pub struct AddContactRole { pub deal_id: RecordId, pub contact_id: RecordId }
///
/// #[zoho_endpoint(GET "/Contacts/<id>", scope = "ZohoCRM.modules.contacts.ALL")]
/// pub struct GetContact { pub id: RecordId }
///
/// let needed = scopes![AddContactRole, GetContact];
/// assert_eq!(needed.to_string(), "ZohoCRM.modules.contacts.ALL,ZohoCRM.modules.deals.UPDATE");
/// ```
#[macro_export]
macro_rules! scopes {
    ($($endpoint:ty),* $(,)?) => {
        $crate::ScopeSet::from_endpoints(&[$(<$endpoint as $crate::Endpoint>::META),*])
    };
}

/// What [`ScopeSet`] does with [`Endpoint`] types and calls: here beside the trait, so that
/// `scope` needs nothing of this module.
impl ScopeSet {
    /// Adds the scopes of an endpoint type, templates left out (see
    /// [`ScopeSet::from_endpoints`]), and returns the set, for chaining.
    pub fn with<E: Endpoint>(mut self) -> ScopeSet {
        self.extend(ScopeSet::from_endpoints(&[E::META]).iter().cloned());
        self
    }

    /// Adds the scopes one call needs, templates filled from its path values:
    /// `ZohoCRM.modules.<module>.UPDATE` with `module: "Leads"` adds
    /// `ZohoCRM.modules.leads.UPDATE`.
    pub fn insert_call<E: Endpoint>(&mut self, call: &E) -> Result<(), Error> {
        self.extend(call.scopes()?);
        Ok(())
    }
}
