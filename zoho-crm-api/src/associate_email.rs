//! Associating with a record a mail sent or received outside the CRM, which then is among the
//! record's emails; and asking whether a mail, by its original message id, is associated.
//!
//! ```
//! use zoho_crm_api::actions::ModuleRef;
//! use zoho_crm_api::associate_email::{AssociateEmail, AssociatedEmail, EmailAvailable, LinkedRecord};
//! use zoho_crm_api::emails::Address;
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
//! let linked = LinkedRecord::new(ModuleRef::named("Leads"), lead.as_str());
//! let mail = AssociatedEmail::new(
//!     Address::new("moss@example.com"),
//!     vec![Address::new("patricia@zylker.com")],
//!     "<c1@example.com>",
//!     false,
//!     "2024-03-15T10:00:00+00:00",
//!     linked,
//! );
//! let answer = AssociateEmail::of("Leads", lead.as_str(), vec![mail]).send(&client).await?;
//! assert!(answer.emails[0].is_success());
//! let found = EmailAvailable::of("<c1@example.com>").send(&client).await?;
//! assert!(found.available);
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, RecordId};

use crate::actions::{Ack, IdRef, ModuleRef};
use crate::emails::Address;
use crate::{declared, ApiOperation};

/// The record a mail is linked to: `{"module": {"api_name", "id"}, "id"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct LinkedRecord {
    /// Its module.
    pub module: ModuleRef,
    /// The record.
    pub id: RecordId,
}

impl LinkedRecord {
    /// The record `id` of `module`.
    pub fn new(module: ModuleRef, id: impl Into<RecordId>) -> Self {
        LinkedRecord {
            module,
            id: id.into(),
        }
    }
}

/// A mail to associate with a record.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct AssociatedEmail {
    /// The sender.
    pub from: Address,
    /// The recipients.
    pub to: Vec<Address>,
    /// Copied to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Address>,
    /// Blind-copied to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bcc: Vec<Address>,
    /// Attachments already uploaded, by id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<IdRef>,
    /// The subject.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// `html` or `text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mail_format: Option<String>,
    /// The mail's `Message-ID`, by which it is found again.
    pub original_message_id: String,
    /// Whether it was sent (rather than received).
    pub sent: bool,
    /// When it was sent or received.
    pub date_time: String,
    /// The record it is linked to.
    pub linked_record: LinkedRecord,
}

impl AssociatedEmail {
    /// A mail from `from` to `to`, by its message id, sent (`sent`) or received at
    /// `date_time`, linked to `linked_record`.
    pub fn new(
        from: Address,
        to: Vec<Address>,
        original_message_id: impl Into<String>,
        sent: bool,
        date_time: impl Into<String>,
        linked_record: LinkedRecord,
    ) -> Self {
        AssociatedEmail {
            from,
            to,
            cc: Vec::new(),
            bcc: Vec::new(),
            attachments: Vec::new(),
            subject: None,
            content: None,
            mail_format: None,
            original_message_id: original_message_id.into(),
            sent,
            date_time: date_time.into(),
            linked_record,
        }
    }
}

/// The answer of [`AssociateEmail`]: one acknowledgement per mail, whose details carry the
/// `message_id` the CRM gave it.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct AssociateOutcomes {
    /// Each acknowledgement.
    #[serde(rename = "Emails")]
    pub emails: Vec<Ack>,
}

/// Associates mails with the record `record_id`.
#[zoho_endpoint(POST "/<module>/<record_id>/actions/associate_email",
                scope = "ZohoCRM.modules.<module>.CREATE", response = AssociateOutcomes)]
pub struct AssociateEmail {
    /// The module's API name.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// The mails.
    #[zoho(envelope, rename = "Emails")]
    pub emails: Vec<AssociatedEmail>,
}

impl AssociateEmail {
    /// Associates `emails` with the record `record_id` of `module`.
    pub fn of(
        module: impl Into<String>,
        record_id: impl Into<RecordId>,
        emails: Vec<AssociatedEmail>,
    ) -> Self {
        AssociateEmail {
            module: module.into(),
            record_id: record_id.into(),
            emails,
        }
    }
}

/// Whether a mail, by its original message id, is associated with a record, and which.
#[zoho_endpoint(GET "/actions/email_available", scope = "ZohoCRM.modules.emails.READ",
                response = EmailAvailability)]
pub struct EmailAvailable {
    /// The mail's original message id (Zoho spells the parameter `orginal_message_id`).
    #[zoho(query = "orginal_message_id")]
    pub original_message_id: String,
}

impl EmailAvailable {
    /// Whether the mail `original_message_id` is associated.
    pub fn of(original_message_id: impl Into<String>) -> Self {
        EmailAvailable {
            original_message_id: original_message_id.into(),
        }
    }
}

/// The answer of [`EmailAvailable`].
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct EmailAvailability {
    /// Whether the mail is associated.
    pub available: bool,
    /// The record it is associated with.
    #[serde(default)]
    pub record: Option<AvailableRecord>,
    /// The record it is linked to.
    #[serde(default)]
    pub linked_record: Option<LinkedRecord>,
}

/// The record an associated mail is on.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct AvailableRecord {
    /// Its module.
    pub module: ModuleRef,
    /// The record.
    pub id: RecordId,
    /// The record it is linked to.
    #[serde(default)]
    pub linked_record: Option<LinkedRecord>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![AssociateEmail, EmailAvailable];
