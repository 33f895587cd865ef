//! Attachments of records (`/{module}/{id}/Attachments`: upload a file or a link, list,
//! download, delete), and the downloads of e-mail attachments, e-mail inline images and
//! file-upload fields.
//!
//! ```
//! use zoho_crm_api::attachments::{GetAttachment, GetAttachments, UploadAttachment};
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
//! let file = FilePart::bytes("minutes.txt", &b"met on Monday"[..]);
//! let uploaded = UploadAttachment::file("Leads", lead, file).send(&client).await?;
//! let id = uploaded[0].as_ref().unwrap().id().unwrap();
//!
//! let listed = GetAttachments::of("Leads", lead).send(&client).await?.unwrap();
//! assert_eq!(listed.data[0].file_name.as_deref(), Some("minutes.txt"));
//!
//! let download = GetAttachment::of("Leads", lead, id).send(&client).await?.unwrap();
//! assert_eq!(download.file_name(), Some("minutes.txt"));
//! assert_eq!(&download.bytes().await?[..], b"met on Monday");
//! # Ok(())
//! # }
//! ```

use zoho_runtime::files::FilePart;
use zoho_runtime::serde::Deserialize;
use zoho_runtime::zoho_endpoint;

use crate::{declared, ApiOperation, Page, RecordId};

/// Attaches a file (at most 20 MB, refused before sending) or a link to a record.
#[zoho_endpoint(POST "/<module>/<record_id>/Attachments",
                scope = "ZohoCRM.modules.<module>.CREATE",
                max_upload = zoho_runtime::files::MAX_ATTACHMENT_BYTES)]
pub struct UploadAttachment {
    /// The record's module: `Leads`.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// The file; `None` with an `attachment_url`.
    #[zoho(file)]
    pub file: Option<FilePart>,
    /// A link to attach instead of a file.
    #[zoho(form, rename = "attachmentUrl")]
    pub attachment_url: Option<String>,
    /// The link's title.
    #[zoho(form)]
    pub title: Option<String>,
}

impl UploadAttachment {
    /// Attaches `file` to the record.
    pub fn file(module: impl Into<String>, record_id: impl Into<RecordId>, file: FilePart) -> Self {
        UploadAttachment {
            module: module.into(),
            record_id: record_id.into(),
            file: Some(file),
            attachment_url: None,
            title: None,
        }
    }

    /// Attaches a link to the record.
    pub fn link(
        module: impl Into<String>,
        record_id: impl Into<RecordId>,
        url: impl Into<String>,
    ) -> Self {
        UploadAttachment {
            module: module.into(),
            record_id: record_id.into(),
            file: None,
            attachment_url: Some(url.into()),
            title: None,
        }
    }

    /// Gives the link a title.
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
}

/// Lists a record's attachments; `None` when it has none (`204`).
#[zoho_endpoint(GET "/<module>/<record_id>/Attachments",
                scope = "ZohoCRM.modules.<module>.READ",
                response = Option<Page<Attachment>>)]
pub struct GetAttachments {
    /// The record's module.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// The fields to answer (Zoho requires some).
    #[zoho(query)]
    pub fields: Vec<String>,
    /// Only these attachments.
    #[zoho(query)]
    pub ids: Vec<RecordId>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Attachments per page, at most 200.
    #[zoho(query)]
    pub per_page: Option<u32>,
    /// Where a previous page ended, past the first 2,000.
    #[zoho(query)]
    pub page_token: Option<String>,
}

impl GetAttachments {
    /// The attachments of a record, with their names, sizes, types and times.
    pub fn of(module: impl Into<String>, record_id: impl Into<RecordId>) -> Self {
        GetAttachments {
            module: module.into(),
            record_id: record_id.into(),
            fields: [
                "File_Name",
                "Size",
                "Created_Time",
                "Modified_Time",
                "Parent_Id",
                "$type",
                "$link_url",
                "$file_id",
            ]
            .map(String::from)
            .to_vec(),
            ids: Vec::new(),
            page: None,
            per_page: None,
            page_token: None,
        }
    }
}

