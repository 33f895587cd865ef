//! Any answer to a bulk job's status call: the typed status or a typed answer error, never a
//! panic; a decoded status's state is the state word's, and a final one is final.
//!
//! Input: two bytes of HTTP status (little-endian), then the body.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zoho_crm_api::bulk_read::BulkReadStatus;
use zoho_crm_api::bulk_write::BulkWriteStatus;
use zoho_runtime::endpoint::{decode_json, RawResponse};
use zoho_runtime::jobs::{JobState, JobStatus};

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let raw = RawResponse::new(u16::from_le_bytes([data[0], data[1]]), data[2..].to_vec());
    if let Ok(status) = decode_json::<BulkReadStatus>(&raw) {
        match status.data.first() {
            Some(job) => {
                assert_eq!(status.state(), JobState::from_zoho(&job.state));
                assert_eq!(status.job_id(), job.id);
            }
            None => assert!(matches!(status.state(), JobState::Failed(_))),
        }
        let _ = status.state_text();
    }
    if let Ok(status) = decode_json::<BulkWriteStatus>(&raw) {
        assert_eq!(status.state(), JobState::from_zoho(&status.status));
        assert_eq!(status.job_id(), status.id);
    }
    if let Ok(text) = std::str::from_utf8(&data[2..]) {
        let state = JobState::from_zoho(text);
        assert_eq!(state, JobState::from_zoho(&text.to_ascii_lowercase()));
    }
});
