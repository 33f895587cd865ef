//! Portal user types: who may sign in to a portal, with access to which modules
//! (`settings/portals/{portal}/user_type`).
//!
//! ```
//! use zoho_crm_api::portal_user_type::{CreateUserType, GetUserTypes, UserType};
//! use zoho_crm_api::portals::{CreatePortal, Portal};
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
//! CreatePortal::new(vec![Portal::new("ZylkerCare")]).send(&client).await?;
//! CreateUserType::new("ZylkerCare", vec![UserType::new("Customers", vec![])]).send(&client).await?;
//! let types = GetUserTypes::new("ZylkerCare").send(&client).await?.unwrap();
//! assert_eq!(types.user_types[0].no_of_users, Some(0));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::Json;

use crate::setting::{Extra, Ref, SettingsOutcomes};
use crate::{declared, ApiOperation};

/// One user type of a portal: who may sign in, with access to which modules.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct UserType {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether users may be added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// Whether it is the portal's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<bool>,
    /// The module portal users are records of: `Contacts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personality_module: Option<Ref>,
    /// The modules its users see, with layouts, views and permissions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modules: Option<Vec<Json>>,
    /// How many users it has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_of_users: Option<i64>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_time: Option<String>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_time: Option<String>,
    /// Who created it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<Ref>,
    /// Who last changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_by: Option<Ref>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl UserType {
    /// A user type named `name` seeing these modules.
    pub fn new(name: impl Into<String>, modules: Vec<Json>) -> Self {
        UserType {
            name: Some(name.into()),
            modules: Some(modules),
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

    /// With `active` set.
    pub fn with_active(mut self, active: bool) -> Self {
        self.active = Some(active);
        self
    }

    /// With `default` set.
    pub fn with_default(mut self, default: bool) -> Self {
        self.default = Some(default);
        self
    }

    /// With `personality_module` set.
    pub fn with_personality_module(mut self, personality_module: Ref) -> Self {
        self.personality_module = Some(personality_module);
        self
    }

    /// With `modules` set.
    pub fn with_modules(mut self, modules: Vec<Json>) -> Self {
        self.modules = Some(modules);
        self
    }

    /// With `no_of_users` set.
    pub fn with_no_of_users(mut self, no_of_users: i64) -> Self {
        self.no_of_users = Some(no_of_users);
        self
    }

    /// With `created_time` set.
    pub fn with_created_time(mut self, created_time: impl Into<String>) -> Self {
        self.created_time = Some(created_time.into());
        self
    }

    /// With `modified_time` set.
    pub fn with_modified_time(mut self, modified_time: impl Into<String>) -> Self {
        self.modified_time = Some(modified_time.into());
        self
    }

    /// With `created_by` set.
    pub fn with_created_by(mut self, created_by: Ref) -> Self {
        self.created_by = Some(created_by);
        self
    }

    /// With `modified_by` set.
    pub fn with_modified_by(mut self, modified_by: Ref) -> Self {
        self.modified_by = Some(modified_by);
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// The answer of the reads: `{"user_type": […]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct UserTypes {
    /// The items, in Zoho's order.
    #[serde(default)]
    #[serde(rename = "user_type")]
    pub user_types: Vec<UserType>,
}

/// Lists a portal's user types.
#[zoho_endpoint(GET "/settings/portals/<portal>/user_type", scope = "ZohoCRM.settings.clientportal.READ", response = Option<UserTypes>)]
#[derive(Debug, Clone)]
pub struct GetUserTypes {
    /// The portal, by name.
    pub portal: String,
    /// Extra keys to answer: `no_of_users`.
    #[zoho(query)]
    pub include: Option<String>,
}

impl GetUserTypes {
    /// The call, with its options left out.
    pub fn new(portal: impl Into<String>) -> Self {
        GetUserTypes {
            portal: portal.into(),
            include: None,
        }
    }

    /// With `include` given.
    pub fn with_include(mut self, include: impl Into<String>) -> Self {
        self.include = Some(include.into());
        self
    }
}

/// Creates user types in a portal.
#[zoho_endpoint(POST "/settings/portals/<portal>/user_type", scope = "ZohoCRM.settings.clientportal.CREATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct CreateUserType {
    /// The portal, by name.
    pub portal: String,
    /// The user types.
    #[zoho(envelope)]
    pub user_type: Vec<UserType>,
}

impl CreateUserType {
    /// Creates these user types in the portal.
    pub fn new(portal: impl Into<String>, user_type: Vec<UserType>) -> Self {
        CreateUserType {
            portal: portal.into(),
            user_type,
        }
    }
}

/// Reads one user type.
#[zoho_endpoint(GET "/settings/portals/<portal>/user_type/<user_type_id>", scope = "ZohoCRM.settings.clientportal.READ", response = Option<UserTypes>)]
#[derive(Debug, Clone)]
pub struct GetUserType {
    /// The portal, by name.
    pub portal: String,
    /// Its id.
    pub user_type_id: String,
}

impl GetUserType {
    /// The call, with its options left out.
    pub fn new(portal: impl Into<String>, user_type_id: impl Into<String>) -> Self {
        GetUserType {
            portal: portal.into(),
            user_type_id: user_type_id.into(),
        }
    }
}

/// Updates one user type.
#[zoho_endpoint(PUT "/settings/portals/<portal>/user_type/<user_type_id>", scope = "ZohoCRM.settings.clientportal.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateUserType {
    /// The portal, by name.
    pub portal: String,
    /// Its id.
    pub user_type_id: String,
    /// What changes, as one user type.
    #[zoho(envelope)]
    pub user_type: Vec<UserType>,
}

impl UpdateUserType {
    /// The call, with its options left out.
    pub fn new(
        portal: impl Into<String>,
        user_type_id: impl Into<String>,
        user_type: Vec<UserType>,
    ) -> Self {
        UpdateUserType {
            portal: portal.into(),
            user_type_id: user_type_id.into(),
            user_type,
        }
    }
}

/// Deletes one user type.
#[zoho_endpoint(DELETE "/settings/portals/<portal>/user_type/<user_type_id>", scope = "ZohoCRM.settings.clientportal.DELETE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct DeleteUserType {
    /// The portal, by name.
    pub portal: String,
    /// Its id.
    pub user_type_id: String,
}

impl DeleteUserType {
    /// The call, with its options left out.
    pub fn new(portal: impl Into<String>, user_type_id: impl Into<String>) -> Self {
        DeleteUserType {
            portal: portal.into(),
            user_type_id: user_type_id.into(),
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetUserTypes,
    CreateUserType,
    GetUserType,
    UpdateUserType,
    DeleteUserType
];
