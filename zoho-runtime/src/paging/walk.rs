//! Which page comes next: the state of a walk, apart from the network, so that every rule of
//! Zoho's paging is one function here (and tested without a server).

use std::fmt;

use zoho_spec::paging::{
    Style, DEFAULT_COQL_LIMIT, MAX_COQL_LIMIT, MAX_COQL_OFFSET, MAX_PAGE_RECORDS, MAX_PER_PAGE,
    MAX_TOKEN_RECORDS,
};

use super::coql::split_limit;
use super::{Paged, PagingFields};
use crate::error::Error;
use crate::page::PageInfo;

/// Where a walk is: the page it asks for next, or asked for when it stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Position {
    /// `page` (from 1) of `per_page` records.
    Page {
        /// The page number.
        page: u32,
        /// Records per page.
        per_page: u32,
    },
    /// The page a `page_token` names.
    Token {
        /// The token, from the page before's `info.next_page_token`.
        token: String,
        /// Records per page.
        per_page: u32,
        /// When the token expires, as Zoho said (`info.page_token_expiry`).
        expiry: Option<String>,
    },
    /// A COQL window: `limit offset, limit`.
    Offset {
        /// Rows skipped.
        offset: u64,
        /// Rows asked for.
        limit: u64,
    },
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Position::Page { page, per_page } => write!(f, "page {page} ({per_page} per page)"),
            Position::Token { per_page, .. } => write!(f, "a page_token ({per_page} per page)"),
            Position::Offset { offset, limit } => write!(f, "offset {offset} (limit {limit})"),
        }
    }
}

/// Why a walk stopped early.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PagingFailure {
    /// The call of a page failed (after the client's retries).
    #[error(transparent)]
    Call(Error),
    /// Zoho refused the `page_token` as expired; start the walk again.
    #[error("the page_token expired{}: {error}", expiry.as_deref().map(|e| format!(" (it was valid until {e})")).unwrap_or_default())]
    TokenExpired {
        /// When Zoho said it would expire.
        expiry: Option<String>,
        /// Zoho's answer.
        error: Error,
    },
    /// Zoho said more records follow but gave no `next_page_token` to reach them.
    #[error("Zoho said more records follow after record {reached} but gave no `next_page_token`")]
    NoToken {
        /// Records read when it happened.
        reached: u64,
    },
    /// More records follow than this way of reading reaches (2,000 by `page`, 100,000 by
    /// `page_token` or COQL offsets): narrow the call, or read with a bulk read job.
    #[error("more records follow, but Zoho answers at most {limit} records this way; narrow the call or use a bulk read job")]
    Limit {
        /// The limit reached.
        limit: u64,
    },
    /// The call cannot be walked as declared (a COQL `LIMIT` clause that does not read).
    #[error("the call cannot be paged: {0}")]
    Unpageable(String),
}

/// A walk that stopped early: what failed and how far it had got. Every record before
/// `records` was yielded; none after.
#[derive(Debug, thiserror::Error)]
#[error("reading stopped after {records} records in {pages} pages, at {at}: {failure}")]
#[non_exhaustive]
pub struct PagingError {
    /// Records yielded before the failure.
    pub records: u64,
    /// Pages yielded before the failure.
    pub pages: u32,
    /// The page being asked for.
    pub at: Position,
    /// What went wrong.
    pub failure: PagingFailure,
}

impl PagingError {
    /// Whether the walk stopped on an expired page token.
    pub fn is_token_expired(&self) -> bool {
        matches!(self.failure, PagingFailure::TokenExpired { .. })
    }
}

/// What comes next in a walk.
#[derive(Debug)]
pub(crate) enum Next {
    At(Position),
    Fail(Position, PagingFailure),
    Done,
}

/// The state of a walk.
#[derive(Debug)]
pub(crate) struct Walk {
    style: Style,
    /// For COQL: the query without its LIMIT clause, and the last row to read (exclusive).
    coql: Option<(String, Option<u64>)>,
    pub(crate) records: u64,
    pub(crate) pages: u32,
    pub(crate) next: Next,
}

impl Walk {
    /// Starts where the call says: its own `page` and `per_page`, or its query's LIMIT clause.
    pub(crate) fn start<E: Paged>(call: &mut E) -> Walk {
        let fields = call.paging_fields();
        let mut walk = Walk {
            style: E::STYLE,
            coql: None,
            records: 0,
            pages: 0,
            next: Next::Done,
        };
        walk.next = match E::STYLE {
            Style::Coql => walk.coql_start(fields),
            Style::Records | Style::Pages(_) => Next::At(Position::Page {
                page: fields.page.and_then(|p| *p).unwrap_or(1).max(1),
                per_page: fields
                    .per_page
                    .and_then(|p| *p)
                    .unwrap_or(MAX_PER_PAGE as u32)
                    .clamp(1, MAX_PER_PAGE as u32),
            }),
        };
        walk
    }

