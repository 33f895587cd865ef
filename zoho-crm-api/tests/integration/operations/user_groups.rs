use zoho_crm_api::user_groups::{
    Assignment, CreateGroups, DeleteGroup, GetAssignedGroups, GetAssociations, GetDeletionJobs,
    GetGroup, GetGroupedCounts, GetGroups, GetGroupsUsersCount, GetSources, GetSourcesCount,
    GetUnassignedGroups, GroupChange, NewGroup, Source, UpdateGroup, UpdateGroups,
};
use zoho_crm_api::users::GetUsers;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let users = h.send(&GetUsers::all()).await.unwrap().users;
    let (patricia, amelia) = (users[0].id.clone(), users[2].id.clone());
    let seeded = h.send(&GetGroups::default()).await.expect("groups");
    let sales = seeded.user_groups[0].id.clone();

    let leads = NewGroup::new("Leads desk", [Source::user(patricia.clone()), Source::of("groups", sales.clone())]);
    let leads = h.send(&CreateGroups::one(leads)).await.ids()[0].clone().unwrap();
    assert_eq!(h.refused(&CreateGroups::one(NewGroup::new("LEADS DESK", [Source::user(patricia.clone())]))).await, ["DUPLICATE_DATA"]);
    assert_eq!(h.refused(&CreateGroups::one(NewGroup::new("Ghosts", [Source::user("42")]))).await, ["INVALID_DATA"]);

    let read = h.send(&GetGroup::of(leads.clone())).await.unwrap();
    let counts = read.user_groups[0].sources_count.clone().unwrap();
    assert_eq!((counts.groups, counts.users.active), (1, 1));
    let sources = h.send(&GetSources::of(leads.clone())).await.unwrap();
    assert_eq!(sources.sources.len(), 2);
    let count = h.send(&GetSourcesCount { group: leads.clone() }).await.unwrap();
    assert_eq!(count.sources_count[0].groups, 1);

    // Patricia, and through Sales Team: Ryan and the two sales reps.
    let all = h.send(&GetGroupsUsersCount::default()).await.unwrap();
    let of_leads = all.associated_users_count.iter().find(|c| c.user_group.id == leads).unwrap();
    assert_eq!(of_leads.count, 4);
    let by_status = h.send(&GetGroupedCounts { group: leads.clone(), group_by: "status".into() }).await.unwrap();
    assert_eq!((by_status.grouped_counts[0].value.as_str(), by_status.grouped_counts[0].count), ("active", 4));
    let used = h.send(&GetAssociations { group: sales.clone() }).await.unwrap();
    assert_eq!(used.associations[0].resource.as_ref().unwrap().id, leads);

    let theirs = h.send(&GetAssignedGroups { get_assigned: Assignment::of_user(amelia.clone()) }).await.unwrap();
    assert_eq!(theirs.user_groups.len(), 2, "Sales Team by role, Leads desk through it");
    let not_patricia = h.send(&GetUnassignedGroups { get_unassigned: Assignment::of_user(patricia.clone()) }).await.unwrap();
    assert_eq!(not_patricia.user_groups[0].id, sales);

    let mut only_amelia = GroupChange::default();
    only_amelia.sources = Some(vec![Source::user(amelia.clone())]);
    h.send(&UpdateGroup { group: leads.clone(), user_groups: vec![only_amelia] }).await;
    let mut renamed = GroupChange::of(leads.clone());
    renamed.name = Some("Lead desk".into());
    h.send(&UpdateGroups { user_groups: vec![renamed] }).await;
    let read = h.send(&GetGroup::of(leads.clone())).await.unwrap();
    assert_eq!(read.user_groups[0].name, "Lead desk");
    let sources = h.send(&GetSources::of(leads.clone())).await.unwrap();
    assert_eq!(sources.sources[0].source.id, amelia);

    let deleted = h.send(&DeleteGroup { group: leads.clone() }).await;
    let job = deleted.first().unwrap().as_ref().unwrap().details.job_id().unwrap();
    let status = h.send(&GetDeletionJobs { job_id: job }).await.unwrap();
    assert_eq!(status.deletion_jobs[0].status, "COMPLETED");
    assert!(h.send(&GetGroup::of(leads)).await.is_none());
}
