//! The `#[zoho_endpoint]` attribute. Use it through `zoho_runtime::zoho_endpoint`.

use proc_macro::TokenStream;

/// Declares a Zoho CRM endpoint on a struct.
#[proc_macro_attribute]
pub fn zoho_endpoint(_args: TokenStream, input: TokenStream) -> TokenStream {
    input
}
