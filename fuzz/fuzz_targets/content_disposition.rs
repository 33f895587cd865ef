//! Any `Content-Disposition` value: a file name or `None`, never a panic; a name it gives,
//! written again as `filename*`, reads back the same.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zoho_runtime::files::content_disposition_file_name;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(name) = content_disposition_file_name(text) {
        let encoded: String = name.bytes().map(|b| format!("%{b:02X}")).collect();
        let again = format!("attachment; filename*=UTF-8''{encoded}");
        assert_eq!(
            content_disposition_file_name(&again).as_deref(),
            Some(name.as_str())
        );
    }
});
