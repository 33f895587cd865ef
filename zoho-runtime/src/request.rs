//! Rendering a call: path values, query, headers and the JSON body, and the traits that say
//! which Rust types may fill each part.

use std::fmt::Write as _;
use std::ops::Range;

use bytes::Bytes;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;

use zoho_spec::scope::Scope;

use crate::error::Error;
use crate::files::{FileField, FormItem, FormValue, Multipart};
use crate::meta::{EndpointMeta, Segment};
use crate::types::{ApiVersion, Method, RecordId};

/// RFC 3986's unreserved characters stay as they are; everything else in a path value is
/// percent-encoded, so `/`, `?`, `#` and `%` in an id can never change the path.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The same set serves query values: `&`, `=`, `+` and `,` inside a value are encoded, the `,`
/// that joins list items is not.
const QUERY: &AsciiSet = SEGMENT;

/// A request rendered from an endpoint value, before it meets a client (no host, no token).
#[derive(Debug, Clone)]
pub struct RequestParts {
    meta: &'static EndpointMeta,
    path_values: Vec<String>,
    query: Vec<(&'static str, String)>,
    headers: Vec<(&'static str, String)>,
    /// Shared, not copied, by every attempt that sends it.
    body: Option<Bytes>,
    /// A `multipart/form-data` body instead of the JSON one.
    form: Option<Multipart>,
    expected_outcomes: Option<usize>,
}

impl RequestParts {
    /// Empty parts for the endpoint `meta` describes.
    pub fn new(meta: &'static EndpointMeta) -> Self {
        RequestParts {
            meta,
            path_values: Vec::new(),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            form: None,
            expected_outcomes: None,
        }
    }

    /// The same request to another endpoint of the same path values, query and headers, with
    /// another body: an insert sent again as an upsert.
    pub(crate) fn redirected(
        &self,
        meta: &'static EndpointMeta,
        body: Vec<u8>,
        expected_outcomes: usize,
    ) -> RequestParts {
        RequestParts {
            meta,
            body: Some(Bytes::from(body)),
            expected_outcomes: Some(expected_outcomes),
            ..self.clone()
        }
    }

    /// The endpoint's static description.
    pub fn meta(&self) -> &'static EndpointMeta {
        self.meta
    }

    /// The HTTP method.
    pub fn method(&self) -> Method {
        self.meta.method
    }

    /// Fills the next placeholder of the path. Empty values, `.` and `..` are refused: no
    /// encoding keeps a URL parser from reading the last two as "this" and "parent" folder.
    pub fn path_value<V: PathSegment + ?Sized>(
        &mut self,
        name: &str,
        value: &V,
    ) -> Result<(), Error> {
        let mut text = String::new();
        value.write_segment(&mut text);
        if text.is_empty() || text == "." || text == ".." {
            return Err(Error::invalid_request(format!(
                "path value `{name}` is {text:?}, which cannot be sent as a path segment"
            )));
        }
        self.path_values.push(text);
        Ok(())
    }

    /// Adds a query parameter unless the value is absent (`None`, an empty list).
    pub fn query<V: QueryValue + ?Sized>(&mut self, name: &'static str, value: &V) {
        if value.is_absent() {
            return;
        }
        let mut text = String::new();
        value.write_query(&mut text);
        self.query.push((name, text));
    }

    /// Adds a request header unless the value is absent. Values with CR, LF or another
    /// control character (tab aside) are refused: a line break would let a value write headers
    /// of its own, and HTTP allows no other control character in a header.
    pub fn header<V: HeaderField + ?Sized>(
        &mut self,
        name: &'static str,
        value: &V,
    ) -> Result<(), Error> {
        let Some(text) = value.header_value() else {
            return Ok(());
        };
        check_header_value(name, &text)?;
        self.headers.push((name, text));
        Ok(())
    }

    /// Starts the JSON body; finish it with [`BodyWriter::finish`].
    pub fn body(&mut self) -> BodyWriter<'_> {
        BodyWriter {
            parts: self,
            head: Vec::new(),
            data: Data::None,
            envelope: Vec::new(),
        }
    }

    /// Adds a text field to the `multipart/form-data` body, unless the value is absent.
    pub fn form_text<V: FormValue + ?Sized>(&mut self, name: &'static str, value: &V) {
        if let Some(value) = value.form_value() {
            self.form_mut().push(FormItem::Text {
                name: name.to_owned(),
                value,
            });
        }
    }

