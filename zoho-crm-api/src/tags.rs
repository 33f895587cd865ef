//! Tags: a module's tags (`/settings/tags`), created, renamed, merged and deleted, put on
//! records and taken off them (`/{module}/{id}/actions/add_tags`, `…/remove_tags`, and the same
//! for many records at once), the count of records a tag is on, and the mass deletion of tags
//! (`/settings/tags/actions/mass_delete`, a job).
//!
//! ```
//! use zoho_crm_api::runtime::Client;
//! use zoho_crm_api::tags::{AddTags, CreateTags, GetTagRecordCount, GetTags, NewTag};
//! use zoho_sandbox::Sandbox;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start().await?;
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! let created = CreateTags::of("Leads", vec![NewTag::named("Hot")]).send(&client).await?;
//! let hot = created.tags[0].id().unwrap();
//! let lead = sandbox.insert_record("Leads", serde_json::json!({"Last_Name": "Bryant"})).unwrap();
//! AddTags::of("Leads", lead.as_str(), &["Hot"]).send(&client).await?;
//! let count = GetTagRecordCount::of(hot.clone(), "Leads").send(&client).await?;
//! assert_eq!(count.count(), Some(1));
//! let tags = GetTags::of("Leads").send(&client).await?.unwrap_or_default();
//! assert!(tags.tags.iter().any(|t| t.name == "Hot"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, Json, UserRef};

use crate::answer::{id_in, ActionOutcome};
use crate::{declared, ApiOperation, RecordId};

/// One tag of a module, as `settings/tags` answers it.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Tag {
    /// Its id.
    pub id: RecordId,
    /// Its name (at most 25 characters).
    pub name: String,
    /// Its colour, one of Zoho's thirteen (`#57B1FD`, …).
    #[serde(default)]
    pub color_code: Option<String>,
    /// When it was created.
    #[serde(default)]
    pub created_time: Option<String>,
    /// When it was last changed.
    #[serde(default)]
    pub modified_time: Option<String>,
    /// Who created it.
    #[serde(default)]
    pub created_by: Option<UserRef>,
    /// Who last changed it.
    #[serde(default)]
    pub modified_by: Option<UserRef>,
}

/// The answer of [`GetTags`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Tags {
    /// The module's tags.
    #[serde(default)]
    pub tags: Vec<Tag>,
    /// How many there are and may be.
    #[serde(default)]
    pub info: Option<TagsInfo>,
}

/// The `info` of [`Tags`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct TagsInfo {
    /// Tags the module has.
    #[serde(default)]
    pub count: Option<u32>,
    /// Tags the module may have.
    #[serde(default)]
    pub allowed_count: Option<u32>,
}

/// The answer of a write to `settings/tags`: one outcome per tag, under `tags` (not `data`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct TagOutcomes {
    /// One per tag sent, in order.
    #[serde(default)]
    pub tags: Vec<ActionOutcome>,
}

impl TagOutcomes {
    /// Whether every tag succeeded.
    pub fn all_succeeded(&self) -> bool {
        self.tags.iter().all(ActionOutcome::succeeded)
    }
}

/// A tag to create: its name and, optionally, its colour.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct NewTag {
    /// Its name.
    pub name: String,
    /// Its colour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color_code: Option<String>,
}

impl NewTag {
    /// A tag of this name, in Zoho's default colour.
    pub fn named(name: impl Into<String>) -> Self {
        NewTag {
            name: name.into(),
            color_code: None,
        }
    }

    /// In this colour.
    pub fn with_color(mut self, color_code: impl Into<String>) -> Self {
        self.color_code = Some(color_code.into());
        self
    }
}

/// A change of a tag: a new name or colour; `id` names the tag in [`UpdateTags`].
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct TagChange {
    /// The tag, when the path does not name it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// A new name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new colour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color_code: Option<String>,
}

impl TagChange {
    /// Renames the tag `id`.
    pub fn rename(id: impl Into<RecordId>, name: impl Into<String>) -> Self {
        TagChange {
            id: Some(id.into()),
            name: Some(name.into()),
            color_code: None,
        }
    }
}

/// A tag named in `add_tags` and `remove_tags`: `{"name": "Hot"}`.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct TagName {
    /// Its name.
    pub name: String,
}

fn names(tags: &[&str]) -> Vec<TagName> {
    tags.iter()
        .map(|t| TagName {
            name: (*t).to_owned(),
        })
        .collect()
}

/// Lists a module's tags; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/settings/tags", scope = "ZohoCRM.settings.tags.READ", response = Option<Tags>)]
pub struct GetTags {
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// Only the tags the current user created.
    #[zoho(query)]
    pub my_tags: Option<bool>,
}

impl GetTags {
    /// Every tag of `module`.
    pub fn of(module: impl Into<String>) -> Self {
        GetTags {
            module: module.into(),
            my_tags: None,
        }
    }
}

/// Creates tags in a module.
#[zoho_endpoint(POST "/settings/tags", scope = "ZohoCRM.settings.tags.CREATE", response = TagOutcomes)]
pub struct CreateTags {
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// The tags.
    #[zoho(envelope)]
    pub tags: Vec<NewTag>,
}

