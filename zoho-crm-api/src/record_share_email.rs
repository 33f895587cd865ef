//! Sharing a record's emails with colleagues, and revoking it: one record, or up to 200 by
//! id, of Leads, Contacts or a custom module.
//!
//! ```
//! use zoho_crm_api::record_share_email::{ShareEmails, UnshareEmailsOfRecords};
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
//! assert!(ShareEmails::of("Leads", lead.as_str()).send(&client).await?.all_succeeded());
//! let again = ShareEmails::of("Leads", lead.as_str()).send(&client).await?;
//! assert_eq!(again[0].as_ref().unwrap_err().code.as_str(), "ALREADY_SHARED");
//! let unshared = UnshareEmailsOfRecords::of("Leads", [lead.as_str()]).send(&client).await?;
//! assert!(unshared.all_succeeded());
//! # Ok(())
//! # }
//! ```

use zoho_runtime::{zoho_endpoint, RecordId};

use crate::{declared, ApiOperation};

/// Shares the emails of the record `id` with colleagues (`ALREADY_SHARED` when they are).
#[zoho_endpoint(POST "/<module>/<id>/actions/share_emails",
                scope = "ZohoCRM.modules.<module>.CREATE")]
pub struct ShareEmails {
    /// The module's API name: `Leads`, `Contacts` or a custom module.
    pub module: String,
    /// The record.
    pub id: RecordId,
}

impl ShareEmails {
    /// Shares the emails of the record `id` of `module`.
    pub fn of(module: impl Into<String>, id: impl Into<RecordId>) -> Self {
        ShareEmails {
            module: module.into(),
            id: id.into(),
        }
    }
}

/// Stops sharing the emails of the record `id` (`NOT_SHARED` when they were not).
#[zoho_endpoint(POST "/<module>/<id>/actions/unshare_emails",
                scope = "ZohoCRM.modules.<module>.CREATE")]
pub struct UnshareEmails {
    /// The module's API name: `Leads`, `Contacts` or a custom module.
    pub module: String,
    /// The record.
    pub id: RecordId,
}

impl UnshareEmails {
    /// Stops sharing the emails of the record `id` of `module`.
    pub fn of(module: impl Into<String>, id: impl Into<RecordId>) -> Self {
        UnshareEmails {
            module: module.into(),
            id: id.into(),
        }
    }
}

/// Shares the emails of the records `ids` (at most 200); one outcome per id.
#[zoho_endpoint(POST "/<module>/actions/share_emails",
                scope = "ZohoCRM.modules.<module>.CREATE")]
pub struct ShareEmailsOfRecords {
    /// The module's API name: `Leads`, `Contacts` or a custom module.
    pub module: String,
    /// The records.
    #[zoho(envelope)]
    pub ids: Vec<RecordId>,
}

impl ShareEmailsOfRecords {
    /// Shares the emails of the records `ids` of `module`.
    pub fn of<I: Into<RecordId>>(
        module: impl Into<String>,
        ids: impl IntoIterator<Item = I>,
    ) -> Self {
        ShareEmailsOfRecords {
            module: module.into(),
            ids: ids.into_iter().map(Into::into).collect(),
        }
    }
}

/// Stops sharing the emails of the records `ids` (at most 200); one outcome per id.
#[zoho_endpoint(POST "/<module>/actions/unshare_emails",
                scope = "ZohoCRM.modules.<module>.CREATE")]
pub struct UnshareEmailsOfRecords {
    /// The module's API name: `Leads`, `Contacts` or a custom module.
    pub module: String,
    /// The records.
    #[zoho(envelope)]
    pub ids: Vec<RecordId>,
}

impl UnshareEmailsOfRecords {
    /// Stops sharing the emails of the records `ids` of `module`.
    pub fn of<I: Into<RecordId>>(
        module: impl Into<String>,
        ids: impl IntoIterator<Item = I>,
    ) -> Self {
        UnshareEmailsOfRecords {
            module: module.into(),
            ids: ids.into_iter().map(Into::into).collect(),
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    ShareEmails,
    UnshareEmails,
    ShareEmailsOfRecords,
    UnshareEmailsOfRecords
];
