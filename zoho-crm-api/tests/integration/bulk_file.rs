//! Properties of the bulk files: records written as a CSV zip read back cell for cell, and a
//! result file gives one typed outcome per record, in input order, or an error.

use proptest::prelude::*;
use zoho_crm_api::bulk_file::{
    csv_rows, csv_zip, read_csv, read_csv_zip, records_of, row_outcomes, RowStatus,
};
use zoho_crm_api::runtime::Json;
use zoho_crm_api::{Error, Record};

fn is_bulk_error<T>(result: &Result<T, Error>) -> bool {
    matches!(result, Err(Error::BulkFile { .. }))
}

fn text() -> impl Strategy<Value = String> {
    // Commas, quotes, line breaks and non-ASCII: what CSV must quote.
    "[a-zA-Z0-9 ,\"\r\né€;-]{1,12}"
}

proptest! {
    /// Any records of text fields: the zip's CSV has their fields as header and their values as
    /// cells, in order; read back as records, each field has its value.
    #[test]
    fn records_read_back(records in proptest::collection::vec(
        proptest::collection::btree_map("[A-Z][a-z_]{1,8}", text(), 1..5), 1..20)
    ) {
        let records: Vec<Record> = records
            .into_iter()
            .map(|fields| fields.into_iter().map(|(k, v)| (k, Json::String(v))).collect())
            .collect();
        let zip = csv_zip("Contacts.csv", &records).unwrap();
        let rows = read_csv_zip(&zip).unwrap();
        prop_assert_eq!(&rows, &csv_rows(&records).unwrap());
        let back = records_of(&rows);
        prop_assert_eq!(back.len(), records.len());
        for (sent, read) in records.iter().zip(&back) {
            for (field, value) in sent.fields() {
                prop_assert_eq!(read.value(field), Some(value));
            }
        }
    }

    /// Any result file of `n` rows: `n` outcomes in the rows' order, failures with their code and
    /// field; any other count of rows is an error, never a record dropped.
    #[test]
    fn result_rows_become_outcomes(rows in proptest::collection::vec(
        (prop_oneof![Just("ADDED"), Just("UPDATED"), Just("FAILED"), Just("SKIPPED")], "[0-9]{1,19}", "[A-Z_]{1,20}", "[A-Za-z_]{0,12}"), 0..30),
        extra in 1usize..3,
    ) {
        let mut file = vec![["Email", "STATUS", "RECORD_ID", "ERRORS"].map(String::from).to_vec()];
        for (i, (status, id, code, field)) in rows.iter().enumerate() {
            let failed = *status == "FAILED";
            file.push(vec![
                format!("row{i}@example.com"),
                status.to_string(),
                if failed { String::new() } else { id.clone() },
                if failed { format!("{code} - {field}") } else { String::new() },
            ]);
        }
        let csv = {
            let mut out = Vec::new();
            for row in &file {
                let quoted: Vec<String> = row.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect();
                out.extend_from_slice(quoted.join(",").as_bytes());
                out.extend_from_slice(b"\r\n");
            }
            out
        };
        let parsed = read_csv(&csv).unwrap();
        prop_assert_eq!(&parsed, &file);
        let outcomes = row_outcomes(&parsed, rows.len()).unwrap();
        prop_assert_eq!(outcomes.len(), rows.len());
        for ((status, id, code, field), outcome) in rows.iter().zip(&outcomes) {
            match (*status, outcome) {
                ("FAILED", Err(error)) => {
                    prop_assert_eq!(&error.code, code);
                    prop_assert_eq!(error.field.as_deref(), Some(field.as_str()).filter(|f| !f.is_empty()));
                }
                ("ADDED", Ok(done)) => {
                    prop_assert_eq!(&done.status, &RowStatus::Added);
                    prop_assert_eq!(done.id.as_ref().map(|i| i.as_str()), Some(id.as_str()));
                }
                ("UPDATED", Ok(done)) => prop_assert_eq!(&done.status, &RowStatus::Updated),
                ("SKIPPED", Ok(done)) => prop_assert_eq!(&done.status, &RowStatus::Other("SKIPPED".into())),
                (status, other) => prop_assert!(false, "{} read as {:?}", status, other),
            }
        }
        let wrong = row_outcomes(&parsed, rows.len() + extra);
        prop_assert!(is_bulk_error(&wrong));
    }

    /// Any bytes: rows or `Error::BulkFile`, never a panic.
    #[test]
    fn any_bytes_are_rows_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let zipped = read_csv_zip(&bytes);
        prop_assert!(zipped.is_ok() || is_bulk_error(&zipped));
        if let Ok(rows) = read_csv(&bytes) {
            let outcomes = row_outcomes(&rows, 1);
            prop_assert!(outcomes.is_ok() || is_bulk_error(&outcomes));
        }
    }
}
