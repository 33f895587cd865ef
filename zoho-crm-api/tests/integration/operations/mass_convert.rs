use zoho_crm_api::mass_convert::{GetMassConvertStatus, MassConvertLeads};
use zoho_crm_api::Record;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let lead = |name: &str| {
        let fields = format!(r#"{{"Last_Name": "{name}", "Company": "{name} Ltd"}}"#);
        h.sandbox.insert_record("Leads", fields.parse().unwrap()).unwrap()
    };
    let (a, b) = (lead("Moss"), lead("Lamb"));
    let mut deal = Record::new();
    deal.set("Deal_Name", "First order").set("Stage", "Qualification");
    let call = MassConvertLeads::ids([a.as_str(), b.as_str(), "111"]).with_deal(deal);
    let scheduled = h.send(&call).await;
    assert_eq!(scheduled.code.as_str(), "SCHEDULED");
    let status = h.send(&GetMassConvertStatus::of(scheduled.job_id().unwrap())).await;
    let row = status.row().unwrap();
    assert_eq!((row.status.as_str(), row.total_count), ("COMPLETED", 3));
    assert_eq!((row.converted_count, row.not_converted_count), (2, 1));
    assert!(h.sandbox.record("Leads", &a).is_none() && h.sandbox.record("Leads", &b).is_none());
    let deals = h.sandbox.records("Deals");
    let made: Vec<_> = deals.iter().filter(|d| d["Deal_Name"] == "First order").collect();
    assert_eq!(made.len(), 2);
    assert!(made.iter().any(|d| d["Account_Name"]["name"] == "Moss Ltd"));
}
