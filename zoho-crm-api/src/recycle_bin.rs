//! The recycle bin: records deleted (by a delete, a mass delete or a merge) wait there, listed
//! and read by id, until deleted for good.
//!
//! ```
//! use zoho_crm_api::mass_delete::MassDelete;
//! use zoho_crm_api::recycle_bin::{DeleteFromRecycleBin, GetRecycleBin};
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
//! let lead = sandbox.insert_record("Leads", r#"{"Last_Name": "Moss"}"#.parse()?).unwrap();
//! MassDelete::ids("Leads", [lead.as_str()]).send(&client).await?;
//! let bin = GetRecycleBin::default().send(&client).await?.unwrap();
//! let entry = bin.recycle_bin.iter().find(|e| e.id.as_str() == lead).unwrap();
//! assert_eq!(entry.display_name.as_deref(), Some("Moss"));
//! DeleteFromRecycleBin::of(lead.as_str()).send(&client).await?;
//! assert!(GetRecycleBin::default().send(&client).await?.is_none());
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::Deserialize;
use zoho_runtime::{zoho_endpoint, PageInfo, RecordId, UserRef};

use crate::actions::{Ack, ModuleRef};
use crate::{declared, ApiOperation};

/// The records in the recycle bin; `None` when it is empty.
#[zoho_endpoint(GET "/settings/recycle_bin", scope = "ZohoCRM.settings.recycle_bin.READ",
                response = Option<RecycleBin>)]
#[derive(Debug, Clone, Default)]
pub struct GetRecycleBin {
    /// Only these records.
    #[zoho(query)]
    pub ids: Option<Vec<RecordId>>,
    /// A criterion, as JSON: `{"comparator":"equal","field":{"api_name":"module"},"value":"Leads"}`.
    #[zoho(query)]
    pub filters: Option<String>,
    /// `deleted_time` or `display_name`.
    #[zoho(query)]
    pub sort_by: Option<String>,
    /// `asc` or `desc`.
    #[zoho(query)]
    pub sort_order: Option<String>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Records per page.
    #[zoho(query)]
    pub per_page: Option<u32>,
}

impl GetRecycleBin {
    /// Only the records deleted from `module`.
    pub fn of_module(module: &str) -> Self {
        let filter = format!(
            r#"{{"comparator":"equal","field":{{"api_name":"module"}},"value":"{module}"}}"#
        );
        GetRecycleBin {
            filters: Some(filter),
            ..Self::default()
        }
    }
}

/// The answer of [`GetRecycleBin`] and [`GetRecycleBinRecord`].
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct RecycleBin {
    /// The records.
    #[serde(default)]
    pub recycle_bin: Vec<BinEntry>,
    /// Paging.
    #[serde(default)]
    pub info: Option<PageInfo>,
}

/// A deleted record.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct BinEntry {
    /// The record's id.
    pub id: RecordId,
    /// Its name as shown.
    #[serde(default)]
    pub display_name: Option<String>,
    /// The module it was deleted from.
    #[serde(default)]
    pub module: Option<ModuleRef>,
    /// When.
    #[serde(default)]
    pub deleted_time: Option<String>,
    /// By whom.
    #[serde(default)]
    pub deleted_by: Option<UserRef>,
    /// Its owner.
    #[serde(default)]
    pub owner: Option<UserRef>,
}

/// One record of the recycle bin.
#[zoho_endpoint(GET "/settings/recycle_bin/<record_id>", scope = "ZohoCRM.settings.recycle_bin.READ",
                response = Option<RecycleBin>)]
pub struct GetRecycleBinRecord {
    /// The record.
    pub record_id: RecordId,
}

/// The answer of a delete from the recycle bin: one acknowledgement per record.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct BinOutcomes {
    /// Each record's.
    #[serde(default)]
    pub recycle_bin: Vec<Ack>,
}

/// Deletes records of the recycle bin for good.
#[zoho_endpoint(DELETE "/settings/recycle_bin", scope = "ZohoCRM.settings.recycle_bin.DELETE",
                response = BinOutcomes)]
pub struct EmptyRecycleBin {
    /// The records.
    #[zoho(query)]
    pub ids: Vec<RecordId>,
}

/// Deletes one record of the recycle bin for good.
#[zoho_endpoint(DELETE "/settings/recycle_bin/<record_id>", scope = "ZohoCRM.settings.recycle_bin.DELETE",
                response = BinOutcomes)]
pub struct DeleteFromRecycleBin {
    /// The record.
    pub record_id: RecordId,
}

impl DeleteFromRecycleBin {
    /// Deletes the record `record_id` for good.
    pub fn of(record_id: impl Into<RecordId>) -> Self {
        DeleteFromRecycleBin {
            record_id: record_id.into(),
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetRecycleBin,
    GetRecycleBinRecord,
    EmptyRecycleBin,
    DeleteFromRecycleBin
];
