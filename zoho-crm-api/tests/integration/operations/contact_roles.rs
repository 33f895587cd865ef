use zoho_crm_api::contact_roles::{
    AddContactRole, AddContactRoleV6, AddContactRoles, ContactRoleChange, ContactRoleRef,
    DeleteContactRole, DeleteContactRoles, GetContactRole, GetContactRoles, GetDealContactRoles,
    NewContactRole, RemoveContactRole, UpdateContactRole, UpdateContactRoles,
};
use zoho_crm_api::{Record, RecordId};

use crate::operations::harness::Harness;

/// Seed 001's deal and contact, and its role "Executive Sponsor".
const DEAL: &str = "4150868000003384003";
const CONTACT: &str = "4150868000003283024";
const SPONSOR: &str = "3652397000000006877";

async fn names(h: &mut Harness) -> Vec<String> {
    let roles = h.send(&GetContactRoles {}).await.unwrap_or_default();
    roles.contact_roles.into_iter().map(|r| r.name).collect()
}

async fn role_on_deal(h: &mut Harness) -> Option<String> {
    let contacts = h.send(&GetDealContactRoles::<Record>::of(DEAL)).await;
    let contact = contacts.data.iter().find(|c| c.id().is_some_and(|id| id.as_str() == CONTACT))?;
    let role = contact.get::<serde_json::Value>("Contact_Role").unwrap()?;
    role["name"].as_str().map(str::to_owned)
}

pub async fn probe(h: &mut Harness) {
    let before = names(h).await;
    assert!(before.iter().any(|n| n == "Executive Sponsor"));
    let mut first = NewContactRole::named("Champion");
    first.sequence_number = Some(1);
    let new = vec![first, NewContactRole::named("Sceptic"), NewContactRole::named("champion")];
    let added = h.send(&AddContactRoles::of(new)).await;
    assert!(added.contact_roles[0].succeeded() && added.contact_roles[1].succeeded());
    assert_eq!(added.contact_roles[2].code, "DUPLICATE_DATA");
    let champion = added.contact_roles[0].id().unwrap();
    let sceptic = added.contact_roles[1].id().unwrap();
    let now = names(h).await;
    assert_eq!(now[0], "Champion");
    assert_eq!(now.last().map(String::as_str), Some("Sceptic"));

    let one = h.send(&GetContactRole { id: champion.clone() }).await.unwrap_or_default();
    assert_eq!(one.contact_roles[0].sequence_number, Some(1));
    let renamed = h.send(&UpdateContactRoles { contact_roles: vec![ContactRoleChange::rename(sceptic.clone(), "Doubter")] }).await;
    assert!(renamed.all_succeeded());
    let mut change = ContactRoleChange::rename(champion.clone(), "Advocate");
    change.id = None;
    assert!(h.send(&UpdateContactRole { id: champion.clone(), contact_roles: vec![change] }).await.all_succeeded());
    let now = names(h).await;
    assert!(now.contains(&"Doubter".to_owned()) && now[0] == "Advocate");

    // The deal's contact: seed 001's request, then the same at v8 with the new role.
    let seed = AddContactRoleV6 {
        deal_id: DEAL.into(),
        contact_id: CONTACT.into(),
        role: ContactRoleRef { name: "Executive Sponsor".into(), id: SPONSOR.into() },
    };
    assert!(h.send(&seed).await.all_succeeded());
    assert_eq!(role_on_deal(h).await.as_deref(), Some("Executive Sponsor"));
    assert!(h.send(&AddContactRole::of(DEAL, CONTACT, champion.clone())).await.all_succeeded());
    assert_eq!(role_on_deal(h).await.as_deref(), Some("Advocate"));
    let removed = h.send(&RemoveContactRole { deal_id: DEAL.into(), contact_id: CONTACT.into() }).await;
    assert!(removed.all_succeeded());
    assert_eq!(role_on_deal(h).await, None);

    let gone = h.send(&DeleteContactRoles { ids: vec![sceptic, RecordId::new("1")] }).await;
    assert!(gone.contact_roles[0].succeeded() && !gone.contact_roles[1].succeeded());
    assert!(h.send(&DeleteContactRole { id: champion.clone() }).await.all_succeeded());
    assert_eq!(names(h).await, before);
    assert!(h.send(&GetContactRole { id: champion }).await.is_none());
}
