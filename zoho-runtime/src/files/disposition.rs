//! The file name of a `Content-Disposition` header (RFC 6266): `filename*` (RFC 8187's
//! `charset'language'percent-encoded`) wins over `filename` (a token or a quoted string).

use percent_encoding::percent_decode_str;

/// The file name a `Content-Disposition` value gives, decoded: `filename*` when it is present
/// and readable, else `filename`. `None` when neither is there, or the value is malformed.
///
/// The name is returned as sent; it may hold `/` or `..`, so never join it to a directory
/// without checking it.
pub fn content_disposition_file_name(value: &str) -> Option<String> {
    let params = parameters(value)?;
    let extended = params
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("filename*"))
        .find_map(|(_, value)| extended_value(value));
    extended.or_else(|| {
        params
            .into_iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("filename"))
            .map(|(_, value)| value)
    })
}

/// The `; name=value` parameters after the disposition type, quoted strings unescaped.
fn parameters(value: &str) -> Option<Vec<(String, String)>> {
    let mut rest = value.trim_start();
    let kind = rest.find(';').map_or(rest, |end| &rest[..end]);
    if kind.trim().is_empty() && !rest.is_empty() && !rest.starts_with(';') {
        return None;
    }
    rest = &rest[kind.len()..];
    let mut params = Vec::new();
    loop {
        rest = rest.trim_start();
        let Some(after) = rest.strip_prefix(';') else {
            return rest.is_empty().then_some(params);
        };
        rest = after.trim_start();
        if rest.is_empty() {
            return Some(params);
        }
        let eq = rest.find('=')?;
        let name = rest[..eq].trim().to_owned();
        if name.is_empty() || name.contains([';', '"', ' ']) {
            return None;
        }
        let (value, tail) = param_value(rest[eq + 1..].trim_start())?;
        params.push((name, value));
        rest = tail;
    }
}

/// A quoted string (with `\` escapes) or a token, and what follows it.
fn param_value(text: &str) -> Option<(String, &str)> {
    let Some(quoted) = text.strip_prefix('"') else {
        let end = text.find(';').unwrap_or(text.len());
        let token = text[..end].trim_end();
        return (!token.is_empty()).then(|| (token.to_owned(), &text[end..]));
    };
    let mut out = String::new();
    let mut chars = quoted.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &quoted[i + 1..])),
            '\\' => out.push(chars.next()?.1),
            c => out.push(c),
        }
    }
    None
}

/// `UTF-8''r%C3%A9sum%C3%A9.pdf` → `résumé.pdf`; ISO-8859-1 is read too.
fn extended_value(value: &str) -> Option<String> {
    let mut pieces = value.splitn(3, '\'');
    let charset = pieces.next()?;
    let _language = pieces.next()?;
    let encoded = pieces.next()?;
    let bytes: Vec<u8> = percent_decode_str(encoded).collect();
    if charset.eq_ignore_ascii_case("utf-8") {
        String::from_utf8(bytes).ok()
    } else if charset.eq_ignore_ascii_case("iso-8859-1") {
        Some(bytes.into_iter().map(char::from).collect())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::content_disposition_file_name as name;

    #[test]
    fn reads_the_forms_zoho_and_browsers_send() {
        assert_eq!(
            name("attachment; filename=\"a b.png\"").as_deref(),
            Some("a b.png")
        );
        assert_eq!(
            name("attachment;filename=report.csv").as_deref(),
            Some("report.csv")
        );
        assert_eq!(
            name("inline; filename=\"say \\\"hi\\\".txt\"").as_deref(),
            Some("say \"hi\".txt")
        );
        assert_eq!(
            name("attachment; filename=\"fallback.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf")
                .as_deref(),
            Some("résumé.pdf")
        );
        assert_eq!(
            name("attachment; filename*=iso-8859-1'en'caf%E9.txt").as_deref(),
            Some("café.txt")
        );
        // An unreadable `filename*` falls back to `filename`.
        assert_eq!(
            name("attachment; filename*=UTF-8''%FF; filename=x.bin").as_deref(),
            Some("x.bin")
        );
    }

    #[test]
    fn malformed_values_give_no_name() {
        for bad in [
            "attachment; filename=\"open",
            "attachment; =x",
            "attachment",
            "",
            "attachment; filename=",
        ] {
            assert_eq!(name(bad), None, "{bad:?}");
        }
    }
}
