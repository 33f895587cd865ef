//! Portals: the organisation's client portals (`settings/portals`), named in paths by their
//! name.
//!
//! ```
//! use zoho_crm_api::portals::{CreatePortal, GetPortal, Portal};
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
//! let portal = GetPortal::new("ZylkerCare").send(&client).await?.unwrap();
//! assert_eq!(portal.portals[0].active, Some(true));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::Json;

use crate::setting::{Extra, Ref, SettingsOutcomes};
use crate::{declared, ApiOperation};

/// One client portal.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Portal {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name: letters and digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether it is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// Its Zoho account id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zaid: Option<String>,
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

impl Portal {
    /// A portal named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Portal {
            name: Some(name.into()),
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

    /// With `zaid` set.
    pub fn with_zaid(mut self, zaid: impl Into<String>) -> Self {
        self.zaid = Some(zaid.into());
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

/// The answer of the reads: `{"portals": […]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Portals {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub portals: Vec<Portal>,
}

/// Lists the portals.
#[zoho_endpoint(GET "/settings/portals", scope = "ZohoCRM.settings.clientportal.READ", response = Option<Portals>)]
#[derive(Debug, Clone, Default)]
pub struct GetPortals {}

impl GetPortals {
    /// The call.
    pub fn new() -> Self {
        Self::default()
    }
}

/// Creates a portal.
#[zoho_endpoint(POST "/settings/portals", scope = "ZohoCRM.settings.clientportal.CREATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct CreatePortal {
    /// The portal, as one item.
    #[zoho(envelope)]
    pub portals: Vec<Portal>,
}

impl CreatePortal {
    /// Creates this portal.
    pub fn new(portals: Vec<Portal>) -> Self {
        CreatePortal { portals }
    }
}

/// Reads one portal.
#[zoho_endpoint(GET "/settings/portals/<portal_name>", scope = "ZohoCRM.settings.clientportal.READ", response = Option<Portals>)]
#[derive(Debug, Clone)]
pub struct GetPortal {
    /// The portal, by name.
    pub portal_name: String,
}

impl GetPortal {
    /// The call, with its options left out.
    pub fn new(portal_name: impl Into<String>) -> Self {
        GetPortal {
            portal_name: portal_name.into(),
        }
    }
}

/// Updates one portal.
#[zoho_endpoint(PUT "/settings/portals/<portal_name>", scope = "ZohoCRM.settings.clientportal.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdatePortal {
    /// The portal, by name.
    pub portal_name: String,
    /// What changes, as one portal.
    #[zoho(envelope)]
    pub portals: Vec<Portal>,
}

impl UpdatePortal {
    /// The call, with its options left out.
    pub fn new(portal_name: impl Into<String>, portals: Vec<Portal>) -> Self {
        UpdatePortal {
            portal_name: portal_name.into(),
            portals,
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] =
    declared![GetPortals, CreatePortal, GetPortal, UpdatePortal];
