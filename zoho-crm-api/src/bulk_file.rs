//! The files of the bulk API: a zip of one CSV file, its first row the field API names.
//! [`csv_zip`] writes the upload of a bulk write from records, [`read_csv_zip`] reads any of
//! them back, [`records_of`] turns a bulk read's rows into records and [`row_outcomes`] a bulk
//! write's result rows into one typed outcome per record, in input order.
//!
//! ```
//! use zoho_crm_api::bulk_file::{csv_zip, read_csv_zip, row_outcomes, RowStatus};
//! use zoho_crm_api::Record;
//!
//! let mut ada = Record::new();
//! ada.set("Last_Name", "Lovelace").set("Email", "ada@example.com");
//! let zip = csv_zip("Contacts.csv", &[ada])?;
//! let rows = read_csv_zip(&zip)?;
//! assert_eq!(rows, [vec!["Email", "Last_Name"], vec!["ada@example.com", "Lovelace"]]);
//!
//! let result = vec![
//!     vec!["Last_Name".into(), "STATUS".into(), "RECORD_ID".into(), "ERRORS".into()],
//!     vec!["Lovelace".into(), "ADDED".into(), "5545".into(), "".into()],
//! ];
//! let outcomes = row_outcomes(&result, 1)?;
//! assert_eq!(outcomes[0].as_ref().unwrap().status, RowStatus::Added);
//! # Ok::<(), zoho_crm_api::Error>(())
//! ```

use std::io::{Cursor, Read, Write};

use zoho_runtime::serde::Serialize;
use zoho_runtime::{Error, Json, Record, RecordId};

fn bulk_error(reason: impl Into<String>) -> Error {
    Error::BulkFile {
        reason: reason.into(),
    }
}

/// A zip holding one CSV file `name` of `records`: a column per field any record has, by name;
/// a value as text (a lookup by its `id`, a list joined with `;`, nothing for `null`).
pub fn csv_zip<R: Serialize>(name: &str, records: &[R]) -> Result<Vec<u8>, Error> {
    let rows = csv_rows(records)?;
    let mut csv = csv::Writer::from_writer(Vec::new());
    for row in &rows {
        csv.write_record(row)
            .map_err(|e| bulk_error(e.to_string()))?;
    }
    let csv = csv.into_inner().map_err(|e| bulk_error(e.to_string()))?;
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file(name, options)
        .map_err(|e| bulk_error(e.to_string()))?;
    zip.write_all(&csv).map_err(|e| bulk_error(e.to_string()))?;
    let done = zip.finish().map_err(|e| bulk_error(e.to_string()))?;
    Ok(done.into_inner())
}

/// The header and one row per record, each record an object.
pub fn csv_rows<R: Serialize>(records: &[R]) -> Result<Vec<Vec<String>>, Error> {
    let objects = records
        .iter()
        .enumerate()
        .map(|(i, r)| match serde_json::to_value(r) {
            Ok(Json::Object(map)) => Ok(map),
            Ok(_) => Err(bulk_error(format!("record {i} is not a JSON object"))),
            Err(e) => Err(bulk_error(format!("record {i}: {e}"))),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut header: Vec<String> = Vec::new();
    for key in objects.iter().flat_map(|o| o.keys()) {
        if !header.contains(key) {
            header.push(key.clone());
        }
    }
    let mut rows = vec![header.clone()];
    rows.extend(
        objects
            .iter()
            .map(|o| header.iter().map(|k| cell(o.get(k))).collect()),
    );
    Ok(rows)
}

/// A value as a CSV cell.
pub fn cell(value: Option<&Json>) -> String {
    match value {
        None | Some(Json::Null) => String::new(),
        Some(Json::String(s)) => s.clone(),
        Some(Json::Object(o)) => match o.get("id") {
            Some(id) => cell(Some(id)),
            None => Json::Object(o.clone()).to_string(),
        },
        Some(Json::Array(items)) => items
            .iter()
            .map(|v| cell(Some(v)))
            .collect::<Vec<_>>()
            .join(";"),
        Some(other) => other.to_string(),
    }
}

/// The rows of the first CSV file of a zip, the header first.
pub fn read_csv_zip(bytes: &[u8]) -> Result<Vec<Vec<String>>, Error> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| bulk_error(format!("not a zip: {e}")))?;
    let index = (0..archive.len())
        .find(|&i| {
            archive
                .by_index(i)
                .is_ok_and(|f| f.name().to_ascii_lowercase().ends_with(".csv"))
        })
        .ok_or_else(|| bulk_error("the zip holds no .csv file"))?;
    let mut text = Vec::new();
    archive
        .by_index(index)
        .map_err(|e| bulk_error(e.to_string()))?
        .read_to_end(&mut text)
        .map_err(|e| bulk_error(format!("the zip's CSV cannot be read: {e}")))?;
    read_csv(&text)
}

