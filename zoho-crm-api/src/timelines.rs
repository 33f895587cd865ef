//! A record's timeline: `GET /{module}/{id}/__timeline`, what was done to the record, when and
//! by whom, newest first.
//!
//! ```
//! use zoho_crm_api::notes::{AddNotes, NewNote};
//! use zoho_crm_api::runtime::Client;
//! use zoho_crm_api::timelines::GetTimeline;
//! use zoho_sandbox::Sandbox;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start().await?;
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! let lead = sandbox.insert_record("Leads", serde_json::json!({"Last_Name": "Bryant"})).unwrap();
//! AddNotes::of(vec![NewNote::on("Leads", lead.as_str(), "Called", "No answer")]).send(&client).await?;
//! let timeline = GetTimeline::of("Leads", lead.as_str()).send(&client).await?.unwrap_or_default();
//! let actions: Vec<&str> = timeline.timeline.iter().map(|e| e.action.as_str()).collect();
//! assert_eq!(actions, ["added", "added"]); // the note, then the lead
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::Deserialize;
use zoho_runtime::{zoho_endpoint, Json, UserRef};

use crate::{declared, ApiOperation, PageInfo, RecordId};

/// Reads a record's timeline, a page at a time; `None` when Zoho answers `204`.
#[zoho_endpoint(GET "/<module>/<id>/__timeline", scope = "ZohoCRM.modules.<module>.READ", response = Option<Timeline>)]
pub struct GetTimeline {
    /// The module's API name.
    pub module: String,
    /// The record's id.
    pub id: RecordId,
    /// `audited_time` (the default) or `id`.
    #[zoho(query)]
    pub sort_by: Option<String>,
    /// `desc` (the default) or `asc`.
    #[zoho(query)]
    pub sort_order: Option<String>,
    /// Adds the inner details of each entry (`record`, `automation_details`).
    #[zoho(query)]
    pub include_inner_details: Option<Vec<String>>,
    /// Only these kinds of entries.
    #[zoho(query)]
    pub include_timeline_type: Option<Vec<String>>,
    /// A filter as Zoho writes it (`{"comparator":"equal","field":{"api_name":"action"},"value":"updated"}`).
    #[zoho(query)]
    pub filters: Option<String>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Entries a page, at most 200.
    #[zoho(query)]
    pub per_page: Option<u32>,
    /// The token of a page past the first 2,000 entries.
    #[zoho(query)]
    pub page_token: Option<String>,
}

impl GetTimeline {
    /// The first page of the timeline of the record `id` of `module`.
    pub fn of(module: impl Into<String>, id: impl Into<RecordId>) -> Self {
        GetTimeline {
            module: module.into(),
            id: id.into(),
            sort_by: None,
            sort_order: None,
            include_inner_details: None,
            include_timeline_type: None,
            filters: None,
            page: None,
            per_page: None,
            page_token: None,
        }
    }
}

/// The answer of [`GetTimeline`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Timeline {
    /// The entries, in the order asked.
    #[serde(default, rename = "__timeline")]
    pub timeline: Vec<TimelineEntry>,
    /// How far the listing has got.
    #[serde(default)]
    pub info: PageInfo,
}

/// One thing done to a record.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct TimelineEntry {
    /// The entry's id.
    #[serde(default)]
    pub id: Option<RecordId>,
    /// `added`, `updated`, `deleted`, ….
    pub action: String,
    /// When.
    #[serde(default)]
    pub audited_time: Option<String>,
    /// By whom.
    #[serde(default)]
    pub done_by: Option<UserRef>,
    /// Through what: `crm_ui`, `crm_api`, ….
    #[serde(default)]
    pub source: Option<String>,
    /// The record (or, for a related record such as a note, that one) it was done to.
    #[serde(default)]
    pub record: Json,
    /// The fields changed, with their old and new values, when Zoho knows them.
    #[serde(default)]
    pub field_history: Option<Vec<Json>>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![GetTimeline];