    /// Adds a file to the `multipart/form-data` body, unless the value is absent.
    pub fn form_file<F: FileField + ?Sized>(&mut self, name: &'static str, file: &F) {
        if let Some(part) = file.file_part() {
            self.form_mut().push(FormItem::File {
                name: name.to_owned(),
                part: part.clone(),
            });
        }
    }

    fn form_mut(&mut self) -> &mut Multipart {
        self.form.get_or_insert_with(Multipart::new)
    }

    /// The `multipart/form-data` body, when the endpoint sends one.
    pub fn form(&self) -> Option<&Multipart> {
        self.form.as_ref()
    }

    /// Refuses, before anything is sent, a file larger than the endpoint's `max_upload`.
    pub(crate) async fn check_uploads(&self) -> Result<(), Error> {
        let (Some(limit), Some(form)) = (self.meta.max_upload, &self.form) else {
            return Ok(());
        };
        for item in form.items() {
            let FormItem::File { name, part } = item else {
                continue;
            };
            let size = part.size().await?;
            if size > limit {
                return Err(Error::UploadTooLarge {
                    part: name.clone(),
                    size,
                    limit,
                });
            }
        }
        Ok(())
    }

    /// The path below the API root, values percent-encoded: `/Deals/4150868000003384003/…`.
    pub fn path(&self) -> Result<String, Error> {
        let mut out = String::new();
        self.write_path(&mut out)?;
        Ok(out)
    }

    fn write_path(&self, out: &mut String) -> Result<(), Error> {
        let mut values = self.path_values.iter();
        for segment in self.meta.segments {
            out.push('/');
            match segment {
                Segment::Literal(text) => out.push_str(text),
                Segment::Field(name) => {
                    let value = values.next().ok_or_else(|| {
                        Error::invalid_request(format!("path value `{name}` was not given"))
                    })?;
                    out.extend(utf8_percent_encode(value, SEGMENT));
                }
            }
        }
        Ok(())
    }

    /// The API version this request goes to, given the client's default.
    pub fn version(&self, client_default: ApiVersion) -> ApiVersion {
        self.meta.version.unwrap_or(client_default)
    }

    /// The path and query below the API domain: `/crm/v8/Leads?ids=1,2`.
    pub fn path_and_query(&self, client_default: ApiVersion) -> Result<String, Error> {
        let mut out = String::new();
        self.write_path_and_query(&mut out, client_default)?;
        Ok(out)
    }

    /// Appends the path and query to `out` (the client writes the domain before them).
    pub(crate) fn write_path_and_query(
        &self,
        out: &mut String,
        client_default: ApiVersion,
    ) -> Result<(), Error> {
        // Writing to a `String` cannot fail.
        let _ = write!(out, "{}/{}", self.meta.root, self.version(client_default));
        self.write_path(out)?;
        for (i, (name, value)) in self.query.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(name);
            out.push('=');
            out.push_str(value);
        }
        Ok(())
    }

    /// The query parameters, values already encoded.
    pub fn query_pairs(&self) -> &[(&'static str, String)] {
        &self.query
    }

    /// The declared headers, `X-EXTERNAL` first when the endpoint has one.
    pub fn headers(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        let external = self.meta.external.map(|value| ("X-EXTERNAL", value));
        external.into_iter().chain(
            self.headers
                .iter()
                .map(|(name, value)| (*name, value.as_str())),
        )
    }

    /// The JSON body, when the endpoint sends one.
    pub fn body_bytes(&self) -> Option<&[u8]> {
        self.body.as_deref()
    }

    /// The JSON body as a shared buffer, for a request to send without copying it.
    pub(crate) fn shared_body(&self) -> Option<Bytes> {
        self.body.clone()
    }

    /// How many per-record outcomes Zoho owes for this request, when that is known.
    pub fn expected_outcomes(&self) -> Option<usize> {
        self.expected_outcomes
    }

    /// The scopes the request needs, templates filled from the path values
    /// ([`Scope::fill`], lowercased as Zoho writes module names in scopes).
    pub fn scopes(&self) -> Result<Vec<Scope>, Error> {
        self.meta
            .scopes
            .iter()
            .map(|text| self.filled_scope(text))
            .collect()
    }

    /// A declared scope with each `<field>` replaced by that path value: a value that itself
    /// reads like a `<field>` is not filled in turn.
    fn filled_scope(&self, text: &str) -> Result<Scope, Error> {
        let template = Scope::parse(text).map_err(|e| Error::invalid_scope(text, &e))?;
        if let Some(scope) = template.fill(|name| self.path_value_of(name)) {
            return Ok(scope);
        }
        // Only to say why: the filled text as `fill` wrote it, parsed for its error.
        let mut filled = text.to_owned();
        for name in template.placeholders() {
            let Some(value) = self.path_value_of(name) else {
                return Err(Error::invalid_scope(
                    text,
                    &format!("no path field `{name}` fills `<{name}>`"),
                ));
            };
            filled = filled.replacen(&format!("<{name}>"), &value.to_ascii_lowercase(), 1);
        }
        match Scope::parse(&filled) {
            Err(error) => Err(Error::invalid_scope(&filled, &error)),
            Ok(scope) => Ok(scope),
        }
    }

    /// The value of the path field `name`, as given (not yet encoded).
    fn path_value_of(&self, name: &str) -> Option<&str> {
        let i = self
            .meta
            .segments
            .iter()
            .filter_map(|s| match s {
                Segment::Field(field) => Some(*field),
                Segment::Literal(_) => None,
            })
            .position(|field| field == name)?;
        self.path_values.get(i).map(String::as_str)
    }
}

