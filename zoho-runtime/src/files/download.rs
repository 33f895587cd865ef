//! [`Download`]: an answer whose body is a file, read chunk by chunk.

use std::path::Path;

use bytes::Bytes;
use tokio::io::{AsyncWrite, AsyncWriteExt};

use super::disposition::content_disposition_file_name;
use crate::error::Error;
use crate::response::RawResponse;

/// The largest download read unless told otherwise ([`Download::limit`],
/// [`ClientBuilder::max_download_bytes`](crate::ClientBuilder::max_download_bytes)): 4 GiB.
pub const DEFAULT_MAX_DOWNLOAD: u64 = 4 * 1024 * 1024 * 1024;

/// A file Zoho answered, its body not read yet: read it with [`Download::chunk`],
/// [`Download::write_to`], [`Download::save`] or [`Download::bytes`].
///
/// At most [`Download::limit`] bytes are read ([`Error::DownloadTooLarge`] past it), and a
/// body that ends before its `Content-Length` is [`Error::DownloadIncomplete`].
#[derive(Debug)]
pub struct Download {
    status: u16,
    content_type: Option<String>,
    file_name: Option<String>,
    length: Option<u64>,
    limit: u64,
    received: u64,
    url: String,
    body: Body,
}

#[derive(Debug)]
enum Body {
    Stream(reqwest::Response),
    Buffered(Option<Bytes>),
    Done,
}

impl Download {
    /// A download of a streamed answer.
    pub(crate) fn streamed(response: reqwest::Response, url: &str, limit: u64) -> Download {
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        Download {
            status: response.status().as_u16(),
            content_type: header(reqwest::header::CONTENT_TYPE),
            file_name: header(reqwest::header::CONTENT_DISPOSITION)
                .and_then(|v| content_disposition_file_name(&v)),
            length: response.content_length(),
            limit,
            received: 0,
            url: url.split('?').next().unwrap_or_default().to_owned(),
            body: Body::Stream(response),
        }
    }

    /// A download of an answer already in memory (for tests, and endpoints decoded from a
    /// [`RawResponse`](crate::endpoint::RawResponse)).
    pub fn from_bytes(
        bytes: impl Into<Bytes>,
        content_type: Option<String>,
        file_name: Option<String>,
    ) -> Download {
        let bytes = bytes.into();
        Download {
            status: 200,
            content_type,
            file_name,
            length: Some(bytes.len() as u64),
            limit: DEFAULT_MAX_DOWNLOAD,
            received: 0,
            url: String::new(),
            body: Body::Buffered(Some(bytes)),
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The answer's `Content-Type`.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The file name of the answer's `Content-Disposition`, decoded. It is as Zoho sent it:
    /// check it before using it as a path.
    pub fn file_name(&self) -> Option<&str> {
        self.file_name.as_deref()
    }

    /// The size the answer announced (`Content-Length`), when it did.
    pub fn content_length(&self) -> Option<u64> {
        self.length
    }

    /// The bytes read so far.
    pub fn received(&self) -> u64 {
        self.received
    }

    /// Reads at most `bytes` of the body.
    pub fn limit(mut self, bytes: u64) -> Download {
        self.limit = bytes;
        self
    }

    /// The next chunk of the body; `None` once it is all read. An error when the body is cut
    /// short, or goes past the limit.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>, Error> {
        if self.length.is_some_and(|len| len > self.limit) {
            return Err(Error::DownloadTooLarge { limit: self.limit });
        }
        let next = match &mut self.body {
            Body::Stream(response) => response.chunk().await.map_err(|e| self.cut(e))?,
            Body::Buffered(bytes) => bytes.take(),
            Body::Done => None,
        };
        let Some(chunk) = next else {
            self.body = Body::Done;
            return self.check_complete().map(|()| None);
        };
        self.received += chunk.len() as u64;
        if self.received > self.limit {
            self.body = Body::Done;
            return Err(Error::DownloadTooLarge { limit: self.limit });
        }
        Ok(Some(chunk))
    }

    fn check_complete(&self) -> Result<(), Error> {
        match self.length {
            Some(expected) if expected != self.received => Err(Error::DownloadIncomplete {
                received: self.received,
                expected,
            }),
            _ => Ok(()),
        }
    }

    /// A transport error in the middle of the body: the file is incomplete.
    fn cut(&self, error: reqwest::Error) -> Error {
        match self.length {
            Some(expected) => Error::DownloadIncomplete {
                received: self.received,
                expected,
            },
            None => Error::Transport {
                url: self.url.clone(),
                delivered: true,
                source: error.without_url(),
            },
        }
    }

    /// Writes the whole body to `out`, chunk by chunk, and returns its size.
    pub async fn write_to<W: AsyncWrite + Unpin + ?Sized>(
        mut self,
        out: &mut W,
    ) -> Result<u64, Error> {
        while let Some(chunk) = self.chunk().await? {
            out.write_all(&chunk).await.map_err(|source| Error::File {
                path: "(writer)".to_owned(),
                source,
            })?;
        }
        out.flush().await.map_err(|source| Error::File {
            path: "(writer)".to_owned(),
            source,
        })?;
        Ok(self.received)
    }

    /// Writes the body to the file `path` and returns its size. The body goes to a temporary
    /// file beside it first, renamed to `path` only once it is complete: a download that
    /// fails leaves no file at `path` (nor the temporary one).
    pub async fn save(self, path: impl AsRef<Path>) -> Result<u64, Error> {
        let path = path.as_ref();
        let partial = partial_path(path);
        let io = |source| Error::File {
            path: path.display().to_string(),
            source,
        };
        let mut file = tokio::fs::File::create(&partial).await.map_err(io)?;
        let written = self.write_to(&mut file).await;
        let synced = match written {
            Ok(size) => file.sync_all().await.map(|()| size).map_err(io),
            Err(error) => Err(error),
        };
        drop(file);
        match synced {
            Ok(size) => {
                tokio::fs::rename(&partial, path).await.map_err(io)?;
                Ok(size)
            }
            Err(error) => {
                let _ = tokio::fs::remove_file(&partial).await;
                Err(error)
            }
        }
    }

    /// The whole body in memory (within the limit): for small files.
    pub async fn bytes(mut self) -> Result<Bytes, Error> {
        let mut out = Vec::new();
        while let Some(chunk) = self.chunk().await? {
            out.extend_from_slice(&chunk);
        }
        Ok(out.into())
    }
}

/// Decodes a download's answer read whole: `None` for `204 No Content`, a Zoho error as an
/// error, anything else the file. (A download sent with [`Client::download`](crate::Client::download)
/// is streamed instead; this serves answers that were read whole.)
pub fn decode_download(raw: &RawResponse) -> Result<Option<Download>, Error> {
    if raw.status == 204 {
        return Ok(None);
    }
    let is_json = raw
        .content_type
        .as_deref()
        .is_some_and(|v| v.trim_start().starts_with("application/json"));
    if is_json || !(200..300).contains(&raw.status) {
        crate::response::decode_json::<serde_json::Value>(raw)?;
    }
    let file_name = raw
        .content_disposition
        .as_deref()
        .and_then(content_disposition_file_name);
    Ok(Some(Download::from_bytes(
        raw.body.clone(),
        raw.content_type.clone(),
        file_name,
    )))
}

fn partial_path(path: &Path) -> std::path::PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "download".to_owned());
    let random: String = (0..8).map(|_| fastrand::alphanumeric()).collect();
    path.with_file_name(format!(".{name}.{random}.partial"))
}
