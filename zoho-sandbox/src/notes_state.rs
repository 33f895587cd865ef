//! The notes the sandbox keeps, each on one record: the data of [`crate::notes`], held in the
//! store beside the records.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

/// One note: the record it is on, and its fields as answered (`Note_Title`, `Parent_Id`, …).
#[derive(Debug, Clone)]
pub(crate) struct Note {
    pub module: &'static str,
    pub parent: u64,
    pub fields: Map<String, Value>,
}

/// Every note, by id.
#[derive(Debug, Default, Clone)]
pub(crate) struct Notes {
    by_id: BTreeMap<u64, Note>,
}

impl Notes {
    /// Keeps a note under a fresh id.
    pub(crate) fn insert(&mut self, id: u64, note: Note) {
        self.by_id.insert(id, note);
    }

    /// The note, if it exists.
    pub(crate) fn get(&self, id: u64) -> Option<&Note> {
        self.by_id.get(&id)
    }

    /// The note, to change it.
    pub(crate) fn get_mut(&mut self, id: u64) -> Option<&mut Note> {
        self.by_id.get_mut(&id)
    }

    /// Removes a note; the note removed, if there was one.
    pub(crate) fn remove(&mut self, id: u64) -> Option<Note> {
        self.by_id.remove(&id)
    }

    /// Every note, by increasing id.
    pub(crate) fn all(&self) -> impl Iterator<Item = (u64, &Note)> {
        self.by_id.iter().map(|(id, note)| (*id, note))
    }

    /// The notes of one record, by increasing id.
    pub(crate) fn of(&self, module: &str, parent: u64) -> impl Iterator<Item = (u64, &Note)> {
        let module = module.to_owned();
        self.all()
            .filter(move |(_, n)| n.module == module && n.parent == parent)
    }
}
