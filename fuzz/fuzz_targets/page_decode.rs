//! Any answer decodes into a page of records or a typed error; a page keeps every record of
//! its `data`; and the COQL `LIMIT` clause a walk rewrites reads back as it was written.
//!
//! Input: two bytes of status (little-endian), then the body; the body as text is also read
//! as a COQL query by `split_limit`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zoho_runtime::endpoint::{decode_json, RawResponse};
use zoho_runtime::paging::split_limit;
use zoho_runtime::{Error, Json, Page};

fuzz_target!(|data: &[u8]| {
    let (status, body) = match data {
        [a, b, rest @ ..] => (u16::from_le_bytes([*a, *b]) % 600, rest),
        _ => (200, data),
    };
    let raw = RawResponse::new(status, body.to_vec());
    match decode_json::<Page<Json>>(&raw) {
        Ok(page) => {
            assert!(
                (200..300).contains(&status) || status == 304,
                "a page from {status}"
            );
            // Every record of `data` is kept, in order.
            if let Ok(Json::Object(map)) = serde_json::from_slice::<Json>(body) {
                if let Some(Json::Array(items)) = map.get("data") {
                    assert_eq!(&page.data, items);
                }
            }
        }
        Err(Error::Api { status: s, .. })
        | Err(Error::UnexpectedBody { status: s, .. })
        | Err(Error::Decode { status: s, .. }) => assert_eq!(s, status),
        Err(other) => panic!("not an answer error: {other:?}"),
    }
    if let Ok(text) = std::str::from_utf8(body) {
        if let Ok(limit) = split_limit(text) {
            let (offset, rows) = (limit.offset.unwrap_or(0), limit.limit.unwrap_or(200));
            let rendered = limit.render(offset, rows);
            let again = split_limit(&rendered).expect("a rendered clause reads");
            assert_eq!((again.offset, again.limit), (Some(offset), Some(rows)));
        }
    }
});
