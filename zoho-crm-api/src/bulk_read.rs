//! Bulk read (`/crm/bulk/{version}/read`): a job that reads up to 200,000 records of a module
//! into a zip of a CSV file. Create it, wait for it, download the result; [`read_records`]
//! does all three and reads the CSV into records.
//!
//! Zoho also requires the module's `READ` scope (`ZohoCRM.modules.contacts.READ`), which the
//! declarations cannot name since the module is in the body, not the path.
//!
//! ```
//! use std::time::Duration;
//! use zoho_crm_api::bulk_read::{read_records, BulkQuery};
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
//! let query = BulkQuery::module("Leads").fields(["Last_Name", "Email"]);
//! let wait = Wait::default().interval(Duration::from_millis(10));
//! let leads = read_records(&client, query, &wait).await?;
//! assert!(leads.iter().any(|l| l.value("Id").and_then(|v| v.as_str()) == Some("738964000002148061")));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::jobs::{JobState, JobStatus, Wait};
use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, Client, Error, Json, Record};

use crate::bulk_file::{read_csv_zip, records_of};
use crate::{declared, ApiOperation};

/// What a bulk read reads.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct BulkQuery {
    /// The module: `{"api_name": "Contacts"}`.
    pub module: ModuleRef,
    /// The fields; all of them when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// Zoho's criteria object (`{"field": {"api_name": …}, "comparator": …, "value": …}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Json>,
    /// The page of 200,000 records, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

impl BulkQuery {
    /// Every record of a module, every field.
    pub fn module(api_name: impl Into<String>) -> Self {
        BulkQuery {
            module: ModuleRef {
                api_name: api_name.into(),
            },
            fields: Vec::new(),
            criteria: None,
            page: None,
        }
    }

    /// Only these fields.
    pub fn fields<I: IntoIterator<Item = S>, S: Into<String>>(mut self, fields: I) -> Self {
        self.fields = fields.into_iter().map(Into::into).collect();
        self
    }

    /// Only the records these criteria keep.
    pub fn criteria(mut self, criteria: Json) -> Self {
        self.criteria = Some(criteria);
        self
    }
}

/// A module named by its API name.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(crate = "zoho_runtime::serde")]
pub struct ModuleRef {
    /// `Contacts`.
    pub api_name: String,
}

/// Where Zoho posts the job's end, instead of being polled.
///
/// Zoho documents that the job's details are posted to `url` when the job completes or fails,
/// and that `post` is the only method (another is refused with `INVALID_CALLBACK_METHOD`), but
/// not the body it posts: the sandbox assumes a write job's details as its status answers them
/// and, for a read job, `{job_id, operation, state, query, result}`. Match a callback to its
/// job by a token of your own in the URL's query (the `callbacks` feature's receiver does).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct Callback {
    /// The URL.
    pub url: String,
    /// Always `post`.
    pub method: String,
}

impl Callback {
    /// Zoho posts to `url`.
    pub fn post(url: impl Into<String>) -> Self {
        Callback {
            url: url.into(),
            method: "post".into(),
        }
    }
}

/// Creates a bulk read job.
#[zoho_endpoint(POST "/read", root = "/crm/bulk", scope = "ZohoCRM.bulk.READ", response = BulkReadCreated)]
pub struct CreateBulkRead {
    /// What to read.
    #[zoho(envelope)]
    pub query: BulkQuery,
    /// Where Zoho posts the job's end.
    #[zoho(envelope)]
    pub callback: Option<Callback>,
    /// `csv` (the default) or `ics` for events.
    #[zoho(envelope)]
    pub file_type: Option<String>,
}

impl CreateBulkRead {
    /// A job reading `query`.
    pub fn of(query: BulkQuery) -> Self {
        CreateBulkRead {
            query,
            callback: None,
            file_type: None,
        }
    }
}

/// The answer of [`CreateBulkRead`].
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct BulkReadCreated {
    /// One item: the job.
    pub data: Vec<JobAdded>,
}

impl BulkReadCreated {
    /// The new job's id.
    pub fn job_id(&self) -> Option<&str> {
        self.data.first().map(|d| d.details.id.as_str())
    }
}

/// A job Zoho accepted.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct JobAdded {
    /// `ADDED_SUCCESSFULLY`.
    pub code: String,
    /// The job.
    pub details: JobDetails,
}

/// A new job's id and state.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct JobDetails {
    /// The job's id.
    pub id: String,
    /// `ADDED`.
    #[serde(default)]
    pub state: Option<String>,
}

/// A bulk read job's status.
#[zoho_endpoint(GET "/read/<job_id>", root = "/crm/bulk", scope = "ZohoCRM.bulk.READ", response = BulkReadStatus)]
pub struct GetBulkRead {
    /// The job.
    pub job_id: String,
}

/// The answer of [`GetBulkRead`].
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct BulkReadStatus {
    /// One item: the job.
    pub data: Vec<BulkReadJob>,
}

/// A bulk read job.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct BulkReadJob {
    /// Its id.
    pub id: String,
    /// `ADDED`, `QUEUED`, `IN PROGRESS`, `COMPLETED`, `FAILED`.
    pub state: String,
    /// Its result, once completed.
    #[serde(default)]
    pub result: Option<BulkReadResult>,
}

/// What a completed bulk read produced.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct BulkReadResult {
    /// The page read.
    #[serde(default)]
    pub page: u32,
    /// The records in the file.
    #[serde(default)]
    pub count: u64,
    /// Whether another page has more.
    #[serde(default)]
    pub more_records: bool,
    /// Where the zip is.
    #[serde(default)]
    pub download_url: Option<String>,
}

impl JobStatus for BulkReadStatus {
    fn job_id(&self) -> &str {
        self.data.first().map_or("", |j| j.id.as_str())
    }

    fn state(&self) -> JobState {
        match self.data.first() {
            Some(job) => JobState::from_zoho(&job.state),
            None => JobState::Failed("the status answer names no job".to_owned()),
        }
    }

    fn state_text(&self) -> String {
        self.data
            .first()
            .map_or_else(String::new, |j| j.state.clone())
    }
}

/// Downloads a completed bulk read's zip.
#[zoho_endpoint(GET "/read/<job_id>/result", root = "/crm/bulk", scope = "ZohoCRM.bulk.READ", download)]
pub struct DownloadBulkRead {
    /// The job.
    pub job_id: String,
}

/// Creates a bulk read job of `query`, waits for it, downloads its zip and reads its CSV: one
/// record per row, each column a field (as text; an empty cell is `null`).
pub async fn read_records(
    client: &Client,
    query: BulkQuery,
    wait: &Wait,
) -> Result<Vec<Record>, Error> {
    let created = CreateBulkRead::of(query).send(client).await?;
    let job_id = created
        .job_id()
        .ok_or_else(|| Error::BulkFile {
            reason: "the answer names no job".to_owned(),
        })?
        .to_owned();
    client
        .wait_for_job(
            &GetBulkRead {
                job_id: job_id.clone(),
            },
            wait,
        )
        .await?;
    let download = DownloadBulkRead { job_id }
        .send(client)
        .await?
        .ok_or_else(|| Error::BulkFile {
            reason: "the completed job has no result".to_owned(),
        })?;
    let zip = download.bytes().await?;
    Ok(records_of(&read_csv_zip(&zip)?))
}

pub(crate) const OPERATIONS: &[ApiOperation] =
    declared![CreateBulkRead, GetBulkRead, DownloadBulkRead];
