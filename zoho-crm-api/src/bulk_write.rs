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

use std::time::Instant;

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
///
/// A creation whose answer is lost is not sent again: the error is the one of that attempt
/// ([`Error::NotRetried`], [`Error::may_have_been_applied`]). [`BulkWrite`] finds such a job
/// again by its callback, or sends its records again keyed on a unique field, or says what is
/// in doubt.
pub async fn write_records<R: Serialize>(
    client: &Client,
    org_id: &str,
    module: &str,
    operation: BulkOperation,
    records: &[R],
    wait: &Wait,
) -> Result<Vec<RowOutcome>, Error> {
    match BulkWrite::new(org_id, module, operation, records)
        .send(client, wait)
        .await
    {
        Ok(written) => Ok(written.outcomes),
        Err(BulkWriteError::Failed(e)) => Err(e),
        Err(BulkWriteError::InDoubt(doubt)) => Err(doubt.source),
    }
}

/// How many jobs one [`BulkWrite`] creates at most: the first, and sends again keyed on a
/// unique field while their creations go unanswered.
pub const MAX_CREATIONS: usize = 4;

/// How many times an upload whose answer was lost is sent again: harmless, since a file no
/// job names imports nothing.
const MAX_UPLOADS: usize = 3;

/// A bulk write that never creates its job twice blindly.
///
/// Zoho has no call that lists bulk write jobs, nor one that finds a job by its file, so when
/// the answer to `POST …/write` is lost (a `5xx`, a connection dropped after sending: see
/// [`Error::may_have_been_applied`]) nothing tells whether the job exists. Sending it again
/// could import every row twice. Instead, in this order:
///
/// 1. With a callback receiver (`BulkWrite::callbacks`, feature `callbacks`), each creation is
///    made with a callback URL of its own; the job whose answer was lost is waited for (under
///    the [`Wait`]'s deadline) until its callback names it, and the write goes on with it
///    ([`JobAction::Found`]).
/// 2. When the rows carry a unique key — an upsert's [`find_by`](Self::find_by), an insert's
///    [`unique_key`](Self::unique_key) — the rows are uploaded and sent again as an upsert on
///    that key, which finds the records a first job made rather than making them again
///    ([`JobAction::Resent`]; a row the first job had created comes back `UPDATED`). An
///    update whose every row has an `id` is sent again as it is: it can only find.
/// 3. Otherwise it ends with [`BulkWriteError::InDoubt`]: the file id, the attempt's token and
///    why, and no second job.
///
/// ```
/// use std::time::Duration;
/// use zoho_crm_api::bulk_write::{BulkOperation, BulkWrite, JobAction};
/// use zoho_crm_api::Record;
/// use zoho_runtime::jobs::Wait;
/// use zoho_runtime::Client;
/// use zoho_sandbox::{Fault, FaultRule, Sandbox};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let sandbox = Sandbox::start().await?;
/// let client = Client::builder()
///     .api_domain(sandbox.base_url())
///     .access_token(sandbox.access_token())
///     .build()?;
/// // The job is created, but its answer never comes back.
/// sandbox.add_fault(FaultRule::new(Fault::DropConnection).after_apply().method("POST").path_contains("/bulk/v8/write").times(1));
/// let mut ada = Record::new();
/// ada.set("Last_Name", "Lovelace").set("Email", "ada@bulk.example.com");
/// let wait = Wait::default().interval(Duration::from_millis(10));
/// let written = BulkWrite::new("1000", "Contacts", BulkOperation::Insert, &[ada])
///     .unique_key("Email")
///     .send(&client, &wait)
///     .await?;
/// assert_eq!(written.action, JobAction::Resent);
/// let adas = sandbox.records("Contacts").into_iter().filter(|c| c["Email"] == "ada@bulk.example.com").count();
/// assert_eq!(adas, 1);
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
#[must_use = "a bulk write does nothing until sent"]
pub struct BulkWrite<'a, R> {
    org_id: String,
    module: String,
    operation: BulkOperation,
    records: &'a [R],
    find_by: Option<String>,
    unique_key: Option<String>,
    ignore_empty: Option<bool>,
    #[cfg(feature = "callbacks")]
    callbacks: Option<&'a crate::callbacks::CallbackReceiver>,
}

