//! The streams of a walk: [`Pages`] and [`Records`], and their blocking iterators.
//!
//! One page is in memory at a time: the next is asked for only when the one before has been
//! handed out (for [`Records`], when its last record has).

use std::pin::Pin;
use std::task::{Context, Poll};

use futures_util::stream::{self, BoxStream, Stream, StreamExt};

use super::walk::{Next, PagingError, Walk};
use super::Paged;
use crate::client::Client;
use crate::page::Page;

/// The pages of a paged call, in Zoho's order; a [`Stream`] of `Result<Page<R>, PagingError>`
/// that ends after the last page, or after its one error.
pub struct Pages<E: Paged> {
    inner: BoxStream<'static, Result<Page<E::Item>, PagingError>>,
}

/// What a walk carries from one page to the next.
struct State<E> {
    client: Client,
    call: E,
    walk: Walk,
}

impl<E: Paged> Pages<E> {
    pub(crate) fn new(client: Client, mut call: E) -> Self {
        let walk = Walk::start(&mut call);
        let state = State { client, call, walk };
        Pages {
            inner: stream::unfold(state, step).boxed(),
        }
    }

    /// The next page, or `None` after the last (and after an error).
    pub async fn next_page(&mut self) -> Option<Result<Page<E::Item>, PagingError>> {
        self.inner.next().await
    }

    /// Every record of the remaining pages, one by one.
    pub fn records(self) -> Records<E> {
        Records {
            pages: self,
            current: Vec::new().into_iter(),
        }
    }
}

/// Asks for the next page and works out the one after.
async fn step<E: Paged>(
    mut state: State<E>,
) -> Option<(Result<Page<E::Item>, PagingError>, State<E>)> {
    let at = match std::mem::replace(&mut state.walk.next, Next::Done) {
        Next::Done => return None,
        Next::Fail(at, failure) => return Some((Err(state.walk.error(at, failure)), state)),
        Next::At(at) => at,
    };
    state.walk.apply(&mut state.call, &at);
    match state.client.send(&state.call).await {
        Ok(response) => {
            let page = E::into_page(response);
            state.walk.advance(&at, &page.info, page.data.len());
            Some((Ok(page), state))
        }
        Err(error) => Some((Err(state.walk.failed(at, error)), state)),
    }
}

impl<E: Paged> Stream for Pages<E> {
    type Item = Result<Page<E::Item>, PagingError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.poll_next_unpin(cx)
    }
}

/// Every record of a paged call, in Zoho's order; a [`Stream`] of `Result<R, PagingError>`
/// that ends after the last record, or after its one error.
pub struct Records<E: Paged> {
    pages: Pages<E>,
    current: std::vec::IntoIter<E::Item>,
}

// Nothing is pinned inside: the page stream is boxed and the records are plain values.
impl<E: Paged> Unpin for Records<E> {}

impl<E: Paged> Records<E> {
    /// The next record, or `None` after the last (and after an error).
    pub async fn next_record(&mut self) -> Option<Result<E::Item, PagingError>> {
        self.next().await
    }
}

impl<E: Paged> Stream for Records<E> {
    type Item = Result<E::Item, PagingError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            if let Some(record) = self.current.next() {
                return Poll::Ready(Some(Ok(record)));
            }
            match std::task::ready!(self.pages.poll_next_unpin(cx)) {
                Some(Ok(page)) => self.current = page.data.into_iter(),
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                None => return Poll::Ready(None),
            }
        }
    }
}

impl Client {
    /// Walks a paged call page by page (see [`Pages`]). `page` and `per_page` set on the call
    /// say where to start and how large the pages are (default 200, Zoho's largest).
    pub fn pages<E: Paged>(&self, call: E) -> Pages<E> {
        Pages::new(self.clone(), call)
    }

    /// Walks a paged call record by record (see [`Records`]).
    pub fn records<E: Paged>(&self, call: E) -> Records<E> {
        self.pages(call).records()
    }
}

#[cfg(feature = "blocking")]
mod blocking {
    use super::*;
    use crate::blocking::Client as BlockingClient;

    /// The pages of a paged call, for the blocking client: an [`Iterator`] of
    /// `Result<Page<R>, PagingError>`. Each `next` blocks until the page has come.
    pub struct BlockingPages<E: Paged> {
        client: BlockingClient,
        pages: Pages<E>,
    }

    /// Every record of a paged call, for the blocking client: an [`Iterator`] of
    /// `Result<R, PagingError>`.
    pub struct BlockingRecords<E: Paged> {
        client: BlockingClient,
        records: Records<E>,
    }

    impl<E: Paged> Iterator for BlockingPages<E> {
        type Item = Result<Page<E::Item>, PagingError>;

        fn next(&mut self) -> Option<Self::Item> {
            let next = self.client.block_on(self.pages.next_page());
            next.unwrap_or_else(|error| Some(Err(not_blocking(error))))
        }
    }

    impl<E: Paged> Iterator for BlockingRecords<E> {
        type Item = Result<E::Item, PagingError>;

        fn next(&mut self) -> Option<Self::Item> {
            let next = self.client.block_on(self.records.next_record());
            next.unwrap_or_else(|error| Some(Err(not_blocking(error))))
        }
    }

    /// The blocking client refused to block (called from async code): the walk did not start.
    fn not_blocking(error: crate::Error) -> PagingError {
        PagingError {
            records: 0,
            pages: 0,
            at: super::super::Position::Page {
                page: 1,
                per_page: 0,
            },
            failure: super::super::PagingFailure::Call(error),
        }
    }

    impl BlockingClient {
        /// Walks a paged call page by page; see [`Client::pages`](crate::Client::pages).
        pub fn pages<E: Paged>(&self, call: E) -> BlockingPages<E> {
            BlockingPages {
                client: self.clone(),
                pages: self.as_async().pages(call),
            }
        }

        /// Walks a paged call record by record; see [`Client::records`](crate::Client::records).
        pub fn records<E: Paged>(&self, call: E) -> BlockingRecords<E> {
            BlockingRecords {
                client: self.clone(),
                records: self.as_async().records(call),
            }
        }
    }
}

#[cfg(feature = "blocking")]
pub use blocking::{BlockingPages, BlockingRecords};
