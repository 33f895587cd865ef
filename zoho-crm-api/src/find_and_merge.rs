//! Find and merge: duplicate records merged into a master record, which keeps its values (or
//! those of the records `master_record_fields` names) and takes over their related records;
//! the others are deleted. The merge runs as a job; [`GetMergeStatus`] tells its state.
//!
//! ```
//! use std::time::Duration;
//! use zoho_crm_api::find_and_merge::{GetMergeStatus, MergeRecords};
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
//! let master = sandbox.insert_record("Leads", r#"{"Last_Name": "Moss"}"#.parse()?).unwrap();
//! let twin = sandbox
//!     .insert_record("Leads", r#"{"Last_Name": "Moss", "Phone": "555-0100"}"#.parse()?)
//!     .unwrap();
//! let merge = MergeRecords::of("Leads", master.as_str(), [twin.as_str()])
//!     .keeping("Phone", twin.as_str());
//! let answer = merge.send(&client).await?;
//! let job_id = answer.merge[0].job_id().unwrap();
//! let wait = Wait::default().interval(Duration::from_millis(10));
//! let status = GetMergeStatus::of("Leads", master.as_str(), job_id);
//! client.wait_for_job(&status, &wait).await?;
//! assert_eq!(sandbox.record("Leads", &master).unwrap()["Phone"], "555-0100");
//! assert!(sandbox.record("Leads", &twin).is_none());
//! # Ok(())
//! # }
//! ```

use zoho_runtime::jobs::{JobState, JobStatus};
use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, RecordId};

use crate::actions::{row_state, Ack, IdRef};
use crate::{declared, ApiOperation};

/// Merges the records of `merge` into the master record `master_id`.
#[zoho_endpoint(POST "/<module>/<master_id>/actions/merge", scope = "ZohoCRM.modules.<module>.UPDATE",
                response = MergeOutcomes)]
pub struct MergeRecords {
    /// The module's API name.
    pub module: String,
    /// The record that stays.
    pub master_id: RecordId,
    /// One merge: the records merged in, and whose values to keep.
    #[zoho(envelope)]
    pub merge: Vec<MergeInput>,
}

impl MergeRecords {
    /// Merges the records `others` into `master_id`, keeping the master's values.
    pub fn of<I: Into<RecordId>>(
        module: impl Into<String>,
        master_id: impl Into<RecordId>,
        others: impl IntoIterator<Item = I>,
    ) -> Self {
        MergeRecords {
            module: module.into(),
            master_id: master_id.into(),
            merge: vec![MergeInput {
                data: others.into_iter().map(IdRef::new).collect(),
                master_record_fields: Vec::new(),
            }],
        }
    }

    /// Keeps the value of `field` that the record `from` has.
    pub fn keeping(mut self, field: impl Into<String>, from: impl Into<RecordId>) -> Self {
        if let Some(input) = self.merge.first_mut() {
            input.master_record_fields.push(MasterField {
                api_name: field.into(),
                id: from.into(),
            });
        }
        self
    }
}

/// The records of one merge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct MergeInput {
    /// The records merged into the master.
    pub data: Vec<IdRef>,
    /// Fields whose value comes from another record than the master.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub master_record_fields: Vec<MasterField>,
}

/// A field whose value the master takes from the record `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct MasterField {
    /// The field's API name.
    pub api_name: String,
    /// The record whose value is kept.
    pub id: RecordId,
}

/// The answer of [`MergeRecords`]: `SCHEDULED` with the merge's `job_id`.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MergeOutcomes {
    /// One acknowledgement per merge.
    #[serde(default)]
    pub merge: Vec<Ack>,
}

/// The state of a merge job.
#[zoho_endpoint(GET "/<module>/<master_id>/actions/merge", scope = "ZohoCRM.modules.<module>.READ",
                response = MergeStatus)]
pub struct GetMergeStatus {
    /// The module's API name.
    pub module: String,
    /// The master record.
    pub master_id: RecordId,
    /// The job, from the answer of [`MergeRecords`].
    #[zoho(query)]
    pub job_id: RecordId,
}

impl GetMergeStatus {
    /// The state of the merge job `job_id` into `master_id`.
    pub fn of(
        module: impl Into<String>,
        master_id: impl Into<RecordId>,
        job_id: impl Into<RecordId>,
    ) -> Self {
        GetMergeStatus {
            module: module.into(),
            master_id: master_id.into(),
            job_id: job_id.into(),
        }
    }
}

/// The answer of [`GetMergeStatus`].
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MergeStatus {
    /// The job's row.
    #[serde(default)]
    pub merge: Vec<MergeJob>,
}

/// Where a merge job stands.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MergeJob {
    /// The job's id.
    pub job_id: String,
    /// `SCHEDULED`, `IN PROGRESS`, `COMPLETED` or `FAILED`.
    pub status: String,
}

impl JobStatus for MergeStatus {
    fn job_id(&self) -> &str {
        self.merge.first().map_or("", |j| j.job_id.as_str())
    }

    fn state(&self) -> JobState {
        row_state(self.merge.first().map(|j| j.status.as_str()))
    }

    fn state_text(&self) -> String {
        self.merge
            .first()
            .map(|j| j.status.clone())
            .unwrap_or_default()
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![MergeRecords, GetMergeStatus];
