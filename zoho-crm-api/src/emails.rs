//! A record's emails: mail sent from it (`/{module}/{id}/actions/send_mail`), its related list
//! of emails (`/{module}/{id}/Emails`), and its email drafts (`/{module}/{id}/__email_drafts`).
//!
//! ```
//! use zoho_crm_api::emails::{Address, GetRelatedEmails, Mail, SendMail};
//! use zoho_crm_api::runtime::Client;
//! use zoho_sandbox::Sandbox;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start().await?;
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! let lead = sandbox.insert_record("Leads", serde_json::json!({"Last_Name": "Bryant"})).unwrap();
//! let mail = Mail::new(
//!     Address::new("patricia@zylker.com"),
//!     vec![Address::new("bryant@example.com")],
//!     "Your quote",
//!     "Please find it attached.",
//! );
//! let sent = SendMail::of("Leads", lead.as_str(), mail).send(&client).await?;
//! assert!(sent.all_succeeded());
//! let emails = GetRelatedEmails::of("Leads", lead.as_str()).send(&client).await?.unwrap_or_default();
//! assert_eq!(emails.email_related_list[0].subject.as_deref(), Some("Your quote"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, Json};

use crate::answer::ActionOutcome;
use crate::{declared, ApiOperation, RecordId};

/// A mailbox: `{"user_name": "Patricia Boyle", "email": "patricia@zylker.com"}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Address {
    /// The name shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// The address.
    pub email: String,
}

impl Address {
    /// The mailbox `email`, without a name.
    pub fn new(email: impl Into<String>) -> Self {
        Address {
            user_name: None,
            email: email.into(),
        }
    }
}

/// A mail to send or keep as a draft.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Mail {
    /// The sender (one of the user's addresses).
    pub from: Address,
    /// The recipients.
    pub to: Vec<Address>,
    /// Copied to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Address>,
    /// Blind-copied to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bcc: Vec<Address>,
    /// The subject.
    pub subject: String,
    /// The body, HTML or text as `mail_format` says.
    pub content: String,
    /// `html` (Zoho's default) or `text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mail_format: Option<String>,
}

impl Mail {
    /// A mail from `from` to `to`.
    pub fn new(
        from: Address,
        to: Vec<Address>,
        subject: impl Into<String>,
        content: impl Into<String>,
    ) -> Self {
        Mail {
            from,
            to,
            cc: Vec::new(),
            bcc: Vec::new(),
            subject: subject.into(),
            content: content.into(),
            mail_format: None,
        }
    }
}

/// Sends a mail from a record; the answer's details carry its `message_id`.
#[zoho_endpoint(POST "/<module>/<id>/actions/send_mail", scope = "ZohoCRM.send_mail.all.CREATE")]
pub struct SendMail<M = Mail>
where
    M: Serialize + Send + Sync,
{
    /// The module's API name.
    pub module: String,
    /// The record's id.
    pub id: RecordId,
    /// The mail (one).
    #[zoho(records)]
    pub mails: Vec<M>,
}

impl<M: Serialize + Send + Sync> SendMail<M> {
    /// Sends `mail` from the record `id` of `module`.
    pub fn of(module: impl Into<String>, id: impl Into<RecordId>, mail: M) -> Self {
        SendMail {
            module: module.into(),
            id: id.into(),
            mails: vec![mail],
        }
    }
}

/// Lists the emails of a record; `None` when it has none (`204`).
#[zoho_endpoint(GET "/<module>/<id>/Emails", scope = "ZohoCRM.modules.emails.READ", response = Option<RelatedEmails>)]
pub struct GetRelatedEmails {
    /// The module's API name.
    pub module: String,
    /// The record's id.
    pub id: RecordId,
    /// `sent_from_crm`, `scheduled_in_crm`, `drafts`, `user_emails`, …
    #[zoho(query)]
    pub r#type: Option<String>,
    /// Where the page starts: the `next_index` of the page before.
    #[zoho(query)]
    pub index: Option<u32>,
    /// Only the emails of this user.
    #[zoho(query)]
    pub owner_id: Option<RecordId>,
}

impl GetRelatedEmails {
    /// The emails of the record `id` of `module`.
    pub fn of(module: impl Into<String>, id: impl Into<RecordId>) -> Self {
        GetRelatedEmails {
            module: module.into(),
            id: id.into(),
            r#type: None,
            index: None,
            owner_id: None,
        }
    }
}

/// Reads one email of a record, with its content; `None` when there is no such email.
#[zoho_endpoint(GET "/<module>/<id>/Emails/<message_id>", scope = "ZohoCRM.modules.emails.READ", response = Option<RelatedEmails>)]
pub struct GetRelatedEmail {
    /// The module's API name.
    pub module: String,
    /// The record's id.
    pub id: RecordId,
    /// The email's `message_id`.
    pub message_id: String,
    /// The kind of email, as in [`GetRelatedEmails`].
    #[zoho(query)]
    pub r#type: Option<String>,
    /// The user whose email it is.
    #[zoho(query)]
    pub owner_id: Option<RecordId>,
}

/// The answer of [`GetRelatedEmails`] and [`GetRelatedEmail`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct RelatedEmails {
    /// The emails, newest first.
    #[serde(default)]
    pub email_related_list: Vec<RelatedEmail>,
    /// Where the listing has got (`next_index`, `more_records`, …).
    #[serde(default)]
    pub info: Json,
}

