//! Entity scores: the scores records earned from scoring rules (`Entity_Scores__s`, a system
//! module read like records).
//!
//! ```
//! use zoho_crm_api::entity_scores::GetEntityScores;
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
//! // No scoring rule has run yet.
//! assert!(GetEntityScores::new().send(&client).await?.is_none());
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::Json;
use zoho_runtime::Page;

use crate::setting::{Extra, Ref};
use crate::{declared, ApiOperation};

/// The record an entity score is of.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ScoredRecord {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Json>,
    /// Its module.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<Ref>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A record's score from one scoring rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct EntityScore {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The record scored.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "Entity")]
    pub entity: Option<ScoredRecord>,
    /// Its score.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "Score")]
    pub score: Option<i64>,
    /// What it earned.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        rename = "Positive_Score"
    )]
    pub positive_score: Option<i64>,
    /// What it lost.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        rename = "Negative_Score"
    )]
    pub negative_score: Option<i64>,
    /// Its score from touch points.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        rename = "Touch_Point_Score"
    )]
    pub touch_point_score: Option<i64>,
    /// What touch points earned it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        rename = "Touch_Point_Positive_Score"
    )]
    pub touch_point_positive_score: Option<i64>,
    /// What touch points lost it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        rename = "Touch_Point_Negative_Score"
    )]
    pub touch_point_negative_score: Option<i64>,
    /// The rule.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        rename = "Scoring_Rule"
    )]
    pub scoring_rule: Option<Ref>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Lists entity scores, of some records with `ids`.
#[zoho_endpoint(GET "/Entity_Scores__s", scope = "ZohoCRM.settings.modules.READ", response = Option<Page<EntityScore>>)]
#[derive(Debug, Clone, Default)]
pub struct GetEntityScores {
    /// The keys to answer.
    #[zoho(query)]
    pub fields: Option<Vec<String>>,
    /// Only the scores of these records.
    #[zoho(query)]
    pub ids: Option<Vec<String>>,
    /// The key to sort by.
    #[zoho(query)]
    pub sort_by: Option<String>,
    /// `asc` or `desc`.
    #[zoho(query)]
    pub sort_order: Option<String>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Scores per page.
    #[zoho(query)]
    pub per_page: Option<u32>,
    /// The token of the next page.
    #[zoho(query)]
    pub page_token: Option<String>,
    /// A custom view of the scored module.
    #[zoho(query)]
    pub cvid: Option<String>,
}

impl GetEntityScores {
    /// The call, with its options left out.
    pub fn new() -> Self {
        GetEntityScores {
            fields: None,
            ids: None,
            sort_by: None,
            sort_order: None,
            page: None,
            per_page: None,
            page_token: None,
            cvid: None,
        }
    }

    /// With `fields` given.
    pub fn with_fields(mut self, fields: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.fields = Some(fields.into_iter().map(Into::into).collect());
        self
    }

    /// With `ids` given.
    pub fn with_ids(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }

    /// With `sort_by` given.
    pub fn with_sort_by(mut self, sort_by: impl Into<String>) -> Self {
        self.sort_by = Some(sort_by.into());
        self
    }

    /// With `sort_order` given.
    pub fn with_sort_order(mut self, sort_order: impl Into<String>) -> Self {
        self.sort_order = Some(sort_order.into());
        self
    }

    /// With `page` given.
    pub fn with_page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }

    /// With `per_page` given.
    pub fn with_per_page(mut self, per_page: u32) -> Self {
        self.per_page = Some(per_page);
        self
    }

    /// With `page_token` given.
    pub fn with_page_token(mut self, page_token: impl Into<String>) -> Self {
        self.page_token = Some(page_token.into());
        self
    }

    /// With `cvid` given.
    pub fn with_cvid(mut self, cvid: impl Into<String>) -> Self {
        self.cvid = Some(cvid.into());
        self
    }
}

/// The scores of one record.
#[zoho_endpoint(GET "/Entity_Scores__s/<record_id>", scope = "ZohoCRM.settings.modules.READ", response = Option<Page<EntityScore>>)]
#[derive(Debug, Clone)]
pub struct GetEntityScore {
    /// The record scored.
    pub record_id: String,
    /// A custom view of the scored module.
    #[zoho(query)]
    pub cvid: Option<String>,
    /// The keys to answer.
    #[zoho(query)]
    pub fields: Option<Vec<String>>,
}

impl GetEntityScore {
    /// The call, with its options left out.
    pub fn new(record_id: impl Into<String>) -> Self {
        GetEntityScore {
            record_id: record_id.into(),
            cvid: None,
            fields: None,
        }
    }

    /// With `cvid` given.
    pub fn with_cvid(mut self, cvid: impl Into<String>) -> Self {
        self.cvid = Some(cvid.into());
        self
    }

    /// With `fields` given.
    pub fn with_fields(mut self, fields: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.fields = Some(fields.into_iter().map(Into::into).collect());
        self
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![GetEntityScores, GetEntityScore];