fn check_header_value(name: &str, value: &str) -> Result<(), Error> {
    if value.bytes().any(|b| b.is_ascii_control() && b != b'\t') {
        return Err(Error::invalid_request(format!(
            "header `{name}` has a line break or another control character in its value, which is never sent"
        )));
    }
    Ok(())
}

/// Writes the JSON body straight into bytes, with no intermediate `serde_json::Value`.
///
/// Single-record fields go to `data[0]`, a `records` list becomes `data`, envelope keys sit
/// beside `data`. A body of envelope keys alone is sent as it is.
///
/// The records (or the single record) are written once, into the buffer that becomes the body:
/// only the envelope keys, usually few or none, are copied when the body is finished.
pub struct BodyWriter<'a> {
    parts: &'a mut RequestParts,
    /// The body from its first byte, as far as `data` says it goes.
    head: Vec<u8>,
    data: Data,
    envelope: Vec<u8>,
}

/// What [`BodyWriter`]'s `head` holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Data {
    /// Nothing yet.
    None,
    /// `{"data":[{` and the keys of the single record written so far.
    Record,
    /// `{"data":[…]`: a whole `records` list. It wins over single-record keys, which are then
    /// only checked to serialize.
    Records,
}

/// How every body with records begins.
const DATA_KEY: &[u8] = b"{\"data\":";
/// The room a `records` body starts with.
const FIRST_RECORD_ROOM: usize = 1024;

/// How a body with a single record begins.
const RECORD_START: &[u8] = b"{\"data\":[{";

