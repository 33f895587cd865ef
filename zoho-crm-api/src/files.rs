//! Files of file-upload and image-upload fields: `POST /files` keeps a file and answers its
//! id, which a record's field then names; `GET /files?id=` downloads it.
//!
//! ```
//! use zoho_crm_api::files::{GetFile, UploadFile};
//! use zoho_runtime::files::FilePart;
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
//! let uploaded = UploadFile::of(FilePart::bytes("terms.pdf", &b"%PDF-1.7 terms"[..])).send(&client).await?;
//! let id = uploaded[0].as_ref().unwrap().details.get("id").unwrap().as_str().unwrap().to_owned();
//! let file = GetFile::of(id).send(&client).await?.unwrap();
//! assert_eq!(file.file_name(), Some("terms.pdf"));
//! assert_eq!(&file.bytes().await?[..], b"%PDF-1.7 terms");
//! # Ok(())
//! # }
//! ```

use zoho_runtime::files::FilePart;
use zoho_runtime::zoho_endpoint;

use crate::{declared, ApiOperation};

/// Uploads a file (at most 20 MB, refused before sending); its outcome's `details.id` is the
/// id to put in a file-upload field.
#[zoho_endpoint(POST "/files", scope = "ZohoCRM.files.CREATE",
                max_upload = zoho_runtime::files::MAX_ATTACHMENT_BYTES)]
pub struct UploadFile {
    /// `inline` for an image of a rich-text field; left out otherwise.
    #[zoho(query, rename = "type")]
    pub kind: Option<String>,
    /// The file.
    #[zoho(file)]
    pub file: FilePart,
}

impl UploadFile {
    /// Uploads `file`.
    pub fn of(file: FilePart) -> Self {
        UploadFile { kind: None, file }
    }
}

/// Downloads a file by its id.
#[zoho_endpoint(GET "/files", scope = "ZohoCRM.files.READ", download)]
pub struct GetFile {
    /// The file's id.
    #[zoho(query)]
    pub id: String,
}

impl GetFile {
    /// The file `id`.
    pub fn of(id: impl Into<String>) -> Self {
        GetFile { id: id.into() }
    }
}

pub(crate) const OPERATIONS: &[ApiOperation] = declared![UploadFile, GetFile];
