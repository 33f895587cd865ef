//! Holidays: the days the business hours, or a shift's hours, skip (`settings/holidays`).
//!
//! ```
//! use zoho_crm_api::holidays::{CreateHolidays, GetHolidays, Holiday};
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
//! let christmas = Holiday::new("Christmas", "2025-12-25", "business_holiday");
//! CreateHolidays::new(vec![christmas]).send(&client).await?;
//! let in_2025 = GetHolidays::new().with_year(2025).send(&client).await?.unwrap();
//! assert_eq!(in_2025.holidays[0].name.as_deref(), Some("Christmas"));
//! assert!(GetHolidays::new().with_year(2026).send(&client).await?.is_none());
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::Json;

use crate::setting::{Extra, Ref, SettingsOutcomes};
use crate::{declared, ApiOperation};

/// One holiday: a day business hours (or a shift's) skip.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Holiday {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The day, `2025-12-25`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `business_holiday` (the organisation's) or `shift_holiday` (a shift's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// Its year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i64>,
    /// The shift it belongs to, for a shift holiday.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift_hour: Option<Ref>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Holiday {
    /// A holiday named `name` on `date`, of this type.
    pub fn new(
        name: impl Into<String>,
        date: impl Into<String>,
        r#type: impl Into<String>,
    ) -> Self {
        Holiday {
            name: Some(name.into()),
            date: Some(date.into()),
            r#type: Some(r#type.into()),
            ..Default::default()
        }
    }

    /// With `id` set.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// With `name` set.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// With `date` set.
    pub fn with_date(mut self, date: impl Into<String>) -> Self {
        self.date = Some(date.into());
        self
    }

    /// With `type` set.
    pub fn with_type(mut self, r#type: impl Into<String>) -> Self {
        self.r#type = Some(r#type.into());
        self
    }

    /// With `year` set.
    pub fn with_year(mut self, year: i64) -> Self {
        self.year = Some(year);
        self
    }

    /// With `shift_hour` set.
    pub fn with_shift_hour(mut self, shift_hour: Ref) -> Self {
        self.shift_hour = Some(shift_hour);
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// The answer of the reads: `{"holidays": […]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Holidays {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub holidays: Vec<Holiday>,
}

/// Lists holidays, of a year, a type or a shift when asked.
#[zoho_endpoint(GET "/settings/holidays", scope = "ZohoCRM.settings.holidays.READ", response = Option<Holidays>)]
#[derive(Debug, Clone, Default)]
pub struct GetHolidays {
    /// Only this year's.
    #[zoho(query)]
    pub year: Option<u32>,
    /// Only `business_holiday`s or `shift_holiday`s.
    #[zoho(query = "type")]
    pub kind: Option<String>,
    /// Only this shift's.
    #[zoho(query)]
    pub shift_id: Option<String>,
    /// The organisation, for a user of several (`X-CRM-ORG`).
    #[zoho(header = "X-CRM-ORG")]
    pub org_id: Option<String>,
}

impl GetHolidays {
    /// The call, with its options left out.
    pub fn new() -> Self {
        GetHolidays {
            year: None,
            kind: None,
            shift_id: None,
            org_id: None,
        }
    }

    /// With `year` given.
    pub fn with_year(mut self, year: u32) -> Self {
        self.year = Some(year);
        self
    }

    /// With `kind` given.
    pub fn with_kind(mut self, kind: impl Into<String>) -> Self {
        self.kind = Some(kind.into());
        self
    }

    /// With `shift_id` given.
    pub fn with_shift_id(mut self, shift_id: impl Into<String>) -> Self {
        self.shift_id = Some(shift_id.into());
        self
    }

    /// With `org_id` given.
    pub fn with_org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }
}

/// Creates holidays.
#[zoho_endpoint(POST "/settings/holidays", scope = "ZohoCRM.settings.holidays.CREATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct CreateHolidays {
    /// The holidays.
    #[zoho(envelope)]
    pub holidays: Vec<Holiday>,
    /// The organisation, for a user of several (`X-CRM-ORG`).
    #[zoho(header = "X-CRM-ORG")]
    pub org_id: Option<String>,
}

impl CreateHolidays {
    /// Creates these holidays.
    pub fn new(holidays: Vec<Holiday>) -> Self {
        CreateHolidays {
            holidays,
            org_id: None,
        }
    }

    /// With `org_id` given.
    pub fn with_org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }
}

/// Updates holidays named by their `id`.
#[zoho_endpoint(PUT "/settings/holidays", scope = "ZohoCRM.settings.holidays.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateHolidays {
    /// The holidays.
    #[zoho(envelope)]
    pub holidays: Vec<Holiday>,
    /// The organisation, for a user of several (`X-CRM-ORG`).
    #[zoho(header = "X-CRM-ORG")]
    pub org_id: Option<String>,
}

impl UpdateHolidays {
    /// Updates these holidays.
    pub fn new(holidays: Vec<Holiday>) -> Self {
        UpdateHolidays {
            holidays,
            org_id: None,
        }
    }

    /// With `org_id` given.
    pub fn with_org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }
}

/// Updates one holiday.
#[zoho_endpoint(PUT "/settings/holidays/<holiday_id>", scope = "ZohoCRM.settings.holidays.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateHoliday {
    /// Its id.
    pub holiday_id: String,
    /// What changes, as one holiday.
    #[zoho(envelope)]
    pub holidays: Vec<Holiday>,
    /// The organisation, for a user of several (`X-CRM-ORG`).
    #[zoho(header = "X-CRM-ORG")]
    pub org_id: Option<String>,
}

impl UpdateHoliday {
    /// The call, with its options left out.
    pub fn new(holiday_id: impl Into<String>, holidays: Vec<Holiday>) -> Self {
        UpdateHoliday {
            holiday_id: holiday_id.into(),
            holidays,
            org_id: None,
        }
    }

    /// With `org_id` given.
    pub fn with_org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }
}

/// Reads one holiday.
#[zoho_endpoint(GET "/settings/holidays/<holiday_id>", scope = "ZohoCRM.settings.holidays.READ", response = Option<Holidays>)]
#[derive(Debug, Clone)]
pub struct GetHoliday {
    /// Its id.
    pub holiday_id: String,
    /// The organisation, for a user of several (`X-CRM-ORG`).
    #[zoho(header = "X-CRM-ORG")]
    pub org_id: Option<String>,
}

impl GetHoliday {
    /// The call, with its options left out.
    pub fn new(holiday_id: impl Into<String>) -> Self {
        GetHoliday {
            holiday_id: holiday_id.into(),
            org_id: None,
        }
    }

    /// With `org_id` given.
    pub fn with_org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }
}

/// Deletes one holiday.
#[zoho_endpoint(DELETE "/settings/holidays/<holiday_id>", scope = "ZohoCRM.settings.holidays.DELETE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct DeleteHoliday {
    /// Its id.
    pub holiday_id: String,
    /// The organisation, for a user of several (`X-CRM-ORG`).
    #[zoho(header = "X-CRM-ORG")]
    pub org_id: Option<String>,
}

impl DeleteHoliday {
    /// The call, with its options left out.
    pub fn new(holiday_id: impl Into<String>) -> Self {
        DeleteHoliday {
            holiday_id: holiday_id.into(),
            org_id: None,
        }
    }

    /// With `org_id` given.
    pub fn with_org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetHolidays,
    CreateHolidays,
    UpdateHolidays,
    UpdateHoliday,
    GetHoliday,
    DeleteHoliday
];
