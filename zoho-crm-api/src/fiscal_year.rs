//! The fiscal year: the month the organisation's fiscal year starts in (`settings/fiscal_year`).
//!
//! ```
//! use zoho_crm_api::fiscal_year::{FiscalYear, GetFiscalYear, UpdateFiscalYear};
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
//! UpdateFiscalYear::new(FiscalYear::new("April", "start_month")).send(&client).await?;
//! let year = GetFiscalYear::new().send(&client).await?.unwrap().fiscal_year.unwrap();
//! assert_eq!(year.start_month.as_deref(), Some("April"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::Json;

use crate::setting::{Extra, SettingsOutcomes};
use crate::{declared, ApiOperation};

/// The organisation's fiscal year.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct FiscalYear {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The month it starts in: `April`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_month: Option<String>,
    /// Whether a fiscal year is named by the year it starts or ends in (`start_month`, `end_month`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_based_on: Option<String>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FiscalYear {
    /// A fiscal year starting in `start_month`.
    pub fn new(start_month: impl Into<String>, display_based_on: impl Into<String>) -> Self {
        FiscalYear {
            start_month: Some(start_month.into()),
            display_based_on: Some(display_based_on.into()),
            ..Default::default()
        }
    }

    /// With `id` set.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// With `start_month` set.
    pub fn with_start_month(mut self, start_month: impl Into<String>) -> Self {
        self.start_month = Some(start_month.into());
        self
    }

    /// With `display_based_on` set.
    pub fn with_display_based_on(mut self, display_based_on: impl Into<String>) -> Self {
        self.display_based_on = Some(display_based_on.into());
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// The answer of [`GetFiscalYear`]: `{"fiscal_year": {…}}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct FiscalYearAnswer {
    /// The setting.
    #[serde(default)]
    pub fiscal_year: Option<FiscalYear>,
}

/// Reads the fiscal year.
#[zoho_endpoint(GET "/settings/fiscal_year", scope = "ZohoCRM.settings.fiscal_year.READ", response = Option<FiscalYearAnswer>)]
#[derive(Debug, Clone, Default)]
pub struct GetFiscalYear {}

impl GetFiscalYear {
    /// The call.
    pub fn new() -> Self {
        Self::default()
    }
}

/// Changes the fiscal year.
#[zoho_endpoint(PUT "/settings/fiscal_year", scope = "ZohoCRM.settings.fiscal_year.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateFiscalYear {
    /// The fiscal year.
    #[zoho(envelope)]
    pub fiscal_year: FiscalYear,
}

impl UpdateFiscalYear {
    /// Sets the fiscal year to this.
    pub fn new(fiscal_year: FiscalYear) -> Self {
        UpdateFiscalYear { fiscal_year }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![GetFiscalYear, UpdateFiscalYear];
