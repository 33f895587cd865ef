use std::time::Duration;

use zoho_crm_api::bulk_file::{read_csv_zip, records_of};
use zoho_crm_api::bulk_read::{BulkQuery, CreateBulkRead, DownloadBulkRead, GetBulkRead};
use zoho_crm_api::runtime::jobs::{JobState, JobStatus, Wait};
use zoho_crm_api::runtime::Json;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let query = BulkQuery::module("Leads").fields(["Last_Name", "Mobile"]);
    let created = h.send(&CreateBulkRead::of(query)).await;
    let job_id = created.job_id().unwrap().to_owned();
    let status = h.send(&GetBulkRead { job_id: job_id.clone() }).await;
    assert_eq!(status.state(), JobState::Running);
    let wait = Wait::default().interval(Duration::from_millis(5));
    let done = h.client.wait_for_job(&GetBulkRead { job_id: job_id.clone() }, &wait).await.unwrap();
    assert_eq!(done.state(), JobState::Completed);
    let count = done.data[0].result.as_ref().unwrap().count;
    let zip = h.send(&DownloadBulkRead { job_id }).await.unwrap().bytes().await.unwrap();
    let rows = read_csv_zip(&zip).unwrap();
    assert_eq!(rows[0], ["Id", "Last_Name", "Mobile"]);
    let leads = records_of(&rows);
    assert_eq!(leads.len() as u64, count);
    let seed = leads.iter().find(|l| l.value("Id").and_then(Json::as_str) == Some("738964000002148061")).unwrap();
    assert_eq!(seed.value("Mobile").and_then(Json::as_str), Some("98883434559"));

    // Criteria keep only the records they match.
    let criteria = serde_json::json!({
        "field": {"api_name": "Mobile"}, "comparator": "equal", "value": "98883434559"
    });
    let query = BulkQuery::module("Leads").fields(["Mobile"]).criteria(criteria);
    let only = zoho_crm_api::bulk_read::read_records(&h.client, query, &wait).await.unwrap();
    assert!(!only.is_empty() && only.len() < leads.len());
    assert!(only.iter().all(|l| l.value("Mobile").and_then(Json::as_str) == Some("98883434559")));
}
