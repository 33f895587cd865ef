//! Pipelines: the stages deals of a layout of Deals go through (`settings/pipeline`), and the
//! transfer of deals from one pipeline to another. A pipeline is deleted with `PATCH`, as Zoho
//! takes it.
//!
//! ```
//! use zoho_crm_api::pipelines::{CreatePipelines, GetPipeline, Pipeline, PipelineStage};
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
//! let layout = "5725767000000091023";
//! let stages = vec![PipelineStage::new("Qualification"), PipelineStage::new("Closed Won")];
//! let created = CreatePipelines::new(layout, vec![Pipeline::new("Renewals", stages)]).send(&client).await?;
//! let id = created[0].as_ref().unwrap().details.str("id").unwrap().to_owned();
//! let read = GetPipeline::new(&id, layout).send(&client).await?.unwrap();
//! assert_eq!(read.pipelines[0].maps.as_ref().unwrap().len(), 2);
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::Json;

use crate::setting::{Extra, Ref, SettingsOutcomes};
use crate::{declared, ApiOperation};

/// One stage of a pipeline (an entry of its `maps`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct PipelineStage {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The stage as shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_value: Option<String>,
    /// The stage as stored in deals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_value: Option<String>,
    /// Its place in the pipeline, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_number: Option<i64>,
    /// Its forecast category (`Pipeline`, `Closed`, `Omitted`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast_category: Option<Ref>,
    /// `Open`, `Closed Won` or `Closed Lost`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast_type: Option<String>,
    /// Its colour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour_code: Option<String>,
    /// Whether an update removes it.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "_delete")]
    pub delete: Option<bool>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl PipelineStage {
    /// A stage shown as `display_value`.
    pub fn new(display_value: impl Into<String>) -> Self {
        PipelineStage {
            display_value: Some(display_value.into()),
            ..Default::default()
        }
    }

    /// With `id` set.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// With `display_value` set.
    pub fn with_display_value(mut self, display_value: impl Into<String>) -> Self {
        self.display_value = Some(display_value.into());
        self
    }

    /// With `actual_value` set.
    pub fn with_actual_value(mut self, actual_value: impl Into<String>) -> Self {
        self.actual_value = Some(actual_value.into());
        self
    }

    /// With `sequence_number` set.
    pub fn with_sequence_number(mut self, sequence_number: i64) -> Self {
        self.sequence_number = Some(sequence_number);
        self
    }

    /// With `forecast_category` set.
    pub fn with_forecast_category(mut self, forecast_category: Ref) -> Self {
        self.forecast_category = Some(forecast_category);
        self
    }

    /// With `forecast_type` set.
    pub fn with_forecast_type(mut self, forecast_type: impl Into<String>) -> Self {
        self.forecast_type = Some(forecast_type.into());
        self
    }

    /// With `colour_code` set.
    pub fn with_colour_code(mut self, colour_code: impl Into<String>) -> Self {
        self.colour_code = Some(colour_code.into());
        self
    }

    /// With `_delete` set.
    pub fn with_delete(mut self, delete: bool) -> Self {
        self.delete = Some(delete);
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// One pipeline: the stages deals of a layout go through.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Pipeline {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name, as shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_value: Option<String>,
    /// Its name, as stored in deals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_value: Option<String>,
    /// Whether it is the layout's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<bool>,
    /// Whether it has sub-pipelines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_available: Option<bool>,
    /// Its stages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maps: Option<Vec<PipelineStage>>,
    /// The pipeline it is a sub-pipeline of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Ref>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Pipeline {
    /// A pipeline shown as `display_value`, with its stages.
    pub fn new(display_value: impl Into<String>, maps: Vec<PipelineStage>) -> Self {
        Pipeline {
            display_value: Some(display_value.into()),
            maps: Some(maps),
            ..Default::default()
        }
    }

    /// With `id` set.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// With `display_value` set.
    pub fn with_display_value(mut self, display_value: impl Into<String>) -> Self {
        self.display_value = Some(display_value.into());
        self
    }

    /// With `actual_value` set.
    pub fn with_actual_value(mut self, actual_value: impl Into<String>) -> Self {
        self.actual_value = Some(actual_value.into());
        self
    }

    /// With `default` set.
    pub fn with_default(mut self, default: bool) -> Self {
        self.default = Some(default);
        self
    }

    /// With `child_available` set.
    pub fn with_child_available(mut self, child_available: bool) -> Self {
        self.child_available = Some(child_available);
        self
    }

    /// With `maps` set.
    pub fn with_maps(mut self, maps: Vec<PipelineStage>) -> Self {
        self.maps = Some(maps);
        self
    }

    /// With `parent` set.
    pub fn with_parent(mut self, parent: Ref) -> Self {
        self.parent = Some(parent);
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// The body of [`DeletePipeline`]: `{"_delete": {"permanent": true}}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct PipelineDeletion {
    /// Whether the pipeline is removed for good.
    #[serde(rename = "_delete")]
    pub delete: Permanence,
}

/// How a pipeline is deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct Permanence {
    /// `true`: for good.
    pub permanent: bool,
}

/// One transfer: deals of one pipeline (and stages) moved to another.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct PipelineTransfer {
    /// The pipelines, by id.
    pub pipeline: FromTo,
    /// Stages, by id, of the first mapped to stages of the second.
    pub stages: Vec<FromTo>,
}

/// A pair of ids: what is moved from, and to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct FromTo {
    /// The id moved from.
    pub from: String,
    /// The id moved to.
    pub to: String,
}

