//! Business hours: the organisation's working days and hours (`settings/business_hours`), one
//! setting, created once and updated after.
//!
//! ```
//! use zoho_crm_api::business_hours::{BusinessHours, CreateBusinessHours, GetBusinessHours};
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
//! assert!(GetBusinessHours::new().send(&client).await?.is_none());
//! let days = vec!["Monday".to_owned(), "Tuesday".to_owned()];
//! let hours = BusinessHours::new("24_by_5", "Monday", days);
//! CreateBusinessHours::new(hours).send(&client).await?;
//! let read = GetBusinessHours::new().send(&client).await?.unwrap();
//! assert_eq!(read.business_hours.unwrap().r#type.as_deref(), Some("24_by_5"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::Json;

use crate::setting::{Extra, SettingsOutcomes};
use crate::{declared, ApiOperation};

/// The organisation's working days and hours.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct BusinessHours {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `24_by_7`, `24_by_5` or `custom`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// The first day of the week: `Monday`, ….
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub week_starts_on: Option<String>,
    /// The working days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_days: Option<Vec<String>>,
    /// Whether every working day has the same hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as_everyday: Option<bool>,
    /// The hours of every day, `["09:00", "17:00"]`, when they are the same.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_timing: Option<Vec<String>>,
    /// The hours of each day (`{"days": "Monday", "business_timing": […]}`), when they differ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_timing: Option<Vec<Json>>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl BusinessHours {
    /// Business hours of this type, week start and working days.
    pub fn new(
        r#type: impl Into<String>,
        week_starts_on: impl Into<String>,
        business_days: Vec<String>,
    ) -> Self {
        BusinessHours {
            r#type: Some(r#type.into()),
            week_starts_on: Some(week_starts_on.into()),
            business_days: Some(business_days),
            ..Default::default()
        }
    }

    /// With `id` set.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// With `type` set.
    pub fn with_type(mut self, r#type: impl Into<String>) -> Self {
        self.r#type = Some(r#type.into());
        self
    }

    /// With `week_starts_on` set.
    pub fn with_week_starts_on(mut self, week_starts_on: impl Into<String>) -> Self {
        self.week_starts_on = Some(week_starts_on.into());
        self
    }

    /// With `business_days` set.
    pub fn with_business_days(mut self, business_days: Vec<String>) -> Self {
        self.business_days = Some(business_days);
        self
    }

    /// With `same_as_everyday` set.
    pub fn with_same_as_everyday(mut self, same_as_everyday: bool) -> Self {
        self.same_as_everyday = Some(same_as_everyday);
        self
    }

    /// With `daily_timing` set.
    pub fn with_daily_timing(mut self, daily_timing: Vec<String>) -> Self {
        self.daily_timing = Some(daily_timing);
        self
    }

    /// With `custom_timing` set.
    pub fn with_custom_timing(mut self, custom_timing: Vec<Json>) -> Self {
        self.custom_timing = Some(custom_timing);
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// The answer of [`GetBusinessHours`]: `{"business_hours": {…}}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct BusinessHoursAnswer {
    /// The setting.
    #[serde(default)]
    pub business_hours: Option<BusinessHours>,
}

/// Saves the business hours, where none are saved yet.
#[zoho_endpoint(POST "/settings/business_hours", scope = "ZohoCRM.settings.business_hours.CREATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct CreateBusinessHours {
    /// The business hours.
    #[zoho(envelope)]
    pub business_hours: BusinessHours,
    /// The organisation, for a user of several (`X-CRM-ORG`).
    #[zoho(header = "X-CRM-ORG")]
    pub org_id: Option<String>,
}

impl CreateBusinessHours {
    /// Saves these business hours.
    pub fn new(business_hours: BusinessHours) -> Self {
        CreateBusinessHours {
            business_hours,
            org_id: None,
        }
    }

    /// With `org_id` given.
    pub fn with_org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }
}

/// Changes the business hours: the keys given replace those saved.
#[zoho_endpoint(PUT "/settings/business_hours", scope = "ZohoCRM.settings.business_hours.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateBusinessHours {
    /// What changes.
    #[zoho(envelope)]
    pub business_hours: BusinessHours,
    /// The organisation, for a user of several (`X-CRM-ORG`).
    #[zoho(header = "X-CRM-ORG")]
    pub org_id: Option<String>,
}

impl UpdateBusinessHours {
    /// Changes the business hours to these.
    pub fn new(business_hours: BusinessHours) -> Self {
        UpdateBusinessHours {
            business_hours,
            org_id: None,
        }
    }

    /// With `org_id` given.
    pub fn with_org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }
}

/// Reads the business hours; `None` while none are saved.
#[zoho_endpoint(GET "/settings/business_hours", scope = "ZohoCRM.settings.business_hours.READ", response = Option<BusinessHoursAnswer>)]
#[derive(Debug, Clone, Default)]
pub struct GetBusinessHours {
    /// The organisation, for a user of several (`X-CRM-ORG`).
    #[zoho(header = "X-CRM-ORG")]
    pub org_id: Option<String>,
}

impl GetBusinessHours {
    /// The call, with its options left out.
    pub fn new() -> Self {
        GetBusinessHours { org_id: None }
    }

    /// With `org_id` given.
    pub fn with_org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] =
    declared![CreateBusinessHours, UpdateBusinessHours, GetBusinessHours];
