//! Zoho's timestamp format, `2021-05-11T12:52:29+00:00`, written without a date library.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Formats a point in time as RFC 3339 in UTC with an explicit `+00:00` offset, as Zoho writes it.
pub(crate) fn zoho_time(t: SystemTime) -> String {
    let secs = t
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_secs();
    format_unix(secs)
}

/// The current time in Zoho's format.
pub(crate) fn now() -> String {
    zoho_time(SystemTime::now())
}

/// Formats seconds since the Unix epoch.
pub(crate) fn format_unix(secs: u64) -> String {
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    let rem = secs % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}+00:00",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Formats a day count since the epoch as a Zoho date, `2024-03-15`.
pub(crate) fn format_date(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day).
///
/// Howard Hinnant's `civil_from_days`: exact for every day, with no tables and no loops.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_unix(0), "1970-01-01T00:00:00+00:00");
        // The SUCCESS answer of seed 002.
        assert_eq!(format_unix(1_620_737_549), "2021-05-11T12:52:29+00:00");
        assert_eq!(format_unix(951_782_400), "2000-02-29T00:00:00+00:00");
        assert_eq!(format_date(19_797), "2024-03-15");
    }
}
