//! When users are away: holidays and leave, stored per user
//! (`/settings/users_unavailability`).
//!
//! ```
//! use zoho_crm_api::unavailability::{Away, CreateUnavailability, GetUnavailabilities};
//! use zoho_crm_api::users::GetUsers;
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
//! let user = GetUsers::all().send(&client).await?.unwrap_or_default().users[1].id.clone();
//!
//! let away = Away::new(user.clone(), "2026-12-24T09:00:00+00:00", "2026-12-26T18:00:00+00:00");
//! CreateUnavailability::one(away).send(&client).await?;
//! let listed = GetUnavailabilities::default().send(&client).await?.unwrap_or_default();
//! assert!(listed.users_unavailability.iter().any(|u| u.user.id == user));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, PageInfo, RecordId};

use crate::written::{Ref, Written};
use crate::{declared, ApiOperation};

/// Lists the times users are away; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/settings/users_unavailability", scope = "ZohoCRM.settings.users_unavailability.READ", response = Option<Unavailabilities>)]
#[derive(Default)]
pub struct GetUnavailabilities {
    /// Whether the answer details each entry further.
    #[zoho(query)]
    pub include_inner_details: Option<String>,
    /// Only users of these groups.
    #[zoho(query)]
    pub group_ids: Option<Vec<RecordId>>,
    /// Only users of these roles.
    #[zoho(query)]
    pub role_ids: Option<Vec<RecordId>>,
    /// Only users of these territories.
    #[zoho(query)]
    pub territory_ids: Option<Vec<RecordId>>,
    /// A criteria filter, as Zoho's JSON criteria (`from`, `to`, `user`).
    #[zoho(query)]
    pub filters: Option<String>,
}

/// Gets one entry; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/settings/users_unavailability/<id>", scope = "ZohoCRM.settings.users_unavailability.READ", response = Option<Unavailabilities>)]
pub struct GetUnavailability {
    /// The entry's id.
    pub id: RecordId,
    /// Whether the answer details the entry further.
    #[zoho(query)]
    pub include_inner_details: Option<String>,
    /// A criteria filter.
    #[zoho(query)]
    pub filters: Option<String>,
}

/// Records times users are away.
#[zoho_endpoint(POST "/settings/users_unavailability", scope = "ZohoCRM.settings.users_unavailability.CREATE", response = Written)]
pub struct CreateUnavailability {
    /// The entries.
    #[zoho(envelope)]
    pub users_unavailability: Vec<Away>,
}

impl CreateUnavailability {
    /// Records `away`.
    pub fn one(away: Away) -> Self {
        CreateUnavailability {
            users_unavailability: vec![away],
        }
    }
}

/// Changes several entries, each named by its `id`.
#[zoho_endpoint(PUT "/settings/users_unavailability", scope = "ZohoCRM.settings.users_unavailability.UPDATE", response = Written)]
pub struct UpdateUnavailabilities {
    /// The changes.
    #[zoho(envelope)]
    pub users_unavailability: Vec<AwayChange>,
}

/// Changes one entry.
#[zoho_endpoint(PUT "/settings/users_unavailability/<id>", scope = "ZohoCRM.settings.users_unavailability.UPDATE", response = Written)]
pub struct UpdateUnavailability {
    /// The entry's id.
    pub id: RecordId,
    /// The change (one item).
    #[zoho(envelope)]
    pub users_unavailability: Vec<AwayChange>,
}

/// Deletes one entry.
#[zoho_endpoint(DELETE "/settings/users_unavailability/<id>", scope = "ZohoCRM.settings.users_unavailability.DELETE", response = Written)]
pub struct DeleteUnavailability {
    /// The entry's id.
    pub id: RecordId,
}

/// A time a user is away.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Away {
    /// The user.
    pub user: IdOnly,
    /// When it starts (ISO 8601).
    pub from: String,
    /// When it ends (ISO 8601), after `from`.
    pub to: String,
    /// Whether it takes whole days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_day: Option<bool>,
    /// Why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comments: Option<String>,
}

impl Away {
    /// `user` away from `from` to `to`.
    pub fn new(user: impl Into<RecordId>, from: impl Into<String>, to: impl Into<String>) -> Self {
        Away {
            user: IdOnly { id: user.into() },
            from: from.into(),
            to: to.into(),
            all_day: None,
            comments: None,
        }
    }
}

/// Changes to an entry: only the keys set are sent.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct AwayChange {
    /// Its id (required in [`UpdateUnavailabilities`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// A new start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// A new end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Whether it takes whole days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_day: Option<bool>,
    /// Why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comments: Option<String>,
}

impl AwayChange {
    /// A change of entry `id`, nothing set yet.
    pub fn of(id: impl Into<RecordId>) -> Self {
        AwayChange {
            id: Some(id.into()),
            ..AwayChange::default()
        }
    }
}

/// `{"id": …}`.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct IdOnly {
    /// The id.
    pub id: RecordId,
}

/// The answer of [`GetUnavailabilities`] and [`GetUnavailability`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Unavailabilities {
    /// The entries.
    #[serde(default)]
    pub users_unavailability: Vec<Unavailability>,
    /// How far the listing has got.
    #[serde(default)]
    pub info: PageInfo,
}

/// A time a user is away.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Unavailability {
    /// Its id.
    pub id: RecordId,
    /// The user.
    pub user: Ref,
    /// When it starts.
    pub from: String,
    /// When it ends.
    pub to: String,
    /// Whether it takes whole days.
    #[serde(default)]
    pub all_day: bool,
    /// Why.
    #[serde(default)]
    pub comments: Option<String>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetUnavailabilities,
    GetUnavailability,
    CreateUnavailability,
    UpdateUnavailabilities,
    UpdateUnavailability,
    DeleteUnavailability,
];
