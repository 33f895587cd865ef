//! The organisation's data held in memory: records per module, the many-to-many relations
//! between them, users, contact roles, mass-update jobs, paging cursors, and how often each record
//! was written.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::people::People;
use crate::prng::Prng;
use std::sync::Arc;

use crate::schema::{self, junction_key, ModuleDef, NameHasher, Schema};
use crate::{answers, time};
use std::hash::BuildHasherDefault;

/// A record's fields by API name.
pub(crate) type Fields = Map<String, Value>;

/// Fields by API name, as the checks of a write read them: a stored record's map, a body's
/// record, or the checked fields of a write.
pub(crate) trait FieldSet {
    /// The value of a field, if given.
    fn value(&self, name: &str) -> Option<FieldRef<'_>>;

    /// Whether the field is given.
    fn has(&self, name: &str) -> bool {
        self.value(name).is_some()
    }

    /// The names given.
    fn names(&self) -> impl Iterator<Item = &str>;
}

impl FieldSet for Fields {
    fn value(&self, name: &str) -> Option<FieldRef<'_>> {
        self.get(name).map(FieldRef::Json)
    }

    fn names(&self) -> impl Iterator<Item = &str> {
        self.keys().map(String::as_str)
    }
}

/// A field's value as a write gives it: text as the body holds it (borrowed where it needs no
/// unescaping, so that storing it copies it into the buffer the record already holds), any
/// other JSON value parsed. Text is never `Json(Value::String)`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Input<'a> {
    /// A JSON string.
    Text(Cow<'a, str>),
    /// Any other JSON value.
    Json(Value),
}

impl Input<'_> {
    /// The value parsed, text as `Value::String`.
    pub(crate) fn from_value(value: Value) -> Input<'static> {
        match value {
            Value::String(text) => Input::Text(Cow::Owned(text)),
            other => Input::Json(other),
        }
    }

    /// The value as a `Value`.
    pub(crate) fn into_value(self) -> Value {
        match self {
            Input::Text(text) => Value::String(text.into_owned()),
            Input::Json(value) => value,
        }
    }

    /// A reference to it.
    pub(crate) fn as_ref(&self) -> FieldRef<'_> {
        match self {
            Input::Text(text) => FieldRef::Text(text),
            Input::Json(value) => FieldRef::Json(value),
        }
    }

    /// Stores it in `slot`, copying text into the string `slot` holds rather than replacing it.
    pub(crate) fn store_in(self, slot: &mut Value) {
        match (slot, self) {
            (Value::String(held), Input::Text(text)) => {
                held.clear();
                held.push_str(&text);
            }
            (slot, input) => *slot = input.into_value(),
        }
    }
}

/// What a checked write sets a field to: the value given, or the active user a (not unique)
/// owner field names, whose `{name, id, email}` is built only when the record does not hold it
/// already.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Setting<'a> {
    /// The value as given, or as the check made it.
    Input(Input<'a>),
    /// An active user, by id.
    Owner(u64),
}

impl Setting<'_> {
    fn as_ref(&self) -> FieldRef<'_> {
        match self {
            Setting::Input(input) => input.as_ref(),
            Setting::Owner(id) => FieldRef::Owner(*id),
        }
    }
}