impl BodyWriter<'_> {
    /// Says the body has a single record `data[0]`, even if every one of its fields is left out.
    pub fn single_record(&mut self) {
        if self.data == Data::None {
            self.head = Vec::with_capacity(256);
            self.head.extend_from_slice(RECORD_START);
            self.data = Data::Record;
        }
    }

    /// A key of the single record `data[0]`.
    pub fn record_field<V: Serialize + ?Sized>(
        &mut self,
        key: &str,
        value: &V,
    ) -> Result<(), Error> {
        self.single_record();
        if self.data == Data::Records {
            return serde_json::to_writer(std::io::sink(), value).map_err(Error::serialize);
        }
        if self.head.len() > RECORD_START.len() {
            self.head.push(b',');
        }
        write_key_value(&mut self.head, key, value)
    }

    /// The `data` array: the records of a `#[zoho(records)]` field, or the `batch` range of it.
    pub fn records<L: RecordList + ?Sized>(
        &mut self,
        list: &L,
        batch: Option<Range<usize>>,
    ) -> Result<(), Error> {
        let range = batch.unwrap_or(0..list.len());
        // Room for a first record of a few dozen fields; `write_records` makes room for the
        // others once it knows the first one's size.
        let mut out = Vec::with_capacity(FIRST_RECORD_ROOM);
        out.extend_from_slice(DATA_KEY);
        list.write_records(range.clone(), &mut out)
            .map_err(Error::serialize)?;
        self.head = out;
        self.data = Data::Records;
        self.parts.expected_outcomes = Some(range.len());
        Ok(())
    }

    /// A key beside `data` at the top of the body.
    pub fn envelope<V: Serialize + ?Sized>(&mut self, key: &str, value: &V) -> Result<(), Error> {
        separate(&mut self.envelope);
        write_key_value(&mut self.envelope, key, value)
    }

    /// A `#[zoho(targets)]` list beside `data`: Zoho answers one outcome for each item.
    pub fn targets<L: RecordList + ?Sized>(
        &mut self,
        key: &str,
        list: &L,
        batch: Option<Range<usize>>,
    ) -> Result<(), Error> {
        let range = batch.unwrap_or(0..list.len());
        separate(&mut self.envelope);
        serde_json::to_writer(&mut self.envelope, key).map_err(Error::serialize)?;
        self.envelope.push(b':');
        list.write_records(range.clone(), &mut self.envelope)
            .map_err(Error::serialize)?;
        self.parts.expected_outcomes = Some(range.len());
        Ok(())
    }

    /// Closes the body and stores it in the request parts.
    pub fn finish(self) {
        let BodyWriter {
            parts,
            mut head,
            data,
            envelope,
        } = self;
        match data {
            Data::None => head.push(b'{'),
            Data::Record => {
                parts.expected_outcomes.get_or_insert(1);
                head.extend_from_slice(b"}]");
            }
            Data::Records => {}
        }
        head.reserve_exact(envelope.len() + 2);
        if !envelope.is_empty() {
            if head.len() > 1 {
                head.push(b',');
            }
            head.extend_from_slice(&envelope);
        }
        head.push(b'}');
        parts.body = Some(Bytes::from(head));
    }
}

fn separate(out: &mut Vec<u8>) {
    if !out.is_empty() {
        out.push(b',');
    }
}

/// `"key":value`, no separator.
fn write_key_value<V: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    key: &str,
    value: &V,
) -> Result<(), Error> {
    serde_json::to_writer(&mut *out, key).map_err(Error::serialize)?;
    out.push(b':');
    serde_json::to_writer(&mut *out, value).map_err(Error::serialize)
}

/// A value that can fill a `<placeholder>` of an endpoint's path.
///
/// Implemented for [`RecordId`], strings and integers. The value is percent-encoded when the
/// URL is built, so any text is safe here.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a path segment of a Zoho endpoint",
    label = "this field fills a `<placeholder>` of the path, so its type must implement `PathSegment`",
    note = "use `zoho_runtime::RecordId`, `String`, `&str` or an integer, or implement `zoho_runtime::endpoint::PathSegment` for your type"
)]
pub trait PathSegment {
    /// Appends the raw (not yet encoded) value.
    fn write_segment(&self, out: &mut String);
}

/// A value that can be a query parameter of an endpoint.
///
/// `None` and empty lists are left out of the query; lists are joined with `,` as Zoho expects
/// for `ids` and `fields`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a query value of a Zoho endpoint",
    label = "this `#[zoho(query)]` field's type must implement `QueryValue`",
    note = "use a string, `RecordId`, an integer, a `bool`, a `Vec` of those, or an `Option` of any of them"
)]
pub trait QueryValue {
    /// Appends the value, percent-encoded.
    fn write_query(&self, out: &mut String);

    /// Whether the parameter is left out.
    fn is_absent(&self) -> bool {
        false
    }
}

/// A value that can be sent as a request header of an endpoint.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a request header value",
    label = "this `#[zoho(header = \"…\")]` field's type must implement `HeaderField`",
    note = "use a string or an integer, or an `Option` of one to send the header only when set"
)]
pub trait HeaderField {
    /// The header's value; `None` leaves the header out.
    fn header_value(&self) -> Option<String>;
}

/// A list of records for the `data` array (or of ids for a `targets` list).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a list of records",
    label = "a `#[zoho(records)]` or `#[zoho(targets)]` field is sent as a JSON array, so its type must be a list",
    note = "use `Vec<T>`, `[T; N]` or `&[T]` where `T: serde::Serialize`, or an `Option` of one of those"
)]
pub trait RecordList {
    /// How many items the list holds.
    fn len(&self) -> usize;

