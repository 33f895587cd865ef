//! Mass change owner: every record of a custom view (up to 50,000) given to another user, as a
//! job whose status [`GetMassChangeOwnerStatus`] tells.
//!
//! ```
//! use std::time::Duration;
//! use zoho_crm_api::mass_change_owner::{GetMassChangeOwnerStatus, MassChangeOwner};
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
//! sandbox.insert_record("Vendors", r#"{"Vendor_Name": "Moss Supplies"}"#.parse()?).unwrap();
//! let cvid = sandbox.custom_view_id("Vendors").unwrap();
//! let other = "738964000000291021"; // Ryan Hart, one of the sandbox's users
//! let scheduled = MassChangeOwner::by_view("Vendors", cvid, other).send(&client).await?;
//! let job_id = scheduled[0].as_ref().unwrap().details.job_id().unwrap();
//! let wait = Wait::default().interval(Duration::from_millis(10));
//! let status = GetMassChangeOwnerStatus::of("Vendors", job_id);
//! let done = client.wait_for_job(&status, &wait).await?;
//! let row = done.row().unwrap();
//! assert_eq!(row.updated_count, row.total_count);
//! assert!(sandbox.records("Vendors").iter().all(|v| v["Owner"]["id"] == other));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::jobs::{JobState, JobStatus};
use zoho_runtime::serde::Deserialize;
use zoho_runtime::{zoho_endpoint, RecordId};

use crate::actions::{row_state, IdRef};
use crate::mass_update::Territory;
use crate::{declared, ApiOperation};

/// Gives every record of the custom view `cvid` to the user `owner`, as a job.
#[zoho_endpoint(POST "/<module>/actions/mass_change_owner", scope = "ZohoCRM.change_owner.CREATE")]
pub struct MassChangeOwner {
    /// The module's API name.
    pub module: String,
    /// The custom view whose records change hands.
    #[zoho(envelope)]
    pub cvid: RecordId,
    /// The new owner.
    #[zoho(envelope)]
    pub owner: IdRef,
    /// Only the records of this territory.
    #[zoho(envelope)]
    pub territory: Option<Territory>,
}

impl MassChangeOwner {
    /// Gives every record of the view `cvid` of `module` to the user `owner`.
    pub fn by_view(
        module: impl Into<String>,
        cvid: impl Into<RecordId>,
        owner: impl Into<RecordId>,
    ) -> Self {
        MassChangeOwner {
            module: module.into(),
            cvid: cvid.into(),
            owner: IdRef::new(owner),
            territory: None,
        }
    }
}

/// The status of a mass-change-owner job.
#[zoho_endpoint(GET "/<module>/actions/mass_change_owner", scope = "ZohoCRM.change_owner.READ",
                response = MassChangeOwnerStatus)]
pub struct GetMassChangeOwnerStatus {
    /// The module's API name.
    pub module: String,
    /// The job's id, from the answer of [`MassChangeOwner`].
    #[zoho(query)]
    pub job_id: RecordId,
}

impl GetMassChangeOwnerStatus {
    /// The status of the job `job_id` of `module`.
    pub fn of(module: impl Into<String>, job_id: impl Into<RecordId>) -> Self {
        GetMassChangeOwnerStatus {
            module: module.into(),
            job_id: job_id.into(),
        }
    }
}

/// The answer of [`GetMassChangeOwnerStatus`]: `{"data": [row]}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MassChangeOwnerStatus {
    /// The job's row.
    #[serde(default)]
    pub data: Vec<MassChangeOwnerJob>,
}

impl MassChangeOwnerStatus {
    /// The job's row.
    pub fn row(&self) -> Option<&MassChangeOwnerJob> {
        self.data.first()
    }
}

/// Where a mass-change-owner job stands.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MassChangeOwnerJob {
    /// `SCHEDULED`, `RUNNING`, `COMPLETED` or `FAILED`.
    #[serde(rename = "Status")]
    pub status: String,
    /// Records the job was given.
    #[serde(rename = "Total_Count", default)]
    pub total_count: u64,
    /// Records given to the new owner.
    #[serde(rename = "Updated_Count", default)]
    pub updated_count: u64,
    /// Records left with their owner (locked, awaiting approval, …).
    #[serde(rename = "Not_Updated_Count", default)]
    pub not_updated_count: u64,
    /// Records the job failed on.
    #[serde(rename = "Failed_Count", default)]
    pub failed_count: u64,
}

impl JobStatus for MassChangeOwnerStatus {
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
pub(crate) const OPERATIONS: &[ApiOperation] = declared![MassChangeOwner, GetMassChangeOwnerStatus];