/// A field's value as [`FieldSet::value`] reads it: text, or any JSON value (text too, when it
/// comes from a stored record).
#[derive(Debug, Clone, Copy)]
pub(crate) enum FieldRef<'v> {
    /// Text given by a write.
    Text(&'v str),
    /// A JSON value.
    Json(&'v Value),
    /// The user a checked owner field names.
    Owner(u64),
}

impl<'v> FieldRef<'v> {
    /// The text, if it is text.
    pub(crate) fn as_str(self) -> Option<&'v str> {
        match self {
            FieldRef::Text(text) => Some(text),
            FieldRef::Json(value) => value.as_str(),
            FieldRef::Owner(_) => None,
        }
    }

    /// The record id it is: digits as text, or a JSON integer (an owner's user id).
    pub(crate) fn as_id(self) -> Option<u64> {
        match self {
            FieldRef::Text(text) => crate::body::parse_id(text),
            FieldRef::Json(value) => crate::body::id_of(value),
            FieldRef::Owner(id) => Some(id),
        }
    }

    /// The JSON value it holds, if it is not text given by a write.
    pub(crate) fn as_json(self) -> Option<&'v Value> {
        match self {
            FieldRef::Json(value) => Some(value),
            FieldRef::Text(_) | FieldRef::Owner(_) => None,
        }
    }

    /// Null, or text of blanks only.
    pub(crate) fn is_blank(self) -> bool {
        match self {
            FieldRef::Json(Value::Null) => true,
            other => other.as_str().is_some_and(|text| text.trim().is_empty()),
        }
    }

    /// Whether it is this stored value.
    pub(crate) fn is(self, stored: &Value) -> bool {
        match self {
            FieldRef::Text(text) => stored.as_str() == Some(text),
            FieldRef::Json(value) => value == stored,
            FieldRef::Owner(id) => {
                stored.get("id").and_then(Value::as_str) == Some(&id.to_string())
            }
        }
    }

    /// Its JSON text.
    pub(crate) fn json_text(self) -> String {
        match self {
            FieldRef::Json(value) => value.to_string(),
            other => other.to_value().to_string(),
        }
    }

    /// An owned copy (an owner as `{id}`: only a unique field, never an owner, is looked up by
    /// its value).
    pub(crate) fn to_value(self) -> Value {
        match self {
            FieldRef::Text(text) => Value::from(text),
            FieldRef::Json(value) => value.clone(),
            FieldRef::Owner(id) => json!({ "id": id.to_string() }),
        }
    }
}

/// The fields of a write once checked, by increasing name, each once: the names are the
/// schema's own, so none is copied until a record gains a field it did not have.
#[derive(Debug, Default)]
pub(crate) struct Checked<'a>(pub Vec<(&'static str, Setting<'a>)>);

/// Two field names in `str`'s order, compared in line: names are short, and a write compares
/// hundreds of them, where a call to `memcmp` for each costs more than the comparison.
pub(crate) fn name_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // Eight bytes at once decide most pairs: as big-endian numbers they order as the bytes do.
    if let (Some(x), Some(y)) = (a.first_chunk::<8>(), b.first_chunk::<8>()) {
        let (x, y) = (u64::from_be_bytes(*x), u64::from_be_bytes(*y));
        if x != y {
            return x.cmp(&y);
        }
        return a[8..].iter().cmp(b[8..].iter());
    }
    a.iter().cmp(b.iter())
}

impl FieldSet for Checked<'_> {
    fn value(&self, name: &str) -> Option<FieldRef<'_>> {
        let at = self.0.binary_search_by(|(k, _)| name_cmp(k, name)).ok()?;
        Some(self.0[at].1.as_ref())
    }

    fn names(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| *k)
    }
}

/// The time and author a write stamps on the records it changes: taken once per request.
#[derive(Debug, Clone)]
pub(crate) struct Stamp {
    time: String,
}

impl Stamp {
    /// Now, by Patricia Boyle.
    pub(crate) fn now() -> Self {
        Stamp { time: time::now() }
    }

    /// The time, in Zoho's format.
    pub(crate) fn time(&self) -> &str {
        &self.time
    }

    /// Marks a record modified at this time by Patricia Boyle, reusing what it holds.
    pub(crate) fn modified(&self, fields: &mut Fields) {
        match fields.get_mut("Modified_Time") {
            Some(Value::String(held)) => {
                if *held != self.time {
                    held.clear();
                    held.push_str(&self.time);
                }
            }
            _ => {
                fields.insert("Modified_Time".into(), Value::String(self.time.clone()));
            }
        }
        if !fields.get("Modified_By").is_some_and(is_patricia) {
            fields.insert("Modified_By".into(), patricia());
        }
    }
}

