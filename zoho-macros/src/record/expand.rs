//! The code a checked record type or picklist enum expands to.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DeriveInput, LitStr};

use super::check::Bound;
use super::types::is_optional;

/// The struct or enum, deriving serde's traits through the runtime, with each `#[zoho(rename)]`
/// turned into the `#[serde(rename)]` that sends it.
pub fn item(input: &DeriveInput) -> TokenStream {
    let rt = crate::krate::runtime();
    let serde_crate = crate::krate::serde_crate();
    let mut item = input.clone();
    match &mut item.data {
        syn::Data::Struct(data) => {
            for field in data.fields.iter_mut() {
                let skip = is_optional(&field.ty).then(|| none_left_out(&field.attrs));
                field.attrs = attrs(&field.attrs, skip);
            }
        }
        syn::Data::Enum(data) => {
            for variant in data.variants.iter_mut() {
                variant.attrs = attrs(&variant.attrs, None);
            }
        }
        syn::Data::Union(_) => {}
    }
    quote! {
        #[derive(#rt::serde::Serialize, #rt::serde::Deserialize)]
        #[serde(crate = #serde_crate)]
        #item
    }
}

/// `None` is left out of what is sent (a `null` would clear the value) and read when absent,
/// unless the field's own `#[serde(…)]` already says how.
fn none_left_out(attrs: &[syn::Attribute]) -> TokenStream {
    let (mut default, mut skip) = (false, false);
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            default |= meta.path.is_ident("default");
            skip |= meta.path.is_ident("skip_serializing_if") || meta.path.is_ident("skip");
            if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            }
            Ok(())
        });
    }
    let default = (!default).then(|| quote!(#[serde(default)]));
    let skip =
        (!skip).then(|| quote!(#[serde(skip_serializing_if = "::core::option::Option::is_none")]));
    quote!(#default #skip)
}

fn attrs(attrs: &[syn::Attribute], extra: Option<TokenStream>) -> Vec<syn::Attribute> {
    let mut out: Vec<syn::Attribute> = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("zoho") {
            out.push(attr.clone());
            continue;
        }
        let mut rename = None;
        let _ = attr.parse_nested_meta(|meta| {
            rename = Some(meta.value()?.parse::<LitStr>()?);
            Ok(())
        });
        if let Some(lit) = rename {
            out.push(syn::parse_quote!(#[serde(rename = #lit)]));
        }
    }
    if let Some(extra) = extra {
        let parsed = syn::parse::Parser::parse2(syn::Attribute::parse_outer, extra);
        out.extend(parsed.unwrap_or_default());
    }
    out
}

/// What makes the build depend on the snapshot file and checks the bounds left to rustc.
pub fn checks(file: Option<&Path>, bounds: &[Bound<'_>]) -> TokenStream {
    let rt = crate::krate::runtime();
    let private = quote!(#rt::__private);
    // Rebuilt when the snapshot changes: rustc tracks the files `include_bytes!` reads.
    let track = file.map(|path| {
        let path = path.to_string_lossy();
        quote!(
            const _: &[u8] = ::core::include_bytes!(#path);
        )
    });
    let bounds = bounds.iter().map(|bound| match bound {
        Bound::Reference(ty) => quote_spanned! {ty.span()=>
            const _: fn() = || {
                fn __reference<__T: #private::Reference + ?::core::marker::Sized>() {}
                __reference::<#ty>();
            };
        },
        Bound::Picklist(ty, module, field) => {
            let message = format!(
                "`{module}.{field}` holds the values of its own picklist, and this enum lists \
                 another's: give it an enum declared with \
                 `#[zoho_picklist(module = \"{module}\", field = \"{field}\")]`"
            );
            let [module, field, message] =
                [module, field, &message].map(|text| LitStr::new(text, ty.span()));
            let rt = crate::krate::runtime_at(ty.span());
            quote_spanned! {ty.span()=>
                const _: () = #rt::__private::assert_picklist_of::<#ty>(
                    #module, #field, #message,
                );
            }
        }
    });
    quote! {
        const _: () = {
            #track
            #(#bounds)*
        };
    }
}

static TOLD: AtomicBool = AtomicBool::new(false);

/// The deprecation warning that says, once per build, that records are not checked.
pub fn unchecked() -> TokenStream {
    let rt = crate::krate::runtime();
    if TOLD.swap(true, Ordering::Relaxed) {
        return TokenStream::new();
    }
    quote! {
        const _: () = {
            let _ = #rt::__private::Unchecked;
        };
    }
}
