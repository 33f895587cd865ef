//! Territories, the groups of users that share records by region or market
//! (`/settings/territories`), their users (`/settings/territories/{id}/users`) and each
//! user's territories (`/users/{id}/territories`).
//!
//! ```
//! use zoho_crm_api::territories::{AddTerritoryUsers, CreateTerritories, GetTerritories, GetUserTerritories, NewTerritory};
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
//! let top = GetTerritories::all().send(&client).await?.unwrap_or_default();
//! let parent = top.territories[0].id.clone();
//! let user = GetUsers::all().send(&client).await?.unwrap_or_default().users[1].id.clone();
//!
//! let added = CreateTerritories::one(NewTerritory::new("Nordics", parent, user.clone()))
//!     .send(&client)
//!     .await?;
//! let nordics = added.ids()[0].clone().unwrap();
//! AddTerritoryUsers::of(nordics.clone(), [user.clone()]).send(&client).await?;
//! let theirs = GetUserTerritories::of(user).send(&client).await?.unwrap_or_default();
//! assert!(theirs.territories.iter().any(|t| t.id == nordics));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, PageInfo, RecordId};

use crate::written::{count, Ref, Written};
use crate::{declared, ApiOperation};

/// Lists territories; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/settings/territories", scope = "ZohoCRM.settings.territories.READ", response = Option<Territories>)]
#[derive(Default)]
pub struct GetTerritories {
    /// A criteria filter, as Zoho's JSON criteria.
    #[zoho(query)]
    pub filters: Option<String>,
    /// Extra keys to include.
    #[zoho(query)]
    pub include: Option<String>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Territories per page.
    #[zoho(query)]
    pub per_page: Option<u32>,
    /// Only these territories.
    #[zoho(query)]
    pub ids: Option<Vec<RecordId>>,
}

impl GetTerritories {
    /// Every territory, first page.
    pub fn all() -> Self {
        GetTerritories::default()
    }
}

/// Gets one territory; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/settings/territories/<id>", scope = "ZohoCRM.settings.territories.READ", response = Option<Territories>)]
pub struct GetTerritory {
    /// The territory's id.
    pub id: RecordId,
}

/// The territories directly under one; `None` when it has none.
#[zoho_endpoint(GET "/settings/territories/<id>/__child_territories", scope = "ZohoCRM.settings.territories.READ", response = Option<Territories>)]
pub struct GetChildTerritories {
    /// The parent territory's id.
    pub id: RecordId,
    /// A criteria filter.
    #[zoho(query)]
    pub filters: Option<String>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Territories per page.
    #[zoho(query)]
    pub per_page: Option<u32>,
}

/// Adds territories.
#[zoho_endpoint(POST "/settings/territories", scope = "ZohoCRM.settings.territories.CREATE", response = Written)]
pub struct CreateTerritories {
    /// The territories to add.
    #[zoho(envelope)]
    pub territories: Vec<NewTerritory>,
}

impl CreateTerritories {
    /// Adds `territory`.
    pub fn one(territory: NewTerritory) -> Self {
        CreateTerritories {
            territories: vec![territory],
        }
    }
}

/// Changes several territories, each named by its `id`.
#[zoho_endpoint(PUT "/settings/territories", scope = "ZohoCRM.settings.territories.UPDATE", response = Written)]
pub struct UpdateTerritories {
    /// The changes.
    #[zoho(envelope)]
    pub territories: Vec<TerritoryChange>,
}

/// Changes one territory.
#[zoho_endpoint(PUT "/settings/territories/<id>", scope = "ZohoCRM.settings.territories.UPDATE", response = Written)]
pub struct UpdateTerritory {
    /// The territory's id.
    pub id: RecordId,
    /// The change (one item).
    #[zoho(envelope)]
    pub territories: Vec<TerritoryChange>,
}

/// Deletes territories that have no child territories.
#[zoho_endpoint(DELETE "/settings/territories", scope = "ZohoCRM.settings.territories.DELETE", response = Written)]
pub struct DeleteTerritories {
    /// The territories.
    #[zoho(query)]
    pub ids: Vec<RecordId>,
    /// Whether their past forecasts go too.
    #[zoho(query)]
    pub delete_previous_forecasts: Option<bool>,
}

