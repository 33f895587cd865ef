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

/// Seconds since the epoch of a Zoho timestamp with any offset (`2019-07-25T15:26:49+05:30`,
/// or `Z`), as `If-Modified-Since` carries it.
pub(crate) fn parse(text: &str) -> Option<i64> {
    let b = text.trim().as_bytes();
    let num = |from: usize, to: usize| -> Option<i64> {
        let part = std::str::from_utf8(b.get(from..to)?).ok()?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let (y, mo, d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (h, mi, s) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || s > 60 {
        return None;
    }
    let offset = match (b[19], b.len()) {
        (b'Z', 20) => 0,
        (sign @ (b'+' | b'-'), 25) if b[22] == b':' => {
            let minutes = num(20, 22)? * 60 + num(23, 25)?;
            if sign == b'+' {
                minutes * 60
            } else {
                -minutes * 60
            }
        }
        _ => return None,
    };
    Some(days_from_civil(y, mo as u32, d as u32) * 86_400 + h * 3600 + mi * 60 + s - offset)
}

/// A proleptic Gregorian date to days since 1970-01-01 (Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
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

    #[test]
    fn parses_what_it_formats_and_other_offsets() {
        assert_eq!(parse("2021-05-11T12:52:29+00:00"), Some(1_620_737_549));
        assert_eq!(parse("2021-05-11T18:22:29+05:30"), Some(1_620_737_549));
        assert_eq!(parse("2021-05-11T12:52:29Z"), Some(1_620_737_549));
        assert_eq!(parse("2000-02-29T00:00:00-01:00"), Some(951_786_000));
        assert_eq!(parse("2021-13-11T12:52:29+00:00"), None);
        assert_eq!(parse("yesterday"), None);
        for secs in [0, 951_782_400, 1_700_000_000] {
            assert_eq!(parse(&format_unix(secs)), Some(secs as i64));
        }
    }
}