impl CreateTags {
    /// Creates these tags in `module`.
    pub fn of(module: impl Into<String>, tags: Vec<NewTag>) -> Self {
        CreateTags {
            module: module.into(),
            tags,
        }
    }
}

/// Renames or recolours tags of a module, each named by its `id`.
#[zoho_endpoint(PUT "/settings/tags", scope = "ZohoCRM.settings.tags.UPDATE", response = TagOutcomes)]
pub struct UpdateTags {
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// The changes.
    #[zoho(envelope)]
    pub tags: Vec<TagChange>,
}

/// Renames or recolours one tag.
#[zoho_endpoint(PUT "/settings/tags/<id>", scope = "ZohoCRM.settings.tags.UPDATE", response = TagOutcomes)]
pub struct UpdateTag {
    /// The tag's id.
    pub id: RecordId,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
    /// The change (one).
    #[zoho(envelope)]
    pub tags: Vec<TagChange>,
}

impl UpdateTag {
    /// Renames the tag `id` of `module`.
    pub fn rename(
        id: impl Into<RecordId>,
        module: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        let mut change = TagChange::rename("", name);
        change.id = None;
        UpdateTag {
            id: id.into(),
            module: module.into(),
            tags: vec![change],
        }
    }
}

/// Deletes a tag, taking it off every record.
#[zoho_endpoint(DELETE "/settings/tags/<id>", scope = "ZohoCRM.settings.tags.DELETE", response = TagOutcomes)]
pub struct DeleteTag {
    /// The tag's id.
    pub id: RecordId,
}

/// The tag another is merged into: `{"conflict_id": "…"}`.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ConflictTag {
    /// Its id.
    pub conflict_id: RecordId,
}

/// Merges the tag `id` into the tag `conflict_id`: its records get that tag, and it is deleted.
#[zoho_endpoint(POST "/settings/tags/<id>/actions/merge", scope = "ZohoCRM.settings.tags.UPDATE", response = TagOutcomes)]
pub struct MergeTags {
    /// The tag merged away.
    pub id: RecordId,
    /// The tag kept (one).
    #[zoho(envelope)]
    pub tags: Vec<ConflictTag>,
}

impl MergeTags {
    /// Merges `id` into `into`.
    pub fn of(id: impl Into<RecordId>, into: impl Into<RecordId>) -> Self {
        MergeTags {
            id: id.into(),
            tags: vec![ConflictTag {
                conflict_id: into.into(),
            }],
        }
    }
}

/// Puts tags on a record, creating those the module lacks; `over_write` replaces its tags.
#[zoho_endpoint(POST "/<module>/<id>/actions/add_tags", scope = "ZohoCRM.modules.<module>.UPDATE")]
pub struct AddTags {
    /// The module's API name.
    pub module: String,
    /// The record's id.
    pub id: RecordId,
    /// The tags, by name.
    #[zoho(envelope)]
    pub tags: Vec<TagName>,
    /// Replaces the record's tags instead of adding to them.
    #[zoho(envelope)]
    pub over_write: Option<bool>,
}

impl AddTags {
    /// Puts the tags named `tags` on the record `id` of `module`.
    pub fn of(module: impl Into<String>, id: impl Into<RecordId>, tags: &[&str]) -> Self {
        AddTags {
            module: module.into(),
            id: id.into(),
            tags: names(tags),
            over_write: None,
        }
    }
}

/// Takes tags off a record.
#[zoho_endpoint(POST "/<module>/<id>/actions/remove_tags", scope = "ZohoCRM.modules.<module>.UPDATE")]
pub struct RemoveTags {
    /// The module's API name.
    pub module: String,
    /// The record's id.
    pub id: RecordId,
    /// The tags, by name.
    #[zoho(envelope)]
    pub tags: Vec<TagName>,
}

impl RemoveTags {
    /// Takes the tags named `tags` off the record `id` of `module`.
    pub fn of(module: impl Into<String>, id: impl Into<RecordId>, tags: &[&str]) -> Self {
        RemoveTags {
            module: module.into(),
            id: id.into(),
            tags: names(tags),
        }
    }
}

/// Puts tags on several records (at most 500); one outcome per record.
#[zoho_endpoint(POST "/<module>/actions/add_tags", scope = "ZohoCRM.modules.<module>.UPDATE")]
pub struct AddTagsToRecords {
    /// The module's API name.
    pub module: String,
    /// The tags, by name.
    #[zoho(envelope)]
    pub tags: Vec<TagName>,
    /// The records.
    #[zoho(envelope)]
    pub ids: Vec<RecordId>,
    /// Replaces the records' tags instead of adding to them.
    #[zoho(envelope)]
    pub over_write: Option<bool>,
}

impl AddTagsToRecords {
    /// Puts the tags named `tags` on the records `ids` of `module`.
    pub fn of(module: impl Into<String>, ids: Vec<RecordId>, tags: &[&str]) -> Self {
        AddTagsToRecords {
            module: module.into(),
            tags: names(tags),
            ids,
            over_write: None,
        }
    }
}