/// One email of a record.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct RelatedEmail {
    /// Its id.
    pub message_id: String,
    /// Its subject.
    #[serde(default)]
    pub subject: Option<String>,
    /// Its sender.
    #[serde(default)]
    pub from: Option<Address>,
    /// Its recipients.
    #[serde(default)]
    pub to: Vec<Address>,
    /// Whether it was sent (rather than received).
    #[serde(default)]
    pub sent: bool,
    /// When it was sent.
    #[serde(default)]
    pub sent_time: Option<String>,
    /// Its body, when one email is read.
    #[serde(default)]
    pub content: Option<String>,
}

/// A record's email drafts.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct EmailDrafts {
    /// The drafts.
    #[serde(default, rename = "__email_drafts")]
    pub drafts: Vec<EmailDraft>,
}

/// One email draft.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct EmailDraft {
    /// Its id.
    pub id: RecordId,
    /// Its subject.
    #[serde(default)]
    pub subject: Option<String>,
    /// Its body.
    #[serde(default)]
    pub content: Option<String>,
    /// Its sender.
    #[serde(default)]
    pub from: Option<Address>,
    /// Its recipients.
    #[serde(default)]
    pub to: Vec<Address>,
    /// When it was last saved.
    #[serde(default)]
    pub modified_time: Option<String>,
}

/// The answer of a write of drafts: one outcome per draft, under `__email_drafts`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct DraftOutcomes {
    /// One per draft sent.
    #[serde(default, rename = "__email_drafts")]
    pub drafts: Vec<ActionOutcome>,
}

impl DraftOutcomes {
    /// Whether every draft succeeded.
    pub fn all_succeeded(&self) -> bool {
        self.drafts.iter().all(ActionOutcome::succeeded)
    }
}

/// A draft's change: its `id` (in [`UpdateEmailDrafts`]) and the mail it becomes.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct DraftChange {
    /// The draft, when the path does not name it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// The mail.
    #[serde(flatten)]
    pub mail: Mail,
}

impl DraftChange {
    /// The draft `id` becomes `mail`.
    pub fn of(id: impl Into<RecordId>, mail: Mail) -> Self {
        DraftChange {
            id: Some(id.into()),
            mail,
        }
    }

    /// The draft the path names becomes `mail`.
    pub fn to(mail: Mail) -> Self {
        DraftChange { id: None, mail }
    }
}

/// Lists a record's email drafts; `None` when it has none (`204`).
#[zoho_endpoint(GET "/<module>/<record>/__email_drafts", scope = "ZohoCRM.modules.emails.READ", response = Option<EmailDrafts>)]
pub struct GetEmailDrafts {
    /// The module's API name.
    pub module: String,
    /// The record's id.
    pub record: RecordId,
}

/// Reads one email draft; `None` when there is no such draft.
#[zoho_endpoint(GET "/<module>/<record>/__email_drafts/<draft>", scope = "ZohoCRM.modules.emails.READ", response = Option<EmailDrafts>)]
pub struct GetEmailDraft {
    /// The module's API name.
    pub module: String,
    /// The record's id.
    pub record: RecordId,
    /// The draft's id.
    pub draft: RecordId,
}

/// Keeps mails as drafts of a record.
#[zoho_endpoint(POST "/<module>/<record>/__email_drafts", scope = "ZohoCRM.modules.emails.CREATE", response = DraftOutcomes)]
pub struct CreateEmailDrafts {
    /// The module's API name.
    pub module: String,
    /// The record's id.
    pub record: RecordId,
    /// The drafts.
    #[zoho(envelope, rename = "__email_drafts")]
    pub drafts: Vec<Mail>,
}

/// Changes drafts of a record, each named by its `id`.
#[zoho_endpoint(PUT "/<module>/<record>/__email_drafts", scope = "ZohoCRM.modules.emails.UPDATE", response = DraftOutcomes)]
pub struct UpdateEmailDrafts {
    /// The module's API name.
    pub module: String,
    /// The record's id.
    pub record: RecordId,
    /// The changes.
    #[zoho(envelope, rename = "__email_drafts")]
    pub drafts: Vec<DraftChange>,
}

/// Changes one draft.
#[zoho_endpoint(PUT "/<module>/<record>/__email_drafts/<draft>", scope = "ZohoCRM.modules.emails.UPDATE", response = DraftOutcomes)]
pub struct UpdateEmailDraft {
    /// The module's API name.
    pub module: String,
    /// The record's id.
    pub record: RecordId,
    /// The draft's id.
    pub draft: RecordId,
    /// The change (one, without `id`).
    #[zoho(envelope, rename = "__email_drafts")]
    pub drafts: Vec<DraftChange>,
}

/// Deletes one draft.
#[zoho_endpoint(DELETE "/<module>/<record>/__email_drafts/<draft>", scope = "ZohoCRM.modules.emails.DELETE", response = DraftOutcomes)]
pub struct DeleteEmailDraft {
    /// The module's API name.
    pub module: String,
    /// The record's id.
    pub record: RecordId,
    /// The draft's id.
    pub draft: RecordId,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    SendMail<Mail>,
    GetRelatedEmails,
    GetRelatedEmail,
    GetEmailDrafts,
    GetEmailDraft,
    CreateEmailDrafts,
    UpdateEmailDrafts,
    UpdateEmailDraft,
    DeleteEmailDraft,
];
