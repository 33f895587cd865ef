use zoho_crm_api::mass_delete::MassDelete;
use zoho_crm_api::recycle_bin::{DeleteFromRecycleBin, EmptyRecycleBin, GetRecycleBin, GetRecycleBinRecord};

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let lead = |name: &str| {
        let fields = format!(r#"{{"Last_Name": "{name}"}}"#);
        h.sandbox.insert_record("Leads", fields.parse().unwrap()).unwrap()
    };
    let (a, b, c) = (lead("Moss"), lead("Lamb"), lead("Hart"));
    h.send(&MassDelete::ids("Leads", [a.as_str(), b.as_str(), c.as_str()])).await;

    let bin = h.send(&GetRecycleBin::of_module("Leads")).await.unwrap();
    assert_eq!(bin.recycle_bin.len(), 3);
    assert!(h.send(&GetRecycleBin::of_module("Deals")).await.is_none());
    let one = h.send(&GetRecycleBinRecord { record_id: a.as_str().into() }).await.unwrap();
    let entry = &one.recycle_bin[0];
    assert_eq!(entry.display_name.as_deref(), Some("Moss"));
    assert_eq!(entry.module.as_ref().map(|m| m.api_name.as_str()), Some("Leads"));

    assert!(h.sandbox.restore_deleted(&c));
    assert_eq!(h.sandbox.record("Leads", &c).unwrap()["Last_Name"], "Hart");

    let gone = h.send(&DeleteFromRecycleBin::of(a.as_str())).await;
    assert!(gone.recycle_bin[0].is_success());
    let emptied = h.send(&EmptyRecycleBin { ids: vec![b.as_str().into()] }).await;
    assert!(emptied.recycle_bin[0].is_success());
    assert!(h.send(&GetRecycleBin::default()).await.is_none());
    assert!(!h.sandbox.restore_deleted(&a), "deleted for good");
}
