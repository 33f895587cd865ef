//! Files: uploads as `multipart/form-data` and downloads handed over as a stream.
//!
//! An endpoint sends a file with a `#[zoho(file)]` field of type [`FilePart`] (or an `Option`
//! of one), beside `#[zoho(form)]` text fields: the file comes from memory
//! ([`FilePart::bytes`]) or is streamed from a path ([`FilePart::path`]), never read whole into
//! memory. The declaration's `max_upload` (Zoho's 20 MB for attachments, 25 MB for the bulk
//! write zip) is checked before anything is sent: a larger file is [`Error::UploadTooLarge`]
//! and nothing leaves the machine. Uploads are `POST`s, so one whose fate is unknown is never
//! sent again.
//!
//! An endpoint declared `download` answers `Option<`[`Download`]`>` (`None` for Zoho's
//! `204 No Content`): the body is read chunk by chunk ([`Download::chunk`]), written to a
//! writer ([`Download::write_to`]) or a file ([`Download::save`]) without being held whole,
//! under a size limit, and a body cut short is [`Error::DownloadIncomplete`], never a short
//! file reported as complete.
//!
//! ```
//! use zoho_runtime::files::{content_disposition_file_name, FilePart};
//!
//! let part = FilePart::bytes("notes.txt", &b"call back on Monday"[..]);
//! assert_eq!(part.file_name(), "notes.txt");
//! assert_eq!(part.content_type(), "text/plain");
//! assert_eq!(
//!     content_disposition_file_name("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf").as_deref(),
//!     Some("résumé.pdf")
//! );
//! ```
//!
//! [`Error::UploadTooLarge`]: crate::Error::UploadTooLarge
//! [`Error::DownloadIncomplete`]: crate::Error::DownloadIncomplete

mod disposition;
mod download;
mod multipart;
mod upload;

pub use disposition::content_disposition_file_name;
pub use download::{decode_download, Download, DEFAULT_MAX_DOWNLOAD};
pub use multipart::{FormItem, Multipart};
pub use upload::{FileField, FilePart, FormValue};
pub use zoho_spec::limits::{MAX_ATTACHMENT_BYTES, MAX_BULK_WRITE_ZIP_BYTES};
