//! The users of a client portal, by user type
//! (`/settings/portals/{portal}/user_type/{type}/users`): list them, move them to another
//! user type, turn them on and off, remove them.
//!
//! ```
//! use zoho_crm_api::portal_users::{ChangePortalUserStatus, GetUserTypeUsers};
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
//! let list = GetUserTypeUsers::of("zylkerportal", "738964000000300001");
//! let users = list.send(&client).await?.unwrap_or_default();
//! let first = users.users[0].personality_id.clone();
//! ChangePortalUserStatus::of("zylkerportal", "738964000000300001", first.clone(), false)
//!     .send(&client)
//!     .await?;
//! let users = list.send(&client).await?.unwrap_or_default();
//! assert!(!users.users.iter().find(|u| u.personality_id == first).unwrap().active);
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::Deserialize;
use zoho_runtime::{zoho_endpoint, PageInfo, RecordId};

use crate::written::Written;
use crate::{declared, ApiOperation};

/// The users of one user type of a portal; `None` when it has none.
#[zoho_endpoint(GET "/settings/portals/<portal_name>/user_type/<user_type_id>/users", scope = "ZohoCRM.settings.clientportal.READ", response = Option<PortalUsers>)]
pub struct GetUserTypeUsers {
    /// The portal's name.
    pub portal_name: String,
    /// The user type's id.
    pub user_type_id: RecordId,
    /// A criteria filter.
    #[zoho(query)]
    pub filters: Option<String>,
    /// `active` or `inactive` users only.
    #[zoho(query = "type")]
    pub kind: Option<String>,
}

impl GetUserTypeUsers {
    /// Every user of `user_type_id` in `portal_name`.
    pub fn of(portal_name: impl Into<String>, user_type_id: impl Into<RecordId>) -> Self {
        GetUserTypeUsers {
            portal_name: portal_name.into(),
            user_type_id: user_type_id.into(),
            filters: None,
            kind: None,
        }
    }
}

/// Removes users from a portal.
#[zoho_endpoint(DELETE "/settings/portals/<portal_name>/user_type/<user_type_id>/users", scope = "ZohoCRM.settings.clientportal.DELETE", response = Written)]
pub struct DeletePortalUsers {
    /// The portal's name.
    pub portal_name: String,
    /// The user type's id.
    pub user_type_id: RecordId,
    /// The users' personality ids.
    #[zoho(query)]
    pub personality_ids: Vec<RecordId>,
}

/// Moves users to another user type of the same portal.
#[zoho_endpoint(POST "/settings/portals/<portal_name>/user_type/<user_type_id>/users/action/transfer", scope = "ZohoCRM.settings.clientportal.UPDATE", response = Written)]
pub struct TransferPortalUsers {
    /// The portal's name.
    pub portal_name: String,
    /// The user type they leave.
    pub user_type_id: RecordId,
    /// The users' personality ids.
    #[zoho(query)]
    pub personality_ids: Vec<RecordId>,
    /// The user type they join.
    #[zoho(query = "transfer_To")]
    pub transfer_to: RecordId,
}

/// Turns a portal user on or off.
#[zoho_endpoint(PUT "/settings/portals/<portal_name>/user_type/<user_type_id>/users/<user_id>/actions/change_status", scope = "ZohoCRM.settings.clientportal.UPDATE", response = Written)]
pub struct ChangePortalUserStatus {
    /// The portal's name.
    pub portal_name: String,
    /// The user type's id.
    pub user_type_id: RecordId,
    /// The user's personality id.
    pub user_id: RecordId,
    /// Whether they may sign in.
    #[zoho(query)]
    pub active: bool,
}

impl ChangePortalUserStatus {
    /// Sets `user_id` of `user_type_id` in `portal_name` `active` or not.
    pub fn of(
        portal_name: impl Into<String>,
        user_type_id: impl Into<RecordId>,
        user_id: impl Into<RecordId>,
        active: bool,
    ) -> Self {
        ChangePortalUserStatus {
            portal_name: portal_name.into(),
            user_type_id: user_type_id.into(),
            user_id: user_id.into(),
            active,
        }
    }
}

/// The answer of [`GetUserTypeUsers`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct PortalUsers {
    /// The users.
    #[serde(default)]
    pub users: Vec<PortalUser>,
    /// How far the listing has got.
    #[serde(default)]
    pub info: PageInfo,
}

/// A portal user: a contact given access to the portal.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct PortalUser {
    /// Their id in the portal.
    pub personality_id: RecordId,
    /// Their name.
    #[serde(default, alias = "Full_Name")]
    pub name: Option<String>,
    /// Their email.
    #[serde(default, alias = "Email")]
    pub email: Option<String>,
    /// Whether they may sign in.
    #[serde(default)]
    pub active: bool,
    /// Whether they accepted the invitation.
    #[serde(default)]
    pub confirm: bool,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetUserTypeUsers,
    DeletePortalUsers,
    TransferPortalUsers,
    ChangePortalUserStatus,
];
