//! Unblocking email addresses: a record's email fields (`Email`, `Secondary_Email`) whose mail
//! bounced taken off the blocked list, for one record or several by id.
//!
//! ```
//! use zoho_crm_api::emails::{Address, Mail, SendMail};
//! use zoho_crm_api::unblock_email::UnblockEmail;
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
//! // Mail to the reserved domain `invalid` bounces in the sandbox, which blocks the address.
//! let lead = r#"{"Last_Name": "Moss", "Email": "moss@mail.invalid"}"#;
//! let lead = sandbox.insert_record("Leads", lead.parse()?).unwrap();
//! let to = vec![Address::new("moss@mail.invalid")];
//! let mail = Mail::new(Address::new("patricia@zylker.com"), to, "Hello", "Hi.");
//! SendMail::of("Leads", lead.as_str(), mail).send(&client).await?;
//! assert_eq!(sandbox.blocked_emails("Leads", &lead), ["Email"]);
//! let unblocked = UnblockEmail::of("Leads", lead.as_str(), ["Email"]).send(&client).await?;
//! assert!(unblocked.all_succeeded());
//! assert!(sandbox.blocked_emails("Leads", &lead).is_empty());
//! # Ok(())
//! # }
//! ```

use zoho_runtime::{zoho_endpoint, RecordId};

use crate::{declared, ApiOperation};

/// Unblocks the email fields `unblock_fields` of the records `ids`; one outcome per id.
#[zoho_endpoint(POST "/<module>/actions/unblock_email",
                scope = "ZohoCRM.modules.<module>.UPDATE")]
pub struct UnblockEmails {
    /// The module's API name.
    pub module: String,
    /// The records.
    #[zoho(envelope)]
    pub ids: Vec<RecordId>,
    /// The email fields to unblock, by API name.
    #[zoho(envelope)]
    pub unblock_fields: Vec<String>,
}

impl UnblockEmails {
    /// Unblocks the fields `fields` of the records `ids` of `module`.
    pub fn of<I: Into<RecordId>, F: Into<String>>(
        module: impl Into<String>,
        ids: impl IntoIterator<Item = I>,
        fields: impl IntoIterator<Item = F>,
    ) -> Self {
        UnblockEmails {
            module: module.into(),
            ids: ids.into_iter().map(Into::into).collect(),
            unblock_fields: fields.into_iter().map(Into::into).collect(),
        }
    }
}

/// Unblocks the email fields `unblock_fields` of the record `id`.
#[zoho_endpoint(POST "/<module>/<id>/actions/unblock_email",
                scope = "ZohoCRM.modules.<module>.UPDATE")]
pub struct UnblockEmail {
    /// The module's API name.
    pub module: String,
    /// The record.
    pub id: RecordId,
    /// The email fields to unblock, by API name.
    #[zoho(envelope)]
    pub unblock_fields: Vec<String>,
}

impl UnblockEmail {
    /// Unblocks the fields `fields` of the record `id` of `module`.
    pub fn of<F: Into<String>>(
        module: impl Into<String>,
        id: impl Into<RecordId>,
        fields: impl IntoIterator<Item = F>,
    ) -> Self {
        UnblockEmail {
            module: module.into(),
            id: id.into(),
            unblock_fields: fields.into_iter().map(Into::into).collect(),
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![UnblockEmails, UnblockEmail];