impl FromTo {
    /// From `from` to `to`.
    pub fn new(from: impl Into<String>, to: impl Into<String>) -> Self {
        FromTo {
            from: from.into(),
            to: to.into(),
        }
    }
}

/// The answer of the reads: `{"pipeline": […]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Pipelines {
    /// The items, in Zoho's order.
    #[serde(default)]
    #[serde(rename = "pipeline")]
    pub pipelines: Vec<Pipeline>,
}

/// Lists a layout's pipelines.
#[zoho_endpoint(GET "/settings/pipeline", scope = "ZohoCRM.settings.pipeline.READ", response = Option<Pipelines>)]
#[derive(Debug, Clone)]
pub struct GetPipelines {
    /// The layout of Deals the pipelines belong to.
    #[zoho(query)]
    pub layout_id: String,
}

impl GetPipelines {
    /// The pipelines of the layout `layout_id`.
    pub fn new(layout_id: impl Into<String>) -> Self {
        GetPipelines {
            layout_id: layout_id.into(),
        }
    }
}

/// Creates pipelines in a layout.
#[zoho_endpoint(POST "/settings/pipeline", scope = "ZohoCRM.settings.pipeline.CREATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct CreatePipelines {
    /// The layout of Deals the pipelines belong to.
    #[zoho(query)]
    pub layout_id: String,
    /// The pipelines.
    #[zoho(envelope)]
    pub pipeline: Vec<Pipeline>,
}

impl CreatePipelines {
    /// Creates these pipelines in the layout.
    pub fn new(layout_id: impl Into<String>, pipeline: Vec<Pipeline>) -> Self {
        CreatePipelines {
            layout_id: layout_id.into(),
            pipeline,
        }
    }
}

/// Updates pipelines named by their `id`.
#[zoho_endpoint(PUT "/settings/pipeline", scope = "ZohoCRM.settings.pipeline.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdatePipelines {
    /// The layout of Deals the pipelines belong to.
    #[zoho(query)]
    pub layout_id: String,
    /// The pipelines.
    #[zoho(envelope)]
    pub pipeline: Vec<Pipeline>,
}

impl UpdatePipelines {
    /// Updates these pipelines.
    pub fn new(layout_id: impl Into<String>, pipeline: Vec<Pipeline>) -> Self {
        UpdatePipelines {
            layout_id: layout_id.into(),
            pipeline,
        }
    }
}

/// Reads one pipeline.
#[zoho_endpoint(GET "/settings/pipeline/<id>", scope = "ZohoCRM.settings.pipeline.READ", response = Option<Pipelines>)]
#[derive(Debug, Clone)]
pub struct GetPipeline {
    /// Its id.
    pub id: String,
    /// The layout of Deals the pipelines belong to.
    #[zoho(query)]
    pub layout_id: String,
}

impl GetPipeline {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>, layout_id: impl Into<String>) -> Self {
        GetPipeline {
            id: id.into(),
            layout_id: layout_id.into(),
        }
    }
}

/// Updates one pipeline.
#[zoho_endpoint(PUT "/settings/pipeline/<id>", scope = "ZohoCRM.settings.pipeline.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdatePipeline {
    /// Its id.
    pub id: String,
    /// The layout of Deals the pipelines belong to.
    #[zoho(query)]
    pub layout_id: String,
    /// What changes, as one pipeline.
    #[zoho(envelope)]
    pub pipeline: Vec<Pipeline>,
}

impl UpdatePipeline {
    /// The call, with its options left out.
    pub fn new(
        id: impl Into<String>,
        layout_id: impl Into<String>,
        pipeline: Vec<Pipeline>,
    ) -> Self {
        UpdatePipeline {
            id: id.into(),
            layout_id: layout_id.into(),
            pipeline,
        }
    }
}

/// Deletes one pipeline for good (Zoho takes a `PATCH` marking it `_delete`).
#[zoho_endpoint(PATCH "/settings/pipeline/<id>", scope = "ZohoCRM.settings.pipeline.DELETE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct DeletePipeline {
    /// Its id.
    pub id: String,
    /// The layout of Deals the pipelines belong to.
    #[zoho(query)]
    pub layout_id: String,
    /// The mark: `[{"_delete": {"permanent": true}}]`.
    #[zoho(envelope)]
    pub pipeline: Vec<PipelineDeletion>,
}

impl DeletePipeline {
    /// Deletes the pipeline `id` of the layout for good.
    pub fn new(id: impl Into<String>, layout_id: impl Into<String>) -> Self {
        let mark = PipelineDeletion {
            delete: Permanence { permanent: true },
        };
        DeletePipeline {
            id: id.into(),
            layout_id: layout_id.into(),
            pipeline: vec![mark],
        }
    }
}

/// Moves deals from pipelines (and stages) to others; each outcome names Zoho's `job_id`.
#[zoho_endpoint(POST "/settings/pipeline/actions/transfer", scope = "ZohoCRM.settings.pipeline.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct TransferPipelines {
    /// The layout of Deals the pipelines belong to.
    #[zoho(query)]
    pub layout_id: String,
    /// The transfers.
    #[zoho(envelope)]
    pub transfer_pipeline: Vec<PipelineTransfer>,
}

impl TransferPipelines {
    /// These transfers in the layout.
    pub fn new(layout_id: impl Into<String>, transfer_pipeline: Vec<PipelineTransfer>) -> Self {
        TransferPipelines {
            layout_id: layout_id.into(),
            transfer_pipeline,
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetPipelines,
    CreatePipelines,
    UpdatePipelines,
    GetPipeline,
    UpdatePipeline,
    DeletePipeline,
    TransferPipelines
];
