use zoho_crm_api::unavailability::{
    Away, AwayChange, CreateUnavailability, DeleteUnavailability, GetUnavailabilities,
    GetUnavailability, UpdateUnavailabilities, UpdateUnavailability,
};
use zoho_crm_api::users::GetUsers;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let users = h.send(&GetUsers::all()).await.unwrap().users;
    let (ryan, kevin) = (users[1].id.clone(), users[3].id.clone());
    let kevin_role = users[3].role.clone().unwrap().id;

    let christmas = Away::new(ryan.clone(), "2026-12-24T09:00:00+00:00", "2026-12-26T18:00:00+00:00");
    let summer = Away::new(kevin.clone(), "2026-07-01T09:00:00+00:00", "2026-07-15T18:00:00+00:00");
    let added = h.send(&CreateUnavailability { users_unavailability: vec![christmas, summer] }).await;
    let (ryan_away, kevin_away) = (added.ids()[0].clone().unwrap(), added.ids()[1].clone().unwrap());
    let backwards = Away::new(ryan.clone(), "2026-12-26T18:00:00+00:00", "2026-12-24T09:00:00+00:00");
    assert_eq!(h.refused(&CreateUnavailability::one(backwards)).await, ["INVALID_DATA"]);

    let all = h.send(&GetUnavailabilities::default()).await.unwrap();
    assert_eq!(all.users_unavailability.len(), 2);
    let by_role = GetUnavailabilities { role_ids: Some(vec![kevin_role]), ..GetUnavailabilities::default() };
    let listed = h.send(&by_role).await.unwrap();
    assert_eq!(listed.users_unavailability[0].user.id, kevin);
    let filter = format!(r#"{{"field":{{"api_name":"user"}},"comparator":"equal","value":"{ryan}"}}"#);
    let by_user = GetUnavailabilities { filters: Some(filter), ..GetUnavailabilities::default() };
    assert_eq!(h.send(&by_user).await.unwrap().users_unavailability[0].id, ryan_away);

    let mut note = AwayChange::of(ryan_away.clone());
    note.comments = Some("Holidays".into());
    h.send(&UpdateUnavailabilities { users_unavailability: vec![note] }).await;
    let mut longer = AwayChange::default();
    longer.to = Some("2026-12-27T18:00:00+00:00".into());
    h.send(&UpdateUnavailability { id: ryan_away.clone(), users_unavailability: vec![longer] }).await;
    let one = GetUnavailability { id: ryan_away.clone(), include_inner_details: None, filters: None };
    let read = h.send(&one).await.unwrap();
    let entry = &read.users_unavailability[0];
    assert_eq!((entry.to.as_str(), entry.comments.as_deref()), ("2026-12-27T18:00:00+00:00", Some("Holidays")));

    h.send(&DeleteUnavailability { id: kevin_away.clone() }).await;
    let gone = GetUnavailability { id: kevin_away, include_inner_details: None, filters: None };
    assert!(h.send(&gone).await.is_none());
}
