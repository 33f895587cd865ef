use zoho_crm_api::roles::{
    CreateRoles, DeleteRole, GetRole, GetRoles, NewRole, RoleChange, UpdateRole, UpdateRoles,
};
use zoho_crm_api::users::{GetUser, GetUsers, NewUser, CreateUsers};

use crate::operations::harness::Harness;
use crate::operations::users::refusal;

pub async fn probe(h: &mut Harness) {
    let roles = h.send(&GetRoles {}).await.expect("roles");
    let id_of = |name: &str| roles.roles.iter().find(|r| r.name == name).unwrap().id.clone();
    let (ceo, manager) = (id_of("CEO"), id_of("Manager"));
    assert!(roles.roles.iter().find(|r| r.name == "CEO").unwrap().admin_user);

    let added = h.send(&CreateRoles { roles: vec![NewRole::new("Field Sales", manager.clone())] }).await;
    let field = added.ids()[0].clone().unwrap();
    assert_eq!(h.refused(&CreateRoles::one(NewRole::new("field sales", ceo.clone()))).await, ["DUPLICATE_DATA"]);
    assert_eq!(h.refused(&CreateRoles::one(NewRole::new("Orphan", "42"))).await, ["INVALID_DATA"]);

    let read = h.send(&GetRole::of(field.clone())).await.expect("the new role");
    assert_eq!(read.roles[0].reporting_to.as_ref().unwrap().id, manager);

    let mut change = RoleChange::of(field.clone());
    change.description = Some("Visits customers".into());
    assert!(h.send(&UpdateRoles { roles: vec![change] }).await.all_succeeded());
    let mut under_itself = RoleChange::default();
    under_itself.reporting_to = Some(zoho_crm_api::roles::IdRef { id: field.clone() });
    assert_eq!(h.refused(&UpdateRole { role_id: field.clone(), roles: vec![under_itself] }).await, ["INVALID_DATA"]);
    let mut rename = RoleChange::default();
    rename.name = Some("Field Sales EMEA".into());
    h.send(&UpdateRole { role_id: field.clone(), roles: vec![rename] }).await;
    let read = h.send(&GetRole::of(field.clone())).await.expect("renamed");
    assert_eq!(read.roles[0].name, "Field Sales EMEA");
    assert_eq!(read.roles[0].description.as_deref(), Some("Visits customers"));

    // A role with a user is deleted only with a role to move the user to.
    let profile = h.send(&GetUsers::all()).await.unwrap().users[0].profile.clone().unwrap().id;
    let user = NewUser::new("Field", "field@zylker.com", field.clone(), profile);
    let user = h.send(&CreateUsers::one(user)).await.ids()[0].clone().unwrap();
    let held = h.send_err(&DeleteRole::of(field.clone())).await;
    assert_eq!(refusal(&held), (400, "REQUIRED_PARAM_MISSING".into()));
    let deleted = h.send(&DeleteRole::of(field.clone()).transferring_to(manager.clone())).await;
    assert!(deleted.all_succeeded());
    let moved = h.send(&GetUser::of(user)).await.unwrap();
    assert_eq!(moved.users[0].role.as_ref().unwrap().id, manager);
    assert!(h.send(&GetRole::of(field)).await.is_none());
}
