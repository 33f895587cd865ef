//! User groups: named sets of users, roles, territories and other groups, used to share
//! records and assign work (`/settings/user_groups`). The groups one user belongs to are
//! [`crate::users::GetAssociatedGroups`].
//!
//! ```
//! use zoho_crm_api::user_groups::{CreateGroups, GetGroup, GetSources, NewGroup, Source};
//! use zoho_crm_api::users::GetUsers;
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
//! let user = GetUsers::all().send(&client).await?.unwrap_or_default().users[2].id.clone();
//!
//! let group = NewGroup::new("Night shift", [Source::user(user.clone())]);
//! let id = CreateGroups::one(group).send(&client).await?.ids()[0].clone().unwrap();
//! let read = GetGroup::of(id.clone()).send(&client).await?.unwrap_or_default();
//! assert_eq!(read.user_groups[0].name, "Night shift");
//! let sources = GetSources::of(id).send(&client).await?.unwrap_or_default();
//! assert_eq!(sources.sources[0].source.id, user);
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, PageInfo, RecordId};

use crate::written::{count, Ref, Written};
use crate::{declared, ApiOperation};

/// Lists the groups; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/settings/user_groups", scope = "ZohoCRM.settings.user_groups.READ", response = Option<Groups>)]
#[derive(Default)]
pub struct GetGroups {
    /// Extra keys to include: `sources_count`.
    #[zoho(query)]
    pub include: Option<String>,
    /// Only groups whose name starts with this.
    #[zoho(query)]
    pub name: Option<String>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Groups per page.
    #[zoho(query)]
    pub per_page: Option<u32>,
    /// A criteria filter, as Zoho's JSON criteria.
    #[zoho(query)]
    pub filters: Option<String>,
}

/// Gets one group; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/settings/user_groups/<group>", scope = "ZohoCRM.settings.user_groups.READ", response = Option<Groups>)]
pub struct GetGroup {
    /// The group's id.
    pub group: RecordId,
}

impl GetGroup {
    /// The group `group`.
    pub fn of(group: impl Into<RecordId>) -> Self {
        GetGroup {
            group: group.into(),
        }
    }
}

/// Adds groups.
#[zoho_endpoint(POST "/settings/user_groups", scope = "ZohoCRM.settings.user_groups.CREATE", response = Written)]
pub struct CreateGroups {
    /// The groups to add.
    #[zoho(envelope)]
    pub user_groups: Vec<NewGroup>,
}

impl CreateGroups {
    /// Adds `group`.
    pub fn one(group: NewGroup) -> Self {
        CreateGroups {
            user_groups: vec![group],
        }
    }
}

/// Changes several groups, each named by its `id`.
#[zoho_endpoint(PUT "/settings/user_groups", scope = "ZohoCRM.settings.user_groups.UPDATE", response = Written)]
pub struct UpdateGroups {
    /// The changes.
    #[zoho(envelope)]
    pub user_groups: Vec<GroupChange>,
}

/// Changes one group.
#[zoho_endpoint(PUT "/settings/user_groups/<group>", scope = "ZohoCRM.settings.user_groups.UPDATE", response = Written)]
pub struct UpdateGroup {
    /// The group's id.
    pub group: RecordId,
    /// The change (one item).
    #[zoho(envelope)]
    pub user_groups: Vec<GroupChange>,
}

/// Deletes a group, as a job (`SCHEDULED` with a `job_id`; see [`GetDeletionJobs`]).
#[zoho_endpoint(DELETE "/settings/user_groups/<group>", scope = "ZohoCRM.settings.user_groups.DELETE", response = Written)]
pub struct DeleteGroup {
    /// The group's id.
    pub group: RecordId,
}

/// The members of a group; `None` when it has none.
#[zoho_endpoint(GET "/settings/user_groups/<group>/sources", scope = "ZohoCRM.settings.user_groups.READ", response = Option<Sources>)]
pub struct GetSources {
    /// The group's id.
    pub group: RecordId,
    /// Only members of this type: `users`, `roles`, `territories`, `groups`.
    #[zoho(query = "type")]
    pub kind: Option<String>,
    /// Only users of this state: `active`, `inactive`, `deleted`.
    #[zoho(query)]
    pub user_type: Option<String>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Members per page.
    #[zoho(query)]
    pub per_page: Option<u32>,
}

