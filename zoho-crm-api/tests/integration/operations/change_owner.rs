use zoho_crm_api::change_owner::{ChangeOwner, ChangeOwners};

use crate::operations::harness::Harness;

const AMELIA: &str = "738964000000291033";

pub async fn probe(h: &mut Harness) {
    let lead = || h.sandbox.insert_record("Leads", r#"{"Last_Name": "Moss"}"#.parse().unwrap()).unwrap();
    let (a, b) = (lead(), lead());
    let one = h.send(&ChangeOwner::of("Leads", a.as_str(), AMELIA).with_notify(false)).await;
    assert!(one.all_succeeded());
    assert_eq!(h.sandbox.record("Leads", &a).unwrap()["Owner"]["id"], AMELIA);

    let many = h.send(&ChangeOwners::of("Leads", [b.as_str(), "999"], AMELIA)).await;
    assert_eq!(many.status(), 207);
    assert!(many[0].is_ok() && many[1].is_err());
    assert_eq!(h.sandbox.record("Leads", &b).unwrap()["Owner"]["name"], "Amelia Burns");
}