/// Deletes a territory that has no child territories.
#[zoho_endpoint(DELETE "/settings/territories/<id>", scope = "ZohoCRM.settings.territories.DELETE", response = Written)]
pub struct DeleteTerritory {
    /// The territory's id.
    pub id: RecordId,
    /// Whether its past forecasts go too.
    #[zoho(query)]
    pub delete_previous_forecasts: Option<bool>,
}

/// Deletes a territory after moving its child territories and users to another.
#[zoho_endpoint(POST "/settings/territories/<id>/actions/transfer_and_delete", scope = "ZohoCRM.settings.territories.DELETE", response = Written)]
pub struct TransferAndDeleteTerritory {
    /// The territory deleted.
    pub id: RecordId,
    /// Where its things go (one item).
    #[zoho(envelope)]
    pub territories: Vec<TerritoryTransfer>,
}

/// Deletes territories after moving their child territories and users to others.
#[zoho_endpoint(POST "/settings/territories/actions/transfer_and_delete", scope = "ZohoCRM.settings.territories.DELETE", response = Written)]
pub struct TransferAndDeleteTerritories {
    /// One transfer per territory deleted.
    #[zoho(envelope)]
    pub territories: Vec<TerritoryTransfer>,
}

/// How many users each territory has.
#[zoho_endpoint(GET "/settings/territories/actions/associated_users_count", scope = "ZohoCRM.settings.territories.READ", response = Option<AssociatedUsersCount>)]
pub struct GetAssociatedUsersCount {}

/// Deleted territories that users were still associated with.
#[zoho_endpoint(GET "/settings/territories/actions/deleted_associated_territories", scope = "ZohoCRM.settings.territories.READ", response = Option<DeletedTerritories>)]
pub struct GetDeletedAssociatedTerritories {
    /// Only these territories.
    #[zoho(query)]
    pub ids: Option<Vec<RecordId>>,
}

/// The users of a territory; `None` when it has none.
#[zoho_endpoint(GET "/settings/territories/<territory>/users", scope = "ZohoCRM.settings.territories.READ", response = Option<TerritoryUsers>)]
pub struct GetTerritoryUsers {
    /// The territory's id.
    pub territory: RecordId,
}

/// Adds users to a territory.
#[zoho_endpoint(PUT "/settings/territories/<territory>/users", scope = "ZohoCRM.settings.territories.UPDATE", response = Written)]
pub struct AddTerritoryUsers {
    /// The territory's id.
    pub territory: RecordId,
    /// The users, by id.
    #[zoho(envelope)]
    pub users: Vec<IdOnly>,
}

impl AddTerritoryUsers {
    /// Adds `users` to `territory`.
    pub fn of(
        territory: impl Into<RecordId>,
        users: impl IntoIterator<Item = impl Into<RecordId>>,
    ) -> Self {
        AddTerritoryUsers {
            territory: territory.into(),
            users: users
                .into_iter()
                .map(|id| IdOnly { id: id.into() })
                .collect(),
        }
    }
}

/// Removes users from a territory.
#[zoho_endpoint(DELETE "/settings/territories/<territory>/users", scope = "ZohoCRM.settings.territories.UPDATE", response = Written)]
pub struct RemoveTerritoryUsers {
    /// The territory's id.
    pub territory: RecordId,
    /// The users.
    #[zoho(query)]
    pub ids: Vec<RecordId>,
}

/// One user of a territory; `None` when the user is not in it.
#[zoho_endpoint(GET "/settings/territories/<territory>/users/<user>", scope = "ZohoCRM.settings.territories.READ", response = Option<TerritoryUsers>)]
pub struct GetTerritoryUser {
    /// The territory's id.
    pub territory: RecordId,
    /// The user's id.
    pub user: RecordId,
}