impl GetSources {
    /// Every member of `group`.
    pub fn of(group: impl Into<RecordId>) -> Self {
        GetSources {
            group: group.into(),
            kind: None,
            user_type: None,
            page: None,
            per_page: None,
        }
    }
}

/// How many members of each type a group has.
#[zoho_endpoint(GET "/settings/user_groups/<group>/actions/sources_count", scope = "ZohoCRM.settings.user_groups.READ", response = Option<SourcesCounts>)]
pub struct GetSourcesCount {
    /// The group's id.
    pub group: RecordId,
}

/// The state of a group's deletion.
#[zoho_endpoint(GET "/settings/user_groups/actions/deletion_jobs", scope = "ZohoCRM.settings.user_groups.READ", response = Option<DeletionJobs>)]
pub struct GetDeletionJobs {
    /// The job's id, from [`DeleteGroup`]'s answer.
    #[zoho(query)]
    pub job_id: RecordId,
}

/// What uses a group (sharing rules, assignment rules, …); `None` when nothing does.
#[zoho_endpoint(GET "/settings/user_groups/<group>/actions/associations", scope = "ZohoCRM.settings.user_groups.READ", response = Option<Associations>)]
pub struct GetAssociations {
    /// The group's id.
    pub group: RecordId,
}

/// How many users each group has.
#[zoho_endpoint(GET "/settings/user_groups/actions/associated_users_count", scope = "ZohoCRM.settings.user_groups.READ", response = Option<GroupUsersCount>)]
#[derive(Default)]
pub struct GetGroupsUsersCount {
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Groups per page.
    #[zoho(query)]
    pub per_page: Option<u32>,
    /// A criteria filter.
    #[zoho(query)]
    pub filters: Option<String>,
}

/// The groups a feature's entity is assigned to.
#[zoho_endpoint(POST "/settings/user_groups/actions/get_assigned", scope = "ZohoCRM.settings.user_groups.READ", response = Option<Groups>)]
pub struct GetAssignedGroups {
    /// Which feature and entity.
    #[zoho(envelope)]
    pub get_assigned: Assignment,
}

/// The groups a feature's entity is not assigned to.
#[zoho_endpoint(POST "/settings/user_groups/actions/get_unassigned", scope = "ZohoCRM.settings.user_groups.READ", response = Option<Groups>)]
pub struct GetUnassignedGroups {
    /// Which feature and entity.
    #[zoho(envelope)]
    pub get_unassigned: Assignment,
}

/// A group's users counted by a key (`status`).
#[zoho_endpoint(GET "/settings/user_groups/<group>/associated_users/actions/grouped_counts", scope = "ZohoCRM.settings.user_groups.READ", response = Option<GroupedCounts>)]
pub struct GetGroupedCounts {
    /// The group's id.
    pub group: RecordId,
    /// What the users are counted by: `status`.
    #[zoho(query)]
    pub group_by: String,
}

/// A group to add.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct NewGroup {
    /// Its name, unique in the organisation.
    pub name: String,
    /// What it is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its members.
    pub sources: Vec<Source>,
}

impl NewGroup {
    /// A group `name` of `sources`.
    pub fn new(name: impl Into<String>, sources: impl IntoIterator<Item = Source>) -> Self {
        NewGroup {
            name: name.into(),
            description: None,
            sources: sources.into_iter().collect(),
        }
    }
}

/// Changes to a group: only the keys set are sent; `sources` replaces the members.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct GroupChange {
    /// Its id (required in [`UpdateGroups`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// A new name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// New members.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<Source>>,
}

impl GroupChange {
    /// A change of group `id`, nothing set yet.
    pub fn of(id: impl Into<RecordId>) -> Self {
        GroupChange {
            id: Some(id.into()),
            ..GroupChange::default()
        }
    }
}

/// A member of a group.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Source {
    /// `users`, `roles`, `territories` or `groups`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The member.
    pub source: SourceRef,
    /// For a role: whether its sub-roles count too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subordinates: Option<bool>,
    /// For a territory: whether its child territories count too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_territories: Option<bool>,
}

impl Source {
    /// A member of type `kind` (`users`, `roles`, `territories`, `groups`).
    pub fn of(kind: impl Into<String>, id: impl Into<RecordId>) -> Self {
        Source {
            kind: kind.into(),
            source: SourceRef {
                id: id.into(),
                name: None,
            },
            subordinates: None,
            sub_territories: None,
        }
    }

    /// A user.
    pub fn user(id: impl Into<RecordId>) -> Self {
        Source::of("users", id)
    }
}

