//! Paging: the field roles `#[zoho(page)]`, `#[zoho(per_page)]`, `#[zoho(page_token)]` and
//! `#[zoho(coql)]`, the rules a paged declaration follows, and its `impl Paged`.
//!
//! A `GET` with a `page` field is walked by `page` (and by `page_token` past 2,000 records
//! when it has a `page_token` field; a search path by `page` up to 2,000); a `POST` with a
//! `coql` field is walked by rewriting its query's `LIMIT`. Either answers `Page<…>`.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, Type};
use zoho_spec::paging::{Style, MAX_PAGE_RECORDS, MAX_SEARCH_RECORDS};
use zoho_spec::Method;

use crate::attr::RoleAttr;
use crate::ctxt::Ctxt;
use crate::model::{Endpoint, Field, Model, Role};

/// A field's paging role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PagingKey {
    /// `#[zoho(page)]`: the `page` query parameter, `Option<u32>`.
    Page,
    /// `#[zoho(per_page)]`: the `per_page` query parameter, `Option<u32>`.
    PerPage,
    /// `#[zoho(page_token)]`: the `page_token` query parameter, `Option<String>`.
    PageToken,
    /// `#[zoho(coql)]`: the COQL query, a `String` beside `data` (`select_query`).
    Coql,
}

impl PagingKey {
    /// The query parameter or body key, unless renamed.
    pub fn wire_name(self) -> &'static str {
        match self {
            PagingKey::Page => "page",
            PagingKey::PerPage => "per_page",
            PagingKey::PageToken => "page_token",
            PagingKey::Coql => "select_query",
        }
    }

    /// Where the field goes, given its name on the wire.
    pub fn role(self, name: String) -> Role {
        match self {
            PagingKey::Coql => Role::Body(crate::model::Body::Envelope(name)),
            PagingKey::Page | PagingKey::PerPage | PagingKey::PageToken => Role::Query(name),
        }
    }
}

fn key_of<'f, R>(field: &'f Field<'_, R>) -> Option<(PagingKey, &'f Ident)> {
    match &field.attrs.role {
        Some((RoleAttr::Paging(key), ident)) => Some((*key, ident)),
        _ => None,
    }
}

/// A paged declaration: a `GET` with a `page` field, or a `POST` with a `coql` field, whose
/// response is `Page<…>`.
pub fn check(cx: &Ctxt, model: &Model) {
    let keys: Vec<(PagingKey, &Ident)> = model.fields.iter().filter_map(key_of).collect();
    let Some((_, first)) = keys.first() else {
        return;
    };
    let Some(method) = model.method else { return };
    let has = |k: PagingKey| keys.iter().any(|(key, _)| *key == k);
    match method {
        Method::Get => {
            if let Some((_, coql)) = keys.iter().find(|(k, _)| *k == PagingKey::Coql) {
                cx.error_spanned_by(
                    coql,
                    "`coql` marks the query of `POST \"/coql\"`: a `GET` pages with \
                     `#[zoho(page)]`, `#[zoho(per_page)]` and `#[zoho(page_token)]`",
                );
            } else if !has(PagingKey::Page) {
                cx.error_spanned_by(
                    first,
                    "a paged `GET` needs a `#[zoho(page)] page: Option<u32>` field, which the \
                     walk sets for each page",
                );
            }
        }
        Method::Post if has(PagingKey::Coql) => {
            if let Some((_, other)) = keys.iter().find(|(k, _)| *k != PagingKey::Coql) {
                cx.error_spanned_by(
                    other,
                    format!(
                        "a COQL query pages by its `LIMIT` clause, not by `{other}`: remove \
                         `#[zoho({other})]`"
                    ),
                );
            }
        }
        _ => cx.error_spanned_by(
            first,
            format!(
                "`{method}` cannot be paged: only a `GET` listing (`#[zoho(page)]`) or a COQL \
                 query (`POST` with `#[zoho(coql)]`) reads page by page; remove `#[zoho({first})]`"
            ),
        ),
    }
    check_response(cx, model, first);
}

