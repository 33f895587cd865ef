//! A picklist field's values: `settings/fields/{field_id}/pick_list_values`.
//!
//! ```
//! use zoho_crm_api::fields::GetFields;
//! use zoho_crm_api::pick_list_values::GetPickListValues;
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
//! let fields = GetFields::of("Leads").send(&client).await?.unwrap_or_default();
//! let status = fields.get("Lead_Status").and_then(|f| f.id.clone()).unwrap();
//! let values = GetPickListValues::of("Leads", status).send(&client).await?.unwrap_or_default();
//! assert!(values.pick_list_values.iter().any(|v| v.actual_value == "Contacted"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::Deserialize;
use zoho_runtime::zoho_endpoint;

use crate::fields::PicklistValue;
use crate::{declared, ApiOperation};

/// Lists the values of a picklist field.
#[zoho_endpoint(GET "/settings/fields/<field_id>/pick_list_values", scope = "ZohoCRM.settings.fields.READ", response = Option<PickListValues>)]
pub struct GetPickListValues {
    /// The field's id.
    pub field_id: String,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
}

impl GetPickListValues {
    /// The values of the field `field_id` of `module`.
    pub fn of(module: impl Into<String>, field_id: impl Into<String>) -> Self {
        GetPickListValues {
            field_id: field_id.into(),
            module: module.into(),
        }
    }
}

/// The answer of [`GetPickListValues`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct PickListValues {
    /// The values, in order.
    #[serde(default)]
    pub pick_list_values: Vec<PicklistValue>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![GetPickListValues];