/// One attachment of a record.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Attachment {
    /// Its id.
    pub id: RecordId,
    /// The file's name.
    #[serde(rename = "File_Name", default)]
    pub file_name: Option<String>,
    /// Its size in bytes, as Zoho writes it (a string).
    #[serde(rename = "Size", default)]
    pub size: Option<String>,
    /// When it was attached.
    #[serde(rename = "Created_Time", default)]
    pub created_time: Option<String>,
    /// `Attachment` for a file, `Link URL` for a link.
    #[serde(rename = "$type", default)]
    pub kind: Option<String>,
    /// The link, for a link.
    #[serde(rename = "$link_url", default)]
    pub link_url: Option<String>,
}

/// Deletes some attachments of a record, one outcome each.
#[zoho_endpoint(DELETE "/<module>/<record_id>/Attachments", scope = "ZohoCRM.modules.<module>.DELETE")]
pub struct DeleteAttachments {
    /// The record's module.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// The attachments.
    #[zoho(query)]
    pub ids: Vec<RecordId>,
}

/// Downloads one attachment; `None` for a link, which has no file.
#[zoho_endpoint(GET "/<module>/<record_id>/Attachments/<id>", scope = "ZohoCRM.modules.<module>.READ", download)]
pub struct GetAttachment {
    /// The record's module.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// The attachment.
    pub id: RecordId,
}

impl GetAttachment {
    /// The attachment `id` of a record.
    pub fn of(
        module: impl Into<String>,
        record_id: impl Into<RecordId>,
        id: impl Into<RecordId>,
    ) -> Self {
        GetAttachment {
            module: module.into(),
            record_id: record_id.into(),
            id: id.into(),
        }
    }
}

/// Deletes one attachment.
#[zoho_endpoint(DELETE "/<module>/<record_id>/Attachments/<id>", scope = "ZohoCRM.modules.<module>.DELETE")]
pub struct DeleteAttachment {
    /// The record's module.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// The attachment.
    pub id: RecordId,
}

/// Downloads an attachment of an e-mail sent from a record.
#[zoho_endpoint(GET "/<module>/<record_id>/Emails/actions/download_attachments",
                scope = ["ZohoCRM.modules.emails.READ", "ZohoCRM.modules.<module>.READ"], download)]
pub struct DownloadEmailAttachment {
    /// The record's module.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// The user who sent or received the e-mail.
    #[zoho(query)]
    pub user_id: RecordId,
    /// The e-mail.
    #[zoho(query)]
    pub message_id: String,
    /// The attachment.
    #[zoho(query)]
    pub id: String,
    /// The attachment's file name.
    #[zoho(query)]
    pub name: String,
}

/// Downloads an inline image of an e-mail sent from a record.
#[zoho_endpoint(GET "/<module>/<record_id>/Emails/actions/download_inline_images",
                scope = ["ZohoCRM.modules.emails.READ", "ZohoCRM.modules.<module>.READ"], download)]
pub struct DownloadInlineImage {
    /// The record's module.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// The user who sent or received the e-mail.
    #[zoho(query)]
    pub user_id: RecordId,
    /// The e-mail.
    #[zoho(query)]
    pub message_id: String,
    /// The image.
    #[zoho(query)]
    pub id: String,
}

/// Downloads the file of a record's file-upload field.
#[zoho_endpoint(GET "/<module>/<record_id>/actions/download_fields_attachment",
                scope = "ZohoCRM.modules.<module>.READ", download)]
pub struct DownloadFieldAttachment {
    /// The record's module.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// The file's id in the field.
    #[zoho(query)]
    pub fields_attachment_id: String,
}

pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    UploadAttachment,
    GetAttachments,
    DeleteAttachments,
    GetAttachment,
    DeleteAttachment,
    DownloadEmailAttachment,
    DownloadInlineImage,
    DownloadFieldAttachment,
];
