//! Texts and lists of texts kept for the life of the process, each distinct one once.
//!
//! Metadata defined at run time (a custom module's name, a field's label, a picklist's values)
//! is interned so that definitions keep the `&'static str` the rest of the sandbox uses as
//! record keys and in `Copy` field definitions. Only texts of metadata are interned, never
//! record values: what is kept is bounded by the distinct names and value lists ever defined.

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

use crate::state::lock;

type Set<T> = OnceLock<Mutex<HashSet<T>>>;

static TEXTS: Set<&'static str> = OnceLock::new();
static LISTS: Set<&'static [&'static str]> = OnceLock::new();

/// The interned copy of `text`.
pub(crate) fn text(text: &str) -> &'static str {
    let mut set = lock(TEXTS.get_or_init(Default::default));
    if let Some(kept) = set.get(text) {
        return kept;
    }
    let kept: &'static str = Box::leak(text.to_owned().into_boxed_str());
    set.insert(kept);
    kept
}

/// The interned copy of a list of texts, each text interned too.
pub(crate) fn list<S: AsRef<str>>(values: &[S]) -> &'static [&'static str] {
    let items: Vec<&'static str> = values.iter().map(|v| text(v.as_ref())).collect();
    let mut set = lock(LISTS.get_or_init(Default::default));
    if let Some(kept) = set.get(items.as_slice()) {
        return kept;
    }
    let kept: &'static [&'static str] = Box::leak(items.into_boxed_slice());
    set.insert(kept);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_are_kept_once() {
        let a = text(&format!("Proj{}", "ects"));
        let b = text("Projects");
        assert!(std::ptr::eq(a, b));
        let x = list(&["A", "B"]);
        let y = list(&[String::from("A"), String::from("B")]);
        assert!(std::ptr::eq(x, y));
    }
}
