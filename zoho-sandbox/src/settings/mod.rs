//! The organisation's settings: variables, pipelines, business and shift hours, holidays, the
//! fiscal year, sharing, scoring, assignment and record locking rules, the duplicate check
//! preference, email and inventory templates, from addresses, the email composer's defaults,
//! portals and their user types and invitations, unsubscribe links and cadences.
//!
//! Settings the API writes are stored as written (with the id the sandbox gives them) and read
//! back; those it only reads start as [`fixtures`]. Lists answer under their own key
//! (`{"variables": […]}`), `204` when empty; writes answer one outcome per item under the same
//! key.
//!
//! # Effects on other calls
//!
//! - The duplicate check preference of Leads (`mapped_module_records`) refuses a new lead
//!   whose mapped field matches a record of the mapped module ([`effects`]).
//! - A record locking configuration refuses edits of the records its rules lock, with
//!   `RECORD_LOCKED` ([`effects`]).
//! - Running scoring rules scores the module's records into `Entity_Scores__s` ([`scoring`]).
//! - A pipeline transfer moves deals between pipelines and stages ([`pipelines`]).
//! - Sharing rules are stored but grant nothing observable: every token is one administrator's
//!   ([`sharing`]).
//!
//! Where Zoho's documentation leaves a behaviour open, the file that emulates it says so.

mod collection;
mod criteria;
pub(crate) mod effects;
mod enrolment;
mod fixtures;
mod invites;
mod kinds;
mod lookups;
mod pipelines;
mod routes;
mod scoring;
mod sharing;
mod single;

use std::collections::BTreeMap;
use std::ops::Bound;

use serde_json::Value;

use crate::store::Fields;

pub(crate) use routes::ROUTES;

/// Every setting the sandbox keeps: lists of items by name (`variables`,
/// `sharing_rules:Leads`), and single objects by name (`fiscal_year`,
/// `duplicate_check_preference:Leads`).
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    lists: BTreeMap<String, Vec<Fields>>,
    values: BTreeMap<String, Value>,
}

impl Default for Settings {
    fn default() -> Self {
        let mut settings = Settings {
            lists: BTreeMap::new(),
            values: BTreeMap::new(),
        };
        fixtures::seed(&mut settings);
        settings
    }
}

/// The entry of `map` named `prefix` then `part`, found among the names that start with
/// `prefix` rather than by building the name.
fn named<'m, T>(map: &'m BTreeMap<String, T>, prefix: &str, part: &str) -> Option<&'m T> {
    map.range::<str, _>((Bound::Included(prefix), Bound::Unbounded))
        .take_while(|(name, _)| name.starts_with(prefix))
        .find(|(name, _)| &name[prefix.len()..] == part)
        .map(|(_, entry)| entry)
}

impl Settings {
    /// The items of a list; empty when none was ever written.
    pub(crate) fn list(&self, name: &str) -> &[Fields] {
        self.lists.get(name).map_or(&[], Vec::as_slice)
    }

    /// The items of the list named `prefix` then `part` (`"record_locking_configurations:"`
    /// and a module), found without building the name: writes ask it of every record.
    pub(crate) fn list_of(&self, prefix: &str, part: &str) -> &[Fields] {
        named(&self.lists, prefix, part).map_or(&[], Vec::as_slice)
    }

    /// The items of a list, to change them.
    pub(crate) fn list_mut(&mut self, name: &str) -> &mut Vec<Fields> {
        self.lists.entry(name.to_owned()).or_default()
    }

    /// The items of every partition of a kind (`user_type:` of each portal).
    pub(crate) fn lists_of<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Fields> + 'a {
        self.lists
            .iter()
            .filter(move |(name, _)| name.split(':').next() == Some(key))
            .flat_map(|(_, items)| items.iter())
    }

    /// A single-object setting, if saved.
    pub(crate) fn value(&self, name: &str) -> Option<&Value> {
        self.values.get(name)
    }

    /// The single-object setting named `prefix` then `part`, found without building the name,
    /// as [`Settings::list_of`] finds a list.
    pub(crate) fn value_of(&self, prefix: &str, part: &str) -> Option<&Value> {
        named(&self.values, prefix, part)
    }

    /// Saves a single-object setting.
    pub(crate) fn set_value(&mut self, name: &str, value: Value) {
        self.values.insert(name.to_owned(), value);
    }

    /// Removes a single-object setting, answering what it was.
    pub(crate) fn remove_value(&mut self, name: &str) -> Option<Value> {
        self.values.remove(name)
    }
}
