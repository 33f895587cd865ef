//! Any text sent as a COQL query to the sandbox's parser is a query of some module or one of
//! Zoho's refusals (`SYNTAX_ERROR`, `LIMIT_EXCEEDED`, `DUPLICATE_DATA`), never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zoho_sandbox::__coql::check;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match check(text) {
        Ok(module) => assert!(!module.is_empty()),
        Err(code) => assert!(
            ["SYNTAX_ERROR", "LIMIT_EXCEEDED", "DUPLICATE_DATA"].contains(&code),
            "{code}"
        ),
    }
});
