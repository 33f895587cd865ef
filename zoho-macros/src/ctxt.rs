//! Collects the independent errors of one expansion, so a user fixes them all in one build
//! (serde_derive's `Ctxt`).

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::Span;
use quote::ToTokens;
use syn::Ident;

/// The errors found so far. Checked once, at the end.
#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    /// An error at the tokens of `obj`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&self, obj: T, message: M) {
        self.push(syn::Error::new_spanned(obj.into_token_stream(), message));
    }

    /// An error at `span`.
    pub fn error_at<M: Display>(&self, span: Span, message: M) {
        self.push(syn::Error::new(span, message));
    }

    /// An error syn reported.
    pub fn push(&self, error: syn::Error) {
        self.errors.borrow_mut().push(error);
    }

    /// How many errors were reported so far; compare two counts to know whether a step failed.
    pub fn error_count(&self) -> usize {
        self.errors.borrow().len()
    }

    /// All errors, combined into one, or `Ok` when there were none.
    pub fn check(self) -> Result<(), syn::Error> {
        let mut errors = self.errors.into_inner().into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        errors.for_each(|error| combined.combine(error));
        Err(combined)
    }
}

/// The keys already given in one attribute, so that each key is taken once and a repeated one
/// is reported at its second occurrence (serde_derive's `Attr::set`). The attribute's keys and
/// `#[zoho(…)]`'s are tracked by this one helper, with one message.
pub struct Keys {
    /// Where the keys are written, for the message: `` `#[zoho(…)]` ``.
    place: &'static str,
    seen: Vec<Ident>,
}

impl Keys {
    /// No key given yet in `place`.
    pub fn new(place: &'static str) -> Keys {
        Keys {
            place,
            seen: Vec::new(),
        }
    }

    /// Whether `key` is given for the first time; a repeated key is reported.
    pub fn first(&mut self, cx: &Ctxt, key: &Ident) -> bool {
        if self.seen.contains(key) {
            cx.error_spanned_by(
                key,
                format!(
                    "duplicate key `{key}` in {}: it is already given, keep one of them",
                    self.place
                ),
            );
            return false;
        }
        self.seen.push(key.clone());
        true
    }
}