/// Whether a value is exactly [`patricia`].
fn is_patricia(value: &Value) -> bool {
    value.as_object().is_some_and(|m| {
        m.len() == 2
            && m.get("name").and_then(Value::as_str) == Some(PATRICIA_NAME)
            && m.get("id").and_then(Value::as_str) == Some(PATRICIA_ID)
    })
}

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

/// The records holding each value of one field, by the value's JSON text.
type ValueIndex = HashMap<String, BTreeSet<u64>>;

/// Every unique field of the schema, by module.
fn unique_fields(schema: &Schema) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    schema.modules().flat_map(|m| {
        m.fields()
            .filter(|f| f.unique)
            .map(|f| (m.api_name, f.api_name))
    })
}

/// Everything the sandbox stores.
#[derive(Debug, Clone)]
pub(crate) struct Store {
    /// By module, hashed: every write looks its module up several times.
    records: HashMap<&'static str, BTreeMap<u64, Record>, BuildHasherDefault<NameHasher>>,
    /// The unique fields' values, so that a write checks them without scanning the module
    /// (`(module, field)` → value → records). Kept by `put`, the merges and `remove`, and
    /// made or dropped by `set_schema` as a field becomes unique or stops being.
    unique: HashMap<(&'static str, &'static str), ValueIndex>,
    relations: BTreeMap<RelationKey, Fields>,
    write_counts: HashMap<(&'static str, u64), u32>,
    pub people: People,
    pub contact_roles: Vec<ContactRole>,
    pub jobs: HashMap<String, Job>,
    pub cursors: HashMap<String, Cursor>,
    pub rng: Prng,
    next_id: u64,
    /// The metadata in force, which writes are checked against.
    schema: Arc<Schema>,
    /// The jobs of mass actions and merges.
    pub action_jobs: crate::action_jobs::ActionJobs,
    /// Records' locks.
    pub locks: crate::record_locking::Locks,
    /// Records' shares.
    pub shares: crate::share_records::Shares,
    /// Deleted records.
    pub recycle_bin: crate::recycle_bin::RecycleBin,
    /// Notification channels.
    pub notifications: crate::notifications::Channels,
    /// The notes on records (`crate::notes`).
    pub notes: crate::notes_state::Notes,
    /// The modules' tags (`crate::tags`).
    pub tags: crate::tags_state::Tags,
    /// Mail sent from records and their drafts (`crate::emails`).
    pub emails: crate::emails_state::Emails,
    /// How records' emails are shared, and their blocked email fields (`crate::email_actions`).
    pub email_actions: crate::email_actions::EmailActions,
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
        let schema = Arc::new(schema::seed());
        let records = schema
            .modules()
            .map(|m| (m.api_name, BTreeMap::new()))
            .collect();
        let unique = unique_fields(&schema)
            .map(|key| (key, ValueIndex::new()))
            .collect();
        Store {
            records,
            unique,
            relations: BTreeMap::new(),
            write_counts: HashMap::new(),
            people: People::default(),
            contact_roles: Vec::new(),
            jobs: HashMap::new(),
            cursors: HashMap::new(),
            rng: Prng::new(seed ^ 0x0005_eed0_f1d5),
            // 19 digits, above every id of the seeds.
            next_id: 5_725_767_000_000_100_000,
            schema,
            action_jobs: Default::default(),
            locks: Default::default(),
            shares: Default::default(),
            recycle_bin: Default::default(),
            notifications: Default::default(),
            notes: Default::default(),
            tags: Default::default(),
            emails: Default::default(),
            email_actions: Default::default(),
            settings: Default::default(),
        }
    }

    /// The metadata in force.
    pub(crate) fn schema(&self) -> &Arc<Schema> {
        &self.schema
    }

