//! The organisation's users: list, count, add, change and delete them, the groups each belongs
//! to, and moving a user's records to another before deleting them (`/users`,
//! `/users/actions/transfer_and_delete`).
//!
//! ```
//! use zoho_crm_api::users::{CreateUsers, GetUser, GetUsers, NewUser};
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
//! let users = GetUsers::all().send(&client).await?.unwrap_or_default();
//! let admin = users.users.iter().find(|u| u.email.as_deref() == Some("patricia.boyle@zylker.com")).unwrap();
//! let role = admin.role.clone().unwrap().id;
//! let profile = admin.profile.clone().unwrap().id;
//!
//! let added = CreateUsers::one(NewUser::new("Shawn", "shawn@zylker.com", role, profile))
//!     .send(&client)
//!     .await?;
//! let id = added.ids()[0].clone().unwrap();
//! let shawn = GetUser::of(id).send(&client).await?.unwrap_or_default();
//! assert_eq!(shawn.users[0].last_name.as_deref(), Some("Shawn"));
//! # Ok(())
//! # }
//! ```
//!
//! Zoho adds one user per `POST`. [`GetAssociatedGroups`] is listed by Zoho both here and
//! among the user groups; it is declared once, here.

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, PageInfo, RecordId};

use crate::written::{count, Ref, Written};
use crate::{declared, ApiOperation};

/// Lists users; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/users", scope = "ZohoCRM.users.READ", response = Option<Users>)]
#[derive(Default)]
pub struct GetUsers {
    /// Which users: `AllUsers`, `ActiveUsers`, `DeactiveUsers`, `ConfirmedUsers`,
    /// `NotConfirmedUsers`, `DeletedUsers`, `AdminUsers`, `ActiveConfirmedUsers`, ….
    #[zoho(query = "type")]
    pub kind: Option<String>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Users per page, at most 200.
    #[zoho(query)]
    pub per_page: Option<u32>,
    /// Only these users.
    #[zoho(query)]
    pub ids: Option<Vec<RecordId>>,
    /// Only users changed since this time (ISO 8601); Zoho answers `304` when none was.
    #[zoho(header = "If-Modified-Since")]
    pub if_modified_since: Option<String>,
}

impl GetUsers {
    /// Every user, first page.
    pub fn all() -> Self {
        GetUsers::default()
    }

    /// Users of one type: `ActiveUsers`, `DeletedUsers`, ….
    pub fn of_type(kind: impl Into<String>) -> Self {
        GetUsers {
            kind: Some(kind.into()),
            ..GetUsers::default()
        }
    }

    /// Asks for page `page` of `per_page` users.
    pub fn with_page(mut self, page: u32, per_page: u32) -> Self {
        self.page = Some(page);
        self.per_page = Some(per_page);
        self
    }
}

/// Gets one user; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/users/<user>", scope = "ZohoCRM.users.READ", response = Option<Users>)]
pub struct GetUser {
    /// The user's id.
    pub user: RecordId,
    /// Answered `304` unless the user changed since this time (ISO 8601).
    #[zoho(header = "If-Modified-Since")]
    pub if_modified_since: Option<String>,
}

impl GetUser {
    /// The user `user`.
    pub fn of(user: impl Into<RecordId>) -> Self {
        GetUser {
            user: user.into(),
            if_modified_since: None,
        }
    }
}

/// Adds a user (Zoho takes one per call) and sends them an invitation.
#[zoho_endpoint(POST "/users", scope = "ZohoCRM.users.CREATE", response = Written)]
pub struct CreateUsers {
    /// The user to add.
    #[zoho(envelope)]
    pub users: Vec<NewUser>,
}

impl CreateUsers {
    /// Adds `user`.
    pub fn one(user: NewUser) -> Self {
        CreateUsers { users: vec![user] }
    }
}

/// Changes several users, each named by its `id`.
#[zoho_endpoint(PUT "/users", scope = "ZohoCRM.users.UPDATE", response = Written)]
pub struct UpdateUsers {
    /// The changes, each with the user's id.
    #[zoho(envelope)]
    pub users: Vec<UserChange>,
}

