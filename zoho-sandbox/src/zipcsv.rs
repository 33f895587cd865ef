//! Zips of one CSV file, as Zoho's bulk API exchanges them: written for bulk read results and
//! bulk write result files, read from bulk write uploads.

use std::io::{Cursor, Read, Write};

/// A zip holding one CSV file `name` of these rows (the first row the header).
pub(crate) fn write(name: &str, rows: &[Vec<String>]) -> Result<Vec<u8>, String> {
    let mut csv = csv::Writer::from_writer(Vec::new());
    for row in rows {
        csv.write_record(row).map_err(|e| e.to_string())?;
    }
    let csv = csv.into_inner().map_err(|e| e.to_string())?;
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file(name, options).map_err(|e| e.to_string())?;
    zip.write_all(&csv).map_err(|e| e.to_string())?;
    Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
}

/// The rows of the first CSV file of a zip (the first row the header).
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a zip: {e}"))?;
    let index = (0..archive.len())
        .find(|&i| {
            archive
                .by_index(i)
                .is_ok_and(|f| f.name().to_ascii_lowercase().ends_with(".csv"))
        })
        .ok_or("the zip holds no .csv file")?;
    let mut text = Vec::new();
    archive
        .by_index(index)
        .map_err(|e| e.to_string())?
        .read_to_end(&mut text)
        .map_err(|e| e.to_string())?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&text[..]);
    reader
        .records()
        .map(|r| {
            r.map(|r| r.iter().map(str::to_owned).collect())
                .map_err(|e| format!("bad CSV: {e}"))
        })
        .collect()
}
