//! Bulk write: up to 25,000 records of a module from a zip of a CSV file (at most 25 MB),
//! uploaded to the content domain (`content.zohoapis.com` and each data center's equivalent)
//! with `feature: bulk-write` and `X-CRM-ORG`, then a job (`POST /crm/bulk/{version}/write`)
//! that inserts, updates or upserts them. The job's result file says what became of each row;
//! [`write_records`] does it all and answers one typed outcome per record, in input order.
//!
//! Zoho also requires the module's scope (`ZohoCRM.modules.contacts.CREATE`), which the
//! declarations cannot name since the module is in the body, not the path.
//!
//! ```
//! use std::time::Duration;
//! use zoho_crm_api::bulk_write::{write_records, BulkOperation};
//! use zoho_crm_api::Record;
//! use zoho_runtime::jobs::Wait;
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
//! let mut ada = Record::new();
//! ada.set("Last_Name", "Lovelace").set("Email", "ada@example.com");
//! let mut nameless = Record::new();
//! nameless.set("Email", "nobody@example.com");
//! let wait = Wait::default().interval(Duration::from_millis(10));
//! let outcomes = write_records(&client, "1000", "Contacts", BulkOperation::Insert, &[ada, nameless], &wait).await?;
//! assert!(outcomes[0].is_ok());
//! assert_eq!(outcomes[1].as_ref().unwrap_err().code, "MANDATORY_NOT_FOUND");
//! # Ok(())
//! # }
//! ```

use zoho_runtime::files::{Download, FilePart};
use zoho_runtime::jobs::{JobState, JobStatus, Wait};
use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, Client, Error, Json};

use crate::bulk_file::{csv_rows, csv_zip, read_csv_zip, row_outcomes, RowOutcome};
use crate::bulk_read::{Callback, ModuleRef};
use crate::{declared, ApiOperation};

/// The most records one bulk write job takes: Zoho's 25,000.
pub const MAX_BULK_WRITE_RECORDS: usize = 25_000;

/// Uploads a bulk write's zip to the content domain (at most 25 MB, refused before sending).
#[zoho_endpoint(POST "/upload", scope = "ZohoFiles.files.ALL", domain = "content",
                max_upload = zoho_runtime::files::MAX_BULK_WRITE_ZIP_BYTES,
                response = UploadedFile)]
pub struct UploadBulkFile {
    /// `bulk-write`.
    #[zoho(header = "feature")]
    pub feature: String,
    /// The organisation's id (`zgid`).
    #[zoho(header = "X-CRM-ORG")]
    pub org_id: String,
    /// The zip.
    #[zoho(file)]
    pub file: FilePart,
}

impl UploadBulkFile {
    /// Uploads `zip` for a bulk write of the organisation `org_id`.
    pub fn zip(org_id: impl Into<String>, zip: FilePart) -> Self {
        UploadBulkFile {
            feature: "bulk-write".into(),
            org_id: org_id.into(),
            file: zip,
        }
    }
}

/// The answer of [`UploadBulkFile`].
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct UploadedFile {
    /// `FILE_UPLOAD_SUCCESS`.
    pub code: String,
    /// The file's id.
    pub details: UploadedFileDetails,
}

/// The uploaded file.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct UploadedFileDetails {
    /// The id a job's resource names.
    pub file_id: String,
}

/// What a bulk write does with each row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(crate = "zoho_runtime::serde", rename_all = "lowercase")]
pub enum BulkOperation {
    /// Inserts every row.
    Insert,
    /// Updates the record of each row's `id` column.
    Update,
    /// Updates the record `find_by` finds, else inserts.
    Upsert,
}

/// One file of a bulk write, for one module.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct WriteResource {
    /// `data`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The module.
    pub module: ModuleRef,
    /// The uploaded file.
    pub file_id: String,
    /// Which column fills which field; by the header when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub field_mappings: Vec<FieldMapping>,
    /// The unique field an upsert finds records by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub find_by: Option<String>,
}

impl WriteResource {
    /// The file `file_id` for `module`, columns mapped by the header.
    pub fn data(module: impl Into<String>, file_id: impl Into<String>) -> Self {
        WriteResource {
            kind: "data".into(),
            module: ModuleRef {
                api_name: module.into(),
            },
            file_id: file_id.into(),
            field_mappings: Vec::new(),
            find_by: None,
        }
    }
}

/// A column of the CSV and the field it fills.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct FieldMapping {
    /// The field.
    pub api_name: String,
    /// The column, from 0.
    pub index: usize,
}