/// How the job whose result a [`BulkWritten`] reads came to be known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobAction {
    /// The first creation was answered: the job was created once.
    Created,
    /// The first creation went unanswered, and its callback named the job it had created.
    Found,
    /// A creation went unanswered, and the rows were sent again as an upsert on their unique
    /// key; this is the job of that resend (answered, or found by its callback).
    Resent,
}

/// One `POST …/write` of a [`BulkWrite`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CreationAttempt {
    /// The uploaded file the job was to read.
    pub file_id: String,
    /// The token of its callback URL, with a receiver.
    pub token: Option<String>,
    /// Its operation.
    pub operation: BulkOperation,
    /// Its `find_by`.
    pub find_by: Option<String>,
    /// The job it created, when an answer or a callback named it.
    pub job_id: Option<String>,
    /// Why its fate is unknown, when it is: the error its sending ended with.
    pub lost: Option<String>,
}

/// A bulk write done: its job, how it was known, and one outcome per record, in input order.
#[derive(Debug)]
#[non_exhaustive]
pub struct BulkWritten {
    /// The job whose result the outcomes are.
    pub job_id: String,
    /// How it came to be known.
    pub action: JobAction,
    /// Every creation sent, in order; more than one only when one went unanswered.
    pub attempts: Vec<CreationAttempt>,
    /// One outcome per record.
    pub outcomes: Vec<RowOutcome>,
}

/// A creation whose fate is unknown and that was not sent again.
#[derive(Debug, thiserror::Error)]
#[error(
    "a bulk write job of {module} from file {file_id} may exist (attempt token {}): {why}",
    token.as_deref().unwrap_or("none")
)]
#[non_exhaustive]
pub struct JobInDoubt {
    /// The module.
    pub module: String,
    /// The file the unanswered creation named.
    pub file_id: String,
    /// Its callback URL's token, with a receiver.
    pub token: Option<String>,
    /// Why it is in doubt, and why it was not sent again.
    pub why: String,
    /// Every creation sent, in order.
    pub attempts: Vec<CreationAttempt>,
    /// The error the last unanswered creation ended with.
    pub source: Error,
}

/// What can go wrong with a [`BulkWrite`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BulkWriteError {
    /// The write failed and nothing is in doubt: refused before a job existed (nothing
    /// imported), or a job known by its id failed or timed out (see its error).
    #[error("bulk write failed: {0}")]
    Failed(#[from] Error),
    /// A job may have been created, no answer or callback says which, and the rows carry no
    /// key an upsert could find them by: it was not sent again.
    #[error(transparent)]
    InDoubt(Box<JobInDoubt>),
}

impl<'a, R: Serialize> BulkWrite<'a, R> {
    /// A bulk write of `records` to `module` of the organisation `org_id` (its `zgid`).
    pub fn new(
        org_id: impl Into<String>,
        module: impl Into<String>,
        operation: BulkOperation,
        records: &'a [R],
    ) -> Self {
        BulkWrite {
            org_id: org_id.into(),
            module: module.into(),
            operation,
            records,
            find_by: None,
            unique_key: None,
            ignore_empty: None,
            #[cfg(feature = "callbacks")]
            callbacks: None,
        }
    }

    /// The unique field an upsert finds records by; every record must carry a value for it.
    pub fn find_by(mut self, field: impl Into<String>) -> Self {
        self.find_by = Some(field.into());
        self
    }

    /// A field no two records share (a unique field of the module) that every record of an
    /// insert carries: a creation gone unanswered is sent again as an upsert on it.
    pub fn unique_key(mut self, field: impl Into<String>) -> Self {
        self.unique_key = Some(field.into());
        self
    }

