use zoho_crm_api::profiles::{
    CloneProfile, DeleteProfile, GetProfile, GetProfiles, ProfileChange, UpdateProfile,
};
use zoho_crm_api::users::{CreateUsers, GetUser, GetUsers, NewUser};

use crate::operations::harness::Harness;
use crate::operations::users::refusal;

pub async fn probe(h: &mut Harness) {
    let profiles = h.send(&GetProfiles {}).await.expect("profiles");
    assert_eq!(profiles.profiles.len(), 2);
    let standard = profiles.profiles.iter().find(|p| p.default).unwrap().id.clone();

    let copy = h.send(&CloneProfile::of(standard.clone(), "Field Staff")).await;
    let field = copy.ids()[0].clone().unwrap();
    assert_eq!(h.refused(&CloneProfile::of(standard.clone(), "field staff")).await, ["DUPLICATE_DATA"]);

    let mut change = ProfileChange::default();
    change.description = Some("Works outside".into());
    h.send(&UpdateProfile { id: field.clone(), profiles: vec![change] }).await;
    let read = h.send(&GetProfile::of(field.clone())).await.expect("the clone");
    assert_eq!(read.profiles[0].description.as_deref(), Some("Works outside"));
    assert!(read.profiles[0].custom && read.profiles[0].deletable);

    let role = h.send(&GetUsers::all()).await.unwrap().users[0].role.clone().unwrap().id;
    let user = NewUser::new("Outside", "outside@zylker.com", role, field.clone());
    let user = h.send(&CreateUsers::one(user)).await.ids()[0].clone().unwrap();

    let system = h.send_err(&DeleteProfile::of(standard.clone(), field.clone())).await;
    assert_eq!(refusal(&system), (400, "INVALID_ACTION".into()));
    assert!(h.send(&DeleteProfile::of(field.clone(), standard.clone())).await.all_succeeded());
    let moved = h.send(&GetUser::of(user)).await.unwrap();
    assert_eq!(moved.users[0].profile.as_ref().unwrap().id, standard);
    assert!(h.send(&GetProfile::of(field)).await.is_none());
}
