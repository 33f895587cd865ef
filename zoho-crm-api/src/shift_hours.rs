//! Shift hours: working hours some users keep instead of the organisation's business hours
//! (`settings/business_hours/shift_hours`).
//!
//! ```
//! use zoho_crm_api::setting::Ref;
//! use zoho_crm_api::shift_hours::{CreateShiftHours, GetShiftHour, ShiftHour};
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
//! let early = ShiftHour::new("Early", Ref::id("Europe/London"), vec!["Monday".to_owned()])
//!     .with_daily_timing(vec!["06:00".to_owned(), "14:00".to_owned()]);
//! let created = CreateShiftHours::new(vec![early]).send(&client).await?;
//! let id = created[0].as_ref().unwrap().details.str("id").unwrap().to_owned();
//! let shift = GetShiftHour::new(&id).send(&client).await?.unwrap().shift_hours.remove(0);
//! assert_eq!(shift.users_count, Some(0));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::Json;

use crate::setting::{Extra, Ref, SettingsOutcomes};
use crate::{declared, ApiOperation};

/// One shift: working hours some users keep instead of the business hours.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ShiftHour {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its time zone, by id: `Asia/Kolkata`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<Ref>,
    /// Its working days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift_days: Option<Vec<String>>,
    /// Whether every day has the same hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as_everyday: Option<bool>,
    /// The hours of every day, when they are the same.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_timing: Option<Vec<String>>,
    /// The hours of each day, when they differ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_timing: Option<Vec<Json>>,
    /// Its breaks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub break_hours: Option<Vec<Json>>,
    /// The users on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users: Option<Vec<Ref>>,
    /// How many users are on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users_count: Option<i64>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ShiftHour {
    /// A shift named `name` in `timezone` on these days.
    pub fn new(name: impl Into<String>, timezone: Ref, shift_days: Vec<String>) -> Self {
        ShiftHour {
            name: Some(name.into()),
            timezone: Some(timezone),
            shift_days: Some(shift_days),
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

    /// With `timezone` set.
    pub fn with_timezone(mut self, timezone: Ref) -> Self {
        self.timezone = Some(timezone);
        self
    }

    /// With `shift_days` set.
    pub fn with_shift_days(mut self, shift_days: Vec<String>) -> Self {
        self.shift_days = Some(shift_days);
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

    /// With `break_hours` set.
    pub fn with_break_hours(mut self, break_hours: Vec<Json>) -> Self {
        self.break_hours = Some(break_hours);
        self
    }

    /// With `users` set.
    pub fn with_users(mut self, users: Vec<Ref>) -> Self {
        self.users = Some(users);
        self
    }

    /// With `users_count` set.
    pub fn with_users_count(mut self, users_count: i64) -> Self {
        self.users_count = Some(users_count);
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// The answer of the reads: `{"shift_hours": […]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ShiftHours {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub shift_hours: Vec<ShiftHour>,
}

/// Lists the shifts.
#[zoho_endpoint(GET "/settings/business_hours/shift_hours", scope = "ZohoCRM.settings.shift_hours.READ", response = Option<ShiftHours>)]
#[derive(Debug, Clone, Default)]
pub struct GetShiftHours {
    /// The organisation, for a user of several (`X-CRM-ORG`).
    #[zoho(header = "X-CRM-ORG")]
    pub org_id: Option<String>,
}

impl GetShiftHours {
    /// The call, with its options left out.
    pub fn new() -> Self {
        GetShiftHours { org_id: None }
    }

    /// With `org_id` given.
    pub fn with_org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }
}

/// Creates shifts.
#[zoho_endpoint(POST "/settings/business_hours/shift_hours", scope = "ZohoCRM.settings.shift_hours.CREATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct CreateShiftHours {
    /// The shifts.
    #[zoho(envelope)]
    pub shift_hours: Vec<ShiftHour>,
    /// The organisation, for a user of several (`X-CRM-ORG`).
    #[zoho(header = "X-CRM-ORG")]
    pub org_id: Option<String>,
}

impl CreateShiftHours {
    /// Creates these shifts.
    pub fn new(shift_hours: Vec<ShiftHour>) -> Self {
        CreateShiftHours {
            shift_hours,
            org_id: None,
        }
    }

    /// With `org_id` given.
    pub fn with_org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }
}

/// Updates shifts named by their `id`.
#[zoho_endpoint(PUT "/settings/business_hours/shift_hours", scope = "ZohoCRM.settings.shift_hours.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateShiftHours {
    /// The shifts.
    #[zoho(envelope)]
    pub shift_hours: Vec<ShiftHour>,
    /// The organisation, for a user of several (`X-CRM-ORG`).
    #[zoho(header = "X-CRM-ORG")]
    pub org_id: Option<String>,
}

impl UpdateShiftHours {
    /// Updates these shifts.
    pub fn new(shift_hours: Vec<ShiftHour>) -> Self {
        UpdateShiftHours {
            shift_hours,
            org_id: None,
        }
    }

    /// With `org_id` given.
    pub fn with_org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }
}

/// Reads one shift.
#[zoho_endpoint(GET "/settings/business_hours/shift_hours/<shift_id>", scope = "ZohoCRM.settings.shift_hours.READ", response = Option<ShiftHours>)]
#[derive(Debug, Clone)]
pub struct GetShiftHour {
    /// Its id.
    pub shift_id: String,
    /// The organisation, for a user of several (`X-CRM-ORG`).
    #[zoho(header = "X-CRM-ORG")]
    pub org_id: Option<String>,
}

impl GetShiftHour {
    /// The call, with its options left out.
    pub fn new(shift_id: impl Into<String>) -> Self {
        GetShiftHour {
            shift_id: shift_id.into(),
            org_id: None,
        }
    }

    /// With `org_id` given.
    pub fn with_org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }
}

/// Updates one shift.
#[zoho_endpoint(PUT "/settings/business_hours/shift_hours/<shift_id>", scope = "ZohoCRM.settings.shift_hours.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateShiftHour {
    /// Its id.
    pub shift_id: String,
    /// What changes, as one shift.
    #[zoho(envelope)]
    pub shift_hours: Vec<ShiftHour>,
    /// The organisation, for a user of several (`X-CRM-ORG`).
    #[zoho(header = "X-CRM-ORG")]
    pub org_id: Option<String>,
}

impl UpdateShiftHour {
    /// The call, with its options left out.
    pub fn new(shift_id: impl Into<String>, shift_hours: Vec<ShiftHour>) -> Self {
        UpdateShiftHour {
            shift_id: shift_id.into(),
            shift_hours,
            org_id: None,
        }
    }

    /// With `org_id` given.
    pub fn with_org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }
}

/// Deletes one shift.
#[zoho_endpoint(DELETE "/settings/business_hours/shift_hours/<shift_id>", scope = "ZohoCRM.settings.shift_hours.DELETE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct DeleteShiftHour {
    /// Its id.
    pub shift_id: String,
    /// The organisation, for a user of several (`X-CRM-ORG`).
    #[zoho(header = "X-CRM-ORG")]
    pub org_id: Option<String>,
}

impl DeleteShiftHour {
    /// The call, with its options left out.
    pub fn new(shift_id: impl Into<String>) -> Self {
        DeleteShiftHour {
            shift_id: shift_id.into(),
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
    GetShiftHours,
    CreateShiftHours,
    UpdateShiftHours,
    GetShiftHour,
    UpdateShiftHour,
    DeleteShiftHour
];
