//! Properties of the new decoders and renderers: the `multipart/form-data` body, the file name
//! of `Content-Disposition`, and the state words of job status answers.

use proptest::prelude::*;
use zoho_runtime::files::{content_disposition_file_name, FilePart, FormItem, Multipart};
use zoho_runtime::jobs::JobState;

/// One part as a reader of the form sees it: name, file name, content type, bytes.
type Seen = (String, Option<String>, Option<String>, Vec<u8>);

/// Reads a body as RFC 7578 says, splitting at `CRLF--boundary`.
fn read_form(boundary: &str, body: &[u8]) -> Vec<Seen> {
    let delimiter = format!("\r\n--{boundary}");
    let mut text = b"\r\n".to_vec();
    text.extend_from_slice(body);
    let mut pieces = split(&text, delimiter.as_bytes());
    assert!(
        pieces.remove(0).is_empty(),
        "the body begins with its boundary"
    );
    let last = pieces.pop().expect("a closing boundary");
    assert_eq!(last, b"--\r\n");
    pieces
        .into_iter()
        .map(|piece| {
            let piece = piece
                .strip_prefix(b"\r\n")
                .expect("CRLF after the boundary");
            let end = find(piece, b"\r\n\r\n").expect("the end of the part's headers");
            let head = std::str::from_utf8(&piece[..end]).unwrap();
            let param = |key: &str| {
                let at = head.find(&format!("; {key}=\""))? + key.len() + 4;
                let len = head[at..].find('"')?;
                Some(
                    head[at..at + len]
                        .replace("%22", "\"")
                        .replace("%0D", "\r")
                        .replace("%0A", "\n"),
                )
            };
            let content_type = head
                .split("\r\n")
                .find_map(|l| l.strip_prefix("Content-Type: ").map(str::to_owned));
            (
                param("name").unwrap(),
                param("filename"),
                content_type,
                piece[end + 4..].to_vec(),
            )
        })
        .collect()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn split<'a>(mut hay: &'a [u8], needle: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    while let Some(at) = find(hay, needle) {
        out.push(&hay[..at]);
        hay = &hay[at + needle.len()..];
    }
    out.push(hay);
    out
}

fn part() -> impl Strategy<Value = (bool, String, String, Vec<u8>)> {
    (
        any::<bool>(),
        "[a-zA-Z_\"\r\n é]{1,12}",
        "[a-zA-Z0-9 ._\"\r\n-]{1,16}",
        proptest::collection::vec(any::<u8>(), 0..300),
    )
}

proptest! {
    /// Any text fields and files, any bytes in them: read back as written, in order, and the
    /// announced length is the body's.
    #[test]
    fn a_form_reads_back_as_written(parts in proptest::collection::vec(part(), 0..6)) {
        let mut form = Multipart::with_boundary("zoho-rs-test-boundary-7q2");
        for (is_file, name, file_name, bytes) in &parts {
            form.push(if *is_file {
                FormItem::File { name: name.clone(), part: FilePart::bytes(file_name.clone(), bytes.clone()) }
            } else {
                FormItem::Text { name: name.clone(), value: String::from_utf8_lossy(bytes).into_owned() }
            });
        }
        let body = form.to_bytes().unwrap();
        let length = tokio::runtime::Builder::new_current_thread().build().unwrap()
            .block_on(form.content_length()).unwrap();
        prop_assert_eq!(length, body.len() as u64);
        let seen = read_form("zoho-rs-test-boundary-7q2", &body);
        prop_assert_eq!(seen.len(), parts.len());
        for ((is_file, name, file_name, bytes), (s_name, s_file, s_type, s_bytes)) in parts.iter().zip(seen) {
            prop_assert_eq!(&s_name, name);
            if *is_file {
                prop_assert_eq!(s_file.as_deref(), Some(file_name.as_str()));
                prop_assert!(s_type.is_some());
                prop_assert_eq!(&s_bytes, bytes);
            } else {
                prop_assert_eq!(s_file, None);
                prop_assert_eq!(s_bytes, String::from_utf8_lossy(bytes).as_bytes().to_vec());
            }
        }
    }

    /// Any file name, written as `filename*` (RFC 8187) or as a quoted `filename`, is read back
    /// exactly; `filename*` wins over `filename`.
    #[test]
    fn any_file_name_reads_back(name in "\\PC{1,40}", fallback in "[a-z]{1,8}") {
        let encoded: String = name.bytes().map(|b| format!("%{b:02X}")).collect();
        let extended = format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}");
        prop_assert_eq!(content_disposition_file_name(&extended), Some(name.clone()));
        let quoted = name.replace('\\', "\\\\").replace('"', "\\\"");
        let plain = format!("inline; filename=\"{quoted}\"");
        prop_assert_eq!(content_disposition_file_name(&plain), Some(name));
    }

    /// Any header value: a name or `None`, never a panic.
    #[test]
    fn any_disposition_is_read_or_refused(value in "\\PC{0,80}") {
        let _ = content_disposition_file_name(&value);
    }

    /// A job's state word is read without regard to case, `_` or spaces around it; any other
    /// word is a running job (the deadline still bounds a wait), never a final state.
    #[test]
    fn job_state_words(word in "[A-Za-z _]{0,20}", upper in any::<bool>()) {
        let known = [
            ("COMPLETED", JobState::Completed),
            ("in_progress", JobState::Running),
            ("Queued", JobState::Pending),
            ("ADDED", JobState::Pending),
            ("expired", JobState::Expired),
        ];
        for (text, state) in known {
            let text = if upper { text.to_ascii_uppercase() } else { text.to_ascii_lowercase() };
            prop_assert_eq!(JobState::from_zoho(&format!("  {text} ")), state);
        }
        let state = JobState::from_zoho(&word);
        let normal = word.trim().to_ascii_uppercase().replace('_', " ");
        let finals = ["COMPLETED", "COMPLETE", "SUCCESS", "DONE", "FAILED", "FAILURE", "CANCELLED", "CANCELED", "ABORTED", "EXPIRED"];
        prop_assert_eq!(state.is_final(), finals.contains(&normal.as_str()));
    }
}
