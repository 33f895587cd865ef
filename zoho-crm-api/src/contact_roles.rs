//! Contact roles: the organisation's roles (`/Contacts/roles`: listed, added, renamed,
//! reordered, deleted) and the roles contacts play on a deal (`/Deals/{id}/Contact_Roles`).
//!
//! [`AddContactRoleV6`] is seed 001's request as recorded, pinned to `v6`; [`AddContactRole`]
//! is the same operation at the client's version.
//!
//! ```
//! use zoho_crm_api::contact_roles::{AddContactRole, AddContactRoles, GetDealContactRoles, NewContactRole};
//! use zoho_crm_api::runtime::Client;
//! use zoho_crm_api::Record;
//! use zoho_sandbox::Sandbox;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start().await?;
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! let added = AddContactRoles::of(vec![NewContactRole::named("Champion")]).send(&client).await?;
//! let champion = added.contact_roles[0].id().unwrap();
//! // Seed 001's deal and contact.
//! let (deal, contact) = ("4150868000003384003", "4150868000003283024");
//! AddContactRole::of(deal, contact, champion.clone()).send(&client).await?;
//! let contacts = GetDealContactRoles::<Record>::of(deal).send(&client).await?;
//! let role = contacts.data[0].get::<serde_json::Value>("Contact_Role")?.unwrap();
//! assert_eq!(role["name"], "Champion");
//! # Ok(())
//! # }
//! ```

use std::marker::PhantomData;

use zoho_runtime::serde::de::DeserializeOwned;
use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;

use crate::answer::ActionOutcome;
use crate::{declared, ApiOperation, Page, Record, RecordId};

/// One contact role.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ContactRole {
    /// Its id.
    pub id: RecordId,
    /// Its name (at most 50 characters).
    pub name: String,
    /// Its place in the list, from 1.
    #[serde(default)]
    pub sequence_number: Option<u32>,
}

/// The answer of [`GetContactRoles`] and [`GetContactRole`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ContactRoles {
    /// The roles, in their order.
    #[serde(default)]
    pub contact_roles: Vec<ContactRole>,
}

/// The answer of a write of roles: one outcome per role, under `contact_roles`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct RoleOutcomes {
    /// One per role sent, in order.
    #[serde(default)]
    pub contact_roles: Vec<ActionOutcome>,
}

impl RoleOutcomes {
    /// Whether every role succeeded.
    pub fn all_succeeded(&self) -> bool {
        self.contact_roles.iter().all(ActionOutcome::succeeded)
    }
}

/// A role to add.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct NewContactRole {
    /// Its name.
    pub name: String,
    /// Its place in the list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sequence_number: Option<u32>,
}

impl NewContactRole {
    /// A role of this name, last in the list.
    pub fn named(name: impl Into<String>) -> Self {
        NewContactRole {
            name: name.into(),
            sequence_number: None,
        }
    }
}

/// A change of a role: a new name or place; `id` names it in [`UpdateContactRoles`].
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ContactRoleChange {
    /// The role, when the path does not name it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// A new name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sequence_number: Option<u32>,
}

impl ContactRoleChange {
    /// Renames the role `id`.
    pub fn rename(id: impl Into<RecordId>, name: impl Into<String>) -> Self {
        ContactRoleChange {
            id: Some(id.into()),
            name: Some(name.into()),
            sequence_number: None,
        }
    }
}

/// Lists the contact roles; `None` when there are none (`204`).
#[zoho_endpoint(GET "/Contacts/roles", scope = "ZohoCRM.settings.contact_roles.READ", response = Option<ContactRoles>)]
pub struct GetContactRoles {}

/// Reads one contact role; `None` when there is no such role (`204`).
#[zoho_endpoint(GET "/Contacts/roles/<id>", scope = "ZohoCRM.settings.contact_roles.READ", response = Option<ContactRoles>)]
pub struct GetContactRole {
    /// The role's id.
    pub id: RecordId,
}

/// Adds contact roles.
#[zoho_endpoint(POST "/Contacts/roles", scope = "ZohoCRM.settings.contact_roles.CREATE", response = RoleOutcomes)]
pub struct AddContactRoles {
    /// The roles.
    #[zoho(envelope)]
    pub contact_roles: Vec<NewContactRole>,
}

impl AddContactRoles {
    /// Adds these roles.
    pub fn of(contact_roles: Vec<NewContactRole>) -> Self {
        AddContactRoles { contact_roles }
    }
}

/// Renames or reorders contact roles, each named by its `id`.
#[zoho_endpoint(PUT "/Contacts/roles", scope = "ZohoCRM.settings.contact_roles.UPDATE", response = RoleOutcomes)]
pub struct UpdateContactRoles {
    /// The changes.
    #[zoho(envelope)]
    pub contact_roles: Vec<ContactRoleChange>,
}

