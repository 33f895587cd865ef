//! Change owner: a record, or up to 500 records by id, given to another user, optionally with
//! their related tasks, events and calls.
//!
//! ```
//! use zoho_crm_api::change_owner::ChangeOwner;
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
//! let other = "738964000000291021"; // Ryan Hart, one of the sandbox's users
//! let outcomes = ChangeOwner::of("Leads", lead.as_str(), other).send(&client).await?;
//! assert!(outcomes.all_succeeded());
//! assert_eq!(sandbox.record("Leads", &lead).unwrap()["Owner"]["id"], other);
//! # Ok(())
//! # }
//! ```

use zoho_runtime::{zoho_endpoint, RecordId};

use crate::actions::{IdRef, ModuleRef};
use crate::{declared, ApiOperation};

/// Gives the record `id` to the user `owner`.
#[zoho_endpoint(POST "/<module>/<id>/actions/change_owner", scope = "ZohoCRM.change_owner.CREATE")]
pub struct ChangeOwner {
    /// The module's API name.
    pub module: String,
    /// The record.
    pub id: RecordId,
    /// The new owner.
    #[zoho(envelope)]
    pub owner: IdRef,
    /// Whether the new owner is told by email.
    #[zoho(envelope)]
    pub notify: Option<bool>,
    /// Related records (`Tasks`, `Events`, `Calls`) that go to the new owner too.
    #[zoho(envelope)]
    pub related_modules: Option<Vec<ModuleRef>>,
}

impl ChangeOwner {
    /// Gives the record `id` of `module` to the user `owner`.
    pub fn of(
        module: impl Into<String>,
        id: impl Into<RecordId>,
        owner: impl Into<RecordId>,
    ) -> Self {
        ChangeOwner {
            module: module.into(),
            id: id.into(),
            owner: IdRef::new(owner),
            notify: None,
            related_modules: None,
        }
    }

    /// Tells the new owner by email, or not.
    pub fn with_notify(mut self, notify: bool) -> Self {
        self.notify = Some(notify);
        self
    }
}

/// Gives the records `ids` (at most 500) to the user `owner`; one outcome per id.
#[zoho_endpoint(POST "/<module>/actions/change_owner", scope = "ZohoCRM.change_owner.CREATE")]
pub struct ChangeOwners {
    /// The module's API name.
    pub module: String,
    /// The records.
    #[zoho(targets)]
    pub ids: Vec<RecordId>,
    /// The new owner.
    #[zoho(envelope)]
    pub owner: IdRef,
    /// Whether the new owner is told by email.
    #[zoho(envelope)]
    pub notify: Option<bool>,
    /// Related records (`Tasks`, `Events`, `Calls`) that go to the new owner too.
    #[zoho(envelope)]
    pub related_modules: Option<Vec<ModuleRef>>,
}

impl ChangeOwners {
    /// Gives the records `ids` of `module` to the user `owner`.
    pub fn of<I: Into<RecordId>>(
        module: impl Into<String>,
        ids: impl IntoIterator<Item = I>,
        owner: impl Into<RecordId>,
    ) -> Self {
        ChangeOwners {
            module: module.into(),
            ids: ids.into_iter().map(Into::into).collect(),
            owner: IdRef::new(owner),
            notify: None,
            related_modules: None,
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![ChangeOwner, ChangeOwners];