/// The rows of a CSV file; every row as long as the header.
pub fn read_csv(text: &[u8]) -> Result<Vec<Vec<String>>, Error> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text);
    reader
        .records()
        .map(|r| {
            r.map(|r| r.iter().map(str::to_owned).collect())
                .map_err(|e| bulk_error(format!("bad CSV: {e}")))
        })
        .collect()
}

/// A bulk read's rows as records: each column a field, an empty cell `null`.
pub fn records_of(rows: &[Vec<String>]) -> Vec<Record> {
    let Some((header, rows)) = rows.split_first() else {
        return Vec::new();
    };
    rows.iter()
        .map(|row| {
            header
                .iter()
                .zip(row)
                .map(|(name, value)| {
                    let value = if value.is_empty() {
                        Json::Null
                    } else {
                        Json::String(value.clone())
                    };
                    (name.clone(), value)
                })
                .collect()
        })
        .collect()
}

/// What a bulk write did with one row.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RowStatus {
    /// A record was inserted.
    Added,
    /// A record was updated.
    Updated,
    /// Another word of Zoho's (`SKIPPED`, …), as written.
    Other(String),
}

/// A row the bulk write applied.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RowSuccess {
    /// What it did.
    pub status: RowStatus,
    /// The record's id.
    pub id: Option<RecordId>,
}

/// A row the bulk write refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RowError {
    /// Zoho's code: `MANDATORY_NOT_FOUND`.
    pub code: String,
    /// The field it names, when it names one.
    pub field: Option<String>,
    /// The `ERRORS` cell as written.
    pub text: String,
}

/// One row's outcome.
pub type RowOutcome = Result<RowSuccess, RowError>;

/// The outcome of each row of a bulk write's result file, in input order: exactly `expected`
/// of them, or an error (never a row silently dropped).
pub fn row_outcomes(rows: &[Vec<String>], expected: usize) -> Result<Vec<RowOutcome>, Error> {
    let (header, rows) = rows
        .split_first()
        .ok_or_else(|| bulk_error("the result file is empty"))?;
    let column = |names: &[&str]| {
        header
            .iter()
            .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
    };
    let status =
        column(&["STATUS"]).ok_or_else(|| bulk_error("the result has no STATUS column"))?;
    let id = column(&["RECORD_ID", "ID"]);
    let errors = column(&["ERRORS", "ERROR"]);
    if rows.len() != expected {
        return Err(bulk_error(format!(
            "the result file has {} rows for {expected} records sent",
            rows.len()
        )));
    }
    rows.iter()
        .enumerate()
        .map(|(i, row)| {
            let at = |c: Option<usize>| c.and_then(|c| row.get(c)).map(|s| s.trim().to_owned());
            let word = at(Some(status))
                .ok_or_else(|| bulk_error(format!("row {} has no STATUS", i + 1)))?;
            Ok(outcome(&word, at(id), at(errors).unwrap_or_default()))
        })
        .collect()
}

fn outcome(word: &str, id: Option<String>, errors: String) -> RowOutcome {
    let id = id.filter(|id| !id.is_empty()).map(RecordId::from);
    match word.to_ascii_uppercase().as_str() {
        "ADDED" | "INSERTED" | "CREATED" => Ok(RowSuccess {
            status: RowStatus::Added,
            id,
        }),
        "UPDATED" => Ok(RowSuccess {
            status: RowStatus::Updated,
            id,
        }),
        "FAILED" | "ERROR" => {
            // `CODE - field`; the field may be empty, and the cell trimmed to `CODE -`.
            let (code, field) = match errors.find(" -") {
                Some(at) => {
                    let field = errors[at + 2..].trim();
                    (
                        errors[..at].trim().to_owned(),
                        Some(field.to_owned()).filter(|f| !f.is_empty()),
                    )
                }
                None => (errors.trim().to_owned(), None),
            };
            Err(RowError {
                code,
                field,
                text: errors,
            })
        }
        other => Ok(RowSuccess {
            status: RowStatus::Other(other.to_owned()),
            id,
        }),
    }
}
