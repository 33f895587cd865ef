//! Mass update: one change applied to many records of a module, by their ids (at most 500,
//! answered per record at once) or by a custom view or territory (up to 50,000, answered with
//! a job id whose status [`GetMassUpdateStatus`] tells). [`MassUpdateV2`] is seed 004's request
//! as recorded, pinned to `v2`.
//!
//! ```
//! use std::time::Duration;
//! use zoho_crm_api::mass_update::{GetMassUpdateStatus, MassUpdate};
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
//! let cvid = sandbox.custom_view_id("Leads").unwrap();
//! let change: Record = [("Lead_Source", "Trade Show")].into_iter().collect();
//! let scheduled = MassUpdate::by_view("Leads", cvid, change).send(&client).await?;
//! let job_id = scheduled[0].as_ref().unwrap().details.job_id().unwrap();
//! let wait = Wait::default().interval(Duration::from_millis(10));
//! let done = client.wait_for_job(&GetMassUpdateStatus::of("Leads", job_id), &wait).await?;
//! assert!(done.row().unwrap().updated_count > 0);
//! # Ok(())
//! # }
//! ```

use std::marker::PhantomData;

use zoho_runtime::jobs::{JobState, JobStatus};
use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, Record, RecordId};

use crate::actions::row_state;
use crate::{declared, ApiOperation};

/// Sets the fields of `data`'s one record on the records `ids`, or on every record of the
/// custom view `cvid` (or territory); answers one outcome per id, or one with the `job_id`.
#[zoho_endpoint(POST "/<module>/actions/mass_update", scope = "ZohoCRM.mass_update.<module>.UPDATE")]
pub struct MassUpdate<R: Serialize + Send + Sync = Record> {
    /// The module's API name: `Leads`.
    pub module: String,
    /// The change: one record of the fields to set (one field; three in Deals).
    #[zoho(envelope)]
    pub data: Vec<R>,
    /// The records to change, answered one outcome per id; `send_all` splits more than 500
    /// into calls of 500, each carrying the same change.
    #[zoho(targets)]
    pub ids: Option<Vec<RecordId>>,
    /// The custom view whose records to change, instead of `ids`: answered with a job.
    #[zoho(envelope)]
    pub cvid: Option<RecordId>,
    /// The territory whose records to change (with `cvid`).
    #[zoho(envelope)]
    pub territory: Option<Territory>,
    /// Whether list fields are replaced rather than appended to.
    #[zoho(envelope)]
    pub over_write: Option<bool>,
    /// The record type.
    pub record: PhantomData<R>,
}

impl<R: Serialize + Send + Sync> MassUpdate<R> {
    /// Applies `change` to the records `ids` of `module`.
    pub fn by_ids<I: Into<RecordId>>(
        module: impl Into<String>,
        ids: impl IntoIterator<Item = I>,
        change: R,
    ) -> Self {
        MassUpdate {
            ids: Some(ids.into_iter().map(Into::into).collect()),
            ..Self::empty(module.into(), change)
        }
    }

    /// Applies `change` to every record of the custom view `cvid`, as a job.
    pub fn by_view(module: impl Into<String>, cvid: impl Into<RecordId>, change: R) -> Self {
        MassUpdate {
            cvid: Some(cvid.into()),
            ..Self::empty(module.into(), change)
        }
    }

    /// Replaces list fields rather than appending to them.
    pub fn with_over_write(mut self, over_write: bool) -> Self {
        self.over_write = Some(over_write);
        self
    }

    /// Only the records of this territory (and its children, with `include_child`).
    pub fn with_territory(mut self, id: impl Into<RecordId>, include_child: bool) -> Self {
        self.territory = Some(Territory {
            id: id.into(),
            include_child: Some(include_child),
        });
        self
    }

    fn empty(module: String, change: R) -> Self {
        MassUpdate {
            module,
            data: vec![change],
            ids: None,
            cvid: None,
            territory: None,
            over_write: None,
            record: PhantomData,
        }
    }
}

