//! The organisation's data held in memory: records per module, the many-to-many relations
//! between them, users, contact roles, mass-update jobs, paging cursors, and how often each record
//! was written.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::prng::Prng;
use crate::schema::{self, junction_key, ModuleDef};
use crate::{answers, time};

/// A record's fields by API name.
pub(crate) type Fields = Map<String, Value>;

/// Whether a record accepts writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordState {
    /// Writes are applied.
    #[default]
    Normal,
    /// Updates are refused with `RECORD_LOCKED` (seed 002: the record is being processed).
    Locked,
    /// Updates are refused with `NOT_APPROVED` (the record awaits approval).
    NotApproved,
}

/// One stored record.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub fields: Fields,
    pub state: RecordState,
}

/// The key of a stored relation: both ends, module names in sorted order.
pub(crate) type RelationKey = (&'static str, u64, &'static str, u64);

/// A contact role, which Zoho keeps apart from records.
#[derive(Debug, Clone)]
pub(crate) struct ContactRole {
    pub id: u64,
    pub name: String,
}

/// A mass update scheduled by `cvid`.
#[derive(Debug, Clone)]
pub(crate) struct Job {
    pub module: &'static str,
    pub updated: usize,
    pub not_updated: usize,
    /// Status checks still to answer `SCHEDULED` before `COMPLETED`.
    pub pending_polls: u32,
}

/// Where a `page_token` resumes a listing.
#[derive(Debug, Clone)]
pub(crate) struct Cursor {
    pub module: &'static str,
    pub offset: usize,
    pub sort_by: String,
    pub descending: bool,
    pub expires: std::time::Instant,
}

/// Everything the sandbox stores.
#[derive(Debug)]
pub(crate) struct Store {
    records: BTreeMap<&'static str, BTreeMap<u64, Record>>,
    relations: BTreeMap<RelationKey, Fields>,
    write_counts: HashMap<(&'static str, u64), u32>,
    pub users: Vec<Value>,
    pub contact_roles: Vec<ContactRole>,
    pub jobs: HashMap<String, Job>,
    pub cursors: HashMap<String, Cursor>,
    pub rng: Prng,
    next_id: u64,
    /// The organisation's settings (`crate::settings`).
    pub settings: crate::settings::Settings,
}

/// The user every write is attributed to (seeds 002 and 004).
pub(crate) const PATRICIA_ID: &str = "738964000000291009";
/// Her name as the seeds spell it.
pub(crate) const PATRICIA_NAME: &str = "Patricia Boyle";

/// `{"name": "Patricia Boyle", "id": "738964000000291009"}`.
pub(crate) fn patricia() -> Value {
    json!({ "name": PATRICIA_NAME, "id": PATRICIA_ID })
}

impl Store {
    /// An empty store whose fresh ids and tokens follow `seed`.
    pub(crate) fn new(seed: u64) -> Self {
        let records = schema::modules()
            .iter()
            .map(|m| (m.api_name, BTreeMap::new()))
            .collect();
        Store {
            records,
            relations: BTreeMap::new(),
            write_counts: HashMap::new(),
            users: Vec::new(),
            contact_roles: Vec::new(),
            jobs: HashMap::new(),
            cursors: HashMap::new(),
            rng: Prng::new(seed ^ 0x0005_eed0_f1d5),
            // 19 digits, above every id of the seeds.
            next_id: 5_725_767_000_000_100_000,
            settings: Default::default(),
        }
    }

    /// A fresh record id: 19 digits, increasing, with gaps like Zoho's.
    pub(crate) fn new_id(&mut self) -> u64 {
        self.next_id += 1 + self.rng.below(4);
        self.next_id
    }

    /// The record, if it exists.
    pub(crate) fn get(&self, module: &str, id: u64) -> Option<&Record> {
        self.records.get(module)?.get(&id)
    }

    /// The record, to change it.
    pub(crate) fn get_mut(&mut self, module: &str, id: u64) -> Option<&mut Record> {
        self.records.get_mut(module)?.get_mut(&id)
    }

    /// Stores a record under its id, replacing any before it.
    pub(crate) fn put(&mut self, module: &'static str, id: u64, record: Record) {
        self.records.entry(module).or_default().insert(id, record);
    }

    /// Removes a record and every relation it had.
    pub(crate) fn remove(&mut self, module: &'static str, id: u64) -> Option<Record> {
        let removed = self.records.get_mut(module)?.remove(&id)?;
        self.relations.retain(|&(a, ida, b, idb), _| {
            !((a == module && ida == id) || (b == module && idb == id))
        });
        Some(removed)
    }

    /// Every record of a module, by increasing id.
    pub(crate) fn records(&self, module: &str) -> impl Iterator<Item = (u64, &Record)> {
        self.records
            .get(module)
            .into_iter()
            .flat_map(|m| m.iter().map(|(id, r)| (*id, r)))
    }

    /// The record of `module` (other than `except`) whose `field` equals `value`.
    pub(crate) fn find_by(
        &self,
        module: &str,
        field: &str,
        value: &Value,
        except: Option<u64>,
    ) -> Option<u64> {
        self.records(module)
            .find(|(id, r)| Some(*id) != except && r.fields.get(field) == Some(value))
            .map(|(id, _)| id)
    }

    /// Counts one applied write of a record.
    pub(crate) fn count_write(&mut self, module: &'static str, id: u64) {
        *self.write_counts.entry((module, id)).or_default() += 1;
    }

