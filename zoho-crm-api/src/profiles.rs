//! The organisation's profiles, the permissions users are given (`/settings/profiles`).
//!
//! ```
//! use zoho_crm_api::profiles::{CloneProfile, DeleteProfile, GetProfile, GetProfiles};
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
//! let profiles = GetProfiles {}.send(&client).await?.unwrap_or_default();
//! let standard = profiles.profiles.iter().find(|p| p.name == "Standard").unwrap().id.clone();
//!
//! let copy = CloneProfile::of(standard.clone(), "Field Staff").send(&client).await?;
//! let id = copy.ids()[0].clone().unwrap();
//! let profile = GetProfile::of(id.clone()).send(&client).await?.unwrap_or_default();
//! assert_eq!(profile.profiles[0].name, "Field Staff");
//! assert!(DeleteProfile::of(id, standard).send(&client).await?.all_succeeded());
//! # Ok(())
//! # }
//! ```
//!
//! Zoho has no call that adds a profile from nothing: a new one is a clone of another.

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, RecordId};

use crate::written::{Ref, Written};
use crate::{declared, ApiOperation};

/// Lists the profiles; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/settings/profiles", scope = "ZohoCRM.settings.profiles.READ", response = Option<Profiles>)]
pub struct GetProfiles {}

/// Gets one profile; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/settings/profiles/<id>", scope = "ZohoCRM.settings.profiles.READ", response = Option<Profiles>)]
pub struct GetProfile {
    /// The profile's id.
    pub id: RecordId,
}

impl GetProfile {
    /// The profile `id`.
    pub fn of(id: impl Into<RecordId>) -> Self {
        GetProfile { id: id.into() }
    }
}

/// Adds a profile with the permissions of another.
#[zoho_endpoint(POST "/settings/profiles/<id>/actions/clone", scope = "ZohoCRM.settings.profiles.CREATE", response = Written)]
pub struct CloneProfile {
    /// The profile copied.
    pub id: RecordId,
    /// The new profile's name and description (one item).
    #[zoho(envelope)]
    pub profiles: Vec<ProfileChange>,
}

impl CloneProfile {
    /// A copy of `id` named `name`.
    pub fn of(id: impl Into<RecordId>, name: impl Into<String>) -> Self {
        CloneProfile {
            id: id.into(),
            profiles: vec![ProfileChange {
                name: Some(name.into()),
                description: None,
            }],
        }
    }
}

/// Changes a profile's name or description.
#[zoho_endpoint(PUT "/settings/profiles/<id>", scope = "ZohoCRM.settings.profiles.UPDATE", response = Written)]
pub struct UpdateProfile {
    /// The profile's id.
    pub id: RecordId,
    /// The change (one item).
    #[zoho(envelope)]
    pub profiles: Vec<ProfileChange>,
}

/// Deletes a profile, moving its users to another.
#[zoho_endpoint(DELETE "/settings/profiles/<id>", scope = "ZohoCRM.settings.profiles.DELETE", response = Written)]
pub struct DeleteProfile {
    /// The profile's id.
    pub id: RecordId,
    /// The profile its users move to (required by Zoho).
    #[zoho(query)]
    pub transfer_to: RecordId,
}

impl DeleteProfile {
    /// Deletes `id`, moving its users to `transfer_to`.
    pub fn of(id: impl Into<RecordId>, transfer_to: impl Into<RecordId>) -> Self {
        DeleteProfile {
            id: id.into(),
            transfer_to: transfer_to.into(),
        }
    }
}

/// A profile's name and description: only the keys set are sent.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ProfileChange {
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The answer of [`GetProfiles`] and [`GetProfile`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Profiles {
    /// The profiles.
    #[serde(default)]
    pub profiles: Vec<Profile>,
}

/// A profile.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Profile {
    /// Its id.
    pub id: RecordId,
    /// Its name.
    pub name: String,
    /// Its name as shown.
    #[serde(default)]
    pub display_label: Option<String>,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether it is the profile new users get.
    #[serde(default)]
    pub default: bool,
    /// Whether the organisation made it (rather than Zoho).
    #[serde(default)]
    pub custom: bool,
    /// Whether it may be deleted.
    #[serde(default, rename = "_delete")]
    pub deletable: bool,
    /// Who made it.
    #[serde(default)]
    pub created_by: Option<Ref>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetProfiles,
    GetProfile,
    CloneProfile,
    UpdateProfile,
    DeleteProfile
];
