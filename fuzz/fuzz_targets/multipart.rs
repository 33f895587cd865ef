//! Forms: any parts the runtime renders are read back as written by the sandbox's parser, and
//! any bytes given to that parser are a form or an error, never a panic.
//!
//! Input: structured (`arbitrary`): the parts (text or file, name, file name, bytes), then raw
//! bytes for the parser alone.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use zoho_runtime::files::{FilePart, FormItem, Multipart};

#[derive(Arbitrary, Debug)]
struct Input {
    parts: Vec<(bool, String, String, Vec<u8>)>,
    raw: Vec<u8>,
}

const BOUNDARY: &str = "zoho-rs-fuzz-boundary-3xq";

fuzz_target!(|input: Input| {
    let _ = zoho_sandbox::__fuzz::multipart(BOUNDARY, &input.raw);
    let mut form = Multipart::with_boundary(BOUNDARY);
    let mut expected = Vec::new();
    for (is_file, name, file_name, bytes) in &input.parts {
        // A name's own `%22`, `%0D` or `%0A` cannot be told from an escaped quote or line break,
        // and a part holding the boundary ends early: both are outside what a form can carry.
        if [name, file_name].iter().any(|t| t.contains('%')) || contains(bytes, BOUNDARY.as_bytes())
        {
            return;
        }
        if *is_file {
            form.push(FormItem::File {
                name: name.clone(),
                part: FilePart::bytes(file_name.clone(), bytes.clone()),
            });
            expected.push((name.clone(), Some(file_name.clone()), bytes.clone()));
        } else {
            let value = String::from_utf8_lossy(bytes).into_owned();
            expected.push((name.clone(), None, value.clone().into_bytes()));
            form.push(FormItem::Text {
                name: name.clone(),
                value,
            });
        }
    }
    let body = form.to_bytes().expect("every part is in memory");
    let parts = zoho_sandbox::__fuzz::multipart(BOUNDARY, &body).expect("a rendered form is read");
    assert_eq!(parts.len(), expected.len());
    for ((name, file_name, _, data), (e_name, e_file, e_data)) in parts.into_iter().zip(expected) {
        assert_eq!(name, e_name);
        assert_eq!(file_name, e_file);
        assert_eq!(data, e_data);
    }
});

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}
