//! The organisation's features and their limits: `__features`, with what it uses of each.
//!
//! ```
//! use zoho_crm_api::features::{GetFeature, GetFeatures};
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
//! let all = GetFeatures::default().send(&client).await?.unwrap_or_default();
//! assert!(all.get("custom_modules").is_some());
//! let fields = GetFeature::of("custom_fields").in_module("Leads").send(&client).await?;
//! let used = fields.unwrap_or_default().__features[0].used();
//! assert_eq!(used, Some(7));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::Deserialize;
use zoho_runtime::zoho_endpoint;

use crate::{declared, ApiOperation, PageInfo};

/// Lists the features, or those of a module, or those named.
#[zoho_endpoint(GET "/__features", scope = "ZohoCRM.features.READ", response = Option<Features>)]
#[derive(Default)]
pub struct GetFeatures {
    /// Only the features counted per module, counted in this module.
    #[zoho(query)]
    pub module: Option<String>,
    /// Only these features, by API name.
    #[zoho(query)]
    pub api_names: Option<Vec<String>>,
}

/// Reads one feature with its components.
#[zoho_endpoint(GET "/__features/<feature_api_name>", scope = "ZohoCRM.features.READ", response = Option<Features>)]
pub struct GetFeature {
    /// The feature's API name: `custom_fields`.
    pub feature_api_name: String,
    /// Counted in this module.
    #[zoho(query)]
    pub module: Option<String>,
}

impl GetFeature {
    /// The feature `api_name`.
    pub fn of(api_name: impl Into<String>) -> Self {
        GetFeature {
            feature_api_name: api_name.into(),
            module: None,
        }
    }

    /// Counted in `module`.
    pub fn in_module(mut self, module: impl Into<String>) -> Self {
        self.module = Some(module.into());
        self
    }
}

/// Reads the data enrichment feature.
#[zoho_endpoint(GET "/__features/data_enrichment", scope = "ZohoCRM.features.READ", response = Option<Features>)]
pub struct GetDataEnrichment {}

/// Reads the user licences: bought, used and free.
#[zoho_endpoint(GET "/__features/user_licenses", scope = "ZohoCRM.features.READ", response = Option<Features>)]
pub struct GetUserLicenses {}

/// The answer of this area's operations.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Features {
    /// The features.
    #[serde(default)]
    pub __features: Vec<Feature>,
    /// The page.
    #[serde(default)]
    pub info: Option<PageInfo>,
}

impl Features {
    /// The feature with this API name.
    pub fn get(&self, api_name: &str) -> Option<&Feature> {
        self.__features.iter().find(|f| f.api_name == api_name)
    }
}

/// One feature.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Feature {
    /// Its API name.
    pub api_name: String,
    /// Its label.
    #[serde(default)]
    pub feature_label: Option<String>,
    /// Whether it is counted per module.
    #[serde(default)]
    pub module_supported: bool,
    /// Its limits and use.
    #[serde(default)]
    pub details: Option<FeatureDetails>,
    /// Its parts, each with limits of its own.
    #[serde(default)]
    pub components: Vec<Feature>,
}

impl Feature {
    /// How much of it is used.
    pub fn used(&self) -> Option<u64> {
        self.details.as_ref()?.used_count.as_ref()?.total
    }

    /// How much of it the organisation may use.
    pub fn limit(&self) -> Option<u64> {
        self.details.as_ref()?.limits.as_ref()?.total
    }
}

/// A feature's limits and use.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct FeatureDetails {
    /// What may be used.
    #[serde(default)]
    pub limits: Option<Count>,
    /// What is used.
    #[serde(default)]
    pub used_count: Option<Count>,
    /// What is left.
    #[serde(default)]
    pub available_count: Option<Count>,
}

/// A count, in all and within the edition.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Count {
    /// In all.
    #[serde(default)]
    pub total: Option<u64>,
    /// Within the edition.
    #[serde(default)]
    pub edition_limit: Option<u64>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] =
    declared![GetFeatures, GetFeature, GetDataEnrichment, GetUserLicenses,];
