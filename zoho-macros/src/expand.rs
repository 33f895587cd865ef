//! The generated code: the struct with its doc line, `impl Endpoint`, and `send`/`prepare`.
//!
//! Generic work stays in the runtime: the expansion only names fields, keys and constants and
//! calls `RequestParts`/`BodyWriter`, so each endpoint costs the compiler little.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::DeriveInput;

use syn::LitStr;
use zoho_spec::limits::BatchAxis;
use zoho_spec::{ApiVersion, Method};

use crate::attr;
use crate::model::{Body, Domain, Endpoint, Field, Form, Model, Response, Role};
use crate::path::Segment;
use crate::scope::ScopeDecl;

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
pub fn expand(endpoint: &Endpoint) -> TokenStream {
    let mut item = clean_struct(endpoint.input);
    add_doc_line(&mut item, endpoint);
    let endpoint_impl = endpoint_impl(endpoint);
    let methods = inherent_methods(endpoint.input, &endpoint.response);
    let paged_impl = crate::paging::expand(endpoint, &response_type(&endpoint.response));
    quote! {
        #item
        const _: () = {
            #endpoint_impl
            #paged_impl
        };
        #methods
    }
}

fn add_doc_line(item: &mut DeriveInput, endpoint: &Endpoint) {
    let version = endpoint
        .version
        .map_or_else(|| "{version}".to_owned(), |v| v.as_str().to_owned());
    let scopes: Vec<String> = endpoint
        .scopes
        .iter()
        .map(|s| format!("`{}`", s.lit.value()))
        .collect();
    let noun = if scopes.len() == 1 { "scope" } else { "scopes" };
    let line = format!(
        " `{} {}/{version}{}`, {noun} {}",
        endpoint.method,
        endpoint.root(),
        endpoint.path.lit.value(),
        scopes.join(", ")
    );
    let has_doc = item.attrs.iter().any(|a| a.path().is_ident("doc"));
    if has_doc {
        item.attrs.push(syn::parse_quote!(#[doc = ""]));
    }
    item.attrs.push(syn::parse_quote!(#[doc = #line]));
}

fn endpoint_impl(endpoint: &Endpoint) -> TokenStream {
    let rt = crate::krate::runtime();
    let input = endpoint.input;
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let response = response_type(&endpoint.response);
    let meta = meta(&Meta {
        method: endpoint.method,
        path: endpoint.path.lit.clone(),
        segments: &endpoint.path.segments,
        scopes: endpoint.scopes,
        version: endpoint.version,
        root: endpoint.root,
        external: endpoint.external,
        idempotent: endpoint.idempotent,
        batch: endpoint.batch().map(|(_, axis)| axis),
        unique: endpoint.unique,
        domain: endpoint.domain,
        download: endpoint.download,
        max_upload: endpoint.max_upload,
    });
    let write = write_request(endpoint);
    let batch_len = batch_len(endpoint);
    let decode = decode(&endpoint.response);
    quote! {
        #[automatically_derived]
        impl #impl_generics #rt::__private::Endpoint for #ident #ty_generics #where_clause {
            type Response = #response;
            const META: &'static #rt::__private::EndpointMeta = #meta;
            #write
            #batch_len
            #decode
        }
    }
}

fn response_type(response: &Response) -> TokenStream {
    let rt = crate::krate::runtime();
    match response {
        Response::Declared(ty) => quote!(#ty),
        Response::Json => quote!(#rt::__private::Json),
        Response::Outcomes => quote!(#rt::__private::Outcomes),
        Response::Download => {
            quote!(::core::option::Option<#rt::__private::Download>)
        }
    }
}

/// What `META` says, from a checked endpoint or from whatever parsed of a broken one.
struct Meta<'a> {
    method: Method,
    path: LitStr,
    segments: &'a [Segment],
    scopes: &'a [ScopeDecl],
    version: Option<ApiVersion>,
    root: Option<&'a LitStr>,
    external: Option<&'a LitStr>,
    idempotent: bool,
    batch: Option<BatchAxis>,
    unique: &'a [LitStr],
    domain: Domain,
    download: bool,
    max_upload: Option<&'a syn::Expr>,
}

fn meta(meta: &Meta) -> TokenStream {
    let rt = crate::krate::runtime();
    let private = quote!(#rt::__private);
    let method = format_ident!("{}", meta.method.variant());
    let path = &meta.path;
    let segments = meta.segments.iter().map(|s| match s {
        Segment::Literal(text) => quote!(#private::Segment::Literal(#text)),
        Segment::Placeholder(name) => quote!(#private::Segment::Field(#name)),
    });
    let scopes = meta.scopes.iter().map(|s| &s.lit);
    let version = meta.version.map(|version| {
        let variant = format_ident!("{}", version.variant());
        quote!(.version(#private::ApiVersion::#variant))
    });
    let root = meta.root.map(|root| quote!(.root(#root)));
    let external = meta.external.map(|lit| quote!(.external(#lit)));
    let idempotent = meta.idempotent;
    let batch = meta.batch.map(|axis| {
        let variant = format_ident!("{}", axis.variant());
        quote!(.batch(#private::BatchAxis::#variant))
    });
    let unique = (!meta.unique.is_empty()).then(|| {
        let fields = meta.unique;
        quote!(.unique(&[#(#fields),*]))
    });
    let domain =
        (meta.domain == Domain::Content).then(|| quote!(.domain(#private::Domain::Content)));
    let download = meta.download.then(|| quote!(.download()));
    let max_upload = meta
        .max_upload
        .map(|expr| quote_spanned!(expr.span()=> .max_upload(#expr)));
    quote! {
        &#private::EndpointMeta::new(#private::Method::#method, #path)
            .segments(&[#(#segments),*])
            .scopes(&[#(#scopes),*])
            #version #root #external
            .idempotent(#idempotent)
            #batch #unique #domain #download #max_upload
    }
}

fn write_request(endpoint: &Endpoint) -> TokenStream {
    let rt = crate::krate::runtime();
    let path_values = path_order(endpoint).map(|field| {
        let (ident, ty) = (field.ident, field.ty);
        let name = &field.name;
        quote_spanned! {ty.span()=>
            #rt::__private::RequestParts::path_value::<#ty>(__parts, #name, &self.#ident)?;
        }
    });
    let query_and_headers = endpoint.fields.iter().filter_map(query_or_header);
    let form = endpoint.fields.iter().filter_map(form_part);
    let body = body(endpoint);
    quote! {
        fn write_request(
            &self,
            __parts: &mut #rt::__private::RequestParts,
            __batch: ::core::option::Option<#rt::__private::Range<usize>>,
        ) -> ::core::result::Result<(), #rt::__private::Error> {
            let _ = &__batch;
            #(#path_values)*
            #(#query_and_headers)*
            #(#form)*
            #body
            ::core::result::Result::Ok(())
        }
    }
}

/// Path fields in the order of their placeholders: the runtime fills them in that order.
fn path_order<'e>(endpoint: &'e Endpoint) -> impl Iterator<Item = &'e Field<'e>> {
    endpoint
        .path
        .placeholders()
        .filter_map(|name| endpoint.fields.iter().find(|f| f.name == name))
}

fn query_or_header(field: &Field) -> Option<TokenStream> {
    let rt = crate::krate::runtime();
    let (ident, ty) = (field.ident, field.ty);
    match &field.role {
        Role::Query(name) => Some(quote_spanned! {ty.span()=>
            #rt::__private::RequestParts::query::<#ty>(__parts, #name, &self.#ident);
        }),
        Role::Header(name) => Some(quote_spanned! {ty.span()=>
            #rt::__private::RequestParts::header::<#ty>(__parts, #name, &self.#ident)?;
        }),
        Role::Path | Role::Body(_) | Role::Form(_) => None,
    }
}

fn form_part(field: &Field) -> Option<TokenStream> {
    let rt = crate::krate::runtime();
    let (ident, ty) = (field.ident, field.ty);
    match &field.role {
        Role::Form(Form::File(name)) => Some(quote_spanned! {ty.span()=>
            #rt::__private::RequestParts::form_file::<#ty>(__parts, #name, &self.#ident);
        }),
        Role::Form(Form::Text(name)) => Some(quote_spanned! {ty.span()=>
            #rt::__private::RequestParts::form_text::<#ty>(__parts, #name, &self.#ident);
        }),
        Role::Path | Role::Query(_) | Role::Header(_) | Role::Body(_) => None,
    }
}

fn body(endpoint: &Endpoint) -> TokenStream {
    let fields: Vec<(&Field, &Body)> = endpoint
        .fields
        .iter()
        .filter_map(|f| match &f.role {
            Role::Body(body) => Some((f, body)),
            Role::Path | Role::Query(_) | Role::Header(_) | Role::Form(_) => None,
        })
        .collect();
    if fields.is_empty() {
        return TokenStream::new();
    }
    let single = fields
        .iter()
        .any(|(_, body)| matches!(body, Body::Record(_)))
        .then(|| quote!(__body.single_record();));
    let writes = fields.iter().map(|(f, body)| body_field(f, body));
    quote! {
        let mut __body = __parts.body();
        #single
        #(#writes)*
        __body.finish();
    }
}

fn body_field(field: &Field, body: &Body) -> TokenStream {
    match body {
        Body::Records => optional_list(field, quote!(records), None),
        Body::Targets(key) => optional_list(field, quote!(targets), Some(key)),
        Body::Record(key) => optional_write(field, key, format_ident!("record_field")),
        Body::Envelope(key) => optional_write(field, key, format_ident!("envelope")),
    }
}

/// A `records` or `targets` list; an `Option` of one is left out when `None` (mass update
/// names its targets by `ids` or by `cvid`).
fn optional_list(field: &Field, method: TokenStream, key: Option<&String>) -> TokenStream {
    let rt = crate::krate::runtime();
    let ident = field.ident;
    let ty = field.option_inner().unwrap_or(field.ty);
    let span = ty.span();
    let key = key.map(|key| quote_spanned!(span=> #key,));
    let batch = quote_spanned!(span=> ::core::clone::Clone::clone(&__batch));
    // The same check as `batch_len`'s, so rustc reports a non-list type once, at the field.
    let check = quote_spanned! {span=>
        let _ = <#ty as #rt::__private::RecordList>::len;
    };
    match field.option_inner() {
        Some(inner) => quote_spanned! {span=>
            #check
            if let ::core::option::Option::Some(__list) = &self.#ident {
                #rt::__private::BodyWriter::#method::<#inner>(&mut __body, #key __list, #batch)?;
            }
        },
        None => quote_spanned! {span=>
            #check
            #rt::__private::BodyWriter::#method::<#ty>(&mut __body, #key &self.#ident, #batch)?;
        },
    }
}

/// `None` is left out: in Zoho a `null` clears the stored value.
fn optional_write(field: &Field, key: &str, method: syn::Ident) -> TokenStream {
    let rt = crate::krate::runtime();
    let ident = field.ident;
    let writer = quote!(#rt::__private::BodyWriter);
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

fn batch_len(endpoint: &Endpoint) -> TokenStream {
    let rt = crate::krate::runtime();
    let Some((field, _)) = endpoint.batch() else {
        return TokenStream::new();
    };
    let ident = field.ident;
    let len = match field.option_inner() {
        Some(inner) => quote_spanned! {inner.span()=>
            ::core::option::Option::map(
                ::core::option::Option::as_ref(&self.#ident),
                <#inner as #rt::__private::RecordList>::len,
            )
        },
        None => {
            let ty = field.ty;
            quote_spanned! {ty.span()=>
                ::core::option::Option::Some(<#ty as #rt::__private::RecordList>::len(&self.#ident))
            }
        }
    };
    quote! {
        fn batch_len(&self) -> ::core::option::Option<usize> {
            #len
        }
    }
}

fn decode(response: &Response) -> TokenStream {
    let rt = crate::krate::runtime();
    let call = match response {
        Response::Declared(ty) => quote_spanned! {ty.span()=>
            #rt::__private::decode_json::<#ty>(__raw)
        },
        Response::Json => quote! {
            #rt::__private::decode_json::<#rt::__private::Json>(__raw)
        },
        Response::Outcomes => quote! {
            #rt::__private::decode_outcomes(__raw, __expected)
        },
        Response::Download => quote! {
            #rt::__private::decode_download(__raw)
        },
    };
    quote! {
        fn decode(
            __raw: &#rt::__private::RawResponse,
            __expected: ::core::option::Option<usize>,
        ) -> ::core::result::Result<Self::Response, #rt::__private::Error> {
            let _ = __expected;
            #call
        }
    }
}

fn inherent_methods(input: &DeriveInput, response: &Response) -> TokenStream {
    let rt = crate::krate::runtime();
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let send = match response {
        // A download's body is a stream the async client hands over: it has no blocking form.
        Response::Download => {
            let response = response_type(response);
            quote! {
                /// Sends this call and hands the answer's body over as a stream.
                pub async fn send(
                    &self,
                    client: &#rt::__private::Client,
                ) -> ::core::result::Result<#response, #rt::__private::Error> {
                    client.download(self).await
                }
            }
        }
        _ => quote! {
            /// Sends this call and decodes Zoho's answer: with the async client, a future of
            /// the result (`call.send(&client).await?`); with the blocking one, the result
            /// (`call.send(&client)?`).
            pub fn send<'__a, __C: #rt::__private::Caller>(
                &'__a self,
                client: &'__a __C,
            ) -> <__C as #rt::__private::Caller>::Answer<'__a, Self> {
                #rt::__private::Caller::call(client, self)
            }
        },
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics #ident #ty_generics #where_clause {
            #send

            /// Renders the request without sending it: method, full URL, headers and JSON body.
            pub async fn prepare(
                &self,
                client: &#rt::__private::Client,
            ) -> ::core::result::Result<
                #rt::__private::PreparedRequest,
                #rt::__private::Error,
            > {
                client.prepare(self).await
            }
        }
    }
}

/// What is emitted beside `compile_error!`: the struct, an `impl Endpoint` whose `META` says
/// what parsed, and `send`/`prepare`, so that code using `Call::META`, `scopes![Call]` or
/// `call.send(…)` does not fail with secondary errors. Its request is never built: writing it
/// returns an error.
pub fn fallback(model: &Model) -> TokenStream {
    let rt = crate::krate::runtime();
    let input = model.input;
    let item = clean_struct(input);
    // Any method will do where none parsed: the build fails on the reported error anyway.
    let method = model.method.unwrap_or(Method::Get);
    let response = Response::of(model.response.as_ref(), method, model.download.is_some());
    let path = model.path.as_ref();
    let meta = meta(&Meta {
        method,
        path: path.map_or_else(|| LitStr::new("", Span::call_site()), |p| p.lit.clone()),
        segments: path.map_or(&[][..], |p| &p.segments[..]),
        scopes: &model.scopes,
        version: model.version,
        root: model.root.as_ref(),
        external: model.external.as_ref(),
        idempotent: model.idempotent.unwrap_or(method.is_idempotent()),
        batch: model
            .fields
            .iter()
            .find_map(|f| f.role.as_ref().and_then(Role::batch_axis)),
        unique: model.unique.as_ref().map_or(&[][..], |(_, f)| &f[..]),
        domain: model.domain.unwrap_or(Domain::Api),
        download: model.download.is_some(),
        // An expression that failed its checks is not emitted again.
        max_upload: None,
    });
    let response_ty = response_type(&response);
    let methods = inherent_methods(input, &response);
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let private = quote!(#rt::__private);
    let refused = quote! {
        ::core::result::Result::Err(#private::Error::InvalidRequest {
            reason: ::core::convert::From::from("the endpoint's declaration has compile errors"),
        })
    };
    quote_spanned! {Span::call_site()=>
        #item
        const _: () = {
            #[automatically_derived]
            #[allow(unused, clippy::all)]
            impl #impl_generics #private::Endpoint for #ident #ty_generics #where_clause {
                type Response = #response_ty;
                const META: &'static #private::EndpointMeta = #meta;
                fn write_request(
                    &self,
                    __parts: &mut #private::RequestParts,
                    __batch: ::core::option::Option<#private::Range<usize>>,
                ) -> ::core::result::Result<(), #private::Error> {
                    #refused
                }
                fn decode(
                    __raw: &#private::RawResponse,
                    __expected: ::core::option::Option<usize>,
                ) -> ::core::result::Result<Self::Response, #private::Error> {
                    #refused
                }
            }
        };
        #methods
    }
}
