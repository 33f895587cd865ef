//! The organisation itself: its details (`GET /org`) and its photo (`/org/photo`).
//!
//! ```
//! use zoho_crm_api::org::{DeleteOrgPhoto, GetOrgPhoto, GetOrganization, UploadOrgPhoto};
//! use zoho_runtime::files::FilePart;
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
//! let org = GetOrganization {}.send(&client).await?;
//! assert_eq!(org.org[0].currency.as_deref(), Some("USD"));
//! assert!(org.org[0].photo_id.is_some());
//!
//! let logo = FilePart::bytes("logo.png", vec![0x89, b'P', b'N', b'G', 7, 7]);
//! UploadOrgPhoto::of(logo).send(&client).await?;
//! let photo = GetOrgPhoto {}.send(&client).await?.expect("the org has a photo");
//! assert_eq!(&photo.bytes().await?[..], [0x89, b'P', b'N', b'G', 7, 7]);
//!
//! DeleteOrgPhoto {}.send(&client).await?;
//! let org = GetOrganization {}.send(&client).await?;
//! assert!(org.org[0].photo_id.is_none());
//! assert!(GetOrgPhoto {}.send(&client).await?.is_none());
//! # Ok(())
//! # }
//! ```

use zoho_runtime::files::FilePart;
use zoho_runtime::serde::Deserialize;
use zoho_runtime::{zoho_endpoint, Json, RecordId};

use crate::written::Written;
use crate::{declared, ApiOperation};

/// The organisation's details.
#[zoho_endpoint(GET "/org", scope = "ZohoCRM.org.READ", response = Org)]
pub struct GetOrganization {}

/// Downloads the organisation's photo (its logo), streamed; `None` when it has none.
#[zoho_endpoint(GET "/org/photo", scope = "ZohoCRM.org.READ", download)]
pub struct GetOrgPhoto {}

/// Sets the organisation's photo (its logo), replacing the one it has: the image travels as
/// the form's `file` part.
#[zoho_endpoint(POST "/org/photo", scope = "ZohoCRM.org.CREATE")]
pub struct UploadOrgPhoto {
    /// The image.
    #[zoho(file)]
    pub file: FilePart,
}

impl UploadOrgPhoto {
    /// Uploads `file` as the organisation's photo.
    pub fn of(file: FilePart) -> Self {
        UploadOrgPhoto { file }
    }
}

/// Removes the organisation's photo.
#[zoho_endpoint(DELETE "/org/photo", scope = "ZohoCRM.org.DELETE", response = Written)]
pub struct DeleteOrgPhoto {}

/// The answer of [`GetOrganization`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Org {
    /// One entry, the organisation.
    #[serde(default)]
    pub org: Vec<Organization>,
}

/// An organisation's details.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Organization {
    /// Its id.
    pub id: RecordId,
    /// Its name.
    #[serde(default)]
    pub company_name: Option<String>,
    /// Its primary email.
    #[serde(default)]
    pub primary_email: Option<String>,
    /// The ISO code of its home currency: `USD`.
    #[serde(default)]
    pub currency: Option<String>,
    /// Its home currency's symbol.
    #[serde(default)]
    pub currency_symbol: Option<String>,
    /// Its home currency's locale.
    #[serde(default)]
    pub currency_locale: Option<String>,
    /// Its time zone.
    #[serde(default)]
    pub time_zone: Option<String>,
    /// Its country.
    #[serde(default)]
    pub country: Option<String>,
    /// Its country's code.
    #[serde(default)]
    pub country_code: Option<String>,
    /// Its web site.
    #[serde(default)]
    pub website: Option<String>,
    /// Its number of employees, as Zoho writes it.
    #[serde(default)]
    pub employee_count: Option<String>,
    /// The id of its photo; `None` when it has none.
    #[serde(default)]
    pub photo_id: Option<String>,
    /// Whether it uses several currencies.
    #[serde(default)]
    pub mc_status: bool,
    /// Its edition and licences.
    #[serde(default)]
    pub license_details: Option<Json>,
    /// Its domain name.
    #[serde(default)]
    pub domain_name: Option<String>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] =
    declared![GetOrganization, GetOrgPhoto, UploadOrgPhoto, DeleteOrgPhoto];
