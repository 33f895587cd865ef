//! A record's photo (`/{module}/{id}/photo`, for Leads, Contacts, Accounts, Products and
//! Vendors): upload, download, delete.
//!
//! ```
//! use zoho_crm_api::record_photo::{DeletePhoto, GetPhoto, UploadPhoto};
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
//! let lead = "738964000002148061";
//! let png = FilePart::bytes("face.png", vec![0x89, b'P', b'N', b'G', 1, 2, 3]);
//! UploadPhoto::of("Leads", lead, png).send(&client).await?;
//! let photo = GetPhoto::of("Leads", lead).send(&client).await?.unwrap();
//! assert_eq!(photo.content_type(), Some("image/png"));
//! assert_eq!(&photo.bytes().await?[..], [0x89, b'P', b'N', b'G', 1, 2, 3]);
//! DeletePhoto::of("Leads", lead).send(&client).await?;
//! assert!(GetPhoto::of("Leads", lead).send(&client).await?.is_none());
//! # Ok(())
//! # }
//! ```

use zoho_runtime::files::FilePart;
use zoho_runtime::zoho_endpoint;

use crate::{declared, ApiOperation, RecordId};

/// Downloads a record's photo; `None` when it has none (`204`).
#[zoho_endpoint(GET "/<module>/<record>/photo", scope = "ZohoCRM.modules.<module>.READ", download)]
pub struct GetPhoto {
    /// The record's module.
    pub module: String,
    /// The record.
    pub record: RecordId,
}

impl GetPhoto {
    /// The photo of a record.
    pub fn of(module: impl Into<String>, record: impl Into<RecordId>) -> Self {
        GetPhoto {
            module: module.into(),
            record: record.into(),
        }
    }
}

/// Sets a record's photo (at most 20 MB, refused before sending).
#[zoho_endpoint(POST "/<module>/<record>/photo", scope = "ZohoCRM.modules.<module>.UPDATE",
                max_upload = zoho_runtime::files::MAX_ATTACHMENT_BYTES)]
pub struct UploadPhoto {
    /// The record's module.
    pub module: String,
    /// The record.
    pub record: RecordId,
    /// The image.
    #[zoho(file)]
    pub file: FilePart,
}

impl UploadPhoto {
    /// Sets the photo of a record.
    pub fn of(module: impl Into<String>, record: impl Into<RecordId>, file: FilePart) -> Self {
        UploadPhoto {
            module: module.into(),
            record: record.into(),
            file,
        }
    }
}

/// Deletes a record's photo.
#[zoho_endpoint(DELETE "/<module>/<record>/photo", scope = "ZohoCRM.modules.<module>.DELETE")]
pub struct DeletePhoto {
    /// The record's module.
    pub module: String,
    /// The record.
    pub record: RecordId,
}

impl DeletePhoto {
    /// Deletes the photo of a record.
    pub fn of(module: impl Into<String>, record: impl Into<RecordId>) -> Self {
        DeletePhoto {
            module: module.into(),
            record: record.into(),
        }
    }
}

pub(crate) const OPERATIONS: &[ApiOperation] = declared![GetPhoto, UploadPhoto, DeletePhoto];
