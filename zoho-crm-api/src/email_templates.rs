//! Email templates: the organisation's templates of emails (`settings/email_templates`),
//! read-only through the API.
//!
//! ```
//! use zoho_crm_api::email_templates::GetEmailTemplates;
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
//! let templates = GetEmailTemplates::new().with_module("Leads").send(&client).await?.unwrap();
//! assert_eq!(templates.email_templates[0].name.as_deref(), Some("Welcome a lead"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::PageInfo;

use crate::setting::{Extra, Ref};
use crate::{declared, ApiOperation};

/// One email template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct EmailTemplate {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The subject of its emails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Its HTML, with merge fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// The module whose records it merges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<Ref>,
    /// Its folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder: Option<Ref>,
    /// Whether it can be used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// Whether it is a favourite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub favorite: Option<bool>,
    /// `rich_text`, `plain_text` or `gallery`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editor_mode: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_time: Option<String>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_time: Option<String>,
    /// Who created it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<Ref>,
    /// Who last changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_by: Option<Ref>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of the reads: `{"email_templates": […]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct EmailTemplates {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub email_templates: Vec<EmailTemplate>,
    /// The page's `info`, for listings Zoho pages.
    #[serde(default)]
    pub info: Option<PageInfo>,
}

/// Lists the email templates, of one module when asked.
#[zoho_endpoint(GET "/settings/email_templates", scope = "ZohoCRM.templates.email.READ", response = Option<EmailTemplates>)]
#[derive(Debug, Clone, Default)]
pub struct GetEmailTemplates {
    /// Only this module's.
    #[zoho(query)]
    pub module: Option<String>,
}

impl GetEmailTemplates {
    /// The call, with its options left out.
    pub fn new() -> Self {
        GetEmailTemplates { module: None }
    }

    /// With `module` given.
    pub fn with_module(mut self, module: impl Into<String>) -> Self {
        self.module = Some(module.into());
        self
    }
}

/// Reads one email template.
#[zoho_endpoint(GET "/settings/email_templates/<template>", scope = "ZohoCRM.templates.email.READ", response = Option<EmailTemplates>)]
#[derive(Debug, Clone)]
pub struct GetEmailTemplate {
    /// The template, by id.
    pub template: String,
}

impl GetEmailTemplate {
    /// The call, with its options left out.
    pub fn new(template: impl Into<String>) -> Self {
        GetEmailTemplate {
            template: template.into(),
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![GetEmailTemplates, GetEmailTemplate];
