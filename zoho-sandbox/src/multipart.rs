//! Reading a `multipart/form-data` body (RFC 7578) as Zoho's upload endpoints take it: each
//! part's name, file name, content type and bytes.

use axum::body::Bytes;
use memchr::memmem;

/// One part of a form.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub name: String,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub data: Bytes,
}

/// The boundary of a `multipart/form-data` content type, if it is one.
pub(crate) fn boundary(content_type: &str) -> Option<String> {
    let mut params = content_type.split(';');
    let kind = params.next()?.trim();
    if !kind.eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.find_map(|p| {
        let (name, value) = p.split_once('=')?;
        let value = value.trim().trim_matches('"');
        (name.trim().eq_ignore_ascii_case("boundary") && !value.is_empty())
            .then(|| value.to_owned())
    })
}

/// The parts of `body`, or why it is not a form.
pub(crate) fn parse(boundary: &str, body: &Bytes) -> Result<Vec<Part>, String> {
    let dash = format!("--{boundary}");
    let next = format!("\r\n--{boundary}");
    let mut at = if body.starts_with(dash.as_bytes()) {
        dash.len()
    } else {
        memmem::find(body, next.as_bytes()).ok_or("no boundary in the body")? + next.len()
    };
    let mut parts = Vec::new();
    loop {
        let rest = &body[at..];
        if rest.starts_with(b"--") {
            return Ok(parts);
        }
        let rest = rest
            .strip_prefix(b"\r\n")
            .ok_or("a boundary is not followed by a line break")?;
        let head_len = memmem::find(rest, b"\r\n\r\n").ok_or("a part has no end of headers")?;
        let start = at + 2 + head_len + 4;
        let len = memmem::find(&body[start..], next.as_bytes()).ok_or("a part is not closed")?;
        let head =
            std::str::from_utf8(&rest[..head_len]).map_err(|_| "a part's headers are not UTF-8")?;
        parts.push(part(head, body.slice(start..start + len))?);
        at = start + len + next.len();
    }
}

fn part(head: &str, data: Bytes) -> Result<Part, String> {
    let mut disposition = None;
    let mut content_type = None;
    for line in head.split("\r\n") {
        let (name, value) = line.split_once(':').ok_or("a part header has no `:`")?;
        if name.trim().eq_ignore_ascii_case("content-disposition") {
            disposition = Some(value.trim().to_owned());
        } else if name.trim().eq_ignore_ascii_case("content-type") {
            content_type = Some(value.trim().to_owned());
        }
    }
    let disposition = disposition.ok_or("a part has no Content-Disposition")?;
    let params = params(&disposition);
    let get = |key: &str| {
        params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.clone())
    };
    Ok(Part {
        name: get("name").ok_or("a part has no name")?,
        file_name: get("filename"),
        content_type,
        data,
    })
}

/// `form-data; name="file"; filename="a.zip"` → its parameters, quotes removed and the
/// browsers' `%22`, `%0D`, `%0A` decoded.
fn params(value: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = value;
    while let Some(semi) = rest.find(';') {
        rest = rest[semi + 1..].trim_start();
        let Some(eq) = rest.find('=') else { break };
        let name = rest[..eq].trim().to_owned();
        let after = &rest[eq + 1..];
        let (raw, tail) = match after.strip_prefix('"') {
            Some(quoted) => match quoted.find('"') {
                Some(end) => (&quoted[..end], &quoted[end + 1..]),
                None => (quoted, ""),
            },
            None => {
                let end = after.find(';').unwrap_or(after.len());
                (after[..end].trim(), &after[end..])
            }
        };
        let value = raw
            .replace("%22", "\"")
            .replace("%0D", "\r")
            .replace("%0A", "\n");
        out.push((name, value));
        rest = tail;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_and_file_parts() {
        let body = Bytes::from_static(
            b"--xyz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nQ3 plan\r\n--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a%22b.txt\"\r\nContent-Type: text/plain\r\n\r\nline 1\r\nline 2\r\n--xyz--\r\n",
        );
        let parts = parse(
            &boundary("multipart/form-data; boundary=xyz").unwrap(),
            &body,
        )
        .unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(
            (parts[0].name.as_str(), &parts[0].data[..]),
            ("title", &b"Q3 plan"[..])
        );
        assert_eq!(parts[1].file_name.as_deref(), Some("a\"b.txt"));
        assert_eq!(&parts[1].data[..], b"line 1\r\nline 2");
    }

    #[test]
    fn malformed_bodies_are_errors() {
        for bad in [
            &b"nothing"[..],
            b"--xyz\r\nno end",
            b"--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nopen",
        ] {
            assert!(parse("xyz", &Bytes::copy_from_slice(bad)).is_err());
        }
    }
}
