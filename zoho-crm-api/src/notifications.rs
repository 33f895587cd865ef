//! Notifications: channels (`actions/watch`) that have Zoho POST a notice to a URL of yours
//! whenever records of a module are created, edited or deleted. A channel names its events
//! (`Leads.create`, `Deals.all`), the `notify_url`, a `token` echoed in each notice, and when it
//! expires (at most a day ahead).
//!
//! ```
//! use zoho_crm_api::notifications::{EnableNotifications, GetNotifications, WatchInput};
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
//! let watch = WatchInput::new("1000000068001", ["Leads.all"], "http://127.0.0.1:9/hook");
//! EnableNotifications::of([watch]).send(&client).await?;
//! let channels = GetNotifications::default().send(&client).await?.unwrap();
//! assert_eq!(channels.watch[0].events, ["Leads.all"]);
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, Json, PageInfo};

use crate::actions::Ack;
use crate::{declared, ApiOperation};

/// The organisation's channels; `None` when it has none.
#[zoho_endpoint(GET "/actions/watch", scope = "ZohoCRM.notifications.READ",
                response = Option<Watches>)]
#[derive(Debug, Clone, Default)]
pub struct GetNotifications {
    /// Only this channel.
    #[zoho(query)]
    pub channel_id: Option<String>,
    /// Only the channels watching this module.
    #[zoho(query)]
    pub module: Option<String>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Channels per page.
    #[zoho(query)]
    pub per_page: Option<u32>,
}

/// The answer of [`GetNotifications`].
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Watches {
    /// The channels.
    #[serde(default)]
    pub watch: Vec<Watch>,
    /// Paging.
    #[serde(default)]
    pub info: Option<PageInfo>,
}

/// A channel as Zoho keeps it.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Watch {
    /// The channel's id (Zoho gives it as a number or as text).
    pub channel_id: Json,
    /// Its events: `Leads.create`, `Leads.edit`, `Leads.delete`, `Leads.all`.
    #[serde(default)]
    pub events: Vec<String>,
    /// Where notices go.
    #[serde(default)]
    pub notify_url: Option<String>,
    /// The token each notice carries.
    #[serde(default)]
    pub token: Option<String>,
    /// When the channel stops.
    #[serde(default)]
    pub channel_expiry: Option<String>,
    /// The module watched.
    #[serde(default)]
    pub resource_name: Option<String>,
}

/// A channel to register, change or disable.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct WatchInput {
    /// The channel's id, chosen by you.
    pub channel_id: String,
    /// Its events: `Leads.create`, `Leads.edit`, `Leads.delete`, `Leads.all`.
    pub events: Vec<String>,
    /// Where notices go.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notify_url: Option<String>,
    /// A token each notice carries, to tell them from forged ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// When the channel stops (at most a day ahead), `2026-12-02T10:00:00+05:30`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_expiry: Option<String>,
    /// Whether notices list the fields each edit changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_affected_field_values: Option<bool>,
    /// Whether a change to a related record notifies too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notify_on_related_action: Option<bool>,
    /// With a disable: removes these events from the channel.
    #[serde(rename = "_delete_events", skip_serializing_if = "Option::is_none")]
    pub delete_events: Option<bool>,
}

impl WatchInput {
    /// The channel `channel_id` sending `events` to `notify_url`.
    pub fn new<E: Into<String>>(
        channel_id: impl Into<String>,
        events: impl IntoIterator<Item = E>,
        notify_url: impl Into<String>,
    ) -> Self {
        WatchInput {
            notify_url: Some(notify_url.into()),
            ..Self::events(channel_id, events)
        }
    }

    /// `events` of the channel `channel_id`, for a disable.
    pub fn events<E: Into<String>>(
        channel_id: impl Into<String>,
        events: impl IntoIterator<Item = E>,
    ) -> Self {
        WatchInput {
            channel_id: channel_id.into(),
            events: events.into_iter().map(Into::into).collect(),
            notify_url: None,
            token: None,
            channel_expiry: None,
            return_affected_field_values: None,
            notify_on_related_action: None,
            delete_events: None,
        }
    }

    /// The token notices carry.
    pub fn with_token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }
}

/// The answer of a register, change or disable: one acknowledgement per channel.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct WatchOutcomes {
    /// Each channel's.
    #[serde(default)]
    pub watch: Vec<Ack>,
}

/// Registers channels.
#[zoho_endpoint(POST "/actions/watch", scope = "ZohoCRM.notifications.CREATE",
                response = WatchOutcomes)]
pub struct EnableNotifications {
    /// The channels.
    #[zoho(envelope)]
    pub watch: Vec<WatchInput>,
}

impl EnableNotifications {
    /// Registers `channels`.
    pub fn of(channels: impl IntoIterator<Item = WatchInput>) -> Self {
        EnableNotifications {
            watch: channels.into_iter().collect(),
        }
    }
}

/// Changes channels: their events, URL, token or expiry, as given.
#[zoho_endpoint(PUT "/actions/watch", scope = "ZohoCRM.notifications.UPDATE",
                response = WatchOutcomes)]
pub struct UpdateNotifications {
    /// The channels, as they are to be.
    #[zoho(envelope)]
    pub watch: Vec<WatchInput>,
}

/// Disables events of channels (`_delete_events`), keeping the channels.
#[zoho_endpoint(PATCH "/actions/watch", scope = "ZohoCRM.notifications.UPDATE",
                response = WatchOutcomes)]
pub struct DisableNotifications {
    /// The channels and the events to stop.
    #[zoho(envelope)]
    pub watch: Vec<WatchInput>,
}

impl DisableNotifications {
    /// Stops `events` of the channel `channel_id`.
    pub fn events<E: Into<String>>(
        channel_id: impl Into<String>,
        events: impl IntoIterator<Item = E>,
    ) -> Self {
        let mut input = WatchInput::events(channel_id, events);
        input.delete_events = Some(true);
        DisableNotifications { watch: vec![input] }
    }
}

/// Removes channels.
#[zoho_endpoint(DELETE "/actions/watch", scope = "ZohoCRM.notifications.DELETE",
                response = WatchOutcomes)]
pub struct DeleteNotifications {
    /// The channels.
    #[zoho(query)]
    pub channel_ids: Vec<String>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetNotifications,
    EnableNotifications,
    UpdateNotifications,
    DisableNotifications,
    DeleteNotifications
];