/// Seed 004 as recorded: a mass update pinned to `v2`, answered one outcome per id of `ids`
/// (at most 500, split by `send_all`) or with the job of a custom view's update (`cvid`).
///
/// The change is one record of the caller's type (`{"No_of_Employees": 1000}` in the seed),
/// sent under `data`, then `over_write` and `ids`, in the seed's order. `send_all` splits the
/// ids, each call carrying the same change.
#[zoho_endpoint(POST "/<module>/actions/mass_update", scope = "ZohoCRM.mass_update.<module>.UPDATE", version = "v2")]
pub struct MassUpdateV2<R: Serialize + Send + Sync = Record> {
    /// The module's API name: `Leads`.
    pub module: String,
    /// The change: one record of the fields to set.
    #[zoho(envelope)]
    pub data: Vec<R>,
    /// Whether existing values are overwritten.
    #[zoho(envelope)]
    pub over_write: Option<bool>,
    /// The records to change; Zoho answers one outcome per id.
    #[zoho(targets)]
    pub ids: Option<Vec<RecordId>>,
    /// The custom view whose records to change, instead of `ids`: answered with a job.
    #[zoho(envelope)]
    pub cvid: Option<RecordId>,
}

impl<R: Serialize + Send + Sync> MassUpdateV2<R> {
    /// Applies `change` to the records `ids` of `module`, at `v2`.
    pub fn by_ids<I: Into<RecordId>>(
        module: impl Into<String>,
        ids: impl IntoIterator<Item = I>,
        change: R,
    ) -> Self {
        MassUpdateV2 {
            module: module.into(),
            data: vec![change],
            over_write: None,
            ids: Some(ids.into_iter().map(Into::into).collect()),
            cvid: None,
        }
    }

    /// Applies `change` to every record of the custom view `cvid`, as a job, at `v2`.
    pub fn by_view(module: impl Into<String>, cvid: impl Into<RecordId>, change: R) -> Self {
        MassUpdateV2 {
            module: module.into(),
            data: vec![change],
            over_write: None,
            ids: None,
            cvid: Some(cvid.into()),
        }
    }

    /// Overwrites existing values, or not.
    pub fn with_over_write(mut self, over_write: bool) -> Self {
        self.over_write = Some(over_write);
        self
    }
}

/// A territory whose records a mass action applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct Territory {
    /// The territory's id.
    pub id: RecordId,
    /// Whether the records of its child territories are included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_child: Option<bool>,
}

/// The status of a mass-update job.
#[zoho_endpoint(GET "/<module>/actions/mass_update", scope = "ZohoCRM.mass_update.<module>.READ",
                response = MassUpdateStatus)]
pub struct GetMassUpdateStatus {
    /// The module's API name.
    pub module: String,
    /// The job's id, from the answer of [`MassUpdate`].
    #[zoho(query)]
    pub job_id: RecordId,
}

impl GetMassUpdateStatus {
    /// The status of the job `job_id` of `module`.
    pub fn of(module: impl Into<String>, job_id: impl Into<RecordId>) -> Self {
        GetMassUpdateStatus {
            module: module.into(),
            job_id: job_id.into(),
        }
    }
}

/// The answer of [`GetMassUpdateStatus`]: `{"data": [row]}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MassUpdateStatus {
    /// The job's row.
    #[serde(default)]
    pub data: Vec<MassUpdateJob>,
}

impl MassUpdateStatus {
    /// The job's row.
    pub fn row(&self) -> Option<&MassUpdateJob> {
        self.data.first()
    }
}

/// Where a mass-update job stands.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MassUpdateJob {
    /// `SCHEDULED`, `RUNNING`, `COMPLETED` or `FAILED`.
    #[serde(rename = "Status")]
    pub status: String,
    /// Records the job will change.
    #[serde(rename = "Total_Count", default)]
    pub total_count: u64,
    /// Records changed.
    #[serde(rename = "Updated_Count", default)]
    pub updated_count: u64,
    /// Records left as they were (locked, awaiting approval, …).
    #[serde(rename = "Not_Updated_Count", default)]
    pub not_updated_count: u64,
    /// Records the job failed on.
    #[serde(rename = "Failed_Count", default)]
    pub failed_count: u64,
}

impl JobStatus for MassUpdateStatus {
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
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    MassUpdate<Record>,
    GetMassUpdateStatus,
    MassUpdateV2<Record>,
];
