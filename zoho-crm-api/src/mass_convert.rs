//! Mass convert: up to 50 leads converted in one call, as a job whose status
//! [`GetMassConvertStatus`] tells. Each lead becomes a contact, an account (from its company)
//! and, when `Deals` is given, a deal, as [`convert_lead`](crate::convert_lead) does for one.
//!
//! ```
//! use std::time::Duration;
//! use zoho_crm_api::mass_convert::{GetMassConvertStatus, MassConvertLeads};
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
//! let lead = sandbox
//!     .insert_record("Leads", r#"{"Last_Name": "Moss", "Company": "Moss Ltd"}"#.parse()?)
//!     .unwrap();
//! let scheduled = MassConvertLeads::ids([lead.as_str()]).send(&client).await?;
//! let status = GetMassConvertStatus::of(scheduled.job_id().unwrap());
//! let wait = Wait::default().interval(Duration::from_millis(10));
//! let done = client.wait_for_job(&status, &wait).await?;
//! assert_eq!(done.row().unwrap().converted_count, 1);
//! assert!(sandbox.record("Leads", &lead).is_none());
//! # Ok(())
//! # }
//! ```

use std::marker::PhantomData;

use zoho_runtime::jobs::{JobState, JobStatus};
use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, Record, RecordId};

use crate::actions::{row_state, Ack, IdRef, ModuleRef};
use crate::{declared, ApiOperation};

/// Converts the leads `ids` (at most 50) as one job; answered `SCHEDULED` with its `job_id`.
#[zoho_endpoint(POST "/Leads/actions/mass_convert", scope = "ZohoCRM.mass_convert.leads.CREATE",
                response = Ack)]
pub struct MassConvertLeads<R: Serialize + Send + Sync = Record> {
    /// The leads to convert.
    #[zoho(envelope)]
    pub ids: Vec<RecordId>,
    /// A deal to create for each lead: its fields (`Deal_Name`, `Stage`, …).
    #[zoho(envelope, rename = "Deals")]
    pub deals: Option<R>,
    /// The user who owns the records created.
    #[zoho(envelope)]
    pub assign_to: Option<IdRef>,
    /// The module (`Contacts`, `Accounts`, `Deals`) the leads' attachments move to.
    #[zoho(envelope)]
    pub move_attachments_to: Option<ModuleRef>,
    /// The modules whose records take the leads' tags.
    #[zoho(envelope)]
    pub carry_over_tags: Option<Vec<ModuleRef>>,
    /// Related records (tasks, events, calls) moved to the new records.
    #[zoho(envelope)]
    pub related_modules: Option<Vec<ModuleRef>>,
    /// The record type of `deals`.
    pub record: PhantomData<R>,
}

impl MassConvertLeads {
    /// Converts the leads `ids`, creating no deal.
    pub fn ids<I: Into<RecordId>>(ids: impl IntoIterator<Item = I>) -> Self {
        MassConvertLeads {
            ids: ids.into_iter().map(Into::into).collect(),
            deals: None,
            assign_to: None,
            move_attachments_to: None,
            carry_over_tags: None,
            related_modules: None,
            record: PhantomData,
        }
    }
}

impl<R: Serialize + Send + Sync> MassConvertLeads<R> {
    /// Creates a deal of these fields for each lead.
    pub fn with_deal<D: Serialize + Send + Sync>(self, deal: D) -> MassConvertLeads<D> {
        MassConvertLeads {
            ids: self.ids,
            deals: Some(deal),
            assign_to: self.assign_to,
            move_attachments_to: self.move_attachments_to,
            carry_over_tags: self.carry_over_tags,
            related_modules: self.related_modules,
            record: PhantomData,
        }
    }

    /// Gives the records created to the user `id`.
    pub fn with_assign_to(mut self, id: impl Into<RecordId>) -> Self {
        self.assign_to = Some(IdRef::new(id));
        self
    }
}

/// The status of a mass-convert job.
#[zoho_endpoint(GET "/Leads/actions/mass_convert", scope = "ZohoCRM.mass_convert.leads.READ",
                response = MassConvertStatus)]
pub struct GetMassConvertStatus {
    /// The job's id, from the answer of [`MassConvertLeads`].
    #[zoho(query)]
    pub job_id: RecordId,
}

impl GetMassConvertStatus {
    /// The status of the job `job_id`.
    pub fn of(job_id: impl Into<RecordId>) -> Self {
        GetMassConvertStatus {
            job_id: job_id.into(),
        }
    }
}

/// The answer of [`GetMassConvertStatus`]: `{"data": [row]}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MassConvertStatus {
    /// The job's row.
    #[serde(default)]
    pub data: Vec<MassConvertJob>,
}

impl MassConvertStatus {
    /// The job's row.
    pub fn row(&self) -> Option<&MassConvertJob> {
        self.data.first()
    }
}

/// Where a mass-convert job stands.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MassConvertJob {
    /// `SCHEDULED`, `RUNNING`, `COMPLETED` or `FAILED`.
    #[serde(rename = "Status")]
    pub status: String,
    /// Leads the job was given.
    #[serde(rename = "Total_Count", default)]
    pub total_count: u64,
    /// Leads converted.
    #[serde(rename = "Converted_Count", default)]
    pub converted_count: u64,
    /// Leads left unconverted.
    #[serde(rename = "Not_Converted_Count", default)]
    pub not_converted_count: u64,
    /// Leads the job failed on.
    #[serde(rename = "Failed_Count", default)]
    pub failed_count: u64,
}

impl JobStatus for MassConvertStatus {
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
pub(crate) const OPERATIONS: &[ApiOperation] =
    declared![MassConvertLeads<Record>, GetMassConvertStatus];
