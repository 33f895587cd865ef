//! Territories of records: territories assigned to and removed from records of Leads,
//! Accounts, Contacts and Deals, several records by id or one; a record then holds them in its
//! `Territories` field.
//!
//! ```
//! use zoho_crm_api::records::GetRecord;
//! use zoho_crm_api::territory_assignment::{AssignRecordTerritories, HeldTerritory};
//! use zoho_crm_api::Record;
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
//! let account = sandbox.insert_record("Accounts", r#"{"Account_Name": "Zylker"}"#.parse()?).unwrap();
//! let emea = "738964000000350004"; // one of the sandbox's territories
//! let outcomes = AssignRecordTerritories::of("Accounts", account.as_str(), [emea])
//!     .send(&client)
//!     .await?;
//! assert!(outcomes.all_succeeded());
//! let read = GetRecord::<Record>::of("Accounts", account.as_str()).send(&client).await?;
//! let held: Vec<HeldTerritory> = read.data[0].get("Territories")?.unwrap_or_default();
//! assert_eq!(held[0].name, "EMEA");
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, RecordId};

use crate::actions::IdRef;
use crate::{declared, ApiOperation};

/// One record and the territories to assign to it or remove from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct RecordTerritories {
    /// The record.
    pub id: RecordId,
    /// The territories, by id.
    #[serde(rename = "Territories")]
    pub territories: Vec<IdRef>,
}

impl RecordTerritories {
    /// The record `id` and the territories `territories`.
    pub fn new<T: Into<RecordId>>(
        id: impl Into<RecordId>,
        territories: impl IntoIterator<Item = T>,
    ) -> Self {
        RecordTerritories {
            id: id.into(),
            territories: refs(territories),
        }
    }
}

/// A territory a record holds: an item of its `Territories` field.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct HeldTerritory {
    /// The territory's name.
    pub name: String,
    /// The territory.
    pub id: RecordId,
}

fn refs<T: Into<RecordId>>(ids: impl IntoIterator<Item = T>) -> Vec<IdRef> {
    ids.into_iter().map(IdRef::new).collect()
}

/// Assigns territories to several records (a deal holds one at most, any other record ten);
/// one outcome per record.
#[zoho_endpoint(POST "/<module>/actions/assign_territories",
                scope = "ZohoCRM.modules.<module>.UPDATE")]
pub struct AssignTerritories {
    /// The module's API name: `Leads`, `Accounts`, `Contacts` or `Deals`.
    pub module: String,
    /// Each record with its territories.
    #[zoho(records)]
    pub data: Vec<RecordTerritories>,
}

impl AssignTerritories {
    /// Assigns to the records of `module` the territories given with each.
    pub fn of(module: impl Into<String>, data: Vec<RecordTerritories>) -> Self {
        AssignTerritories {
            module: module.into(),
            data,
        }
    }
}

/// Assigns territories to the record `id`.
#[zoho_endpoint(POST "/<module>/<id>/actions/assign_territories",
                scope = "ZohoCRM.modules.<module>.UPDATE")]
pub struct AssignRecordTerritories {
    /// The module's API name: `Leads`, `Accounts`, `Contacts` or `Deals`.
    pub module: String,
    /// The record.
    pub id: RecordId,
    /// The territories, by id.
    #[zoho(rename = "Territories")]
    pub territories: Vec<IdRef>,
}

impl AssignRecordTerritories {
    /// Assigns the territories `territories` to the record `id` of `module`.
    pub fn of<T: Into<RecordId>>(
        module: impl Into<String>,
        id: impl Into<RecordId>,
        territories: impl IntoIterator<Item = T>,
    ) -> Self {
        AssignRecordTerritories {
            module: module.into(),
            id: id.into(),
            territories: refs(territories),
        }
    }
}

/// Removes territories from several records; one outcome per record.
#[zoho_endpoint(POST "/<module>/actions/remove_territories",
                scope = "ZohoCRM.modules.<module>.UPDATE")]
pub struct RemoveTerritories {
    /// The module's API name: `Leads`, `Accounts`, `Contacts` or `Deals`.
    pub module: String,
    /// Each record with the territories to take from it.
    #[zoho(records)]
    pub data: Vec<RecordTerritories>,
}

impl RemoveTerritories {
    /// Removes from the records of `module` the territories given with each.
    pub fn of(module: impl Into<String>, data: Vec<RecordTerritories>) -> Self {
        RemoveTerritories {
            module: module.into(),
            data,
        }
    }
}

/// Removes territories from the record `id`.
#[zoho_endpoint(POST "/<module>/<id>/actions/remove_territories",
                scope = "ZohoCRM.modules.<module>.UPDATE")]
pub struct RemoveRecordTerritories {
    /// The module's API name: `Leads`, `Accounts`, `Contacts` or `Deals`.
    pub module: String,
    /// The record.
    pub id: RecordId,
    /// The territories to take from it, by id.
    #[zoho(rename = "Territories")]
    pub territories: Vec<IdRef>,
}

impl RemoveRecordTerritories {
    /// Removes the territories `territories` from the record `id` of `module`.
    pub fn of<T: Into<RecordId>>(
        module: impl Into<String>,
        id: impl Into<RecordId>,
        territories: impl IntoIterator<Item = T>,
    ) -> Self {
        RemoveRecordTerritories {
            module: module.into(),
            id: id.into(),
            territories: refs(territories),
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    AssignTerritories,
    AssignRecordTerritories,
    RemoveTerritories,
    RemoveRecordTerritories
];