    /// Whether the list is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes the items in `range` as a JSON array.
    fn write_records(
        &self,
        range: Range<usize>,
        out: &mut Vec<u8>,
    ) -> Result<(), serde_json::Error>;
}

impl<T: Serialize> RecordList for [T] {
    fn len(&self) -> usize {
        <[T]>::len(self)
    }

    fn write_records(
        &self,
        range: Range<usize>,
        out: &mut Vec<u8>,
    ) -> Result<(), serde_json::Error> {
        // The bytes `serde_json::to_writer(out, items)` writes, with room made once for the
        // records after the first at its size, instead of the buffer doubling as it fills.
        let items = self.get(range).unwrap_or_default();
        out.push(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let start = out.len();
            serde_json::to_writer(&mut *out, item)?;
            if i == 0 {
                let rest = items.len() - 1;
                out.reserve((out.len() - start + 1).saturating_mul(rest) + 1);
            }
        }
        out.push(b']');
        Ok(())
    }
}

impl<T: Serialize> RecordList for Vec<T> {
    fn len(&self) -> usize {
        self.as_slice().len()
    }

    fn write_records(
        &self,
        range: Range<usize>,
        out: &mut Vec<u8>,
    ) -> Result<(), serde_json::Error> {
        self.as_slice().write_records(range, out)
    }
}

impl<T: Serialize, const N: usize> RecordList for [T; N] {
    fn len(&self) -> usize {
        N
    }

    fn write_records(
        &self,
        range: Range<usize>,
        out: &mut Vec<u8>,
    ) -> Result<(), serde_json::Error> {
        self.as_slice().write_records(range, out)
    }
}

impl<L: RecordList + ?Sized> RecordList for &L {
    fn len(&self) -> usize {
        (**self).len()
    }

    fn write_records(
        &self,
        range: Range<usize>,
        out: &mut Vec<u8>,
    ) -> Result<(), serde_json::Error> {
        (**self).write_records(range, out)
    }
}

macro_rules! text_values {
    ($($ty:ty),*) => {$(
        impl PathSegment for $ty {
            fn write_segment(&self, out: &mut String) {
                out.push_str(self.as_ref());
            }
        }
        impl QueryValue for $ty {
            fn write_query(&self, out: &mut String) {
                out.extend(utf8_percent_encode(self.as_ref(), QUERY));
            }
        }
        impl HeaderField for $ty {
            fn header_value(&self) -> Option<String> {
                Some(AsRef::<str>::as_ref(self).to_owned())
            }
        }
    )*};
}

text_values!(str, String, RecordId);

