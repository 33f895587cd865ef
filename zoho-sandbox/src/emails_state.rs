//! The emails the sandbox keeps per record: mail sent from it and its drafts, the data of
//! [`crate::emails`].

use std::collections::BTreeMap;

use serde_json::{Map, Value};

/// A mail or a draft, on one record, with its fields as answered.
#[derive(Debug, Clone)]
pub(crate) struct Kept {
    pub module: &'static str,
    pub record: u64,
    pub fields: Map<String, Value>,
}

/// Every mail sent (by order of sending) and every draft (by id).
#[derive(Debug, Default, Clone)]
pub(crate) struct Emails {
    pub sent: Vec<Kept>,
    pub drafts: BTreeMap<u64, Kept>,
}

impl Emails {
    /// The mail sent from one record, newest first.
    pub(crate) fn sent_from(&self, module: &str, record: u64) -> impl Iterator<Item = &Kept> {
        let module = module.to_owned();
        self.sent
            .iter()
            .rev()
            .filter(move |m| m.module == module && m.record == record)
    }

    /// The drafts of one record, by id.
    pub(crate) fn drafts_of(
        &self,
        module: &str,
        record: u64,
    ) -> impl Iterator<Item = (u64, &Kept)> {
        let module = module.to_owned();
        self.drafts
            .iter()
            .filter(move |(_, d)| d.module == module && d.record == record)
            .map(|(id, d)| (*id, d))
    }
}
