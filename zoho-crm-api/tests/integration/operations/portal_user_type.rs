use zoho_crm_api::portal_user_type::*;
use zoho_crm_api::portals::{CreatePortal, Portal};
use zoho_crm_api::setting::Ref;

use crate::operations::harness::{id_of, Harness};

pub async fn probe(h: &mut Harness) {
    // A portal that does not exist has no user types to list.
    assert!(h.send_err(&GetUserTypes::new("Nowhere")).await.to_string().contains("INVALID_DATA"));
    assert!(h.send(&CreatePortal::new(vec![Portal::new("ZylkerCare")])).await.all_succeeded());
    let customers = UserType::new("Customers", vec![]).with_personality_module(Ref::api_name("Contacts"));
    let created = h.send(&CreateUserType::new("ZylkerCare", vec![customers])).await;
    let id = id_of(&created, 0);
    let listed = h.send(&GetUserTypes::new("ZylkerCare").with_include("no_of_users")).await.unwrap();
    assert_eq!(listed.user_types[0].no_of_users, Some(0));

    let off = UserType::default().with_active(false);
    assert!(h.send(&UpdateUserType::new("ZylkerCare", &id, vec![off])).await.all_succeeded());
    let one = h.send(&GetUserType::new("ZylkerCare", &id)).await.unwrap();
    assert_eq!(one.user_types[0].active, Some(false));
    assert!(h.send(&DeleteUserType::new("ZylkerCare", &id)).await.all_succeeded());
    assert!(h.send(&GetUserTypes::new("ZylkerCare")).await.is_none());
}
