//! Reading every record of a list call, page by page, the way Zoho pages it.
//!
//! A call that pages implements [`Paged`] (`#[zoho_endpoint]` writes it for a declaration with
//! `#[zoho(page)]`, `#[zoho(per_page)]`, `#[zoho(page_token)]` or `#[zoho(coql)]` fields), and
//! [`Client::records`](crate::Client::records) or [`Client::pages`](crate::Client::pages)
//! walk it: see [`Pages`] and [`Records`], and the crate docs' "Reading records".

mod coql;
mod stream;
mod walk;

#[cfg(feature = "blocking")]
pub use stream::{BlockingPages, BlockingRecords};
pub use stream::{Pages, Records};
pub use walk::{PagingError, PagingFailure, Position};
pub use zoho_spec::paging::Style;

#[doc(hidden)]
pub use coql::split_limit;

use crate::endpoint::Endpoint;
use crate::page::Page;

/// A call whose answer is one [`Page`] of a listing, and the fields that choose the page.
///
/// `#[zoho_endpoint]` implements it; by hand, name the fields in [`Paged::paging_fields`].
pub trait Paged: Endpoint + 'static {
    /// The record type of the pages.
    type Item: Send + 'static;

    /// How Zoho pages this call.
    const STYLE: Style;

    /// The fields a walk sets to ask for each page.
    fn paging_fields(&mut self) -> PagingFields<'_>;

    /// The page in an answer.
    fn into_page(response: Self::Response) -> Page<Self::Item>;
}

/// The fields of a call that choose its page; `None` for those it lacks.
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct PagingFields<'a> {
    /// `page`, from 1.
    pub page: Option<&'a mut Option<u32>>,
    /// `per_page`.
    pub per_page: Option<&'a mut Option<u32>>,
    /// `page_token`.
    pub page_token: Option<&'a mut Option<String>>,
    /// A COQL query, whose `LIMIT` clause a walk rewrites.
    pub coql: Option<&'a mut String>,
}

impl<'a> PagingFields<'a> {
    /// Names a `page` field.
    pub fn page(mut self, field: &'a mut Option<u32>) -> Self {
        self.page = Some(field);
        self
    }

    /// Names a `per_page` field.
    pub fn per_page(mut self, field: &'a mut Option<u32>) -> Self {
        self.per_page = Some(field);
        self
    }

    /// Names a `page_token` field.
    pub fn page_token(mut self, field: &'a mut Option<String>) -> Self {
        self.page_token = Some(field);
        self
    }

    /// Names the field holding a COQL query.
    pub fn coql(mut self, field: &'a mut String) -> Self {
        self.coql = Some(field);
        self
    }
}

/// What `#[zoho_endpoint]` names to take the record type out of `response = Page<R>`.
#[doc(hidden)]
pub trait IsPage {
    /// The record type.
    type Item;
    /// The page.
    fn into_page(self) -> Page<Self::Item>;
}

impl<R> IsPage for Page<R> {
    type Item = R;
    fn into_page(self) -> Page<R> {
        self
    }
}
