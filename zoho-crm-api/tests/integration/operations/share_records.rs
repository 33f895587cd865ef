use zoho_crm_api::actions::IdRef;
use zoho_crm_api::share_records::{GetShares, RevokeShares, ShareInput, ShareRecord, UpdateShares};

use crate::operations::harness::Harness;

const RYAN: &str = "738964000000291021";

pub async fn probe(h: &mut Harness) {
    let lead = h.sandbox.insert_record("Leads", r#"{"Last_Name": "Moss"}"#.parse().unwrap()).unwrap();
    let shared = h.send(&ShareRecord::with("Leads", lead.as_str(), RYAN, "read_only")).await;
    assert!(shared.share.iter().all(|a| a.is_success()));
    let update = UpdateShares {
        module: "Leads".into(),
        record_id: lead.as_str().into(),
        share: vec![ShareInput { user: IdRef::new(RYAN), permission: "full_access".into(), share_related_records: Some(true) }],
    };
    assert!(h.send(&update).await.share[0].is_success());
    let shares = h.send(&GetShares::of("Leads", lead.as_str())).await.unwrap();
    assert_eq!(shares.share.len(), 1);
    assert_eq!((shares.share[0].permission.as_str(), shares.share[0].share_related_records), ("full_access", true));
    assert_eq!(shares.share[0].user.id.as_str(), RYAN);

    let revoke = RevokeShares { module: "Leads".into(), record_id: lead.as_str().into() };
    assert!(h.send(&revoke).await.share[0].is_success());
    assert!(h.send(&GetShares::of("Leads", lead.as_str())).await.is_none());
}
