//! What an endpoint declaration fixes at compile time: [`EndpointMeta`] and its path
//! [`Segment`]s.

pub use zoho_spec::limits::BatchAxis;

use crate::types::{ApiVersion, Method};

/// One segment of an endpoint's path template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Literal text, sent as written: `Deals`.
    Literal(&'static str),
    /// A placeholder, `<deal_id>`, filled from the struct field of that name and percent-encoded.
    Field(&'static str),
}

/// Which of an organisation's domains a call goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Domain {
    /// The API domain, `https://www.zohoapis.com` and its equivalent in each data center.
    Api,
    /// The content domain files of a bulk write are uploaded to, `https://content.zohoapis.com`
    /// and its equivalent in each data center.
    Content,
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
    /// The fields whose value no two records of the module share (an external id field, a
    /// field marked unique in the org): an insert whose records carry one of them is sent
    /// again as an upsert on them when its fate is unknown, which cannot create a second
    /// record. Empty when the endpoint declares none.
    pub unique: &'static [&'static str],
    /// The domain the call goes to.
    pub domain: Domain,
    /// Whether the answer is a file, handed over as a stream ([`Client::download`](crate::Client::download)).
    pub download: bool,
    /// The largest file part Zoho takes, checked before anything is sent.
    pub max_upload: Option<u64>,
}

impl EndpointMeta {
    /// Describes an endpoint of `method` on `path`, with no scopes, no pinned version, the
    /// default root `/crm`, no `X-EXTERNAL` header, no batch list, and the method's own
    /// idempotence. The other parts are set by the `const` methods that follow, which the code
    /// `#[zoho_endpoint]` generates calls:
    ///
    /// ```
    /// use zoho_runtime::endpoint::{EndpointMeta, Method, Segment};
    /// use zoho_runtime::ApiVersion;
    ///
    /// static META: EndpointMeta = EndpointMeta::new(Method::Put, "/Leads/<id>")
    ///     .segments(&[Segment::Literal("Leads"), Segment::Field("id")])
    ///     .scopes(&["ZohoCRM.modules.leads.UPDATE"])
    ///     .version(ApiVersion::V2)
    ///     .idempotent(false);
    /// assert!(!META.idempotent);
    /// assert_eq!(META.root, "/crm");
    /// ```
    pub const fn new(method: Method, path: &'static str) -> Self {
        EndpointMeta {
            method,
            path,
            segments: &[],
            scopes: &[],
            version: None,
            root: zoho_spec::modules::DEFAULT_ROOT,
            external: None,
            idempotent: method.is_idempotent(),
            batch: None,
            unique: &[],
            domain: Domain::Api,
            download: false,
            max_upload: None,
        }
    }

    /// The path template, segment by segment.
    pub const fn segments(mut self, segments: &'static [Segment]) -> Self {
        self.segments = segments;
        self
    }

    /// The scopes the call needs, all of them.
    pub const fn scopes(mut self, scopes: &'static [&'static str]) -> Self {
        self.scopes = scopes;
        self
    }

    /// Pins the API version.
    pub const fn version(mut self, version: ApiVersion) -> Self {
        self.version = Some(version);
        self
    }

    /// The API root the version follows, `/crm/bulk` for the bulk API.
    pub const fn root(mut self, root: &'static str) -> Self {
        self.root = root;
        self
    }

    /// The `X-EXTERNAL` header.
    pub const fn external(mut self, external: &'static str) -> Self {
        self.external = Some(external);
        self
    }

    /// Whether the request may be sent again when its fate is unknown. This value is the only
    /// truth the client reads: the method's default is folded in by [`EndpointMeta::new`].
    pub const fn idempotent(mut self, idempotent: bool) -> Self {
        self.idempotent = idempotent;
        self
    }

    /// The list a call may be split along.
    pub const fn batch(mut self, axis: BatchAxis) -> Self {
        self.batch = Some(axis);
        self
    }

    /// The fields that identify a record of the module (`unique = "External_Id"` in
    /// `#[zoho_endpoint]`). On a `POST` of records to `/{module}` (one path segment), a batch
    /// whose fate is unknown is sent again to `/{module}/upsert` with these fields as
    /// `duplicate_check_fields`; each record that carries a value for one of them gets a
    /// definite outcome, [`Action::Insert`](crate::Action::Insert) or
    /// [`Action::Update`](crate::Action::Update).
    pub const fn unique(mut self, fields: &'static [&'static str]) -> Self {
        self.unique = fields;
        self
    }

    /// The domain the call goes to.
    pub const fn domain(mut self, domain: Domain) -> Self {
        self.domain = domain;
        self
    }

    /// Says the answer is a file, read as a stream.
    pub const fn download(mut self) -> Self {
        self.download = true;
        self
    }

    /// The largest file part Zoho takes for this call, in bytes.
    pub const fn max_upload(mut self, bytes: u64) -> Self {
        self.max_upload = Some(bytes);
        self
    }

    /// The scopes this endpoint needs, with `<field>` templates left as written. Use
    /// [`Endpoint::scopes`](crate::Endpoint::scopes) on a value to have them filled in.
    pub fn scope_templates(&self) -> &'static [&'static str] {
        self.scopes
    }
}
