use zoho_crm_api::territories::{
    AddTerritoryUser, AddTerritoryUsers, AssociateUserTerritories, CreateTerritories,
    DeleteTerritories, DeleteTerritory, GetAssociatedUsersCount, GetChildTerritories,
    GetDeletedAssociatedTerritories, GetTerritories, GetTerritory, GetTerritoryUser,
    GetTerritoryUsers, GetUserTerritories, GetUserTerritory, IdOnly, NewTerritory,
    RemoveTerritoryUser, RemoveTerritoryUsers, RemoveUserTerritories, RemoveUserTerritory,
    TerritoryChange, TerritoryTransfer, TransferAndDeleteTerritories,
    TransferAndDeleteTerritory, UpdateTerritories, UpdateTerritory,
};
use zoho_crm_api::users::GetUsers;
use zoho_crm_api::RecordId;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let top = h.send(&GetTerritories::all()).await.expect("territories");
    let id_of = |name: &str| top.territories.iter().find(|t| t.name == name).unwrap().id.clone();
    let (zylker, emea) = (id_of("Zylker"), id_of("EMEA"));
    let users = h.send(&GetUsers::all()).await.unwrap().users;
    let (ryan, kevin) = (users[1].id.clone(), users[3].id.clone());

    let nordics = NewTerritory::new("Nordics", emea.clone(), ryan.clone());
    let added = h.send(&CreateTerritories::one(nordics)).await;
    let nordics = added.ids()[0].clone().unwrap();
    assert_eq!(h.refused(&CreateTerritories::one(NewTerritory::new("nordics", zylker.clone(), ryan.clone()))).await, ["DUPLICATE_DATA"]);
    let children = h.send(&GetChildTerritories { id: emea.clone(), filters: None, page: None, per_page: None }).await;
    assert_eq!(children.unwrap().territories[0].id, nordics);

    let mut described = TerritoryChange::of(nordics.clone());
    described.description = Some("Sweden, Norway, Denmark".into());
    h.send(&UpdateTerritories { territories: vec![described] }).await;
    let mut cycle = TerritoryChange::default();
    cycle.reporting_to = Some(IdOnly::of(nordics.clone()));
    assert_eq!(h.refused(&UpdateTerritory { id: emea.clone(), territories: vec![cycle] }).await, ["INVALID_DATA"]);
    let mut moved = TerritoryChange::default();
    moved.reporting_to = Some(IdOnly::of(zylker.clone()));
    h.send(&UpdateTerritory { id: nordics.clone(), territories: vec![moved] }).await;
    let read = h.send(&GetTerritory { id: nordics.clone() }).await.expect("nordics");
    assert_eq!(read.territories[0].reporting_to.as_ref().unwrap().id, zylker);
    assert_eq!(read.territories[0].description.as_deref(), Some("Sweden, Norway, Denmark"));

    members(h, &nordics, &ryan, &kevin).await;
    removals(h, &zylker, &emea, &nordics, &kevin).await;
}

/// Users join and leave from both sides.
async fn members(h: &mut Harness, nordics: &RecordId, ryan: &RecordId, kevin: &RecordId) {
    h.send(&AddTerritoryUsers::of(nordics.clone(), [ryan.clone()])).await;
    h.send(&AddTerritoryUser { territory: nordics.clone(), user: kevin.clone() }).await;
    let listed = h.send(&GetTerritoryUsers { territory: nordics.clone() }).await.unwrap();
    assert_eq!(listed.users.len(), 2);
    let one = h.send(&GetTerritoryUser { territory: nordics.clone(), user: kevin.clone() }).await;
    assert_eq!(one.unwrap().users[0].id, *kevin);
    h.send(&RemoveTerritoryUsers { territory: nordics.clone(), ids: vec![ryan.clone()] }).await;
    h.send(&RemoveTerritoryUser { territory: nordics.clone(), user: kevin.clone() }).await;
    assert!(h.send(&GetTerritoryUsers { territory: nordics.clone() }).await.is_none());
    assert_eq!(h.refused(&RemoveTerritoryUser { territory: nordics.clone(), user: kevin.clone() }).await, ["INVALID_DATA"]);

    let joined = AssociateUserTerritories { user: kevin.clone(), territories: vec![IdOnly::of(nordics.clone())] };
    h.send(&joined).await;
    let theirs = h.send(&GetUserTerritories::of(kevin.clone())).await.unwrap();
    assert_eq!(theirs.territories[0].name.as_deref(), Some("Nordics"));
    assert_eq!(theirs.territories[0].manager.as_ref().unwrap().id, *ryan);
    let one = h.send(&GetUserTerritory { user: kevin.clone(), territory: nordics.clone() }).await;
    assert!(one.is_some());
    h.send(&RemoveUserTerritory { user: kevin.clone(), territory: nordics.clone() }).await;
    assert!(h.send(&GetUserTerritories::of(kevin.clone())).await.is_none());
    h.send(&joined).await;
    h.send(&RemoveUserTerritories { user: kevin.clone(), ids: vec![nordics.clone()] }).await;
    h.send(&joined).await;
    let counts = h.send(&GetAssociatedUsersCount {}).await.unwrap();
    let count = counts.associated_users_count.iter().find(|c| c.territory.id == *nordics);
    assert_eq!(count.unwrap().count, 1);
}

/// Kevin is in Nordics; it is deleted with its users moving to EMEA.
async fn removals(h: &mut Harness, zylker: &RecordId, emea: &RecordId, nordics: &RecordId, kevin: &RecordId) {
    let leaf = |name: &str| NewTerritory::new(name, nordics.clone(), kevin.clone());
    let oslo = h.send(&CreateTerritories::one(leaf("Oslo"))).await.ids()[0].clone().unwrap();
    assert_eq!(h.refused(&DeleteTerritory { id: nordics.clone(), delete_previous_forecasts: None }).await, ["NOT_ALLOWED"]);
    let transfer = TransferAndDeleteTerritory { id: nordics.clone(), territories: vec![TerritoryTransfer::new(nordics.clone(), emea.clone())] };
    assert!(h.send(&transfer).await.all_succeeded());
    let theirs = h.send(&GetUserTerritories::of(kevin.clone())).await.unwrap();
    assert_eq!(theirs.territories[0].id, *emea);
    let oslo_now = h.send(&GetTerritory { id: oslo.clone() }).await.unwrap();
    assert_eq!(oslo_now.territories[0].reporting_to.as_ref().unwrap().id, *emea);
    let gone = h.send(&GetDeletedAssociatedTerritories { ids: None }).await.unwrap();
    assert_eq!(gone.territories[0].id, *nordics);

    let bergen = h.send(&CreateTerritories::one(NewTerritory::new("Bergen", oslo.clone(), kevin.clone()))).await.ids()[0].clone().unwrap();
    let many = TransferAndDeleteTerritories { territories: vec![TerritoryTransfer::new(oslo.clone(), zylker.clone())] };
    assert!(h.send(&many).await.all_succeeded());
    h.send(&DeleteTerritory { id: bergen, delete_previous_forecasts: Some(false) }).await;
    let stockholm = h.send(&CreateTerritories::one(NewTerritory::new("Stockholm", emea.clone(), kevin.clone()))).await.ids()[0].clone().unwrap();
    h.send(&DeleteTerritories { ids: vec![stockholm.clone()], delete_previous_forecasts: None }).await;
    assert!(h.send(&GetTerritory { id: stockholm }).await.is_none());
    let left: Vec<String> = h.send(&GetTerritories::all()).await.unwrap().territories.into_iter().map(|t| t.name).collect();
    assert_eq!(left, ["Zylker", "EMEA"]);
}