    /// Whether empty cells leave fields as they are.
    pub fn ignore_empty(mut self, yes: bool) -> Self {
        self.ignore_empty = Some(yes);
        self
    }

    /// Creates each job with a callback of `receiver`'s, to find a job whose creation went
    /// unanswered by the callback Zoho POSTs when it ends.
    #[cfg(feature = "callbacks")]
    pub fn callbacks(mut self, receiver: &'a crate::callbacks::CallbackReceiver) -> Self {
        self.callbacks = Some(receiver);
        self
    }

    /// The key an upsert sent again finds the records by, when every record carries one.
    fn resend_key(&self, rows: &[Vec<String>]) -> Result<Option<String>, Error> {
        let named = match self.operation {
            BulkOperation::Upsert => self.find_by.clone(),
            BulkOperation::Insert => self.unique_key.clone(),
            BulkOperation::Update => Some("id".to_owned()),
        };
        let Some(key) = named else {
            return Ok(None);
        };
        let column = rows[0].iter().position(|c| *c == key);
        let missing = rows[1..]
            .iter()
            .position(|row| column.is_none_or(|i| row[i].is_empty()));
        match (missing, self.operation) {
            (None, _) => Ok(Some(key)),
            // An update's rows are matched by `id` or refused: without one, no resend.
            (Some(_), BulkOperation::Update) => Ok(None),
            (Some(i), _) => Err(Error::BulkFile {
                reason: format!("record {i} has no value for the key `{key}`; nothing was sent"),
            }),
        }
    }

