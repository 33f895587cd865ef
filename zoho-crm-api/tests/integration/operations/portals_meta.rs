use zoho_crm_api::portals_meta::*;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let meta = h.send(&GetPortalsMeta::new("Contacts")).await.unwrap();
    let names: Vec<_> = meta
        .related_lists
        .iter()
        .filter_map(|l| l.module.as_ref()?.get("api_name")?.as_str().map(str::to_owned))
        .collect();
    assert!(!names.is_empty());
    let bad = h.send_err(&GetPortalsMeta::new("Nothing")).await;
    assert!(bad.to_string().contains("INVALID_MODULE"), "{bad}");
}
