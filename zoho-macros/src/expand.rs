//! The generated code: the struct with its doc line, `impl Endpoint`, and `send`/`prepare`.
//!
//! Generic work stays in the runtime: the expansion only names fields, keys and constants and
//! calls `RequestParts`/`BodyWriter`, so each endpoint costs the compiler little.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::DeriveInput;

use crate::attr;
use crate::model::{Field, Model, Role};
use crate::path::Segment;

/// The struct as the user wrote it, without the `#[zoho(…)]` attributes the macro consumed.
pub fn clean_struct(input: &DeriveInput) -> DeriveInput {
    let mut input = input.clone();
    if let syn::Data::Struct(data) = &mut input.data {
        for field in data.fields.iter_mut() {
            field.attrs.retain(|a| !attr::is_zoho(a));
        }
    }
    input
}

/// The full expansion of a declaration that passed every check.
pub fn expand(model: &Model) -> TokenStream {
    let mut item = clean_struct(model.input);
    add_doc_line(&mut item, model);
    let endpoint = endpoint_impl(model);
    let methods = inherent_methods(model);
    quote! {
        #item
        const _: () = {
            #endpoint
        };
        #methods
    }
}

fn add_doc_line(item: &mut DeriveInput, model: &Model) {
    let (method, path) = (
        model.method.as_ref().map_or("", |m| m.name),
        model
            .path
            .as_ref()
            .map(|p| p.lit.value())
            .unwrap_or_default(),
    );
    let version = model
        .version
        .as_ref()
        .map_or("{version}".to_owned(), |(l, _)| l.value());
    let scopes: Vec<String> = model
        .scopes
        .iter()
        .map(|s| format!("`{}`", s.lit.value()))
        .collect();
    let noun = if scopes.len() == 1 { "scope" } else { "scopes" };
    let line = format!(
        " `{method} {}/{version}{path}`, {noun} {}",
        model.root(),
        scopes.join(", ")
    );
    let has_doc = item.attrs.iter().any(|a| a.path().is_ident("doc"));
    if has_doc {
        item.attrs.push(syn::parse_quote!(#[doc = ""]));
    }
    item.attrs.push(syn::parse_quote!(#[doc = #line]));
}

fn endpoint_impl(model: &Model) -> TokenStream {
    let ident = &model.input.ident;
    let (impl_generics, ty_generics, where_clause) = model.input.generics.split_for_impl();
    let response = response_type(model);
    let meta = meta(model);
    let write = write_request(model);
    let batch_len = batch_len(model);
    let decode = decode(model);
    quote! {
        #[automatically_derived]
        impl #impl_generics ::zoho_runtime::__private::Endpoint for #ident #ty_generics #where_clause {
            type Response = #response;
            const META: &'static ::zoho_runtime::__private::EndpointMeta = #meta;
            #write
            #batch_len
            #decode
        }
    }
}

fn response_type(model: &Model) -> TokenStream {
    match (&model.response, model.method.as_ref().map(|m| m.name)) {
        (Some(ty), _) => quote!(#ty),
        (None, Some("GET")) => quote!(::zoho_runtime::__private::Json),
        (None, _) => quote!(::zoho_runtime::__private::Outcomes),
    }
}

fn meta(model: &Model) -> TokenStream {
    let method = format_ident!(
        "{}",
        match model.method.as_ref().map_or("GET", |m| m.name) {
            "GET" => "Get",
            "POST" => "Post",
            "PUT" => "Put",
            "PATCH" => "Patch",
            _ => "Delete",
        }
    );
    let path = model.path.as_ref().map(|p| &p.lit);
    let segments = model
        .path
        .iter()
        .flat_map(|p| &p.segments)
        .map(|s| match s {
            Segment::Literal(text) => quote!(::zoho_runtime::__private::Segment::Literal(#text)),
            Segment::Placeholder(name) => quote!(::zoho_runtime::__private::Segment::Field(#name)),
        });
    let scopes = model.scopes.iter().map(|s| &s.lit);
    let version = model.version.as_ref().map(|(_, variant)| {
        let variant = format_ident!("{}", variant);
        quote!(.version(::zoho_runtime::__private::ApiVersion::#variant))
    });
    let root = model.root.as_ref().map(|root| quote!(.root(#root)));
    let external = model.external.as_ref().map(|lit| quote!(.external(#lit)));
    let idempotent = model.idempotent.map(|value| quote!(.idempotent(#value)));
    let batch = batch_field(model)
        .map(|(_, axis)| quote!(.batch(::zoho_runtime::__private::BatchAxis::#axis)));
    quote! {
        &::zoho_runtime::__private::EndpointMeta::new(::zoho_runtime::__private::Method::#method, #path)
            .segments(&[#(#segments),*])
            .scopes(&[#(#scopes),*])
            #version #root #external #idempotent #batch
    }
}

/// The field a call is split along, and its axis.
fn batch_field<'m>(model: &'m Model) -> Option<(&'m Field<'m>, syn::Ident)> {
    model.fields.iter().find_map(|f| match f.role {
        Role::Records => Some((f, format_ident!("Records"))),
        Role::Targets(_) => Some((f, format_ident!("Targets"))),
        _ => None,
    })
}

fn write_request(model: &Model) -> TokenStream {
    let path_values = path_order(model).map(|field| {
        let (ident, ty) = (field.ident, field.ty);
        let name = &field.name;
        quote_spanned! {ty.span()=>
            ::zoho_runtime::__private::RequestParts::path_value::<#ty>(__parts, #name, &self.#ident)?;
        }
    });
    let query_and_headers = model.fields.iter().filter_map(query_or_header);
    let body = body(model);
    quote! {
        fn write_request(
            &self,
            __parts: &mut ::zoho_runtime::__private::RequestParts,
            __batch: ::core::option::Option<::zoho_runtime::__private::Range<usize>>,
        ) -> ::core::result::Result<(), ::zoho_runtime::__private::Error> {
            let _ = &__batch;
            #(#path_values)*
            #(#query_and_headers)*
            #body
            ::core::result::Result::Ok(())
        }
    }
}

/// Path fields in the order of their placeholders: the runtime fills them in that order.
fn path_order<'m>(model: &'m Model) -> impl Iterator<Item = &'m Field<'m>> {
    model
        .path
        .iter()
        .flat_map(|p| p.placeholders())
        .filter_map(|name| model.fields.iter().find(|f| f.name == name))
}

fn query_or_header(field: &Field) -> Option<TokenStream> {
    let (ident, ty) = (field.ident, field.ty);
    match &field.role {
        Role::Query(name) => Some(quote_spanned! {ty.span()=>
            ::zoho_runtime::__private::RequestParts::query::<#ty>(__parts, #name, &self.#ident);
        }),
        Role::Header(name) => Some(quote_spanned! {ty.span()=>
            ::zoho_runtime::__private::RequestParts::header::<#ty>(__parts, #name, &self.#ident)?;
        }),
        _ => None,
    }
}

fn body(model: &Model) -> TokenStream {
    let fields: Vec<&Field> = model.fields.iter().filter(|f| f.role.is_body()).collect();
    if fields.is_empty() {
        return TokenStream::new();
    }
    let single = fields
        .iter()
        .any(|f| matches!(f.role, Role::Record(_)))
        .then(|| quote!(__body.single_record();));
    let writes = fields.iter().map(|f| body_field(f));
    quote! {
        let mut __body = __parts.body();
        #single
        #(#writes)*
        __body.finish();
    }
}

fn body_field(field: &Field) -> TokenStream {
    match &field.role {
        Role::Records => optional_list(field, quote!(records), None),
        Role::Targets(key) => optional_list(field, quote!(targets), Some(key)),
        Role::Record(key) => optional_write(field, key, format_ident!("record_field")),
        Role::Envelope(key) => optional_write(field, key, format_ident!("envelope")),
        _ => TokenStream::new(),
    }
}

/// A `records` or `targets` list; an `Option` of one is left out when `None` (mass update
/// names its targets by `ids` or by `cvid`).
fn optional_list(field: &Field, method: TokenStream, key: Option<&String>) -> TokenStream {
    let ident = field.ident;
    let ty = field.option_inner().unwrap_or(field.ty);
    let span = ty.span();
    let key = key.map(|key| quote_spanned!(span=> #key,));
    let batch = quote_spanned!(span=> ::core::clone::Clone::clone(&__batch));
    // The same check as `batch_len`'s, so rustc reports a non-list type once, at the field.
    let check = quote_spanned! {span=>
        let _ = <#ty as ::zoho_runtime::__private::RecordList>::len;
    };
    match field.option_inner() {
        Some(inner) => quote_spanned! {span=>
            #check
            if let ::core::option::Option::Some(__list) = &self.#ident {
                ::zoho_runtime::__private::BodyWriter::#method::<#inner>(&mut __body, #key __list, #batch)?;
            }
        },
        None => quote_spanned! {span=>
            #check
            ::zoho_runtime::__private::BodyWriter::#method::<#ty>(&mut __body, #key &self.#ident, #batch)?;
        },
    }
}

/// `None` is left out: in Zoho a `null` clears the stored value.
fn optional_write(field: &Field, key: &str, method: syn::Ident) -> TokenStream {
    let ident = field.ident;
    let writer = quote!(::zoho_runtime::__private::BodyWriter);
    match field.option_inner() {
        Some(inner) => quote_spanned! {inner.span()=>
            if let ::core::option::Option::Some(__value) = &self.#ident {
                #writer::#method::<#inner>(&mut __body, #key, __value)?;
            }
        },
        None => {
            let ty = field.ty;
            quote_spanned! {ty.span()=>
                #writer::#method::<#ty>(&mut __body, #key, &self.#ident)?;
            }
        }
    }
}

fn batch_len(model: &Model) -> TokenStream {
    let Some((field, _)) = batch_field(model) else {
        return TokenStream::new();
    };
    let ident = field.ident;
    let len = match field.option_inner() {
        Some(inner) => quote_spanned! {inner.span()=>
            ::core::option::Option::map(
                ::core::option::Option::as_ref(&self.#ident),
                <#inner as ::zoho_runtime::__private::RecordList>::len,
            )
        },
        None => {
            let ty = field.ty;
            quote_spanned! {ty.span()=>
                ::core::option::Option::Some(<#ty as ::zoho_runtime::__private::RecordList>::len(&self.#ident))
            }
        }
    };
    quote! {
        fn batch_len(&self) -> ::core::option::Option<usize> {
            #len
        }
    }
}

fn decode(model: &Model) -> TokenStream {
    let call = match (&model.response, model.method.as_ref().map(|m| m.name)) {
        (Some(ty), _) => quote_spanned! {ty.span()=>
            ::zoho_runtime::__private::decode_json::<#ty>(__raw)
        },
        (None, Some("GET")) => quote! {
            ::zoho_runtime::__private::decode_json::<::zoho_runtime::__private::Json>(__raw)
        },
        (None, _) => quote! {
            ::zoho_runtime::__private::decode_outcomes(__raw, __expected)
        },
    };
    quote! {
        fn decode(
            __raw: &::zoho_runtime::__private::RawResponse,
            __expected: ::core::option::Option<usize>,
        ) -> ::core::result::Result<Self::Response, ::zoho_runtime::__private::Error> {
            let _ = __expected;
            #call
        }
    }
}

fn inherent_methods(model: &Model) -> TokenStream {
    let ident = &model.input.ident;
    let (impl_generics, ty_generics, where_clause) = model.input.generics.split_for_impl();
    let response = response_type(model);
    quote! {
        #[automatically_derived]
        impl #impl_generics #ident #ty_generics #where_clause {
            /// Sends this call and decodes Zoho's answer.
            pub async fn send(
                &self,
                client: &::zoho_runtime::__private::Client,
            ) -> ::core::result::Result<#response, ::zoho_runtime::__private::Error> {
                client.send(self).await
            }

            /// Renders the request without sending it: method, full URL, headers and JSON body.
            pub async fn prepare(
                &self,
                client: &::zoho_runtime::__private::Client,
            ) -> ::core::result::Result<
                ::zoho_runtime::__private::PreparedRequest,
                ::zoho_runtime::__private::Error,
            > {
                client.prepare(self).await
            }
        }
    }
}

/// What is emitted beside `compile_error!`: the struct, so code that uses it does not fail with
/// secondary errors, and `send`/`prepare` stubs for the same reason.
pub fn fallback(input: &DeriveInput, model: Option<&Model>) -> TokenStream {
    let item = clean_struct(input);
    let response = model.map_or_else(|| quote!(::zoho_runtime::__private::Json), response_type);
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let span = Span::call_site();
    quote_spanned! {span=>
        #item
        #[automatically_derived]
        #[allow(unused, clippy::all)]
        impl #impl_generics #ident #ty_generics #where_clause {
            /// Not available: the declaration has errors.
            pub async fn send(
                &self,
                _client: &::zoho_runtime::__private::Client,
            ) -> ::core::result::Result<#response, ::zoho_runtime::__private::Error> {
                ::core::unreachable!()
            }
            /// Not available: the declaration has errors.
            pub async fn prepare(
                &self,
                _client: &::zoho_runtime::__private::Client,
            ) -> ::core::result::Result<
                ::zoho_runtime::__private::PreparedRequest,
                ::zoho_runtime::__private::Error,
            > {
                ::core::unreachable!()
            }
        }
    }
}
