//! A `multipart/form-data` body (RFC 7578), rendered part by part: text fields and files, a
//! file on disk streamed from it, with the body's length known before it is sent.

use std::pin::Pin;

use bytes::Bytes;
use futures_util::stream::{self, Stream, StreamExt};

use super::upload::{FilePart, Source};
use crate::error::Error;

/// One part of a form.
#[derive(Clone, Debug)]
pub enum FormItem {
    /// A text field.
    Text {
        /// The field's name.
        name: String,
        /// Its value.
        value: String,
    },
    /// A file.
    File {
        /// The field's name (`file` for Zoho's uploads).
        name: String,
        /// The file.
        part: FilePart,
    },
}

/// A `multipart/form-data` body: its boundary and its parts, in order.
#[derive(Clone, Debug)]
pub struct Multipart {
    boundary: String,
    items: Vec<FormItem>,
}

type Piece = Pin<Box<dyn Stream<Item = Result<Bytes, std::io::Error>> + Send>>;

impl Default for Multipart {
    fn default() -> Self {
        Multipart::new()
    }
}

impl Multipart {
    /// An empty form with a random boundary.
    pub fn new() -> Multipart {
        let random: String = (0..24).map(|_| fastrand::alphanumeric()).collect();
        Multipart::with_boundary(format!("zoho-rs-{random}"))
    }

    /// An empty form with this boundary (for tests: a boundary must never occur in a part).
    pub fn with_boundary(boundary: impl Into<String>) -> Multipart {
        Multipart {
            boundary: boundary.into(),
            items: Vec::new(),
        }
    }

    /// Adds a part.
    pub fn push(&mut self, item: FormItem) {
        self.items.push(item);
    }

    /// The parts, in order.
    pub fn items(&self) -> &[FormItem] {
        &self.items
    }

    /// The `Content-Type` header's value, boundary included.
    pub fn content_type(&self) -> String {
        format!("multipart/form-data; boundary={}", self.boundary)
    }

    /// What comes before a part's content.
    fn head(&self, item: &FormItem) -> String {
        let mut head = format!(
            "--{}\r\nContent-Disposition: form-data; name=\"",
            self.boundary
        );
        match item {
            FormItem::Text { name, .. } => {
                head.push_str(&escape(name));
                head.push_str("\"\r\n\r\n");
            }
            FormItem::File { name, part } => {
                head.push_str(&escape(name));
                head.push_str("\"; filename=\"");
                head.push_str(&escape(part.file_name()));
                head.push_str("\"\r\nContent-Type: ");
                head.push_str(&part.content_type().replace(['\r', '\n'], " "));
                head.push_str("\r\n\r\n");
            }
        }
        head
    }

    fn tail(&self) -> String {
        format!("--{}--\r\n", self.boundary)
    }

    /// The body's length in bytes, files on disk measured now.
    pub async fn content_length(&self) -> Result<u64, Error> {
        let mut len = self.tail().len() as u64;
        for item in &self.items {
            len += self.head(item).len() as u64 + 2;
            len += match item {
                FormItem::Text { value, .. } => value.len() as u64,
                FormItem::File { part, .. } => part.size().await?,
            };
        }
        Ok(len)
    }

    /// The whole body, when every file is in memory (`None` when one is on disk).
    pub fn to_bytes(&self) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        for item in &self.items {
            out.extend_from_slice(self.head(item).as_bytes());
            match item {
                FormItem::Text { value, .. } => out.extend_from_slice(value.as_bytes()),
                FormItem::File { part, .. } => match &part.source {
                    Source::Memory(bytes) => out.extend_from_slice(bytes),
                    Source::Path(_) => return None,
                },
            }
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(self.tail().as_bytes());
        Some(out)
    }

    /// The body as a stream for the request, and its length. Files on disk are opened now and
    /// read in chunks as the request is sent.
    pub(crate) async fn body(&self) -> Result<(reqwest::Body, u64), Error> {
        let length = self.content_length().await?;
        let mut pieces: Vec<Piece> = Vec::with_capacity(self.items.len() * 3 + 1);
        for item in &self.items {
            pieces.push(once(self.head(item).into()));
            pieces.push(match item {
                FormItem::Text { value, .. } => once(value.clone().into()),
                FormItem::File { part, .. } => content(part).await?,
            });
            pieces.push(once(Bytes::from_static(b"\r\n")));
        }
        pieces.push(once(self.tail().into()));
        let stream = stream::iter(pieces).flatten();
        Ok((reqwest::Body::wrap_stream(stream), length))
    }
}

fn once(bytes: Bytes) -> Piece {
    Box::pin(stream::once(async move { Ok(bytes) }))
}

async fn content(part: &FilePart) -> Result<Piece, Error> {
    match &part.source {
        Source::Memory(bytes) => Ok(once(bytes.clone())),
        Source::Path(path) => {
            let file = tokio::fs::File::open(path)
                .await
                .map_err(|source| Error::File {
                    path: path.display().to_string(),
                    source,
                })?;
            Ok(Box::pin(tokio_util::io::ReaderStream::new(file)))
        }
    }
}

/// A name or file name in a quoted header parameter, as browsers write it: `"`, CR and LF
/// percent-encoded, so no value can end the parameter or the header.
fn escape(text: &str) -> String {
    text.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}
