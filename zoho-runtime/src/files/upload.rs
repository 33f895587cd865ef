//! What an upload is made of: [`FilePart`]s and the text of other form fields.

use std::path::{Path, PathBuf};

use bytes::Bytes;

use crate::error::Error;
use crate::types::RecordId;

/// A file to send as a part of a `multipart/form-data` body, with its file name and content
/// type. Cheap to clone: bytes are shared, a path is opened again for each attempt.
#[derive(Clone, Debug)]
pub struct FilePart {
    pub(crate) source: Source,
    file_name: String,
    content_type: Option<String>,
}

#[derive(Clone, Debug)]
pub(crate) enum Source {
    Memory(Bytes),
    Path(PathBuf),
}

impl FilePart {
    /// A file held in memory.
    pub fn bytes(file_name: impl Into<String>, bytes: impl Into<Bytes>) -> FilePart {
        FilePart {
            source: Source::Memory(bytes.into()),
            file_name: file_name.into(),
            content_type: None,
        }
    }

    /// A file on disk, streamed from it when the call is sent (never read whole). Its file
    /// name is the path's last component.
    pub fn path(path: impl Into<PathBuf>) -> FilePart {
        let path = path.into();
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        FilePart {
            source: Source::Path(path),
            file_name,
            content_type: None,
        }
    }

    /// Sends the file under another name.
    pub fn with_file_name(mut self, name: impl Into<String>) -> FilePart {
        self.file_name = name.into();
        self
    }

    /// Sets the content type (by default guessed from the file name's extension).
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> FilePart {
        self.content_type = Some(content_type.into());
        self
    }

    /// The file name sent.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// The content type sent: the one given, else one known for the extension, else
    /// `application/octet-stream`.
    pub fn content_type(&self) -> &str {
        self.content_type
            .as_deref()
            .unwrap_or_else(|| guess_content_type(&self.file_name))
    }

    /// The path the file is streamed from, for a file on disk.
    pub fn source_path(&self) -> Option<&Path> {
        match &self.source {
            Source::Path(path) => Some(path),
            Source::Memory(_) => None,
        }
    }

    /// The file's size now: the bytes held, or the file's length on disk.
    pub async fn size(&self) -> Result<u64, Error> {
        match &self.source {
            Source::Memory(bytes) => Ok(bytes.len() as u64),
            Source::Path(path) => {
                tokio::fs::metadata(path)
                    .await
                    .map(|m| m.len())
                    .map_err(|source| Error::File {
                        path: path.display().to_string(),
                        source,
                    })
            }
        }
    }
}

fn guess_content_type(file_name: &str) -> &'static str {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "zip" => "application/zip",
        "csv" => "text/csv",
        "txt" => "text/plain",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

/// A value that can be a `#[zoho(file)]` field: a [`FilePart`], a reference to one, or an
/// `Option` of one (`None` sends no part).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a file part of an upload",
    label = "this `#[zoho(file)]` field's type must implement `FileField`",
    note = "use `zoho_runtime::files::FilePart`, or an `Option` of one"
)]
pub trait FileField {
    /// The file to send, if any.
    fn file_part(&self) -> Option<&FilePart>;
}

impl FileField for FilePart {
    fn file_part(&self) -> Option<&FilePart> {
        Some(self)
    }
}

impl<T: FileField + ?Sized> FileField for &T {
    fn file_part(&self) -> Option<&FilePart> {
        (**self).file_part()
    }
}

impl<T: FileField> FileField for Option<T> {
    fn file_part(&self) -> Option<&FilePart> {
        self.as_ref().and_then(FileField::file_part)
    }
}

/// A value that can be a `#[zoho(form)]` text field of an upload.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a form field of an upload",
    label = "this `#[zoho(form)]` field's type must implement `FormValue`",
    note = "use a string, `RecordId`, an integer, a `bool`, or an `Option` of one"
)]
pub trait FormValue {
    /// The field's text; `None` leaves the field out.
    fn form_value(&self) -> Option<String>;
}

macro_rules! form_values {
    ($($ty:ty),*) => {$(
        impl FormValue for $ty {
            fn form_value(&self) -> Option<String> {
                Some(self.to_string())
            }
        }
    )*};
}

form_values!(str, String, RecordId, bool, u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl<T: FormValue + ?Sized> FormValue for &T {
    fn form_value(&self) -> Option<String> {
        (**self).form_value()
    }
}

impl<T: FormValue> FormValue for Option<T> {
    fn form_value(&self) -> Option<String> {
        self.as_ref().and_then(FormValue::form_value)
    }
}
