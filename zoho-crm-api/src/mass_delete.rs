//! Mass delete: the records of a module deleted by their ids (at most 500, answered per record)
//! or by a custom view (up to 50,000, as a job whose status [`GetMassDeleteStatus`] tells).
//! Deleted records go to the recycle bin.
//!
//! ```
//! use zoho_crm_api::mass_delete::MassDelete;
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
//! let id = sandbox.insert_record("Tasks", r#"{"Subject": "Call back"}"#.parse()?).unwrap();
//! let outcomes = MassDelete::ids("Tasks", [id.as_str()]).send(&client).await?;
//! assert!(outcomes.all_succeeded());
//! assert!(sandbox.record("Tasks", &id).is_none());
//! # Ok(())
//! # }
//! ```

use zoho_runtime::jobs::{JobState, JobStatus};
use zoho_runtime::serde::Deserialize;
use zoho_runtime::{zoho_endpoint, RecordId};

use crate::actions::row_state;
use crate::mass_update::Territory;
use crate::{declared, ApiOperation};

/// Deletes the records `ids`, or every record of the custom view `cvid` as a job.
#[zoho_endpoint(POST "/<module>/actions/mass_delete", scope = "ZohoCRM.mass_delete.<module>.DELETE")]
pub struct MassDelete {
    /// The module's API name.
    pub module: String,
    /// The records to delete, at most 500, answered one by one.
    #[zoho(targets)]
    pub ids: Option<Vec<RecordId>>,
    /// The custom view whose records to delete, instead of `ids`: answered with a job.
    #[zoho(envelope)]
    pub cvid: Option<RecordId>,
    /// Only the records of this territory (with `cvid`).
    #[zoho(envelope)]
    pub territory: Option<Territory>,
}

impl MassDelete {
    /// Deletes the records `ids` of `module`.
    pub fn ids<I: Into<RecordId>>(
        module: impl Into<String>,
        ids: impl IntoIterator<Item = I>,
    ) -> Self {
        MassDelete {
            module: module.into(),
            ids: Some(ids.into_iter().map(Into::into).collect()),
            cvid: None,
            territory: None,
        }
    }

    /// Deletes every record of the custom view `cvid`, as a job.
    pub fn by_view(module: impl Into<String>, cvid: impl Into<RecordId>) -> Self {
        MassDelete {
            module: module.into(),
            ids: None,
            cvid: Some(cvid.into()),
            territory: None,
        }
    }
}

/// The status of a mass-delete job.
#[zoho_endpoint(GET "/<module>/actions/mass_delete", scope = "ZohoCRM.mass_delete.<module>.READ",
                response = MassDeleteStatus)]
pub struct GetMassDeleteStatus {
    /// The module's API name.
    pub module: String,
    /// The job's id, from the answer of [`MassDelete`].
    #[zoho(query)]
    pub job_id: RecordId,
}

impl GetMassDeleteStatus {
    /// The status of the job `job_id` of `module`.
    pub fn of(module: impl Into<String>, job_id: impl Into<RecordId>) -> Self {
        GetMassDeleteStatus {
            module: module.into(),
            job_id: job_id.into(),
        }
    }
}

/// The answer of [`GetMassDeleteStatus`]: `{"data": [row]}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MassDeleteStatus {
    /// The job's row.
    #[serde(default)]
    pub data: Vec<MassDeleteJob>,
}

impl MassDeleteStatus {
    /// The job's row.
    pub fn row(&self) -> Option<&MassDeleteJob> {
        self.data.first()
    }
}

/// Where a mass-delete job stands.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MassDeleteJob {
    /// `SCHEDULED`, `RUNNING`, `COMPLETED` or `FAILED`.
    #[serde(rename = "Status")]
    pub status: String,
    /// Records the job was given.
    #[serde(rename = "Total_Count", default)]
    pub total_count: u64,
    /// Records deleted.
    #[serde(rename = "Deleted_Count", default)]
    pub deleted_count: u64,
    /// Records not deleted.
    #[serde(rename = "Failed_Count", default)]
    pub failed_count: u64,
}

impl JobStatus for MassDeleteStatus {
    fn job_id(&self) -> &str {
        ""
    }

    fn state(&self) -> JobState {
        row_state(self.row().map(|r| r.status.as_str()))
    }

    fn state_text(&self) -> String {
        self.row().map(|r| r.status.clone()).unwrap_or_default()
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![MassDelete, GetMassDeleteStatus];
