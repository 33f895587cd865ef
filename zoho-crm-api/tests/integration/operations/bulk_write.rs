use std::time::Duration;

use zoho_crm_api::bulk_file::{csv_zip, read_csv_zip, row_outcomes, RowStatus};
use zoho_crm_api::bulk_write::{
    download_result, BulkOperation, CreateBulkWrite, GetBulkWrite, UploadBulkFile, WriteResource,
};
use zoho_crm_api::runtime::files::FilePart;
use zoho_crm_api::runtime::jobs::{JobState, JobStatus, Wait};
use zoho_crm_api::runtime::Error;
use zoho_crm_api::Record;

use crate::operations::harness::Harness;

fn contact(last: Option<&str>, email: &str) -> Record {
    let mut r = Record::new();
    if let Some(last) = last {
        r.set("Last_Name", last);
    }
    r.set("Email", email);
    r
}

pub async fn probe(h: &mut Harness) {
    let records = vec![
        contact(Some("Hopper"), "grace@example.com"),
        contact(None, "nameless@example.com"),
        contact(Some("Lamarr"), "hedy@example.com"),
    ];
    let zip = csv_zip("Contacts.csv", &records).unwrap();
    let uploaded = h.send(&UploadBulkFile::zip("1000", FilePart::bytes("Contacts.zip", zip))).await;
    assert_eq!(uploaded.code, "FILE_UPLOAD_SUCCESS");
    let upload = h.sandbox.journal().into_iter().last().unwrap();
    assert!(upload.headers.iter().any(|(k, v)| k == "feature" && v == "bulk-write"));
    assert!(upload.headers.iter().any(|(k, v)| k.eq_ignore_ascii_case("X-CRM-ORG") && v == "1000"));

    let job = CreateBulkWrite {
        operation: BulkOperation::Insert,
        callback: None,
        resource: vec![WriteResource::data("Contacts", uploaded.details.file_id)],
        ignore_empty: None,
    };
    let created = h.send(&job).await;
    let status = h.send(&GetBulkWrite { job_id: created.details.id.clone() }).await;
    assert_eq!(status.state(), JobState::Running);
    let wait = Wait::default().interval(Duration::from_millis(5));
    let done = h.client.wait_for_job(&GetBulkWrite { job_id: created.details.id }, &wait).await.unwrap();
    let result = download_result(&h.client, &done).await.unwrap().bytes().await.unwrap();
    let outcomes = row_outcomes(&read_csv_zip(&result).unwrap(), records.len()).unwrap();
    let first = outcomes[0].as_ref().unwrap();
    assert_eq!(first.status, RowStatus::Added);
    let id = first.id.clone().unwrap();
    assert_eq!(h.sandbox.record("Contacts", id.as_ref()).unwrap()["Email"], "grace@example.com");
    let refused = outcomes[1].as_ref().unwrap_err();
    assert_eq!((refused.code.as_str(), refused.field.as_deref()), ("MANDATORY_NOT_FOUND", Some("Last_Name")));
    assert!(outcomes[2].is_ok());

    // A zip over 25 MB is refused before anything is sent.
    let before = h.sandbox.journal().len();
    let big = FilePart::bytes("big.zip", vec![0u8; 25 * 1024 * 1024 + 1]);
    let error = h.client.send(&UploadBulkFile::zip("1000", big)).await.unwrap_err();
    assert!(matches!(error, Error::UploadTooLarge { .. }), "{error:?}");
    assert_eq!(h.sandbox.journal().len(), before);

    // The helper end to end, with the content domain named apart.
    let client = zoho_crm_api::Client::builder()
        .api_domain(h.sandbox.base_url())
        .content_domain(h.sandbox.base_url())
        .access_token(h.sandbox.access_token())
        .build()
        .unwrap();
    let more = vec![contact(Some("Noether"), "emmy@example.com")];
    let outcomes = zoho_crm_api::bulk_write::write_records(&client, "1000", "Contacts", BulkOperation::Insert, &more, &wait)
        .await
        .unwrap();
    assert_eq!(outcomes.len(), 1);
    assert!(outcomes[0].is_ok());
}
