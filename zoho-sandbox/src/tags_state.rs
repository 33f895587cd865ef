//! The tags the sandbox keeps: each module's tags by id, and the mass deletions of tags done.
//! Which records carry a tag is kept on the records themselves, in their `Tag` field, as Zoho
//! shows it (`[{"name", "id", "color_code"}]`).

use std::collections::BTreeMap;

/// One tag of a module.
#[derive(Debug, Clone)]
pub(crate) struct TagDef {
    pub module: &'static str,
    pub name: String,
    pub color_code: Option<String>,
    pub created_time: String,
    pub modified_time: String,
}

/// A mass deletion of tags, done when scheduled.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MassDeleteJob {
    pub total: usize,
    pub deleted: usize,
}

/// Every tag and every mass deletion.
#[derive(Debug, Default, Clone)]
pub(crate) struct Tags {
    pub by_id: BTreeMap<u64, TagDef>,
    pub jobs: BTreeMap<u64, MassDeleteJob>,
}

impl Tags {
    /// The tags of a module, by increasing id.
    pub(crate) fn of(&self, module: &str) -> impl Iterator<Item = (u64, &TagDef)> {
        let module = module.to_owned();
        self.by_id
            .iter()
            .filter(move |(_, t)| t.module == module)
            .map(|(id, t)| (*id, t))
    }

    /// The tag of a module with this name (compared case-insensitively, as Zoho does).
    pub(crate) fn named(&self, module: &str, name: &str) -> Option<u64> {
        self.of(module)
            .find(|(_, t)| t.name.eq_ignore_ascii_case(name))
            .map(|(id, _)| id)
    }
}