    /// How many writes of the record were applied (kept after a delete).
    pub(crate) fn write_count(&self, module: &'static str, id: u64) -> u32 {
        self.write_counts.get(&(module, id)).copied().unwrap_or(0)
    }

    /// The data stored on the relation between two records, if they are related.
    pub(crate) fn relation(&self, key: RelationKey) -> Option<&Fields> {
        self.relations.get(&key)
    }

    /// Relates two records, merging `data` into what the relation holds; true when new.
    pub(crate) fn relate(&mut self, key: RelationKey, data: Fields) -> bool {
        match self.relations.get_mut(&key) {
            Some(existing) => {
                existing.extend(data);
                false
            }
            None => {
                self.relations.insert(key, data);
                true
            }
        }
    }

    /// Removes the relation between two records; true when there was one.
    pub(crate) fn unrelate(&mut self, key: RelationKey) -> bool {
        self.relations.remove(&key).is_some()
    }

    /// The records of `other` related to `(module, id)`, with the relation's data.
    pub(crate) fn related(
        &self,
        module: &'static str,
        id: u64,
        other: &'static str,
    ) -> Vec<(u64, Fields)> {
        self.records(other)
            .filter_map(|(oid, _)| {
                self.relation(junction_key(module, id, other, oid))
                    .map(|data| (oid, data.clone()))
            })
            .collect()
    }

    /// The user with this id, as `{name, id, email}`.
    pub(crate) fn user(&self, id: &str) -> Option<&Value> {
        self.users.iter().find(|u| u["id"] == id)
    }

    /// The contact role with this id.
    pub(crate) fn contact_role(&self, id: u64) -> Option<&ContactRole> {
        self.contact_roles.iter().find(|r| r.id == id)
    }
}

/// The name Zoho shows for a record in lookups: its name field, or its full name.
pub(crate) fn display_name(module: &ModuleDef, fields: &Fields) -> Value {
    let key = match module.api_name {
        "Leads" | "Contacts" => "Full_Name",
        _ => module
            .fields()
            .find(|f| f.mandatory)
            .map_or("id", |f| f.api_name),
    };
    fields.get(key).cloned().unwrap_or(Value::Null)
}

/// Sets the computed fields (`Full_Name`) after the others changed.
pub(crate) fn refresh_computed(module: &ModuleDef, fields: &mut Fields) {
    if module.field("Full_Name").is_none() {
        return;
    }
    let part = |k: &str| {
        fields
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let full = format!("{} {}", part("First_Name"), part("Last_Name"));
    fields.insert("Full_Name".into(), Value::String(full.trim().to_string()));
}

/// The timestamps and authors of a record created now, by Patricia Boyle.
pub(crate) fn creation_stamp(fields: &mut Fields, created: &str) {
    fields.insert("Created_Time".into(), Value::from(created));
    fields.insert("Modified_Time".into(), Value::from(created));
    fields.insert("Created_By".into(), patricia());
    fields.insert("Modified_By".into(), patricia());
}

/// Marks a record modified now by Patricia Boyle.
pub(crate) fn modification_stamp(fields: &mut Fields) {
    fields.insert("Modified_Time".into(), Value::String(time::now()));
    fields.insert("Modified_By".into(), patricia());
}

/// The details of a successful write, shaped like seed 002's SUCCESS answer.
pub(crate) fn write_details(id: u64, fields: &Fields) -> Value {
    let get = |k: &str| fields.get(k).cloned().unwrap_or(Value::Null);
    answers::object([
        ("Modified_Time", get("Modified_Time")),
        ("Modified_By", get("Modified_By")),
        ("Created_Time", get("Created_Time")),
        ("id", Value::String(id.to_string())),
        ("Created_By", get("Created_By")),
    ])
}

/// A record as the API shows it: its fields (or only those asked for), its id as a string, and,
/// for whole records, Zoho's `$` flags.
pub(crate) fn render(id: u64, record: &Record, only: Option<&[String]>) -> Value {
    let mut out = Map::new();
    match only {
        Some(names) => {
            for name in names {
                let value = record.fields.get(name).cloned().unwrap_or(Value::Null);
                out.insert(name.clone(), value);
            }
        }
        None => {
            out.extend(record.fields.clone());
            let flags = [
                ("$approved", record.state != RecordState::NotApproved),
                ("$editable", true),
                ("$locked_for_me", record.state == RecordState::Locked),
            ];
            out.extend(flags.map(|(k, v)| (k.to_string(), json!(v))));
        }
    }
    out.insert("id".into(), json!(id.to_string()));
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_have_nineteen_digits_and_increase() {
        let mut store = Store::new(1);
        let a = store.new_id();
        let b = store.new_id();
        assert_eq!(a.to_string().len(), 19);
        assert!(b > a);
    }

    #[test]
    fn removing_a_record_removes_its_relations() {
        let mut store = Store::new(1);
        let rec = || Record {
            fields: Fields::new(),
            state: RecordState::Normal,
        };
        store.put("Leads", 1, rec());
        store.put("Campaigns", 2, rec());
        assert!(store.relate(junction_key("Leads", 1, "Campaigns", 2), Fields::new()));
        assert_eq!(store.related("Campaigns", 2, "Leads").len(), 1);
        store.remove("Leads", 1);
        assert!(store.related("Campaigns", 2, "Leads").is_empty());
    }
}
