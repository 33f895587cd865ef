use zoho_crm_api::portals::*;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    assert!(h.send(&GetPortals::new()).await.is_none());
    assert!(h.send(&CreatePortal::new(vec![Portal::new("ZylkerCare")])).await.all_succeeded());
    assert_eq!(h.refused(&CreatePortal::new(vec![Portal::new("ZylkerCare")])).await, ["DUPLICATE_DATA"]);
    let off = Portal::default().with_active(false);
    assert!(h.send(&UpdatePortal::new("ZylkerCare", vec![off])).await.all_succeeded());
    let portal = h.send(&GetPortal::new("ZylkerCare")).await.unwrap().portals.remove(0);
    assert_eq!(portal.active, Some(false));
    assert!(portal.created_time.is_some());
    assert_eq!(h.send(&GetPortals::new()).await.unwrap().portals, vec![portal]);
}
