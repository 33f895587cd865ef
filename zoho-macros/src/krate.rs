//! The path generated code names the runtime by.
//!
//! A user depends on one crate: `zoho-runtime` itself, or the catalogue `zoho-crm-api`, which
//! re-exports it as `zoho_crm_api::runtime`. The generated code must name whichever the user's
//! `Cargo.toml` has, under the name it is given there (a renamed dependency included), so the
//! manifest is read once per expansion through `proc-macro-crate`.

use proc_macro2::{Span, TokenStream};
use proc_macro_crate::{crate_name, FoundCrate};
use quote::{format_ident, quote};
use syn::LitStr;

/// `::zoho_runtime`, `::zoho_crm_api::runtime`, or the names the user's manifest gives them.
pub fn runtime() -> TokenStream {
    if let Ok(found) = crate_name("zoho-runtime") {
        // The runtime names itself `zoho_runtime` too (`extern crate self as zoho_runtime`).
        let name = match found {
            FoundCrate::Itself => "zoho_runtime".to_owned(),
            FoundCrate::Name(name) => name,
        };
        let ident = format_ident!("{name}");
        return quote!(::#ident);
    }
    match crate_name("zoho-crm-api") {
        Ok(FoundCrate::Name(name)) => {
            let ident = format_ident!("{name}");
            quote!(::#ident::runtime)
        }
        // Without either in the manifest (a build outside cargo), the runtime's own name.
        Ok(FoundCrate::Itself) | Err(_) => quote!(::zoho_runtime),
    }
}

/// [`runtime`], its tokens given `span`: for a generated check whose error rustc reports at the
/// path it calls, so that the error lands on the user's token.
pub fn runtime_at(span: Span) -> TokenStream {
    runtime()
        .into_iter()
        .map(|mut tree| {
            tree.set_span(span);
            tree
        })
        .collect()
}

/// The runtime's `serde`, as the string `#[serde(crate = "…")]` takes.
pub fn serde_crate() -> LitStr {
    let path: String = runtime()
        .to_string()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    LitStr::new(&format!("{path}::serde"), Span::call_site())
}
