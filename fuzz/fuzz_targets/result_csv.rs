//! Any bulk file: the zip reader and the CSV reader give rows or `Error::BulkFile`, and the
//! result reader gives exactly one outcome per record sent, or `Error::BulkFile`.
//!
//! Input: one byte of records sent, then the file (read as a zip, and as a bare CSV).

#![no_main]

use libfuzzer_sys::fuzz_target;
use zoho_crm_api::bulk_file::{read_csv, read_csv_zip, records_of, row_outcomes};
use zoho_runtime::Error;

fuzz_target!(|data: &[u8]| {
    let Some((&sent, file)) = data.split_first() else {
        return;
    };
    for rows in [read_csv_zip(file), read_csv(file)] {
        let rows = match rows {
            Ok(rows) => rows,
            Err(Error::BulkFile { .. }) => continue,
            Err(other) => panic!("not a bulk file error: {other:?}"),
        };
        assert_eq!(records_of(&rows).len(), rows.len().saturating_sub(1));
        match row_outcomes(&rows, usize::from(sent)) {
            Ok(outcomes) => assert_eq!(outcomes.len(), usize::from(sent)),
            Err(Error::BulkFile { .. }) => {}
            Err(other) => panic!("not a bulk file error: {other:?}"),
        }
    }
});
