//! Portal metadata: the modules related to a module that a portal may show
//! (`settings/portals/meta?module=`).
//!
//! ```
//! use zoho_crm_api::portals_meta::GetPortalsMeta;
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
//! let meta = GetPortalsMeta::new("Contacts").send(&client).await?.unwrap();
//! assert!(!meta.related_lists.is_empty());
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::Json;

use crate::setting::Extra;
use crate::{declared, ApiOperation};

/// A module a portal may show beside the one asked about.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct PortalRelatedList {
    /// The module: `api_name`, `plural_label`, `shared_type`, its `layouts`, `views` and `filters`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<Json>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer: `{"related_lists": […]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct PortalsMeta {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub related_lists: Vec<PortalRelatedList>,
}

/// The modules a portal may show beside `module`.
#[zoho_endpoint(GET "/settings/portals/meta", scope = "ZohoCRM.settings.clientportal.READ", response = Option<PortalsMeta>)]
#[derive(Debug, Clone)]
pub struct GetPortalsMeta {
    /// The module, by API name.
    #[zoho(query)]
    pub module: String,
}

impl GetPortalsMeta {
    /// The call, with its options left out.
    pub fn new(module: impl Into<String>) -> Self {
        GetPortalsMeta {
            module: module.into(),
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![GetPortalsMeta];