/// Adds one user to a territory.
#[zoho_endpoint(PUT "/settings/territories/<territory>/users/<user>", scope = "ZohoCRM.settings.territories.UPDATE", response = Written)]
pub struct AddTerritoryUser {
    /// The territory's id.
    pub territory: RecordId,
    /// The user's id.
    pub user: RecordId,
}

/// Removes one user from a territory.
#[zoho_endpoint(DELETE "/settings/territories/<territory>/users/<user>", scope = "ZohoCRM.settings.territories.UPDATE", response = Written)]
pub struct RemoveTerritoryUser {
    /// The territory's id.
    pub territory: RecordId,
    /// The user's id.
    pub user: RecordId,
}

/// The territories a user belongs to; `None` when they belong to none.
#[zoho_endpoint(GET "/users/<user>/territories", scope = "ZohoCRM.settings.territories.READ", response = Option<UserTerritories>)]
pub struct GetUserTerritories {
    /// The user's id.
    pub user: RecordId,
}

impl GetUserTerritories {
    /// The territories of `user`.
    pub fn of(user: impl Into<RecordId>) -> Self {
        GetUserTerritories { user: user.into() }
    }
}

/// One of a user's territories; `None` when they do not belong to it.
#[zoho_endpoint(GET "/users/<user>/territories/<territory>", scope = "ZohoCRM.settings.territories.READ", response = Option<UserTerritories>)]
pub struct GetUserTerritory {
    /// The user's id.
    pub user: RecordId,
    /// The territory's id.
    pub territory: RecordId,
}

/// Puts a user in territories.
#[zoho_endpoint(PUT "/users/<user>/territories", scope = "ZohoCRM.settings.territories.UPDATE", response = Written)]
pub struct AssociateUserTerritories {
    /// The user's id.
    pub user: RecordId,
    /// The territories, by id.
    #[zoho(envelope)]
    pub territories: Vec<IdOnly>,
}

/// Takes a user out of territories.
#[zoho_endpoint(DELETE "/users/<user>/territories", scope = "ZohoCRM.settings.territories.UPDATE", response = Written)]
pub struct RemoveUserTerritories {
    /// The user's id.
    pub user: RecordId,
    /// The territories.
    #[zoho(query)]
    pub ids: Vec<RecordId>,
}

/// Takes a user out of one territory.
#[zoho_endpoint(DELETE "/users/<user>/territories/<territory>", scope = "ZohoCRM.settings.territories.UPDATE", response = Written)]
pub struct RemoveUserTerritory {
    /// The user's id.
    pub user: RecordId,
    /// The territory's id.
    pub territory: RecordId,
}

/// A territory to add.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct NewTerritory {
    /// Its name, unique in the organisation.
    pub name: String,
    /// The territory it sits under.
    pub reporting_to: IdOnly,
    /// Its manager, a user.
    pub manager: IdOnly,
    /// `read_only` or `read_write_delete`: what its users may do with its records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permission_type: Option<String>,
    /// What it is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl NewTerritory {
    /// A territory `name` under `reporting_to`, managed by `manager`.
    pub fn new(
        name: impl Into<String>,
        reporting_to: impl Into<RecordId>,
        manager: impl Into<RecordId>,
    ) -> Self {
        NewTerritory {
            name: name.into(),
            reporting_to: IdOnly {
                id: reporting_to.into(),
            },
            manager: IdOnly { id: manager.into() },
            permission_type: None,
            description: None,
        }
    }
}

/// Changes to a territory: only the keys set are sent.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct TerritoryChange {
    /// Its id (required in [`UpdateTerritories`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// A new name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new manager.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manager: Option<IdOnly>,
    /// A new parent territory.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporting_to: Option<IdOnly>,
    /// A new description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl TerritoryChange {
    /// A change of territory `id`, nothing set yet.
    pub fn of(id: impl Into<RecordId>) -> Self {
        TerritoryChange {
            id: Some(id.into()),
            ..TerritoryChange::default()
        }
    }
}

/// A territory deleted and the one its child territories and users move to.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct TerritoryTransfer {
    /// The territory deleted.
    pub id: RecordId,
    /// The territory that takes its things.
    pub transfer_to_id: RecordId,
    /// Whether its past forecasts go too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delete_previous_forecasts: Option<bool>,
}