/// The response is written `Page<…>`.
fn check_response(cx: &Ctxt, model: &Model, key: &Ident) {
    match &model.response {
        Some(ty) if is_page(ty) => {}
        Some(ty) => cx.error_spanned_by(
            ty,
            format!(
                "a paged call answers one page: write `response = Page<…>` \
                 (`zoho_runtime::Page<Record>` or a record type of yours) for `#[zoho({key})]`"
            ),
        ),
        None => cx.error_spanned_by(
            key,
            format!(
                "`#[zoho({key})]` pages the call, which then answers one page at a time: add \
                 `response = Page<Record>` (or `Page<YourRecord>`)"
            ),
        ),
    }
}

/// Whether the type is written `Page<…>` (with any path to it).
fn is_page(ty: &Type) -> bool {
    match ty {
        Type::Path(path) => {
            path.qself.is_none()
                && path.path.segments.last().is_some_and(|s| {
                    s.ident == "Page"
                        && matches!(s.arguments, syn::PathArguments::AngleBracketed(_))
                })
        }
        _ => false,
    }
}

/// How a checked declaration is walked, if it pages.
fn style(endpoint: &Endpoint) -> Option<Style> {
    let keys: Vec<PagingKey> = endpoint
        .fields
        .iter()
        .filter_map(key_of)
        .map(|(k, _)| k)
        .collect();
    if keys.is_empty() {
        return None;
    }
    if keys.contains(&PagingKey::Coql) {
        return Some(Style::Coql);
    }
    if keys.contains(&PagingKey::PageToken) {
        return Some(Style::Records);
    }
    let search = endpoint.path.lit.value().ends_with("/search");
    Some(Style::Pages(if search {
        MAX_SEARCH_RECORDS
    } else {
        MAX_PAGE_RECORDS
    }))
}

/// `impl Paged` for a checked paged declaration; nothing for one that does not page.
pub fn expand(endpoint: &Endpoint, response: &TokenStream) -> TokenStream {
    let Some(style) = style(endpoint) else {
        return TokenStream::new();
    };
    let rt = crate::krate::runtime();
    let input = endpoint.input;
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let style = style_tokens(style);
    let fields = endpoint.fields.iter().filter_map(|f| {
        let (key, _) = key_of(f)?;
        Some(field_setter(f, key))
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics #rt::__private::Paged for #ident #ty_generics #where_clause {
            type Item = <#response as #rt::__private::IsPage>::Item;
            const STYLE: #rt::__private::PagingStyle = #style;
            fn paging_fields(&mut self) -> #rt::__private::PagingFields<'_> {
                let __fields = #rt::__private::PagingFields::default();
                #(let __fields = #fields;)*
                __fields
            }
            fn into_page(__response: Self::Response) -> #rt::__private::Page<Self::Item> {
                #rt::__private::IsPage::into_page(__response)
            }
        }
    }
}

fn style_tokens(style: Style) -> TokenStream {
    let rt = crate::krate::runtime();
    match style {
        Style::Records => quote!(#rt::__private::PagingStyle::Records),
        Style::Pages(limit) => quote!(#rt::__private::PagingStyle::Pages(#limit)),
        Style::Coql => quote!(#rt::__private::PagingStyle::Coql),
    }
}

/// `__fields.page(&mut self.page)`, spanned at the field's type so that a field of another type
/// is a type error there.
fn field_setter(field: &Field<'_>, key: PagingKey) -> TokenStream {
    let ident = field.ident;
    let method = match key {
        PagingKey::Page => quote!(page),
        PagingKey::PerPage => quote!(per_page),
        PagingKey::PageToken => quote!(page_token),
        PagingKey::Coql => quote!(coql),
    };
    let span: Span = field.ty.span();
    quote_spanned! {span=> __fields.#method(&mut self.#ident) }
}
