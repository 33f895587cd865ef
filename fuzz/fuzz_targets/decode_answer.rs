//! Any answer, any status, any expected count: every decoder of Zoho's answers returns `Ok` or
//! one of its typed errors, never panics, and keeps its promises on what it returns.
//!
//! Input: two bytes of status (little-endian), one byte for the expected count (`0` is none,
//! `n` is `n - 1` records), then the body.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zoho_crm_api::mass_update::MassUpdateV2;
use zoho_crm_api::records::UpdateRecordV2;
use zoho_fuzz::{answer_input, check_error, check_outcomes, RecordsPage};
use zoho_runtime::endpoint::{decode_json, decode_outcomes};
use zoho_runtime::{Details, Endpoint, Json};
use zoho_tour::seeds::{EmployeeCount, LeadUpdate};

fuzz_target!(|data: &[u8]| {
    let (raw, expected) = answer_input(data);

    let outcomes = decode_outcomes(&raw, expected);
    let shown = match &outcomes {
        Ok(o) => format!("{o:?}"),
        Err(e) => format!("{e:?}"),
    };
    // The seeds' declarations decode through the same path, with the same result.
    for seed in [
        UpdateRecordV2::<LeadUpdate>::decode(&raw, expected),
        MassUpdateV2::<EmployeeCount>::decode(&raw, expected),
    ] {
        let seed_shown = match &seed {
            Ok(o) => format!("{o:?}"),
            Err(e) => format!("{e:?}"),
        };
        assert_eq!(shown, seed_shown, "a seed endpoint decodes differently");
    }
    check_outcomes(&raw, expected, outcomes);

    let json = decode_json::<Json>(&raw);
    if json.is_ok() {
        // A success, or `304 Not Modified` (decoded from `null`).
        let status = raw.status;
        assert!(
            (200..300).contains(&status) || status == 304,
            "Ok from a {status} answer"
        );
    }
    if let Err(error) = json {
        check_error(&raw, &error, false);
    }
    if let Err(error) = decode_json::<Option<Json>>(&raw) {
        check_error(&raw, &error, false);
    }
    match decode_json::<RecordsPage>(&raw) {
        Ok(page) => page.touch(),
        Err(error) => check_error(&raw, &error, false),
    }
    match decode_json::<Details>(&raw) {
        Ok(details) => zoho_fuzz::touch_details(&details),
        Err(error) => check_error(&raw, &error, false),
    }
});