/// Changes one user.
#[zoho_endpoint(PUT "/users/<user>", scope = "ZohoCRM.users.UPDATE", response = Written)]
pub struct UpdateUser {
    /// The user's id.
    pub user: RecordId,
    /// The change (one item; its `id` may be left out).
    #[zoho(envelope)]
    pub users: Vec<UserChange>,
}

impl UpdateUser {
    /// Applies `change` to `user`.
    pub fn of(user: impl Into<RecordId>, change: UserChange) -> Self {
        UpdateUser {
            user: user.into(),
            users: vec![change],
        }
    }
}

/// Deletes a user; their records stay with them (see [`TransferAndDeleteUser`] to move them).
#[zoho_endpoint(DELETE "/users/<user>", scope = "ZohoCRM.users.DELETE", response = Written)]
pub struct DeleteUser {
    /// The user's id.
    pub user: RecordId,
}

/// The groups a user belongs to; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/users/<user>/actions/associated_groups", scope = "ZohoCRM.settings.user_groups.READ", response = Option<AssociatedGroups>)]
pub struct GetAssociatedGroups {
    /// The user's id.
    pub user: RecordId,
    /// Extra keys to include: `sources_count`.
    #[zoho(query)]
    pub include: Option<String>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Groups per page.
    #[zoho(query)]
    pub per_page: Option<u32>,
}

impl GetAssociatedGroups {
    /// The groups of `user`.
    pub fn of(user: impl Into<RecordId>) -> Self {
        GetAssociatedGroups {
            user: user.into(),
            include: None,
            page: None,
            per_page: None,
        }
    }
}

/// How many users of a type the organisation has.
#[zoho_endpoint(GET "/users/actions/count", scope = "ZohoCRM.users.READ", response = UsersCount)]
#[derive(Default)]
pub struct GetUsersCount {
    /// Which users, as [`GetUsers::kind`]; all when `None`.
    #[zoho(query = "type")]
    pub kind: Option<String>,
}

/// Moves users' records, assignment rules and criteria to other users and deletes them, as a
/// job whose id the answer's details carry (`jobId`).
#[zoho_endpoint(POST "/users/actions/transfer_and_delete", scope = "ZohoCRM.users.ALL", response = Written)]
pub struct TransferAndDeleteUsers {
    /// One transfer per user to delete.
    #[zoho(envelope)]
    pub transfer_and_delete: Vec<Transfer>,
}

/// Moves one user's records to another user and deletes them.
#[zoho_endpoint(POST "/users/<id>/actions/transfer_and_delete", scope = "ZohoCRM.users.ALL", response = Written)]
pub struct TransferAndDeleteUser {
    /// The user to delete.
    pub id: RecordId,
    /// The transfer (one item; its `id` may be left out).
    #[zoho(envelope)]
    pub transfer_and_delete: Vec<Transfer>,
}

impl TransferAndDeleteUser {
    /// Deletes `user` after giving everything they own to `to`.
    pub fn to(user: impl Into<RecordId>, to: impl Into<RecordId>) -> Self {
        let user = user.into();
        TransferAndDeleteUser {
            transfer_and_delete: vec![Transfer::new(user.clone(), to)],
            id: user,
        }
    }
}

/// The state of a transfer-and-delete job.
#[zoho_endpoint(GET "/users/actions/transfer_and_delete", scope = "ZohoCRM.users.READ", response = TransferStatus)]
pub struct GetTransferStatus {
    /// The job's id (`jobId` of the answer that started it).
    #[zoho(query)]
    pub job_id: RecordId,
}

/// A user to add.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct NewUser {
    /// First name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name (required).
    pub last_name: String,
    /// Email, which must be new to the organisation (required).
    pub email: String,
    /// The id of their role (required).
    pub role: RecordId,
    /// The id of their profile (required).
    pub profile: RecordId,
    /// Their locale: `en_US`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_locale: Option<String>,
    /// Their time zone: `Europe/Paris`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
}

impl NewUser {
    /// A user with the four keys Zoho requires.
    pub fn new(
        last_name: impl Into<String>,
        email: impl Into<String>,
        role: impl Into<RecordId>,
        profile: impl Into<RecordId>,
    ) -> Self {
        NewUser {
            first_name: None,
            last_name: last_name.into(),
            email: email.into(),
            role: role.into(),
            profile: profile.into(),
            country_locale: None,
            time_zone: None,
        }
    }

