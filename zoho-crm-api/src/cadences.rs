//! Cadences: sequences of follow-ups records are enrolled in (`settings/automation/cadences`).
//!
//! ```
//! use zoho_crm_api::cadences::GetCadences;
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
//! let cadences = GetCadences::new().send(&client).await?.unwrap();
//! assert_eq!(cadences.cadences[0].r#type.as_deref(), Some("manual_enrollment"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::PageInfo;

use crate::setting::{Extra, Ref};
use crate::{declared, ApiOperation};

/// One cadence: follow-ups records are enrolled in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Cadence {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The module of its records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<Ref>,
    /// `custom_view` or `manual_enrollment`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// Whether it runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// Whether it is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<bool>,
    /// Its state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
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

/// The answer: `{"cadences": […]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Cadences {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub cadences: Vec<Cadence>,
    /// The page's `info`, for listings Zoho pages.
    #[serde(default)]
    pub info: Option<PageInfo>,
}

/// Lists the cadences.
#[zoho_endpoint(GET "/settings/automation/cadences", scope = "ZohoCRM.settings.cadences.READ", response = Option<Cadences>)]
#[derive(Debug, Clone, Default)]
pub struct GetCadences {}

impl GetCadences {
    /// The call.
    pub fn new() -> Self {
        Self::default()
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![GetCadences];
