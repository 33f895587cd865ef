//! The check of a path's first segment against Zoho CRM's modules and the other roots of its
//! API, as `zoho_spec::modules` lists them.
//!
//! The check errs on the side of letting calls through: names are compared case-insensitively,
//! any `…__s` name is a system module, only the default root `/crm` is checked, and a custom
//! module is declared with `custom_module`.

use zoho_spec::modules::{classify, known_first_segments, FirstSegment};

use crate::ctxt::Ctxt;
use crate::suggest::did_you_mean;

/// Reports a literal first segment that is neither a module Zoho defines nor another API root.
pub fn check_first_segment(cx: &Ctxt, lit: &syn::LitStr, first: &str) {
    if classify(first) != FirstSegment::Unknown {
        return;
    }
    cx.error_spanned_by(
        lit,
        format!(
            "`{first}` is not a standard Zoho CRM module{}; for a custom module, add \
             `custom_module` to the attribute: `#[zoho_endpoint(…, custom_module)]`",
            did_you_mean(first, known_first_segments())
        ),
    );
}

/// Why `custom_module` does not fit a first segment Zoho defines, or `None` for a segment
/// that may be a custom module.
pub fn not_custom(first: &str) -> Option<String> {
    let kind = match classify(first) {
        FirstSegment::Standard(_) => "a standard Zoho CRM module",
        FirstSegment::System => "a Zoho CRM system module",
        FirstSegment::ApiRoot(_) => "a root of Zoho CRM's API, not a module",
        FirstSegment::Unknown => return None,
    };
    Some(format!("`{first}` is {kind}: remove `custom_module`"))
}