    /// With a first name.
    pub fn with_first_name(mut self, first_name: impl Into<String>) -> Self {
        self.first_name = Some(first_name.into());
        self
    }
}

/// Changes to a user: only the keys set are sent.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct UserChange {
    /// The user's id (required in [`UpdateUsers`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// First name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// A new role's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<RecordId>,
    /// A new profile's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<RecordId>,
    /// Phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Time zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// `active` or `disabled`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

impl UserChange {
    /// A change of the user `id`, nothing set yet.
    pub fn of(id: impl Into<RecordId>) -> Self {
        UserChange {
            id: Some(id.into()),
            ..UserChange::default()
        }
    }
}

/// One transfer: who is deleted, who takes their records, who takes their subordinates.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Transfer {
    /// The user to delete.
    pub id: RecordId,
    /// Who takes what.
    pub transfer: TransferTo,
    /// Who the deleted user's subordinates report to from now on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub move_subordinate: Option<IdOnly>,
}

impl Transfer {
    /// Gives all of `user`'s records, assignment rules and criteria to `to`.
    pub fn new(user: impl Into<RecordId>, to: impl Into<RecordId>) -> Self {
        Transfer {
            id: user.into(),
            transfer: TransferTo {
                id: to.into(),
                records: true,
                assignment: true,
                criteria: true,
            },
            move_subordinate: None,
        }
    }
}

/// The user who takes a deleted user's things, and which things.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct TransferTo {
    /// The user who takes them.
    pub id: RecordId,
    /// The records they own.
    pub records: bool,
    /// Their assignment rules.
    pub assignment: bool,
    /// The criteria naming them.
    pub criteria: bool,
}

/// `{"id": …}`.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct IdOnly {
    /// The id.
    pub id: RecordId,
}

/// The answer of [`GetUsers`] and [`GetUser`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Users {
    /// The users of this page.
    #[serde(default)]
    pub users: Vec<User>,
    /// How far the listing has got.
    #[serde(default)]
    pub info: PageInfo,
}

/// A user, as Zoho describes one.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct User {
    /// Their id.
    pub id: RecordId,
    /// First name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// First and last name.
    #[serde(default)]
    pub full_name: Option<String>,
    /// Email.
    #[serde(default)]
    pub email: Option<String>,
    /// Their role.
    #[serde(default)]
    pub role: Option<Ref>,
    /// Their profile.
    #[serde(default)]
    pub profile: Option<Ref>,
    /// `active`, `disabled` or `deleted`.
    #[serde(default)]
    pub status: Option<String>,
    /// Whether they accepted the invitation.
    #[serde(default)]
    pub confirm: Option<bool>,
    /// Time zone.
    #[serde(default)]
    pub time_zone: Option<String>,
    /// Phone.
    #[serde(default)]
    pub phone: Option<String>,
    /// The territories they belong to.
    #[serde(default)]
    pub territories: Vec<Ref>,
}

/// The answer of [`GetAssociatedGroups`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct AssociatedGroups {
    /// The user's groups.
    #[serde(default)]
    pub user_groups: Vec<Ref>,
    /// How far the listing has got.
    #[serde(default)]
    pub info: PageInfo,
}

/// The answer of [`GetUsersCount`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct UsersCount {
    /// How many users.
    #[serde(deserialize_with = "count")]
    pub count: u64,
}

/// The answer of [`GetTransferStatus`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct TransferStatus {
    /// One entry for the job.
    #[serde(default)]
    pub transfer_and_delete: Vec<JobState>,
}

/// A job's state.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct JobState {
    /// `completed`, `in_progress`, `scheduled` or `failed`.
    #[serde(default)]
    pub status: String,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetUsers,
    GetUser,
    CreateUsers,
    UpdateUsers,
    UpdateUser,
    DeleteUser,
    GetAssociatedGroups,
    GetUsersCount,
    TransferAndDeleteUsers,
    TransferAndDeleteUser,
    GetTransferStatus,
];
