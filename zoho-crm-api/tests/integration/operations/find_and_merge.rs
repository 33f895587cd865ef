use zoho_crm_api::find_and_merge::{GetMergeStatus, MergeRecords};

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let master = h.sandbox.insert_record("Leads", r#"{"Last_Name": "Moss"}"#.parse().unwrap()).unwrap();
    let twin = h
        .sandbox
        .insert_record("Leads", r#"{"Last_Name": "Moss", "Phone": "555-0100"}"#.parse().unwrap())
        .unwrap();
    let merge = MergeRecords::of("Leads", master.as_str(), [twin.as_str()]).keeping("Phone", twin.as_str());
    let answer = h.send(&merge).await;
    let job_id = answer.merge[0].job_id().unwrap();
    let status = h.send(&GetMergeStatus::of("Leads", master.as_str(), job_id.clone())).await;
    assert_eq!((status.merge[0].status.as_str(), status.merge[0].job_id.as_str()), ("COMPLETED", job_id.as_str()));
    assert_eq!(h.sandbox.record("Leads", &master).unwrap()["Phone"], "555-0100");
    assert!(h.sandbox.record("Leads", &twin).is_none());
}