    /// Puts new metadata in force; a field that became unique is indexed from the records
    /// that hold it, and one that is no longer unique loses its index.
    pub(crate) fn set_schema(&mut self, schema: Schema) {
        let wanted: BTreeSet<(&'static str, &'static str)> = unique_fields(&schema).collect();
        self.unique.retain(|key, _| wanted.contains(key));
        for (module, field) in wanted {
            if self.unique.contains_key(&(module, field)) {
                continue;
            }
            let mut index = ValueIndex::new();
            for (id, record) in self.records(module) {
                if let Some(value) = record.fields.get(field) {
                    index.entry(value.to_string()).or_default().insert(id);
                }
            }
            self.unique.insert((module, field), index);
        }
        self.schema = Arc::new(schema);
    }

    /// Every record of a module, to change them (a field removed takes its values with it).
    pub(crate) fn records_mut(&mut self, module: &str) -> impl Iterator<Item = &mut Record> {
        self.records
            .get_mut(module)
            .into_iter()
            .flat_map(|m| m.values_mut())
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

    /// The record, to change its state or fields no index keeps (a unique field's value is
    /// changed through [`Store::merge_fields`]).
    pub(crate) fn get_mut(&mut self, module: &str, id: u64) -> Option<&mut Record> {
        self.records.get_mut(module)?.get_mut(&id)
    }

    /// Stores a record under its id, replacing any before it.
    pub(crate) fn put(&mut self, module: &'static str, id: u64, record: Record) {
        let records = self.records.entry(module).or_default();
        if let Some(before) = records.remove(&id) {
            self.index(module, id, &before.fields, true);
        }
        self.index(module, id, &record.fields, false);
        self.records.entry(module).or_default().insert(id, record);
    }

    /// Merges fields into a record (the indexes follow); the record after, if it exists.
    pub(crate) fn merge_fields(
        &mut self,
        module: &'static str,
        id: u64,
        fields: Fields,
    ) -> Option<&mut Record> {
        let indexed: Vec<&'static str> = self
            .unique
            .keys()
            .filter(|(m, f)| *m == module && fields.contains_key(*f))
            .map(|(_, f)| *f)
            .collect();
        let record = self.records.get_mut(module)?.get_mut(&id)?;
        let old: Vec<(&'static str, Value)> = indexed
            .iter()
            .filter_map(|f| Some((*f, record.fields.get(*f)?.clone())))
            .collect();
        record.fields.extend(fields);
        let new: Vec<(&'static str, Value)> = indexed
            .iter()
            .filter_map(|f| Some((*f, record.fields.get(*f)?.clone())))
            .collect();
        for (field, value) in &old {
            self.index_value(module, field, value, id, true);
        }
        for (field, value) in &new {
            self.index_value(module, field, value, id, false);
        }
        self.records.get_mut(module)?.get_mut(&id)
    }

    /// [`Store::merge_fields`] of checked fields: a field the record holds has its value
    /// replaced in place, so only a field new to the record copies its name.
    pub(crate) fn merge_checked(
        &mut self,
        module: &'static str,
        id: u64,
        fields: Checked<'_>,
    ) -> Option<&mut Record> {
        let indexed: Vec<&'static str> = self
            .unique
            .keys()
            .filter(|(m, f)| *m == module && fields.has(f))
            .map(|(_, f)| *f)
            .collect();
        let people = &self.people;
        let record = self.records.get_mut(module)?.get_mut(&id)?;
        let old: Vec<(&'static str, Value)> = indexed
            .iter()
            .filter_map(|f| Some((*f, record.fields.get(*f)?.clone())))
            .collect();
        // Both are in key order: one walk along the record finds every field it holds.
        let mut added = Vec::new();
        let mut held = record.fields.iter_mut().peekable();
        for (name, value) in fields.0 {
            while held
                .next_if(|(k, _)| name_cmp(k, name) == std::cmp::Ordering::Less)
                .is_some()
            {}
            match held.next_if(|(k, _)| name_cmp(k, name).is_eq()) {
                Some((_, slot)) => match value {
                    Setting::Input(input) => input.store_in(slot),
                    Setting::Owner(id) => {
                        if !people.user(id).is_some_and(|u| u.is_reference(slot)) {
                            *slot = people.reference_of(id);
                        }
                    }
                },
                None => added.push((name, value)),
            }
        }
        for (name, value) in added {
            let value = match value {
                Setting::Input(input) => input.into_value(),
                Setting::Owner(id) => people.reference_of(id),
            };
            record.fields.insert(name.to_owned(), value);
        }
        let new: Vec<(&'static str, Value)> = indexed
            .iter()
            .filter_map(|f| Some((*f, record.fields.get(*f)?.clone())))
            .collect();
        for (field, value) in &old {
            self.index_value(module, field, value, id, true);
        }
        for (field, value) in &new {
            self.index_value(module, field, value, id, false);
        }
        self.records.get_mut(module)?.get_mut(&id)
    }

    /// Adds (or, with `remove`, takes out) the unique values of a record's fields.
    fn index(&mut self, module: &'static str, id: u64, fields: &Fields, remove: bool) {
        let keys: Vec<&'static str> = self
            .unique
            .keys()
            .filter(|(m, f)| *m == module && fields.contains_key(*f))
            .map(|(_, f)| *f)
            .collect();
        for field in keys {
            if let Some(value) = fields.get(field) {
                self.index_value(module, field, value, id, remove);
            }
        }
    }

    fn index_value(
        &mut self,
        module: &'static str,
        field: &'static str,
        value: &Value,
        id: u64,
        remove: bool,
    ) {
        let Some(index) = self.unique.get_mut(&(module, field)) else {
            return;
        };
        let key = value.to_string();
        if remove {
            if let Some(ids) = index.get_mut(&key) {
                ids.remove(&id);
                if ids.is_empty() {
                    index.remove(&key);
                }
            }
        } else {
            index.entry(key).or_default().insert(id);
        }
    }

    /// Removes a record and every relation it had.
    pub(crate) fn remove(&mut self, module: &'static str, id: u64) -> Option<Record> {
        let removed = self.records.get_mut(module)?.remove(&id)?;
        self.index(module, id, &removed.fields, true);
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
        self.find_by_ref(module, field, FieldRef::Json(value), except)
    }

    /// [`Store::find_by`] of a value as a write gives it.
    pub(crate) fn find_by_ref(
        &self,
        module: &str,
        field: &str,
        value: FieldRef<'_>,
        except: Option<u64>,
    ) -> Option<u64> {
        if let Some(index) = self.unique.get(&(module, field)) {
            let ids = index.get(&value.json_text())?;
            return ids.iter().copied().find(|id| Some(*id) != except);
        }
        self.records(module)
            .find(|(id, r)| Some(*id) != except && r.fields.get(field).is_some_and(|v| value.is(v)))
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
    let part = |k: &str| fields.get(k).and_then(Value::as_str).unwrap_or("");
    let (first, last) = (part("First_Name"), part("Last_Name"));
    // `"{first} {last}"` trimmed, compared with what the record holds before it is built.
    let (first, last) = match (first.trim_start(), last.trim_end()) {
        ("", last) => ("", last.trim_start()),
        (first, "") => (first.trim_end(), ""),
        both => both,
    };
    let space = if first.is_empty() || last.is_empty() {
        ""
    } else {
        " "
    };
    let same = |held: &str| {
        held.strip_prefix(first)
            .and_then(|rest| rest.strip_prefix(space))
            .is_some_and(|rest| rest == last)
    };
    match fields.get("Full_Name") {
        Some(Value::String(held)) if same(held) => {}
        _ => {
            let full = format!("{first}{space}{last}");
            fields.insert("Full_Name".into(), Value::String(full));
        }
    }
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
    Stamp::now().modified(fields);
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
    fn names_compare_as_str_does() {
        let names = [
            "",
            "a",
            "A",
            "Email",
            "Email_Opt_Out",
            "Modified_By",
            "Modified_Time",
            "Modified",
            "Modified_",
            "Modified_B",
            "Last_Name",
            "Last_Nam",
            "Lead_Status",
            "ab\u{e9}",
            "abcdefgh",
            "abcdefgh\u{e9}",
            "abcdefgi",
            "abcdefg",
            "$approved",
            "id",
            "\u{ff}x",
        ];
        for a in names {
            for b in names {
                assert_eq!(name_cmp(a, b), a.cmp(b), "{a:?} against {b:?}");
            }
        }
    }

    #[test]
    fn fresh_ids_have_nineteen_digits_and_increase() {
        let mut store = Store::new(1);
        let a = store.new_id();
        let b = store.new_id();
        assert_eq!(a.to_string().len(), 19);
        assert!(b > a);
    }

    #[test]
    fn unique_values_are_found_through_the_index_as_they_change() {
        let mut store = Store::new(1);
        let lead = |email: &str| Record {
            fields: json!({ "Last_Name": "A", "Email": email })
                .as_object()
                .unwrap()
                .clone(),
            state: RecordState::Normal,
        };
        let (a, b) = (json!("a@x.com"), json!("b@x.com"));
        store.put("Leads", 1, lead("a@x.com"));
        store.put("Leads", 2, lead("b@x.com"));
        assert_eq!(store.find_by("Leads", "Email", &a, None), Some(1));
        assert_eq!(store.find_by("Leads", "Email", &a, Some(1)), None);
        let change = json!({ "Email": "c@x.com" }).as_object().unwrap().clone();
        store.merge_fields("Leads", 1, change);
        assert_eq!(store.find_by("Leads", "Email", &a, None), None);
        assert_eq!(
            store.find_by("Leads", "Email", &json!("c@x.com"), None),
            Some(1)
        );
        store.put("Leads", 2, lead("a@x.com"));
        assert_eq!(store.find_by("Leads", "Email", &b, None), None);
        assert_eq!(store.find_by("Leads", "Email", &a, None), Some(2));
        store.remove("Leads", 2);
        assert_eq!(store.find_by("Leads", "Email", &a, None), None);
        // A field no index keeps is still found, by scanning.
        assert_eq!(
            store.find_by("Leads", "Last_Name", &json!("A"), None),
            Some(1)
        );
    }

    #[test]
    fn a_field_made_unique_is_indexed_from_the_records_and_unindexed_when_it_stops() {
        let mut store = Store::new(1);
        let lead = |name: &str| Record {
            fields: json!({ "Last_Name": name }).as_object().unwrap().clone(),
            state: RecordState::Normal,
        };
        store.put("Leads", 1, lead("A"));
        store.put("Leads", 2, lead("B"));
        let key = ("Leads", "Last_Name");
        let with_unique = |store: &Store, unique: bool| {
            let mut schema = Schema::clone(store.schema());
            let leads = schema.module_mut("Leads").unwrap();
            let field = leads.fields.iter_mut().find(|f| f.api_name == "Last_Name");
            field.unwrap().unique = unique;
            schema
        };
        assert!(!store.unique.contains_key(&key));
        let schema = with_unique(&store, true);
        store.set_schema(schema);
        assert_eq!(store.unique[&key].len(), 2);
        assert_eq!(
            store.find_by("Leads", "Last_Name", &json!("B"), None),
            Some(2)
        );
        store.merge_fields(
            "Leads",
            2,
            json!({ "Last_Name": "C" }).as_object().unwrap().clone(),
        );
        assert_eq!(store.find_by("Leads", "Last_Name", &json!("B"), None), None);
        assert_eq!(
            store.find_by("Leads", "Last_Name", &json!("C"), None),
            Some(2)
        );
        // The other unique fields keep their indexes.
        let emails = store.unique[&("Leads", "Email")].len();
        let schema = with_unique(&store, false);
        store.set_schema(schema);
        assert!(!store.unique.contains_key(&key));
        assert_eq!(store.unique[&("Leads", "Email")].len(), emails);
        assert_eq!(
            store.find_by("Leads", "Last_Name", &json!("C"), None),
            Some(2)
        );
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