    fn coql_start(&mut self, fields: PagingFields<'_>) -> Next {
        let query = fields.coql.map(|q| q.clone()).unwrap_or_default();
        match split_limit(&query) {
            Ok(limit) => {
                let offset = limit.offset.unwrap_or(0);
                let end = limit.limit.map(|n| offset + n);
                self.coql = Some((limit.base.to_owned(), end));
                self.coql_window(offset)
            }
            Err(reason) => Next::Fail(
                Position::Offset {
                    offset: 0,
                    limit: DEFAULT_COQL_LIMIT as u64,
                },
                PagingFailure::Unpageable(reason),
            ),
        }
    }

    /// The COQL window from `offset`, or the end when the query's own LIMIT is reached.
    fn coql_window(&self, offset: u64) -> Next {
        let end = self.coql.as_ref().and_then(|(_, end)| *end);
        let limit = end.map_or(MAX_COQL_LIMIT as u64, |end| {
            end.saturating_sub(offset).min(MAX_COQL_LIMIT as u64)
        });
        if limit == 0 {
            return Next::Done;
        }
        let at = Position::Offset { offset, limit };
        if offset > MAX_COQL_OFFSET as u64 {
            let limit = MAX_COQL_OFFSET as u64;
            return Next::Fail(at, PagingFailure::Limit { limit });
        }
        Next::At(at)
    }

    /// Writes a position into the call's fields.
    pub(crate) fn apply<E: Paged>(&self, call: &mut E, at: &Position) {
        let fields = call.paging_fields();
        let (page, per_page, token) = match at {
            Position::Page { page, per_page } => (Some(*page), Some(*per_page), None),
            Position::Token {
                token, per_page, ..
            } => (None, Some(*per_page), Some(token.clone())),
            Position::Offset { offset, limit } => {
                if let (Some(query), Some((base, _))) = (fields.coql, &self.coql) {
                    *query = format!("{base} limit {offset}, {limit}");
                }
                return;
            }
        };
        if let Some(field) = fields.page {
            *field = page;
        }
        if let Some(field) = fields.per_page {
            *field = per_page;
        }
        if let Some(field) = fields.page_token {
            *field = token;
        }
    }

    /// Takes in a page that came at `at`, with `count` records: what to ask next.
    pub(crate) fn advance(&mut self, at: &Position, info: &PageInfo, count: usize) {
        self.records += count as u64;
        self.pages += 1;
        self.next = if !info.more_records {
            Next::Done
        } else {
            self.after(at, info, count)
        };
    }

    fn after(&self, at: &Position, info: &PageInfo, count: usize) -> Next {
        match (at, self.style) {
            (Position::Offset { offset, .. }, _) => self.coql_window(offset + count as u64),
            (Position::Page { page, per_page }, Style::Pages(limit)) => {
                next_page(*page, *per_page, limit as u64)
                    .map_or_else(|l| self.limit(at, l), Next::At)
            }
            (Position::Page { page, per_page }, _) => {
                match next_page(*page, *per_page, MAX_PAGE_RECORDS as u64) {
                    Ok(next) => Next::At(next),
                    Err(_) => self.token(at, info, *per_page),
                }
            }
            (Position::Token { per_page, .. }, _) => self.token(at, info, *per_page),
        }
    }

    fn token(&self, at: &Position, info: &PageInfo, per_page: u32) -> Next {
        if self.records >= MAX_TOKEN_RECORDS as u64 {
            return self.limit(at, MAX_TOKEN_RECORDS as u64);
        }
        match &info.next_page_token {
            Some(token) if !token.is_empty() => Next::At(Position::Token {
                token: token.clone(),
                per_page,
                expiry: info.page_token_expiry.clone(),
            }),
            _ => Next::Fail(
                at.clone(),
                PagingFailure::NoToken {
                    reached: self.records,
                },
            ),
        }
    }

    fn limit(&self, at: &Position, limit: u64) -> Next {
        Next::Fail(at.clone(), PagingFailure::Limit { limit })
    }

    /// The error a failed call of `at` ends the walk with.
    pub(crate) fn failed(&self, at: Position, error: Error) -> PagingError {
        let failure = match &at {
            Position::Token { expiry, .. } if is_token_refusal(&error) => {
                PagingFailure::TokenExpired {
                    expiry: expiry.clone(),
                    error,
                }
            }
            _ => PagingFailure::Call(error),
        };
        self.error(at, failure)
    }

    pub(crate) fn error(&self, at: Position, failure: PagingFailure) -> PagingError {
        PagingError {
            records: self.records,
            pages: self.pages,
            at,
            failure,
        }
    }
}

/// The page after `page` if all of it lies within the first `limit` records.
fn next_page(page: u32, per_page: u32, limit: u64) -> Result<Position, u64> {
    let next = page.saturating_add(1);
    if u64::from(next) * u64::from(per_page) <= limit {
        Ok(Position::Page {
            page: next,
            per_page,
        })
    } else {
        Err(limit)
    }
}

/// Whether Zoho refused the `page_token` itself. Zoho's docs do not give the code of an
/// expired token; an error naming `page_token` as its parameter, or saying it expired, is
/// taken as one.
fn is_token_refusal(error: &Error) -> bool {
    let Error::Api {
        details, message, ..
    } = error
    else {
        return false;
    };
    let names_token = details
        .get("param_name")
        .and_then(|v| v.as_str())
        .is_some_and(|p| p == "page_token");
    names_token || message.to_ascii_lowercase().contains("expired")
}
