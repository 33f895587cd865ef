//! Enrolling records in cadences and taking them out
//! (`/{module}/actions/enrol_in_cadences`, `…/unenrol_from_cadences`): one outcome per record.
//!
//! ```
//! use zoho_crm_api::cadences_execution::EnrolInCadences;
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
//! let enrolled = EnrolInCadences::new("Leads", ["5725767000000231401"], ["738964000002148061"])
//!     .send(&client)
//!     .await?;
//! assert!(enrolled.all_succeeded());
//! # Ok(())
//! # }
//! ```

use zoho_runtime::zoho_endpoint;

use crate::{declared, ApiOperation};

/// Enrols records in cadences.
#[zoho_endpoint(POST "/<module>/actions/enrol_in_cadences", scope = "ZohoCRM.settings.cadences.UPDATE")]
#[derive(Debug, Clone)]
pub struct EnrolInCadences {
    /// The module, by API name.
    pub module: String,
    /// The cadences.
    #[zoho(envelope)]
    pub cadences_ids: Vec<String>,
    /// The records.
    #[zoho(envelope)]
    pub ids: Vec<String>,
}

impl EnrolInCadences {
    /// Enrols the records `ids` of `module` in the cadences `cadences_ids`.
    pub fn new(
        module: impl Into<String>,
        cadences_ids: impl IntoIterator<Item = impl Into<String>>,
        ids: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        EnrolInCadences {
            module: module.into(),
            cadences_ids: cadences_ids.into_iter().map(Into::into).collect(),
            ids: ids.into_iter().map(Into::into).collect(),
        }
    }
}

/// Takes records out of cadences.
#[zoho_endpoint(POST "/<module>/actions/unenrol_from_cadences", scope = "ZohoCRM.settings.cadences.UPDATE")]
#[derive(Debug, Clone)]
pub struct UnenrolFromCadences {
    /// The module, by API name.
    pub module: String,
    /// The cadences.
    #[zoho(envelope)]
    pub cadences_ids: Vec<String>,
    /// The records.
    #[zoho(envelope)]
    pub ids: Vec<String>,
}

impl UnenrolFromCadences {
    /// Takes the records `ids` of `module` out of the cadences `cadences_ids`.
    pub fn new(
        module: impl Into<String>,
        cadences_ids: impl IntoIterator<Item = impl Into<String>>,
        ids: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        UnenrolFromCadences {
            module: module.into(),
            cadences_ids: cadences_ids.into_iter().map(Into::into).collect(),
            ids: ids.into_iter().map(Into::into).collect(),
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![EnrolInCadences, UnenrolFromCadences];
