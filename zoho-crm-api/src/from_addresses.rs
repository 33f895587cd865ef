//! From addresses: the addresses the users may send mail from
//! (`settings/emails/actions/from_addresses`).
//!
//! ```
//! use zoho_crm_api::from_addresses::GetFromAddresses;
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
//! let addresses = GetFromAddresses::new().send(&client).await?.unwrap();
//! assert!(addresses.from_addresses.iter().any(|a| a.user_name.as_deref() == Some("Patricia Boyle")));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;

use crate::setting::Extra;
use crate::{declared, ApiOperation};

/// An address mail may be sent from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct FromAddress {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `primary`, `secondary`, `org_email`, ….
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// Whose it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// Whether it is the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<bool>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer: `{"from_addresses": […]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct FromAddresses {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub from_addresses: Vec<FromAddress>,
}

/// Lists the addresses mail may be sent from, of one user when asked.
#[zoho_endpoint(GET "/settings/emails/actions/from_addresses", scope = "ZohoCRM.settings.emails.READ", response = Option<FromAddresses>)]
#[derive(Debug, Clone, Default)]
pub struct GetFromAddresses {
    /// Only this user's.
    #[zoho(query)]
    pub user_id: Option<String>,
}

impl GetFromAddresses {
    /// The call, with its options left out.
    pub fn new() -> Self {
        GetFromAddresses { user_id: None }
    }

    /// With `user_id` given.
    pub fn with_user_id(mut self, user_id: impl Into<String>) -> Self {
        self.user_id = Some(user_id.into());
        self
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![GetFromAddresses];