macro_rules! number_values {
    ($($ty:ty),*) => {$(
        impl PathSegment for $ty {
            fn write_segment(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
        impl QueryValue for $ty {
            fn write_query(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
        impl HeaderField for $ty {
            fn header_value(&self) -> Option<String> {
                Some(self.to_string())
            }
        }
    )*};
}

number_values!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);

impl QueryValue for bool {
    fn write_query(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl<T: PathSegment + ?Sized> PathSegment for &T {
    fn write_segment(&self, out: &mut String) {
        (**self).write_segment(out);
    }
}

impl<T: QueryValue + ?Sized> QueryValue for &T {
    fn write_query(&self, out: &mut String) {
        (**self).write_query(out);
    }

    fn is_absent(&self) -> bool {
        (**self).is_absent()
    }
}

impl<T: QueryValue> QueryValue for Option<T> {
    fn write_query(&self, out: &mut String) {
        if let Some(value) = self {
            value.write_query(out);
        }
    }

    fn is_absent(&self) -> bool {
        self.as_ref().is_none_or(QueryValue::is_absent)
    }
}

impl<T: QueryValue> QueryValue for [T] {
    fn write_query(&self, out: &mut String) {
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_query(out);
        }
    }

    fn is_absent(&self) -> bool {
        self.is_empty()
    }
}

impl<T: QueryValue> QueryValue for Vec<T> {
    fn write_query(&self, out: &mut String) {
        self.as_slice().write_query(out);
    }

    fn is_absent(&self) -> bool {
        self.is_empty()
    }
}

impl<T: HeaderField + ?Sized> HeaderField for &T {
    fn header_value(&self) -> Option<String> {
        (**self).header_value()
    }
}

impl<T: HeaderField> HeaderField for Option<T> {
    fn header_value(&self) -> Option<String> {
        self.as_ref().and_then(HeaderField::header_value)
    }
}

/// A field value that may be cleared on purpose.
///
/// In Zoho a `null` clears the stored value, so an `Option` field that is `None` is left out of
/// the body instead. To clear a field, say so: declare it `Option<Nullable<T>>` and send
/// `Some(Nullable::Null)`.
///
/// ```
/// use zoho_runtime::Nullable;
/// assert_eq!(serde_json::to_string(&Nullable::<String>::Null).unwrap(), "null");
/// assert_eq!(serde_json::to_string(&Nullable::Value(3)).unwrap(), "3");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Nullable<T> {
    /// Sent as `null`: Zoho clears the stored value.
    Null,
    /// Sent as the value.
    Value(T),
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Null => serializer.serialize_none(),
            Nullable::Value(value) => value.serialize(serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::BatchAxis;

    #[test]
    fn a_record_list_writes_what_serde_json_writes() {
        let small = serde_json::json!({"id": "1"});
        let large = serde_json::json!({"id": "2", "Description": "x".repeat(3000), "Tags": [1, 2]});
        let lists = [
            vec![],
            vec![small.clone()],
            vec![large.clone()],
            vec![small.clone(), large.clone(), small.clone()],
            vec![large, small.clone(), small],
        ];
        for list in &lists {
            for range in [0..list.len(), 1.min(list.len())..list.len()] {
                let mut out = b"{\"data\":".to_vec();
                list.write_records(range.clone(), &mut out).unwrap();
                let mut expected = b"{\"data\":".to_vec();
                expected.extend(serde_json::to_vec(&list[range.clone()]).unwrap());
                assert_eq!(out, expected, "{range:?} of {list:?}");
            }
        }
    }

    static META: EndpointMeta = EndpointMeta::new(Method::Put, "/<module>/<id>/Campaigns")
        .segments(&[
            Segment::Field("module"),
            Segment::Field("id"),
            Segment::Literal("Campaigns"),
        ])
        .scopes(&["ZohoCRM.modules.<module>.UPDATE"])
        .version(ApiVersion::V2)
        .external("Leads.External_Lead_ID")
        .batch(BatchAxis::Records);

    fn parts(module: &str, id: &str) -> Result<RequestParts, Error> {
        let mut parts = RequestParts::new(&META);
        parts.path_value("module", module)?;
        parts.path_value("id", id)?;
        Ok(parts)
    }

    #[test]
    fn path_values_are_encoded_so_they_stay_one_segment() {
        let parts = parts("Leads", "a/../b?x#y z%é").unwrap();
        assert_eq!(
            parts.path_and_query(ApiVersion::V8).unwrap(),
            "/crm/v2/Leads/a%2F..%2Fb%3Fx%23y%20z%25%C3%A9/Campaigns"
        );
    }

    #[test]
    fn dot_segments_and_empty_values_are_refused() {
        for bad in ["", ".", ".."] {
            let err = parts("Leads", bad).unwrap_err();
            assert!(
                matches!(err, Error::InvalidRequest { .. }),
                "{bad:?}: {err:?}"
            );
        }
    }

    #[test]
    fn query_skips_absent_values_and_joins_lists() {
        let mut parts = parts("Leads", "1").unwrap();
        parts.query("ids", &vec![RecordId::from("1"), RecordId::from("2")]);
        parts.query("fields", &Vec::<String>::new());
        parts.query("page", &None::<u32>);
        parts.query("per_page", &Some(200u32));
        parts.query("word", "a&b=c,d");
        parts.query("approved", &true);
        assert_eq!(
            parts.path_and_query(ApiVersion::V8).unwrap(),
            "/crm/v2/Leads/1/Campaigns?ids=1,2&per_page=200&word=a%26b%3Dc%2Cd&approved=true"
        );
    }

    #[test]
    fn headers_with_line_breaks_are_refused() {
        let mut parts = parts("Leads", "1").unwrap();
        parts
            .header("If-Modified-Since", "2021-05-11T12:52:29+00:00")
            .unwrap();
        parts.header("X-Skip", &None::<String>).unwrap();
        let err = parts.header("X-Evil", "a\r\nAuthorization: x").unwrap_err();
        assert!(matches!(err, Error::InvalidRequest { .. }));
        for control in ["a\u{1}", "a\u{7f}", "a\0", "a\rb", "a\nb"] {
            assert!(parts.header("X-Evil", control).is_err(), "{control:?}");
        }
        parts.header("X-Tab", "a\tb é").unwrap();
        let headers: Vec<_> = parts.headers().collect();
        assert_eq!(
            headers,
            [
                ("X-EXTERNAL", "Leads.External_Lead_ID"),
                ("If-Modified-Since", "2021-05-11T12:52:29+00:00"),
                ("X-Tab", "a\tb é")
            ]
        );
    }

    #[test]
    fn scope_templates_take_the_path_value() {
        let scopes = parts("Leads", "1").unwrap().scopes().unwrap();
        assert_eq!(scopes[0].as_str(), "ZohoCRM.modules.leads.UPDATE");
    }

    #[test]
    fn scope_templates_are_filled_with_the_path_value_alone() {
        // A module value that reads like the next placeholder was filled again with its value.
        let scopes = parts("<id>", "Leads").unwrap().scopes().unwrap();
        assert_eq!(scopes[0].as_str(), "ZohoCRM.modules.<id>.UPDATE");
        let error = parts("Deals<id", "1").unwrap().scopes().unwrap_err();
        let Error::InvalidScope { scope, reason } = error else {
            panic!("{error:?}");
        };
        assert_eq!(scope, "ZohoCRM.modules.deals<id.UPDATE");
        assert!(
            reason.contains("malformed placeholder `deals<id`"),
            "{reason}"
        );
    }

    #[test]
    fn body_shapes() {
        let mut p = parts("Leads", "1").unwrap();
        let mut body = p.body();
        body.single_record();
        body.envelope("over_write", &true).unwrap();
        body.targets("ids", &vec!["1", "2"], None).unwrap();
        body.finish();
        assert_eq!(
            p.body_bytes().unwrap(),
            br#"{"data":[{}],"over_write":true,"ids":["1","2"]}"#
        );
        assert_eq!(p.expected_outcomes(), Some(2));

        let mut p = parts("Leads", "1").unwrap();
        let mut body = p.body();
        body.records(&vec![1, 2, 3, 4], Some(1..3)).unwrap();
        body.finish();
        assert_eq!(p.body_bytes().unwrap(), br#"{"data":[2,3]}"#);
        assert_eq!(p.expected_outcomes(), Some(2));

        let mut p = parts("Leads", "1").unwrap();
        let mut body = p.body();
        body.envelope("select_query", "select Last_Name from Leads")
            .unwrap();
        body.finish();
        assert_eq!(
            p.body_bytes().unwrap(),
            br#"{"select_query":"select Last_Name from Leads"}"#
        );
        assert_eq!(p.expected_outcomes(), None);
    }

    #[test]
    fn a_records_list_is_the_whole_data_array() {
        // Single-record keys written before the list are replaced by it; written after it,
        // they are still checked to serialize, and left out.
        let mut p = parts("Leads", "1").unwrap();
        let mut body = p.body();
        body.record_field("Last_Name", "Boyle").unwrap();
        body.records(&vec![1, 2], None).unwrap();
        body.record_field("Email", "a@b.c").unwrap();
        body.envelope("trigger", &["workflow"]).unwrap();
        body.finish();
        assert_eq!(
            p.body_bytes().unwrap(),
            br#"{"data":[1,2],"trigger":["workflow"]}"#
        );
        assert_eq!(p.expected_outcomes(), Some(2));

        let mut p = parts("Leads", "1").unwrap();
        let mut body = p.body();
        body.record_field("Last_Name", "Boyle").unwrap();
        body.record_field("No_of_Employees", &12).unwrap();
        body.finish();
        assert_eq!(
            p.body_bytes().unwrap(),
            br#"{"data":[{"Last_Name":"Boyle","No_of_Employees":12}]}"#
        );
        assert_eq!(p.expected_outcomes(), Some(1));
    }
}