/// Takes tags off several records (at most 500); one outcome per record.
#[zoho_endpoint(POST "/<module>/actions/remove_tags", scope = "ZohoCRM.modules.<module>.UPDATE")]
pub struct RemoveTagsFromRecords {
    /// The module's API name.
    pub module: String,
    /// The tags, by name.
    #[zoho(envelope)]
    pub tags: Vec<TagName>,
    /// The records.
    #[zoho(envelope)]
    pub ids: Vec<RecordId>,
}

impl RemoveTagsFromRecords {
    /// Takes the tags named `tags` off the records `ids` of `module`.
    pub fn of(module: impl Into<String>, ids: Vec<RecordId>, tags: &[&str]) -> Self {
        RemoveTagsFromRecords {
            module: module.into(),
            tags: names(tags),
            ids,
        }
    }
}

/// How many records of a module carry a tag.
#[zoho_endpoint(GET "/settings/tags/<id>/actions/records_count", scope = "ZohoCRM.settings.tags.READ", response = TagCount)]
pub struct GetTagRecordCount {
    /// The tag's id.
    pub id: RecordId,
    /// The module's API name.
    #[zoho(query)]
    pub module: String,
}

impl GetTagRecordCount {
    /// The records of `module` tagged `id`.
    pub fn of(id: impl Into<RecordId>, module: impl Into<String>) -> Self {
        GetTagRecordCount {
            id: id.into(),
            module: module.into(),
        }
    }
}

/// The answer of [`GetTagRecordCount`]: `{"count": "3"}` (Zoho writes the number as text).
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct TagCount {
    /// The count as Zoho wrote it, text or number.
    pub count: Json,
}

impl TagCount {
    /// The count as a number.
    pub fn count(&self) -> Option<u64> {
        match &self.count {
            Json::String(text) => text.parse().ok(),
            other => other.as_u64(),
        }
    }
}

/// A module named by id and API name, as mass delete wants it.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ModuleRef {
    /// The module's id (`settings/modules` gives it).
    pub id: String,
    /// Its API name.
    pub api_name: String,
}

/// A tag named by id: `{"id": "…"}`.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct TagId {
    /// Its id.
    pub id: RecordId,
}

/// The tags of one module to delete in a mass delete (at most 200).
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MassDelete {
    /// The module.
    pub module: ModuleRef,
    /// The tags.
    pub tags: Vec<TagId>,
}

/// Schedules the deletion of many tags of one module; its status is [`GetMassDeleteTagsStatus`].
#[zoho_endpoint(POST "/settings/tags/actions/mass_delete", scope = "ZohoCRM.settings.tags.DELETE", response = MassDeleteScheduled)]
pub struct MassDeleteTags {
    /// One module's tags (Zoho takes one module a call).
    #[zoho(envelope)]
    pub mass_delete: Vec<MassDelete>,
}

impl MassDeleteTags {
    /// Deletes the tags `tags` of the module `api_name` whose id is `module_id`.
    pub fn of(
        module_id: impl Into<String>,
        api_name: impl Into<String>,
        tags: Vec<RecordId>,
    ) -> Self {
        MassDeleteTags {
            mass_delete: vec![MassDelete {
                module: ModuleRef {
                    id: module_id.into(),
                    api_name: api_name.into(),
                },
                tags: tags.into_iter().map(|id| TagId { id }).collect(),
            }],
        }
    }
}

/// The answer of [`MassDeleteTags`]: the job scheduled, under `mass_delete`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MassDeleteScheduled {
    /// One entry per module sent.
    #[serde(default)]
    pub mass_delete: Vec<ActionOutcome>,
}

impl MassDeleteScheduled {
    /// The job's id.
    pub fn job_id(&self) -> Option<RecordId> {
        id_in(&self.mass_delete.first()?.details, "job_id")
    }
}

/// The state of a mass deletion of tags.
#[zoho_endpoint(GET "/settings/tags/actions/mass_delete", scope = "ZohoCRM.settings.tags.READ", response = MassDeleteStatus)]
pub struct GetMassDeleteTagsStatus {
    /// The job's id.
    #[zoho(query)]
    pub job_id: RecordId,
}

/// The answer of [`GetMassDeleteTagsStatus`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MassDeleteStatus {
    /// The job (one).
    #[serde(default)]
    pub mass_delete: Vec<MassDeleteJob>,
}

/// One mass deletion of tags.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct MassDeleteJob {
    /// Its id (Zoho's page calls it an integer, its examples write text).
    #[serde(default)]
    pub job_id: Json,
    /// `SCHEDULED`, `RUNNING`, `COMPLETED` or `FAILED`.
    pub status: String,
    /// Tags it was to delete.
    #[serde(default)]
    pub total_count: u32,
    /// Tags deleted.
    #[serde(default)]
    pub deleted_count: u32,
    /// Tags it failed to delete.
    #[serde(default)]
    pub failed_count: u32,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetTags,
    CreateTags,
    UpdateTags,
    UpdateTag,
    DeleteTag,
    MergeTags,
    AddTags,
    RemoveTags,
    AddTagsToRecords,
    RemoveTagsFromRecords,
    GetTagRecordCount,
    MassDeleteTags,
    GetMassDeleteTagsStatus,
];