/// Renames or reorders one contact role.
#[zoho_endpoint(PUT "/Contacts/roles/<id>", scope = "ZohoCRM.settings.contact_roles.UPDATE", response = RoleOutcomes)]
pub struct UpdateContactRole {
    /// The role's id.
    pub id: RecordId,
    /// The change (one, without `id`).
    #[zoho(envelope)]
    pub contact_roles: Vec<ContactRoleChange>,
}

/// Deletes contact roles by id.
#[zoho_endpoint(DELETE "/Contacts/roles", scope = "ZohoCRM.settings.contact_roles.DELETE", response = RoleOutcomes)]
pub struct DeleteContactRoles {
    /// The roles' ids.
    #[zoho(query)]
    pub ids: Vec<RecordId>,
}

/// Deletes one contact role.
#[zoho_endpoint(DELETE "/Contacts/roles/<id>", scope = "ZohoCRM.settings.contact_roles.DELETE", response = RoleOutcomes)]
pub struct DeleteContactRole {
    /// The role's id.
    pub id: RecordId,
}

/// A contact role as a deal's contact carries it: `{"name": …, "id": …}` (seed 001).
#[derive(Clone, Debug, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct ContactRoleRef {
    /// The role's name: `Executive Sponsor`.
    pub name: String,
    /// The role's id.
    pub id: RecordId,
}

/// The role a contact is given on a deal: by id (`{"id": …}`).
#[derive(Clone, Debug, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct RoleId {
    /// The role's id.
    pub id: RecordId,
}

/// Lists a deal's contacts, each with the role it plays (`Contact_Role`).
#[zoho_endpoint(GET "/Deals/<deal_id>/Contact_Roles",
                scope = ["ZohoCRM.modules.deals.READ", "ZohoCRM.modules.contacts.READ"],
                response = Page<R>)]
pub struct GetDealContactRoles<R = Record>
where
    R: DeserializeOwned + Send,
{
    /// The deal.
    pub deal_id: RecordId,
    /// The fields of the contacts to answer.
    #[zoho(query)]
    pub fields: Option<Vec<String>>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Contacts a page, at most 200.
    #[zoho(query)]
    pub per_page: Option<u32>,
    /// The type each contact is decoded into.
    pub record: PhantomData<fn() -> R>,
}

impl<R: DeserializeOwned + Send> GetDealContactRoles<R> {
    /// The contacts of the deal `deal_id`.
    pub fn of(deal_id: impl Into<RecordId>) -> Self {
        GetDealContactRoles {
            deal_id: deal_id.into(),
            fields: None,
            page: None,
            per_page: None,
            record: PhantomData,
        }
    }
}

/// Gives a contact a role on a deal (adding the contact to it). Needs both the deals and the
/// contacts scope.
#[zoho_endpoint(PUT "/Deals/<deal_id>/Contact_Roles/<contact_id>",
                scope = ["ZohoCRM.modules.deals.UPDATE", "ZohoCRM.modules.contacts.UPDATE"])]
pub struct AddContactRole {
    /// The deal.
    pub deal_id: RecordId,
    /// The contact.
    pub contact_id: RecordId,
    /// The role.
    #[zoho(rename = "Contact_Role")]
    pub role: RoleId,
}

impl AddContactRole {
    /// Gives `contact_id` the role `role` on `deal_id`.
    pub fn of(
        deal_id: impl Into<RecordId>,
        contact_id: impl Into<RecordId>,
        role: impl Into<RecordId>,
    ) -> Self {
        AddContactRole {
            deal_id: deal_id.into(),
            contact_id: contact_id.into(),
            role: RoleId { id: role.into() },
        }
    }
}

/// Seed 001 as recorded: [`AddContactRole`] pinned to `v6`, the role named and identified.
#[zoho_endpoint(PUT "/Deals/<deal_id>/Contact_Roles/<contact_id>",
                scope = ["ZohoCRM.modules.deals.UPDATE", "ZohoCRM.modules.contacts.UPDATE"],
                version = "v6")]
pub struct AddContactRoleV6 {
    /// The deal.
    pub deal_id: RecordId,
    /// The contact.
    pub contact_id: RecordId,
    /// The role.
    #[zoho(rename = "Contact_Role")]
    pub role: ContactRoleRef,
}

/// Takes a contact, and its role, off a deal.
#[zoho_endpoint(DELETE "/Deals/<deal_id>/Contact_Roles/<contact_id>",
                scope = ["ZohoCRM.modules.deals.UPDATE", "ZohoCRM.modules.contacts.UPDATE"])]
pub struct RemoveContactRole {
    /// The deal.
    pub deal_id: RecordId,
    /// The contact.
    pub contact_id: RecordId,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetContactRoles,
    GetContactRole,
    AddContactRoles,
    UpdateContactRoles,
    UpdateContactRole,
    DeleteContactRoles,
    DeleteContactRole,
    GetDealContactRoles<Record>,
    AddContactRole,
    AddContactRoleV6,
    RemoveContactRole,
];
