//! Inventory conversion: a quote converted into a sales order or an invoice, a sales order
//! into an invoice, one at a time or many as a job whose status
//! [`GetInventoryMassConvertStatus`] tells.
//!
//! ```
//! use zoho_crm_api::inventory_convert::ConvertInventory;
//! use zoho_runtime::{Client, Error};
//! use zoho_sandbox::Sandbox;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start().await?;
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! let call = ConvertInventory::to("Quotes", "4150868000003384003", "Sales_Orders");
//! // The sandbox's schema has no inventory modules yet: it refuses them as Zoho refuses a
//! // module the organisation lacks.
//! match call.send(&client).await {
//!     Err(Error::Api { code, .. }) => assert_eq!(code.as_str(), "INVALID_MODULE"),
//!     other => panic!("{other:?}"),
//! }
//! # Ok(())
//! # }
//! ```

use zoho_runtime::jobs::{JobState, JobStatus};
use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, RecordId};

use crate::actions::{Ack, IdRef, ModuleRef};
use crate::{declared, ApiOperation};

/// What to convert into.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct ConvertTo {
    /// `Sales_Orders` or `Invoices`.
    pub module: ModuleRef,
    /// Whether the new record takes the tags.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carry_over_tags: Option<bool>,
}

impl ConvertTo {
    /// Into a record of `module`.
    pub fn module(module: impl Into<String>) -> Self {
        ConvertTo {
            module: ModuleRef::named(module),
            carry_over_tags: None,
        }
    }
}

/// Converts the record `id` (a quote or a sales order); the outcome's details name each record
/// made, `{"Sales_Orders": {"id", "name"}}`.
#[zoho_endpoint(POST "/<module>/<id>/actions/convert", scope = "ZohoCRM.modules.<module>.CREATE")]
pub struct ConvertInventory {
    /// `Quotes` or `Sales_Orders`.
    pub module: String,
    /// The record.
    pub id: RecordId,
    /// What it becomes.
    pub convert_to: Vec<ConvertTo>,
}

impl ConvertInventory {
    /// Converts the record `id` of `module` into a record of `target`.
    pub fn to(
        module: impl Into<String>,
        id: impl Into<RecordId>,
        target: impl Into<String>,
    ) -> Self {
        ConvertInventory {
            module: module.into(),
            id: id.into(),
            convert_to: vec![ConvertTo::module(target)],
        }
    }
}

/// Converts the records `ids` as a job; answered `SCHEDULED` with its `job_id`.
#[zoho_endpoint(POST "/<module>/actions/mass_convert", scope = "ZohoCRM.mass_convert.<module>.CREATE",
                response = Ack)]
pub struct MassConvertInventory {
    /// `Quotes` or `Sales_Orders`.
    pub module: String,
    /// The records.
    #[zoho(envelope)]
    pub ids: Vec<RecordId>,
    /// What they become.
    #[zoho(envelope)]
    pub convert_to: Vec<ConvertTo>,
    /// The user who owns the records made.
    #[zoho(envelope)]
    pub assign_to: Option<IdRef>,
}

impl MassConvertInventory {
    /// Converts the records `ids` of `module` into records of `target`.
    pub fn to<I: Into<RecordId>>(
        module: impl Into<String>,
        ids: impl IntoIterator<Item = I>,
        target: impl Into<String>,
    ) -> Self {
        MassConvertInventory {
            module: module.into(),
            ids: ids.into_iter().map(Into::into).collect(),
            convert_to: vec![ConvertTo::module(target)],
            assign_to: None,
        }
    }
}

/// The status of an inventory mass-convert job.
#[zoho_endpoint(GET "/<module>/actions/mass_convert", scope = "ZohoCRM.mass_convert.<module>.READ",
                response = InventoryMassConvertStatus)]
pub struct GetInventoryMassConvertStatus {
    /// `Quotes` or `Sales_Orders`.
    pub module: String,
    /// The job, from the answer of [`MassConvertInventory`].
    #[zoho(query)]
    pub job_id: RecordId,
}

impl GetInventoryMassConvertStatus {
    /// The status of the job `job_id` of `module`.
    pub fn of(module: impl Into<String>, job_id: impl Into<RecordId>) -> Self {
        GetInventoryMassConvertStatus {
            module: module.into(),
            job_id: job_id.into(),
        }
    }
}

/// The answer of [`GetInventoryMassConvertStatus`], at the top of the body.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct InventoryMassConvertStatus {
    /// `SCHEDULED`, `RUNNING`, `COMPLETED` or `FAILED`.
    pub status: String,
    /// Records the job was given.
    #[serde(default)]
    pub total_count: u64,
    /// Records converted.
    #[serde(default)]
    pub converted_count: u64,
    /// Records left unconverted.
    #[serde(default)]
    pub not_converted_count: u64,
    /// Records the job failed on.
    #[serde(default)]
    pub failed_count: u64,
}

impl JobStatus for InventoryMassConvertStatus {
    fn job_id(&self) -> &str {
        ""
    }

    fn state(&self) -> JobState {
        JobState::from_zoho(&self.status)
    }

    fn state_text(&self) -> String {
        self.status.clone()
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    ConvertInventory,
    MassConvertInventory,
    GetInventoryMassConvertStatus
];