/// The member a [`Source`] names.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct SourceRef {
    /// Its id.
    pub id: RecordId,
    /// Its name, in answers.
    #[serde(default, skip_serializing)]
    pub name: Option<String>,
}

/// Which feature's entity [`GetAssignedGroups`] asks about.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Assignment {
    /// The feature: `user_groups`.
    pub feature: String,
    /// The entity's id (a user, for `user_groups`).
    pub related_entity_id: RecordId,
    /// The page, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Groups per page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}

impl Assignment {
    /// The groups of user `user`.
    pub fn of_user(user: impl Into<RecordId>) -> Self {
        Assignment {
            feature: "user_groups".into(),
            related_entity_id: user.into(),
            page: None,
            per_page: None,
        }
    }
}

/// The answer of the group lists.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Groups {
    /// The groups.
    #[serde(default)]
    pub user_groups: Vec<Group>,
    /// How far the listing has got.
    #[serde(default)]
    pub info: PageInfo,
}

/// A group.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Group {
    /// Its id.
    pub id: RecordId,
    /// Its name.
    pub name: String,
    /// What it is for.
    #[serde(default)]
    pub description: Option<String>,
    /// How many members of each type (with `include=sources_count`).
    #[serde(default)]
    pub sources_count: Option<SourcesCount>,
    /// Who made it.
    #[serde(default)]
    pub created_by: Option<Ref>,
}

/// The answer of [`GetSources`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Sources {
    /// The members.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// How far the listing has got.
    #[serde(default)]
    pub info: PageInfo,
}

/// The answer of [`GetSourcesCount`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct SourcesCounts {
    /// One entry, the group's.
    #[serde(default)]
    pub sources_count: Vec<SourcesCount>,
}

/// How many members of each type a group has.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct SourcesCount {
    /// Territories.
    #[serde(default)]
    pub territories: u64,
    /// Roles.
    #[serde(default)]
    pub roles: u64,
    /// Groups.
    #[serde(default)]
    pub groups: u64,
    /// Users, by state.
    #[serde(default)]
    pub users: UserCounts,
}

/// Users by state.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct UserCounts {
    /// Active users.
    #[serde(default)]
    pub active: u64,
    /// Deactivated users.
    #[serde(default)]
    pub inactive: u64,
    /// Deleted users.
    #[serde(default)]
    pub deleted: u64,
}

/// The answer of [`GetDeletionJobs`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct DeletionJobs {
    /// One entry, the job's.
    #[serde(default)]
    pub deletion_jobs: Vec<DeletionJob>,
}

/// A deletion job's state.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct DeletionJob {
    /// `SCHEDULED`, `RUNNING`, `COMPLETED` or `FAILED`.
    #[serde(rename = "Status")]
    pub status: String,
}

/// The answer of [`GetAssociations`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Associations {
    /// What uses the group.
    #[serde(default)]
    pub associations: Vec<Association>,
}

/// Something that uses a group.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Association {
    /// What kind of thing: `sharing_rule`, `assignment_rule`, ….
    #[serde(rename = "type")]
    pub kind: String,
    /// The thing.
    #[serde(default)]
    pub resource: Option<Ref>,
}

/// The answer of [`GetGroupsUsersCount`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct GroupUsersCount {
    /// One count per group.
    #[serde(default)]
    pub associated_users_count: Vec<GroupCount>,
    /// How far the listing has got.
    #[serde(default)]
    pub info: PageInfo,
}

/// How many users a group has.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct GroupCount {
    /// The group.
    pub user_group: Ref,
    /// Its users.
    #[serde(deserialize_with = "count")]
    pub count: u64,
}

/// The answer of [`GetGroupedCounts`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct GroupedCounts {
    /// One count per value of the key.
    #[serde(default)]
    pub grouped_counts: Vec<GroupedCount>,
}

/// The users of a group with one value of the key.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct GroupedCount {
    /// The value: `active`, `inactive`, `deleted` for `status`.
    pub value: String,
    /// How many users.
    #[serde(deserialize_with = "count")]
    pub count: u64,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetGroups,
    GetGroup,
    CreateGroups,
    UpdateGroups,
    UpdateGroup,
    DeleteGroup,
    GetSources,
    GetSourcesCount,
    GetDeletionJobs,
    GetAssociations,
    GetGroupsUsersCount,
    GetAssignedGroups,
    GetUnassignedGroups,
    GetGroupedCounts,
];
