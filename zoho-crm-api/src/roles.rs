//! The organisation's roles, the hierarchy users sit in (`/settings/roles`).
//!
//! ```
//! use zoho_crm_api::roles::{CreateRoles, DeleteRole, GetRole, GetRoles, NewRole};
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
//! let roles = GetRoles {}.send(&client).await?.unwrap_or_default();
//! let ceo = roles.roles.iter().find(|r| r.name == "CEO").unwrap().id.clone();
//!
//! let added = CreateRoles::one(NewRole::new("Field Sales", ceo)).send(&client).await?;
//! let id = added.ids()[0].clone().unwrap();
//! let role = GetRole::of(id.clone()).send(&client).await?.unwrap_or_default();
//! assert_eq!(role.roles[0].name, "Field Sales");
//! assert!(DeleteRole::of(id).send(&client).await?.all_succeeded());
//! # Ok(())
//! # }
//! ```
//!
//! A role that users hold is deleted only with `transfer_to_id`, the role they move to.

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, RecordId};

use crate::written::{Ref, Written};
use crate::{declared, ApiOperation};

/// Lists the roles; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/settings/roles", scope = "ZohoCRM.settings.roles.READ", response = Option<Roles>)]
pub struct GetRoles {}

/// Gets one role; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/settings/roles/<role_id>", scope = "ZohoCRM.settings.roles.READ", response = Option<Roles>)]
pub struct GetRole {
    /// The role's id.
    pub role_id: RecordId,
}

impl GetRole {
    /// The role `role_id`.
    pub fn of(role_id: impl Into<RecordId>) -> Self {
        GetRole {
            role_id: role_id.into(),
        }
    }
}

/// Adds roles.
#[zoho_endpoint(POST "/settings/roles", scope = "ZohoCRM.settings.roles.CREATE", response = Written)]
pub struct CreateRoles {
    /// The roles to add.
    #[zoho(envelope)]
    pub roles: Vec<NewRole>,
}

impl CreateRoles {
    /// Adds `role`.
    pub fn one(role: NewRole) -> Self {
        CreateRoles { roles: vec![role] }
    }
}

/// Changes several roles, each named by its `id`.
#[zoho_endpoint(PUT "/settings/roles", scope = "ZohoCRM.settings.roles.UPDATE", response = Written)]
pub struct UpdateRoles {
    /// The changes, each with the role's id.
    #[zoho(envelope)]
    pub roles: Vec<RoleChange>,
}

/// Changes one role.
#[zoho_endpoint(PUT "/settings/roles/<role_id>", scope = "ZohoCRM.settings.roles.UPDATE", response = Written)]
pub struct UpdateRole {
    /// The role's id.
    pub role_id: RecordId,
    /// The change (one item).
    #[zoho(envelope)]
    pub roles: Vec<RoleChange>,
}

/// Deletes a role; one that users hold needs `transfer_to_id`.
#[zoho_endpoint(DELETE "/settings/roles/<role_id>", scope = "ZohoCRM.settings.roles.DELETE", response = Written)]
pub struct DeleteRole {
    /// The role's id.
    pub role_id: RecordId,
    /// The role its users and sub-roles move to.
    #[zoho(query)]
    pub transfer_to_id: Option<RecordId>,
}

impl DeleteRole {
    /// Deletes `role_id`, which no user holds.
    pub fn of(role_id: impl Into<RecordId>) -> Self {
        DeleteRole {
            role_id: role_id.into(),
            transfer_to_id: None,
        }
    }

    /// Moves its users and sub-roles to `role` first.
    pub fn transferring_to(mut self, role: impl Into<RecordId>) -> Self {
        self.transfer_to_id = Some(role.into());
        self
    }
}

/// A role to add.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct NewRole {
    /// Its name, unique in the organisation.
    pub name: String,
    /// The role it reports to.
    pub reporting_to: IdRef,
    /// Whether peers share each other's records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_with_peers: Option<bool>,
    /// What it is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl NewRole {
    /// A role `name` reporting to `reporting_to`.
    pub fn new(name: impl Into<String>, reporting_to: impl Into<RecordId>) -> Self {
        NewRole {
            name: name.into(),
            reporting_to: IdRef {
                id: reporting_to.into(),
            },
            share_with_peers: None,
            description: None,
        }
    }
}

/// Changes to a role: only the keys set are sent.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct RoleChange {
    /// The role's id (required in [`UpdateRoles`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// A new name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new superior role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporting_to: Option<IdRef>,
    /// Whether peers share each other's records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_with_peers: Option<bool>,
    /// A new description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl RoleChange {
    /// A change of the role `id`, nothing set yet.
    pub fn of(id: impl Into<RecordId>) -> Self {
        RoleChange {
            id: Some(id.into()),
            ..RoleChange::default()
        }
    }
}

/// `{"id": …}`.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct IdRef {
    /// The id.
    pub id: RecordId,
}

/// The answer of [`GetRoles`] and [`GetRole`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Roles {
    /// The roles.
    #[serde(default)]
    pub roles: Vec<Role>,
}

/// A role.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Role {
    /// Its id.
    pub id: RecordId,
    /// Its name.
    pub name: String,
    /// Its name as shown.
    #[serde(default)]
    pub display_label: Option<String>,
    /// The role it reports to; `None` for the top of the hierarchy.
    #[serde(default)]
    pub reporting_to: Option<Ref>,
    /// Whether peers share each other's records.
    #[serde(default)]
    pub share_with_peers: bool,
    /// What it is for.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether it is the administrator's role.
    #[serde(default)]
    pub admin_user: bool,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetRoles,
    GetRole,
    CreateRoles,
    UpdateRoles,
    UpdateRole,
    DeleteRole
];
