//! How Zoho pages what it reads: the three ways a listing is walked and the limits of each.
//!
//! - Records (`GET /{module}`, deleted records, related lists): `page` and `per_page` (at most
//!   200) reach the first [`MAX_PAGE_RECORDS`]; past them Zoho answers
//!   `DISCRETE_PAGINATION_LIMIT_EXCEEDED`, and the next pages are asked with `page_token` (from
//!   `info.next_page_token`), up to [`MAX_TOKEN_RECORDS`].
//! - Search (`GET /{module}/search`): `page` and `per_page` only, up to
//!   [`MAX_SEARCH_RECORDS`] records.
//! - COQL (`POST /coql`): `LIMIT offset, n` in the query, at most [`MAX_COQL_LIMIT`] a call and
//!   offsets up to [`MAX_COQL_OFFSET`].

pub use crate::limits::{MAX_PAGE_RECORDS, MAX_PER_PAGE};

/// Records a listing reaches with `page_token` (Zoho's Get Records page: 100,000).
pub const MAX_TOKEN_RECORDS: usize = 100_000;

/// Records a search reaches (Zoho's Search Records page: "you can fetch only 2000 records").
pub const MAX_SEARCH_RECORDS: usize = 2_000;

/// Rows one COQL call answers at most (`LIMIT`).
pub const MAX_COQL_LIMIT: usize = 2_000;

/// The `LIMIT` a COQL query without one gets.
pub const DEFAULT_COQL_LIMIT: usize = 200;

/// The largest `OFFSET` a COQL query may have (v8: 100,000 records in all).
pub const MAX_COQL_OFFSET: usize = 100_000;

/// Fields a COQL `select` may name.
pub const MAX_COQL_FIELDS: usize = 50;

/// Criteria a COQL `where` may hold.
pub const MAX_COQL_CRITERIA: usize = 25;

/// Values an `in` or `not in` of COQL may list.
pub const MAX_COQL_IN_VALUES: usize = 50;

/// How a paged call is walked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// `page`, then `page_token` past [`MAX_PAGE_RECORDS`] (Get Records).
    Records,
    /// `page` alone, up to the given number of records (search: [`MAX_SEARCH_RECORDS`];
    /// listings that have no `page_token`: [`MAX_PAGE_RECORDS`]).
    Pages(usize),
    /// `LIMIT offset, n` rewritten in a COQL query.
    Coql,
}

impl Style {
    /// The name of the variant, for code that names it.
    pub const fn variant(self) -> &'static str {
        match self {
            Style::Records => "Records",
            Style::Pages(_) => "Pages",
            Style::Coql => "Coql",
        }
    }
}
