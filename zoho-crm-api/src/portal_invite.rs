//! Portal invitations: a record invited to a portal as one of its user types, one at a time or
//! in a bulk job whose status is read after (`/{module}/…/actions/portal_invite`).
//!
//! ```
//! use zoho_crm_api::portal_invite::GetBulkInviteStatus;
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
//! // A job id the sandbox never issued is refused.
//! assert!(GetBulkInviteStatus::new("Contacts", "1").send(&client).await.is_err());
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::Json;

use crate::setting::{Extra, SettingsOutcomes};
use crate::{declared, ApiOperation};

/// One record to invite in a bulk invitation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Invitation {
    /// The record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The user type it joins as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_type_id: Option<String>,
    /// `invite` or `reinvite`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// The invitation's language: `en_US`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Invitation {
    /// Invites the record `id` as `user_type_id`.
    pub fn new(
        id: impl Into<String>,
        user_type_id: impl Into<String>,
        r#type: impl Into<String>,
        language: impl Into<String>,
    ) -> Self {
        Invitation {
            id: Some(id.into()),
            user_type_id: Some(user_type_id.into()),
            r#type: Some(r#type.into()),
            language: Some(language.into()),
            ..Default::default()
        }
    }

    /// With `id` set.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// With `user_type_id` set.
    pub fn with_user_type_id(mut self, user_type_id: impl Into<String>) -> Self {
        self.user_type_id = Some(user_type_id.into());
        self
    }

    /// With `type` set.
    pub fn with_type(mut self, r#type: impl Into<String>) -> Self {
        self.r#type = Some(r#type.into());
        self
    }

    /// With `language` set.
    pub fn with_language(mut self, language: impl Into<String>) -> Self {
        self.language = Some(language.into());
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// A batch of a bulk invitation: `{"data": [invitations]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct InvitationBatch {
    /// The invitations.
    pub data: Vec<Invitation>,
}

/// A bulk invitation's job, as its status answers it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct InviteJob {
    /// The job.
    #[serde(default)]
    pub job_id: Option<String>,
    /// `scheduled`, `in_progress` or `completed`.
    #[serde(default)]
    pub status: Option<String>,
    /// One outcome per record, as Zoho wrote it (`code`, `details.record_id`, …).
    #[serde(default)]
    pub data: Vec<Json>,
}

/// The answer of [`GetBulkInviteStatus`]: `{"portal_invite": [job]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct BulkInviteStatus {
    /// The items, in Zoho's order.
    #[serde(default)]
    #[serde(rename = "portal_invite")]
    pub jobs: Vec<InviteJob>,
}

/// Invites one record to a portal.
#[zoho_endpoint(POST "/<module>/<record>/actions/portal_invite", scope = "ZohoCRM.settings.clientportal.CREATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct InviteUser {
    /// The module, by API name.
    pub module: String,
    /// The record.
    pub record: String,
    /// The user type it joins as.
    #[zoho(query)]
    pub user_type_id: String,
    /// `invite` or `reinvite`.
    #[zoho(query = "type")]
    pub kind: String,
    /// The invitation's language: `en_US`.
    #[zoho(query)]
    pub language: String,
}

impl InviteUser {
    /// Invites `record` of `module` as `user_type_id` (`kind`: `invite` or `reinvite`).
    pub fn new(
        module: impl Into<String>,
        record: impl Into<String>,
        user_type_id: impl Into<String>,
        kind: impl Into<String>,
        language: impl Into<String>,
    ) -> Self {
        InviteUser {
            module: module.into(),
            record: record.into(),
            user_type_id: user_type_id.into(),
            kind: kind.into(),
            language: language.into(),
        }
    }
}

/// Invites many records in a job; the outcome names its `job_id`.
#[zoho_endpoint(POST "/<module>/actions/portal_invite", scope = "ZohoCRM.settings.clientportal.CREATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct BulkInviteUsers {
    /// The module, by API name.
    pub module: String,
    /// The invitations.
    #[zoho(envelope)]
    pub portal_invite: Vec<InvitationBatch>,
}

impl BulkInviteUsers {
    /// Invites these records of `module`.
    pub fn new(module: impl Into<String>, portal_invite: Vec<InvitationBatch>) -> Self {
        BulkInviteUsers {
            module: module.into(),
            portal_invite,
        }
    }
}

/// A bulk invitation's status and outcomes.
#[zoho_endpoint(GET "/<module>/actions/portal_invite", scope = "ZohoCRM.settings.clientportal.READ", response = Option<BulkInviteStatus>)]
#[derive(Debug, Clone)]
pub struct GetBulkInviteStatus {
    /// The module, by API name.
    pub module: String,
    /// The job.
    #[zoho(query)]
    pub job_id: String,
}

impl GetBulkInviteStatus {
    /// The call, with its options left out.
    pub fn new(module: impl Into<String>, job_id: impl Into<String>) -> Self {
        GetBulkInviteStatus {
            module: module.into(),
            job_id: job_id.into(),
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] =
    declared![InviteUser, BulkInviteUsers, GetBulkInviteStatus];
