//! Any token answer and any stored token file: read into a token or a typed error, never a
//! panic; a token's lifetime always gives an expiry the clock can hold; no error quotes the
//! token.
//!
//! Input: two bytes of status (little-endian), then the body. The same bytes, as text, are read
//! as a token file.

#![no_main]

use std::time::{Instant, SystemTime};

use libfuzzer_sys::fuzz_target;
use zoho_runtime::auth::StoredToken;
use zoho_runtime::Error;

/// The access token a JSON text carries, when it is shaped like Zoho's (`1000.…`: at least 8
/// bytes with a `.`, which no fixed wording of an error has: a token `error` is in `Data error`)
/// and the text says it once only (an error may rightly quote another field that happens to hold
/// the same text).
fn lone_token(text: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let token = value.get("access_token")?.as_str()?.to_owned();
    let distinct = token.len() >= 8 && token.contains('.');
    (distinct && text.matches(token.as_str()).count() == 1).then_some(token)
}

fn assert_quiet(error: &Error, token: Option<&str>) {
    let shown = format!("{error} {error:?}");
    if let Some(token) = token {
        assert!(!shown.contains(token), "an error quotes the token: {shown}");
    }
}

fuzz_target!(|data: &[u8]| {
    let status = match data {
        [lo, hi, ..] => u16::from_le_bytes([*lo, *hi]),
        _ => 200,
    };
    let body = data.get(2..).unwrap_or_default();
    let text = std::str::from_utf8(body).ok();
    let token = text.and_then(lone_token);

    match zoho_runtime::__fuzz::token_answer(status, body) {
        Ok(lifetime) => {
            assert!(Instant::now().checked_add(lifetime).is_some());
            assert!(SystemTime::now().checked_add(lifetime).is_some());
        }
        Err(error) => {
            assert!(matches!(error, Error::Auth { .. }), "{error:?}");
            assert_quiet(&error, token.as_deref());
        }
    }

    if let Some(text) = text {
        match StoredToken::from_json(text) {
            Ok(stored) => {
                let again = StoredToken::from_json(&stored.to_json()).expect("what to_json wrote");
                assert_eq!(again.access_token, stored.access_token);
                assert_eq!(again.api_domain, stored.api_domain);
                assert_eq!(again.owner, stored.owner);
                assert_eq!(again.expires_at, stored.expires_at);
            }
            Err(error) => {
                assert!(matches!(error, Error::TokenStore { .. }), "{error:?}");
                assert_quiet(&error, token.as_deref());
            }
        }
    }
});
