//! The APIs the organisation serves: `__apis`, each path with its methods and scopes.
//!
//! ```
//! use zoho_crm_api::apis::GetSupportedApis;
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
//! let apis = GetSupportedApis::default().send(&client).await?.unwrap_or_default();
//! let leads = apis.__apis.iter().find(|a| a.path == "/crm/v8/Leads").unwrap();
//! assert!(leads.operation_types.iter().any(|o| o.method == "POST"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::Deserialize;
use zoho_runtime::zoho_endpoint;

use crate::{declared, ApiOperation};

/// Lists the supported APIs.
#[zoho_endpoint(GET "/__apis", scope = "ZohoCRM.settings.modules.READ", response = Option<SupportedApis>)]
#[derive(Default)]
pub struct GetSupportedApis {
    /// Zoho's filter of the paths.
    #[zoho(query)]
    pub filters: Option<String>,
}

/// The answer of [`GetSupportedApis`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct SupportedApis {
    /// The paths.
    #[serde(default)]
    pub __apis: Vec<SupportedApi>,
}

/// One path and the methods it takes.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct SupportedApi {
    /// The path: `/crm/v8/Leads`.
    pub path: String,
    /// Its methods.
    #[serde(default)]
    pub operation_types: Vec<OperationType>,
}

/// One method of a path.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct OperationType {
    /// `GET`, `POST`, ….
    pub method: String,
    /// The scope it needs.
    #[serde(default)]
    pub oauth_scope: Option<String>,
    /// The most credits a call costs.
    #[serde(default)]
    pub max_credits: Option<u32>,
    /// The fewest credits a call costs.
    #[serde(default)]
    pub min_credits: Option<u32>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![GetSupportedApis];
