//! The email composer's defaults (`/crm/email/v8/settings/compose`, under the email API's own
//! root): the sender, reply-to address and font each type of email starts with.
//!
//! ```
//! use zoho_crm_api::email_compose::*;
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
//! let defaults = EmailCompose::new("default").with_font(ComposeFont::new("Arial", 12));
//! UpdateEmailComposeSettings::new(vec![defaults]).send(&client).await?;
//! let read = GetEmailComposeSettings::new().send(&client).await?.unwrap();
//! assert_eq!(read.email_compose[0].font.as_ref().and_then(|f| f.size), Some(12));
//! # Ok(())
//! # }
//! ```
//!
//! The sandbox keeps one set of defaults, whatever `type` a read names.

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::Json;

use crate::setting::{Extra, SettingsOutcomes};
use crate::{declared, ApiOperation};

/// An address the composer starts with.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ComposeAddress {
    /// The address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `org_email` or `primary`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// Whose it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ComposeAddress {
    /// The address `email`.
    pub fn new(email: impl Into<String>) -> Self {
        ComposeAddress {
            email: Some(email.into()),
            ..Default::default()
        }
    }

    /// With `email` set.
    pub fn with_email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(email.into());
        self
    }

    /// With `type` set.
    pub fn with_type(mut self, r#type: impl Into<String>) -> Self {
        self.r#type = Some(r#type.into());
        self
    }

    /// With `user_name` set.
    pub fn with_user_name(mut self, user_name: impl Into<String>) -> Self {
        self.user_name = Some(user_name.into());
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// The font the composer starts with.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ComposeFont {
    /// Its family: `Arial`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// Its size in points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<i64>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ComposeFont {
    /// `family` at `size` points.
    pub fn new(family: impl Into<String>, size: i64) -> Self {
        ComposeFont {
            family: Some(family.into()),
            size: Some(size),
            ..Default::default()
        }
    }

    /// With `family` set.
    pub fn with_family(mut self, family: impl Into<String>) -> Self {
        self.family = Some(family.into());
        self
    }

    /// With `size` set.
    pub fn with_size(mut self, size: i64) -> Self {
        self.size = Some(size);
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// The email composer's defaults for one type of email.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct EmailCompose {
    /// `default`, `emailin` or `mass_mail`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// The sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_from_address: Option<ComposeAddress>,
    /// The reply-to address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_replyto_address: Option<ComposeAddress>,
    /// The font.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font: Option<ComposeFont>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl EmailCompose {
    /// The defaults of the type `type`.
    pub fn new(r#type: impl Into<String>) -> Self {
        EmailCompose {
            r#type: Some(r#type.into()),
            ..Default::default()
        }
    }

    /// With `type` set.
    pub fn with_type(mut self, r#type: impl Into<String>) -> Self {
        self.r#type = Some(r#type.into());
        self
    }

    /// With `default_from_address` set.
    pub fn with_default_from_address(mut self, default_from_address: ComposeAddress) -> Self {
        self.default_from_address = Some(default_from_address);
        self
    }

    /// With `default_replyto_address` set.
    pub fn with_default_replyto_address(mut self, default_replyto_address: ComposeAddress) -> Self {
        self.default_replyto_address = Some(default_replyto_address);
        self
    }

    /// With `font` set.
    pub fn with_font(mut self, font: ComposeFont) -> Self {
        self.font = Some(font);
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// The answer of [`GetEmailComposeSettings`]: `{"email_compose": […]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct EmailComposeSettings {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub email_compose: Vec<EmailCompose>,
}

/// Reads the composer's defaults.
#[zoho_endpoint(GET "/settings/compose", scope = "ZohoCRM.settings.emails.READ", root = "/crm/email", response = Option<EmailComposeSettings>)]
#[derive(Debug, Clone, Default)]
pub struct GetEmailComposeSettings {
    /// The type of email: `default`, `emailin` or `mass_mail`.
    #[zoho(query = "type")]
    pub kind: Option<String>,
}

impl GetEmailComposeSettings {
    /// The call, with its options left out.
    pub fn new() -> Self {
        GetEmailComposeSettings { kind: None }
    }

    /// With `kind` given.
    pub fn with_kind(mut self, kind: impl Into<String>) -> Self {
        self.kind = Some(kind.into());
        self
    }
}

/// Changes the composer's defaults.
#[zoho_endpoint(PUT "/settings/compose", scope = "ZohoCRM.settings.emails.UPDATE", root = "/crm/email", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateEmailComposeSettings {
    /// The defaults, as one item.
    #[zoho(envelope)]
    pub email_compose: Vec<EmailCompose>,
}

impl UpdateEmailComposeSettings {
    /// Sets these defaults.
    pub fn new(email_compose: Vec<EmailCompose>) -> Self {
        UpdateEmailComposeSettings { email_compose }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] =
    declared![GetEmailComposeSettings, UpdateEmailComposeSettings];