impl TerritoryTransfer {
    /// Deletes `id`, moving its things to `to`.
    pub fn new(id: impl Into<RecordId>, to: impl Into<RecordId>) -> Self {
        TerritoryTransfer {
            id: id.into(),
            transfer_to_id: to.into(),
            delete_previous_forecasts: None,
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

impl IdOnly {
    /// `{"id": id}`.
    pub fn of(id: impl Into<RecordId>) -> Self {
        IdOnly { id: id.into() }
    }
}

/// The answer of the territory lists.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Territories {
    /// The territories.
    #[serde(default)]
    pub territories: Vec<Territory>,
    /// How far the listing has got.
    #[serde(default)]
    pub info: PageInfo,
}

/// A territory.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Territory {
    /// Its id.
    pub id: RecordId,
    /// Its name.
    pub name: String,
    /// Its manager.
    #[serde(default)]
    pub manager: Option<Ref>,
    /// The territory it sits under; `None` at the top.
    #[serde(default)]
    pub reporting_to: Option<Ref>,
    /// `read_only` or `read_write_delete`.
    #[serde(default)]
    pub permission_type: Option<String>,
    /// What it is for.
    #[serde(default)]
    pub description: Option<String>,
}

/// The answer of [`GetAssociatedUsersCount`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct AssociatedUsersCount {
    /// One count per territory.
    #[serde(default)]
    pub associated_users_count: Vec<TerritoryCount>,
    /// How far the listing has got.
    #[serde(default)]
    pub info: PageInfo,
}

/// How many users a territory has.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct TerritoryCount {
    /// The territory.
    pub territory: Ref,
    /// Its users.
    #[serde(deserialize_with = "count")]
    pub count: u64,
}

/// The answer of [`GetDeletedAssociatedTerritories`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct DeletedTerritories {
    /// The deleted territories.
    #[serde(default)]
    pub territories: Vec<DeletedTerritory>,
}

/// A deleted territory.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct DeletedTerritory {
    /// Its id.
    pub id: RecordId,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// When it was deleted.
    #[serde(default)]
    pub deleted_time: Option<String>,
    /// Who deleted it.
    #[serde(default)]
    pub deleted_by: Option<Ref>,
}

/// The answer of [`GetTerritoryUsers`] and [`GetTerritoryUser`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct TerritoryUsers {
    /// The users.
    #[serde(default)]
    pub users: Vec<Ref>,
    /// How far the listing has got.
    #[serde(default)]
    pub info: PageInfo,
}

/// The answer of [`GetUserTerritories`] and [`GetUserTerritory`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct UserTerritories {
    /// The user's territories.
    #[serde(default)]
    pub territories: Vec<UserTerritory>,
}

/// One of a user's territories, with Zoho's capitalised keys.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct UserTerritory {
    /// Its id.
    pub id: RecordId,
    /// Its name.
    #[serde(default, alias = "Name")]
    pub name: Option<String>,
    /// Its manager.
    #[serde(default, alias = "Manager")]
    pub manager: Option<Ref>,
    /// The territory it sits under.
    #[serde(default, alias = "Reporting_To")]
    pub reporting_to: Option<Ref>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetTerritories,
    GetTerritory,
    GetChildTerritories,
    CreateTerritories,
    UpdateTerritories,
    UpdateTerritory,
    DeleteTerritories,
    DeleteTerritory,
    TransferAndDeleteTerritory,
    TransferAndDeleteTerritories,
    GetAssociatedUsersCount,
    GetDeletedAssociatedTerritories,
    GetTerritoryUsers,
    AddTerritoryUsers,
    RemoveTerritoryUsers,
    GetTerritoryUser,
    AddTerritoryUser,
    RemoveTerritoryUser,
    GetUserTerritories,
    GetUserTerritory,
    AssociateUserTerritories,
    RemoveUserTerritories,
    RemoveUserTerritory,
];