/// Creates a bulk write job.
#[zoho_endpoint(POST "/write", root = "/crm/bulk", scope = "ZohoCRM.bulk.CREATE", response = BulkWriteCreated)]
pub struct CreateBulkWrite {
    /// Insert, update or upsert.
    #[zoho(envelope)]
    pub operation: BulkOperation,
    /// Where Zoho posts the job's end.
    #[zoho(envelope)]
    pub callback: Option<Callback>,
    /// The file, one per module.
    #[zoho(envelope)]
    pub resource: Vec<WriteResource>,
    /// Whether empty cells leave fields as they are.
    #[zoho(envelope)]
    pub ignore_empty: Option<bool>,
}

/// The answer of [`CreateBulkWrite`].
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct BulkWriteCreated {
    /// `SUCCESS`.
    pub code: String,
    /// The job.
    pub details: crate::bulk_read::JobDetails,
}

/// A bulk write job's status.
#[zoho_endpoint(GET "/write/<job_id>", root = "/crm/bulk", scope = "ZohoCRM.bulk.READ", response = BulkWriteStatus)]
pub struct GetBulkWrite {
    /// The job.
    pub job_id: String,
}

/// The answer of [`GetBulkWrite`].
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct BulkWriteStatus {
    /// The job's id.
    pub id: String,
    /// `ADDED`, `IN PROGRESS`, `COMPLETED`, `FAILED`.
    pub status: String,
    /// Its result, once completed.
    #[serde(default)]
    pub result: Option<BulkWriteResult>,
    /// Each file's progress and counts, as Zoho answers them.
    #[serde(default)]
    pub resource: Vec<Json>,
}

/// Where a completed bulk write's result file is.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct BulkWriteResult {
    /// A full URL, downloaded with [`download_result`].
    pub download_url: String,
}

impl JobStatus for BulkWriteStatus {
    fn job_id(&self) -> &str {
        &self.id
    }

    fn state(&self) -> JobState {
        JobState::from_zoho(&self.status)
    }

    fn state_text(&self) -> String {
        self.status.clone()
    }
}

/// Downloads a completed bulk write's result file: `download_url` is a full URL of Zoho's, so
/// it is fetched with [`Client::download_from`].
pub async fn download_result(client: &Client, status: &BulkWriteStatus) -> Result<Download, Error> {
    let url = status
        .result
        .as_ref()
        .map(|r| r.download_url.as_str())
        .ok_or_else(|| Error::BulkFile {
            reason: format!("job {} has no result yet", status.id),
        })?;
    client
        .download_from(url)
        .await?
        .ok_or_else(|| Error::BulkFile {
            reason: "the result file is empty".to_owned(),
        })
}

/// Writes `records` to `module` with one bulk write: builds the CSV zip (a column per field,
/// mapped by index), uploads it, creates the job, waits for it and reads the result file into
/// one outcome per record, in input order.
pub async fn write_records<R: Serialize>(
    client: &Client,
    org_id: &str,
    module: &str,
    operation: BulkOperation,
    records: &[R],
    wait: &Wait,
) -> Result<Vec<RowOutcome>, Error> {
    if records.is_empty() || records.len() > MAX_BULK_WRITE_RECORDS {
        return Err(Error::BulkFile {
            reason: format!(
                "a bulk write takes 1 to {MAX_BULK_WRITE_RECORDS} records, not {}; nothing was sent",
                records.len()
            ),
        });
    }
    let header = csv_rows(records)?.swap_remove(0);
    let zip = csv_zip(&format!("{module}.csv"), records)?;
    let uploaded = UploadBulkFile::zip(org_id, FilePart::bytes(format!("{module}.zip"), zip))
        .send(client)
        .await?;
    let mut resource = WriteResource::data(module, uploaded.details.file_id);
    resource.field_mappings = header
        .into_iter()
        .enumerate()
        .map(|(index, api_name)| FieldMapping { api_name, index })
        .collect();
    let job = CreateBulkWrite {
        operation,
        callback: None,
        resource: vec![resource],
        ignore_empty: None,
    };
    let created = job.send(client).await?;
    let status = client
        .wait_for_job(
            &GetBulkWrite {
                job_id: created.details.id,
            },
            wait,
        )
        .await?;
    let result = download_result(client, &status).await?.bytes().await?;
    row_outcomes(&read_csv_zip(&result)?, records.len())
}

pub(crate) const OPERATIONS: &[ApiOperation] =
    declared![UploadBulkFile, CreateBulkWrite, GetBulkWrite];
