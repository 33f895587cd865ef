use zoho_crm_api::portal_users::{
    ChangePortalUserStatus, DeletePortalUsers, GetUserTypeUsers, TransferPortalUsers,
};

use crate::operations::harness::Harness;
use crate::operations::users::refusal;

const PORTAL: &str = "zylkerportal";
const CUSTOMERS: &str = "738964000000300001";
const PARTNERS: &str = "738964000000300004";

pub async fn probe(h: &mut Harness) {
    let customers = h.send(&GetUserTypeUsers::of(PORTAL, CUSTOMERS)).await.unwrap();
    assert_eq!(customers.users.len(), 2);
    let (lucas, maria) = (customers.users[0].personality_id.clone(), customers.users[1].personality_id.clone());
    let unknown = h.send_err(&GetUserTypeUsers::of("otherportal", CUSTOMERS)).await;
    assert_eq!(refusal(&unknown), (400, "INVALID_DATA".into()));

    h.send(&ChangePortalUserStatus::of(PORTAL, CUSTOMERS, lucas.clone(), false)).await;
    let mut inactive = GetUserTypeUsers::of(PORTAL, CUSTOMERS);
    inactive.kind = Some("inactive".into());
    assert_eq!(h.send(&inactive).await.unwrap().users[0].personality_id, lucas);

    let moved = TransferPortalUsers {
        portal_name: PORTAL.into(),
        user_type_id: CUSTOMERS.into(),
        personality_ids: vec![maria.clone()],
        transfer_to: PARTNERS.into(),
    };
    assert!(h.send(&moved).await.all_succeeded());
    let partners = h.send(&GetUserTypeUsers::of(PORTAL, PARTNERS)).await.unwrap();
    assert!(partners.users.iter().any(|u| u.personality_id == maria));

    let removed = DeletePortalUsers {
        portal_name: PORTAL.into(),
        user_type_id: CUSTOMERS.into(),
        personality_ids: vec![lucas],
    };
    assert!(h.send(&removed).await.all_succeeded());
    assert!(h.send(&GetUserTypeUsers::of(PORTAL, CUSTOMERS)).await.is_none());
}
