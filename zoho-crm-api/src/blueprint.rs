//! Blueprint: the process a record's picklist field moves through. [`GetBlueprint`] tells the
//! record's current state and the transitions it may take, with the fields each asks for;
//! [`UpdateBlueprint`] takes one, setting the field to the transition's next value.
//!
//! ```
//! use zoho_crm_api::blueprint::{GetBlueprint, UpdateBlueprint};
//! use zoho_crm_api::Record;
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
//! let deal = sandbox
//!     .insert_record("Deals", r#"{"Deal_Name": "Moss", "Stage": "Qualification"}"#.parse()?)
//!     .unwrap();
//! let blueprint = GetBlueprint::of("Deals", deal.as_str()).send(&client).await?.blueprint;
//! assert_eq!(blueprint.process_info.field_value.as_deref(), Some("Qualification"));
//! let next = &blueprint.transitions[0];
//! let mut data = Record::new();
//! data.set("Amount", 2500);
//! UpdateBlueprint::take("Deals", deal.as_str(), next.id.clone(), data).send(&client).await?;
//! let stage = &sandbox.record("Deals", &deal).unwrap()["Stage"];
//! assert_eq!(stage.as_str(), next.next_field_value.as_deref());
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, Json, Record, RecordId};

use crate::actions::Ack;
use crate::{declared, ApiOperation};

/// The blueprint of the record `record_id`: its state and the transitions open to it.
#[zoho_endpoint(GET "/<module>/<record_id>/actions/blueprint", scope = "ZohoCRM.modules.<module>.READ",
                response = Blueprint)]
pub struct GetBlueprint {
    /// The module's API name.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
}

impl GetBlueprint {
    /// The blueprint of the record `record_id` of `module`.
    pub fn of(module: impl Into<String>, record_id: impl Into<RecordId>) -> Self {
        GetBlueprint {
            module: module.into(),
            record_id: record_id.into(),
        }
    }
}

/// The answer of [`GetBlueprint`].
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Blueprint {
    /// The record's process.
    pub blueprint: BlueprintState,
}

/// A record's place in its process.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct BlueprintState {
    /// The process and the field it moves.
    pub process_info: ProcessInfo,
    /// The transitions the record may take now.
    #[serde(default)]
    pub transitions: Vec<Transition>,
}

/// A blueprint process.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ProcessInfo {
    /// The process's id.
    pub id: RecordId,
    /// The process's name.
    #[serde(default)]
    pub name: Option<String>,
    /// The API name of the picklist field the process moves: `Stage`.
    #[serde(default)]
    pub api_name: Option<String>,
    /// The field's label.
    #[serde(default)]
    pub field_label: Option<String>,
    /// The field's value now: the record's state.
    #[serde(default)]
    pub field_value: Option<String>,
    /// Whether transitions may be taken from any state.
    #[serde(default)]
    pub is_continuous: Option<bool>,
}

/// A transition from the record's state.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Transition {
    /// The transition's id, which [`UpdateBlueprint`] takes.
    pub id: RecordId,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// The field's value after it.
    #[serde(default)]
    pub next_field_value: Option<String>,
    /// Whether the record meets the transition's criteria.
    #[serde(default)]
    pub criteria_matched: Option<bool>,
    /// The fields the transition asks for.
    #[serde(default)]
    pub fields: Vec<TransitionField>,
    /// The values the record already has for them.
    #[serde(default)]
    pub data: Option<Json>,
}

/// A field a transition asks for.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct TransitionField {
    /// Its API name.
    pub api_name: String,
    /// Its label.
    #[serde(default)]
    pub field_label: Option<String>,
    /// Its data type: `currency`, `date`, `text`, …
    #[serde(default)]
    pub data_type: Option<String>,
    /// Whether the transition cannot be taken without it.
    #[serde(default)]
    pub mandatory: bool,
}

/// Takes the transition `transition_id` of the record's blueprint, with the values of the
/// fields it asks for.
#[zoho_endpoint(PUT "/<module>/<record_id>/actions/blueprint", scope = "ZohoCRM.modules.<module>.UPDATE",
                response = Ack)]
pub struct UpdateBlueprint<R: Serialize + Send + Sync = Record> {
    /// The module's API name.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// The transition, with its fields' values: one item.
    #[zoho(envelope)]
    pub blueprint: Vec<TransitionInput<R>>,
}

impl<R: Serialize + Send + Sync> UpdateBlueprint<R> {
    /// Takes `transition_id` with the fields of `data`.
    pub fn take(
        module: impl Into<String>,
        record_id: impl Into<RecordId>,
        transition_id: impl Into<RecordId>,
        data: R,
    ) -> Self {
        UpdateBlueprint {
            module: module.into(),
            record_id: record_id.into(),
            blueprint: vec![TransitionInput {
                transition_id: transition_id.into(),
                data,
            }],
        }
    }
}

/// A transition to take and the values of its fields.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct TransitionInput<R> {
    /// The transition's id.
    pub transition_id: RecordId,
    /// The fields it asks for.
    pub data: R,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![GetBlueprint, UpdateBlueprint<Record>];
