//! Record locking: a record locked against changes (`Locking_Information__s`), its locks
//! listed, one read, its reason changed, and the record unlocked. A locked record refuses
//! updates and deletes with `RECORD_LOCKED`.
//!
//! ```
//! use zoho_crm_api::record_locking::{LockRecord, UnlockRecord};
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
//! let locked = LockRecord::of("Leads", lead.as_str()).with_reason("audit").send(&client).await?;
//! let lock_id = locked[0].as_ref().unwrap().id().unwrap();
//! assert_eq!(sandbox.record("Leads", &lead).unwrap()["$locked_for_me"], true);
//! UnlockRecord::of("Leads", lead.as_str(), lock_id).send(&client).await?;
//! assert_eq!(sandbox.record("Leads", &lead).unwrap()["$locked_for_me"], false);
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::Deserialize;
use zoho_runtime::{zoho_endpoint, Page, RecordId, UserRef};

use crate::{declared, ApiOperation};

/// The locks of the record `record_id`; `None` when it has none.
#[zoho_endpoint(GET "/<module>/<record_id>/Locking_Information__s",
                scope = "ZohoCRM.modules.<module>.READ", response = Option<Page<Lock>>)]
pub struct GetLocks {
    /// The module's API name.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// The fields of each lock to return.
    #[zoho(query)]
    pub fields: Option<Vec<String>>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Locks per page.
    #[zoho(query)]
    pub per_page: Option<u32>,
}

impl GetLocks {
    /// The locks of the record `record_id` of `module`.
    pub fn of(module: impl Into<String>, record_id: impl Into<RecordId>) -> Self {
        GetLocks {
            module: module.into(),
            record_id: record_id.into(),
            fields: None,
            page: None,
            per_page: None,
        }
    }
}

/// One lock of a record, as `Locking_Information__s` holds it.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Lock {
    /// The lock's id.
    pub id: RecordId,
    /// Why the record is locked.
    #[serde(rename = "Locked_Reason__s", alias = "locked_reason__s", default)]
    pub reason: Option<String>,
    /// Who locked it.
    #[serde(rename = "Locked_By__s", alias = "locked_by__s", default)]
    pub locked_by: Option<UserRef>,
    /// When it was locked.
    #[serde(rename = "Locked_Time__s", alias = "Locked_time__s", default)]
    pub locked_time: Option<String>,
    /// `Manual` or `Automatic`.
    #[serde(rename = "Lock_Source__s", alias = "lock_source__s", default)]
    pub source: Option<String>,
}

/// One lock of a record, by id.
#[zoho_endpoint(GET "/<module>/<record_id>/Locking_Information__s/<lock_id>",
                scope = "ZohoCRM.modules.<module>.READ", response = Option<Page<Lock>>)]
pub struct GetLock {
    /// The module's API name.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// The lock.
    pub lock_id: RecordId,
}

impl GetLock {
    /// The lock `lock_id` of the record `record_id` of `module`.
    pub fn of(
        module: impl Into<String>,
        record_id: impl Into<RecordId>,
        lock_id: impl Into<RecordId>,
    ) -> Self {
        GetLock {
            module: module.into(),
            record_id: record_id.into(),
            lock_id: lock_id.into(),
        }
    }
}

/// Locks the record `record_id`; the outcome's `id` is the lock's.
#[zoho_endpoint(POST "/<module>/<record_id>/Locking_Information__s",
                scope = "ZohoCRM.modules.<module>.CREATE")]
pub struct LockRecord {
    /// The module's API name.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// Why it is locked.
    #[zoho(rename = "Locked_Reason__s")]
    pub reason: Option<String>,
}

impl LockRecord {
    /// Locks the record `record_id` of `module`.
    pub fn of(module: impl Into<String>, record_id: impl Into<RecordId>) -> Self {
        LockRecord {
            module: module.into(),
            record_id: record_id.into(),
            reason: None,
        }
    }

    /// Says why.
    pub fn with_reason(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }
}

/// Changes the reason of the lock `lock_id`.
#[zoho_endpoint(PUT "/<module>/<record_id>/Locking_Information__s/<lock_id>",
                scope = "ZohoCRM.modules.<module>.UPDATE")]
pub struct UpdateLock {
    /// The module's API name.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// The lock.
    pub lock_id: RecordId,
    /// The new reason.
    #[zoho(rename = "Locked_Reason__s")]
    pub reason: String,
}

/// Removes the lock `lock_id`: the record accepts changes again once it has no lock.
#[zoho_endpoint(DELETE "/<module>/<record_id>/Locking_Information__s/<lock_id>",
                scope = "ZohoCRM.modules.<module>.DELETE")]
pub struct UnlockRecord {
    /// The module's API name.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// The lock.
    pub lock_id: RecordId,
}

impl UnlockRecord {
    /// Removes the lock `lock_id` of the record `record_id` of `module`.
    pub fn of(
        module: impl Into<String>,
        record_id: impl Into<RecordId>,
        lock_id: impl Into<RecordId>,
    ) -> Self {
        UnlockRecord {
            module: module.into(),
            record_id: record_id.into(),
            lock_id: lock_id.into(),
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] =
    declared![GetLocks, GetLock, LockRecord, UpdateLock, UnlockRecord];