    /// Uploads the zip, sending it again while its answer is lost.
    async fn upload(&self, client: &Client, zip: &[u8]) -> Result<String, Error> {
        let mut tries = 0;
        loop {
            tries += 1;
            let part = FilePart::bytes(format!("{}.zip", self.module), zip.to_vec());
            match UploadBulkFile::zip(self.org_id.clone(), part)
                .send(client)
                .await
            {
                Ok(uploaded) => return Ok(uploaded.details.file_id),
                Err(e) if e.may_have_been_applied() && tries < MAX_UPLOADS => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// Sends the write: uploads, creates the job (again only as an upsert on a key, see
    /// [`BulkWrite`]), waits for it and reads its result.
    pub async fn send(self, client: &Client, wait: &Wait) -> Result<BulkWritten, BulkWriteError> {
        let records = self.records;
        if records.is_empty() || records.len() > MAX_BULK_WRITE_RECORDS {
            return Err(Error::BulkFile {
                reason: format!(
                    "a bulk write takes 1 to {MAX_BULK_WRITE_RECORDS} records, not {}; nothing was sent",
                    records.len()
                ),
            }
            .into());
        }
        let started = Instant::now();
        let rows = csv_rows(records)?;
        let key = self.resend_key(&rows)?;
        let header = rows[0].clone();
        let zip = csv_zip(&format!("{}.csv", self.module), records)?;
        let mut attempts: Vec<CreationAttempt> = Vec::new();
        let (job_id, action) = loop {
            let resend = !attempts.is_empty();
            let (operation, find_by) = if resend && self.operation != BulkOperation::Update {
                (BulkOperation::Upsert, key.clone())
            } else {
                (self.operation, self.find_by.clone())
            };
            let file_id = self.upload(client, &zip).await.map_err(|e| {
                self.failed_after(e, &attempts, "its upload failed, so it was not sent")
            })?;
            let mut resource = WriteResource::data(self.module.clone(), file_id.clone());
            resource.find_by = find_by.clone();
            resource.field_mappings = header
                .iter()
                .enumerate()
                .map(|(index, api_name)| FieldMapping {
                    api_name: api_name.clone(),
                    index,
                })
                .collect();
            #[cfg(feature = "callbacks")]
            let attempt = self.callbacks.map(|r| r.attempt());
            #[cfg(not(feature = "callbacks"))]
            let attempt: Option<NoAttempt> = None;
            let job = CreateBulkWrite {
                operation,
                callback: attempt.as_ref().map(|a| a.callback.clone()),
                resource: vec![resource],
                ignore_empty: self.ignore_empty,
            };
            let mut this = CreationAttempt {
                file_id: file_id.clone(),
                token: attempt.as_ref().map(|a| a.token.clone()),
                operation,
                find_by,
                job_id: None,
                lost: None,
            };
            let error = match job.send(client).await {
                Ok(created) => {
                    this.job_id = Some(created.details.id.clone());
                    attempts.push(this);
                    let action = if resend {
                        JobAction::Resent
                    } else {
                        JobAction::Created
                    };
                    break (created.details.id, action);
                }
                Err(e) if !e.may_have_been_applied() && !resend => return Err(e.into()),
                Err(e) if !e.may_have_been_applied() => {
                    this.lost = Some(format!("refused: {e}"));
                    attempts.push(this);
                    return Err(self.in_doubt(
                        attempts,
                        e,
                        "an earlier creation went unanswered and the upsert sent in its place was refused",
                    ));
                }
                Err(e) => e,
            };
            this.lost = Some(error.to_string());
            #[cfg(feature = "callbacks")]
            if let (Some(receiver), Some(attempt)) = (self.callbacks, attempt.as_ref()) {
                let left = wait.total().saturating_sub(started.elapsed());
                let called = receiver.wait_for(attempt, Some(&file_id), left).await;
                if let Some(job_id) = called.and_then(|c| c.job_id) {
                    this.job_id = Some(job_id.clone());
                    attempts.push(this);
                    let action = if resend {
                        JobAction::Resent
                    } else {
                        JobAction::Found
                    };
                    break (job_id, action);
                }
            }
            attempts.push(this);
            if key.is_none() {
                let why = if attempt.is_some() {
                    "its answer was lost, no callback came before the wait's deadline, and the rows carry no unique key to send them again by"
                } else {
                    "its answer was lost, there is no callback receiver to find it by, and the rows carry no unique key to send them again by"
                };
                return Err(self.in_doubt(attempts, error, why));
            }
            if attempts.len() >= MAX_CREATIONS {
                return Err(self.in_doubt(
                    attempts,
                    error,
                    "every creation went unanswered, the upserts sent again included",
                ));
            }
        };
        let left = wait.total().saturating_sub(started.elapsed());
        let status = client
            .wait_for_job(
                &GetBulkWrite {
                    job_id: job_id.clone(),
                },
                &(*wait).deadline(left),
            )
            .await?;
        let result = download_result(client, &status).await?.bytes().await?;
        let outcomes = row_outcomes(&read_csv_zip(&result)?, records.len())?;
        Ok(BulkWritten {
            job_id,
            action,
            attempts,
            outcomes,
        })
    }

    fn in_doubt(&self, attempts: Vec<CreationAttempt>, source: Error, why: &str) -> BulkWriteError {
        let first = attempts.iter().find(|a| a.lost.is_some());
        BulkWriteError::InDoubt(Box::new(JobInDoubt {
            module: self.module.clone(),
            file_id: first.map(|a| a.file_id.clone()).unwrap_or_default(),
            token: first.and_then(|a| a.token.clone()),
            why: why.to_owned(),
            attempts,
            source,
        }))
    }

    /// `e`, or, after a creation went unanswered, the doubt it left.
    fn failed_after(&self, e: Error, attempts: &[CreationAttempt], why: &str) -> BulkWriteError {
        if attempts.is_empty() {
            return BulkWriteError::Failed(e);
        }
        let why =
            format!("an earlier creation went unanswered; the upsert sent in its place: {why}");
        self.in_doubt(attempts.to_vec(), e, &why)
    }
}

/// Without the `callbacks` feature, no attempt has a callback.
#[cfg(not(feature = "callbacks"))]
struct NoAttempt {
    token: String,
    callback: Callback,
}

pub(crate) const OPERATIONS: &[ApiOperation] =
    declared![UploadBulkFile, CreateBulkWrite, GetBulkWrite];
