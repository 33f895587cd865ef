use zoho_crm_api::mass_update::{GetMassUpdateStatus, MassUpdate, MassUpdateV2};
use zoho_crm_api::Record;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let lead = h.sandbox.insert_record("Leads", r#"{"Last_Name": "Moss"}"#.parse().unwrap()).unwrap();
    let mut change = Record::new();
    change.set("Lead_Source", "Trade Show");
    let second = h.sandbox.insert_record("Leads", r#"{"Last_Name": "Vance"}"#.parse().unwrap()).unwrap();
    let outcomes = h.send(&MassUpdate::by_ids("Leads", [lead.as_str(), second.as_str()], change.clone())).await;
    // One outcome per id, in the order sent.
    assert_eq!(outcomes.len(), 2);
    assert!(outcomes.all_succeeded());
    for id in [&lead, &second] {
        assert_eq!(h.sandbox.record("Leads", id).unwrap()["Lead_Source"], "Trade Show");
    }

    let cvid = h.sandbox.custom_view_id("Leads").unwrap();
    change.set("Lead_Source", "Web Download");
    let scheduled = h.send(&MassUpdate::by_view("Leads", cvid, change)).await;
    // By custom view, one outcome: the job's.
    assert_eq!(scheduled.len(), 1, "{scheduled}");
    let job_id = scheduled[0].as_ref().unwrap().details.job_id().unwrap();
    let status = h.send(&GetMassUpdateStatus::of("Leads", job_id)).await;
    let row = status.row().unwrap();
    assert_eq!(row.status, "COMPLETED");
    assert_eq!(row.total_count, h.sandbox.records("Leads").len() as u64);
    // The seed's locked and unapproved leads are left as they were.
    assert_eq!(row.updated_count + row.not_updated_count, row.total_count);
    assert!(row.updated_count > 0);
    assert_eq!(h.sandbox.record("Leads", &lead).unwrap()["Lead_Source"], "Web Download");

    // Seed 004's request at v2: one outcome per id, each lead changed.
    let other = h.sandbox.insert_record("Leads", r#"{"Last_Name": "Quill"}"#.parse().unwrap()).unwrap();
    let employees: Record = [("No_of_Employees", 1000)].into_iter().collect();
    let seed = MassUpdateV2::by_ids("Leads", [lead.as_str(), other.as_str()], employees).with_over_write(true);
    let outcomes = h.send(&seed).await;
    assert_eq!(outcomes.len(), 2);
    assert!(outcomes.all_succeeded(), "{outcomes}");
    for id in [&lead, &other] {
        assert_eq!(h.sandbox.record("Leads", id).unwrap()["No_of_Employees"], 1000);
    }
    let mut change = Record::new();
    change.set("Lead_Source", "Seminar Partner");
    let scheduled = h.send(&MassUpdateV2::by_view("Leads", cvid, change)).await;
    assert_eq!(scheduled.len(), 1, "{scheduled}");
    assert!(scheduled[0].as_ref().unwrap().details.job_id().is_some());
}
