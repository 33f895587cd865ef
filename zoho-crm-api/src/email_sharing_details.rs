//! How a record's emails are shared: the users who shared them and the kinds of sharing offered.
//!
//! ```
//! use zoho_crm_api::email_sharing_details::GetEmailSharingDetails;
//! use zoho_crm_api::record_share_email::ShareEmails;
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
//! ShareEmails::of("Leads", lead.as_str()).send(&client).await?;
//! let details = GetEmailSharingDetails::of("Leads", lead.as_str()).send(&client).await?;
//! assert_eq!(details.details[0].share_from_users.len(), 1);
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::Deserialize;
use zoho_runtime::{zoho_endpoint, RecordId};

use crate::{declared, ApiOperation};

/// How the emails of the record `record_id` are shared.
#[zoho_endpoint(GET "/<module>/<record_id>/__emails_sharing_details",
                scope = "ZohoCRM.modules.<module>.READ", response = EmailSharingDetails)]
pub struct GetEmailSharingDetails {
    /// The module's API name.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
}

impl GetEmailSharingDetails {
    /// How the emails of the record `record_id` of `module` are shared.
    pub fn of(module: impl Into<String>, record_id: impl Into<RecordId>) -> Self {
        GetEmailSharingDetails {
            module: module.into(),
            record_id: record_id.into(),
        }
    }
}

/// The answer of [`GetEmailSharingDetails`].
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct EmailSharingDetails {
    /// The details (one).
    #[serde(rename = "__emails_sharing_details", default)]
    pub details: Vec<EmailSharing>,
}

/// How a record's emails are shared.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct EmailSharing {
    /// Who shared them.
    #[serde(default)]
    pub share_from_users: Vec<SharingUser>,
    /// The kinds of sharing offered.
    #[serde(default)]
    pub available_types: Vec<String>,
}

/// A user who shared a record's emails.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct SharingUser {
    /// The user's name.
    #[serde(default)]
    pub name: String,
    /// What it is (`user`).
    #[serde(rename = "_type", default)]
    pub kind: String,
    /// The user.
    pub id: RecordId,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![GetEmailSharingDetails];
