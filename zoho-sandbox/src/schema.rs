//! The organisation's metadata as one live model: modules, their fields, layouts, custom views
//! and related lists, and the global picklists fields share.
//!
//! The metadata endpoints answer from it and writes are checked against it, so what the
//! sandbox advertises is what it enforces, and a change made through `settings/…` (a custom
//! module or field, a picklist value, a removed field) is what the next record write meets.
//!
//! A [`Schema`] is never changed in place: the store holds an `Arc` of the one in force, each
//! request takes that `Arc` once (a pointer copy) and reads from it without a lock, and a
//! metadata write builds the next `Schema` from a clone and swaps it in. Modules are `Arc`s
//! too, so a clone copies pointers and only the module edited is copied whole.
//!
//! Names, labels and picklist values are `&'static str` kept by [`intern`]: a record's key is
//! its module's name, and a field definition stays `Copy`, as they were when the schema was a
//! constant table. What is interned is each distinct text ever defined, a few kilobytes for any
//! organisation's metadata.

pub(crate) mod intern;
pub(crate) mod seed;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};

use zoho_spec::modules::{classify, FirstSegment};

pub(crate) use seed::seed;

/// The data type of a field, as `settings/fields` names it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum FieldType {
    Text,
    TextArea,
    Email,
    Phone,
    Website,
    Picklist(&'static [&'static str]),
    Integer,
    Double,
    Currency,
    Boolean,
    Date,
    DateTime,
    /// A lookup to a record of the named module.
    Lookup(&'static str),
    /// A lookup to a user.
    OwnerLookup,
    /// Several of the listed values, written as a JSON array of strings.
    MultiSelect(&'static [&'static str]),
    /// A 64-bit integer, which Zoho calls "Long Integer".
    BigInt,
    /// A number with a fixed count of decimals.
    Decimal,
    /// A percentage, as a number.
    Percent,
    /// A value Zoho computes from other fields; its JSON type is the formula's return type.
    Formula(&'static str),
    /// A number Zoho assigns to each new record, as text.
    AutoNumber,
    /// The rows of the named subform module, written as a JSON array of objects.
    Subform(&'static str),
}

impl FieldType {
    /// Zoho's `data_type`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::TextArea => "textarea",
            FieldType::Email => "email",
            FieldType::Phone => "phone",
            FieldType::Website => "website",
            FieldType::Picklist(_) => "picklist",
            FieldType::Integer => "integer",
            FieldType::Double => "double",
            FieldType::Currency => "currency",
            FieldType::Boolean => "boolean",
            FieldType::Date => "date",
            FieldType::DateTime => "datetime",
            FieldType::Lookup(_) => "lookup",
            FieldType::OwnerLookup => "ownerlookup",
            FieldType::MultiSelect(_) => "multiselectpicklist",
            FieldType::BigInt => "bigint",
            FieldType::Decimal => "decimal",
            FieldType::Percent => "percent",
            FieldType::Formula(_) => "formula",
            FieldType::AutoNumber => "autonumber",
            FieldType::Subform(_) => "subform",
        }
    }

    /// Zoho's `json_type`.
    pub(crate) fn json_type(self) -> &'static str {
        match self {
            FieldType::Integer | FieldType::BigInt => "integer",
            FieldType::Double | FieldType::Currency | FieldType::Decimal | FieldType::Percent => {
                "double"
            }
            FieldType::Boolean => "boolean",
            FieldType::Lookup(_) | FieldType::OwnerLookup => "jsonobject",
            FieldType::MultiSelect(_) | FieldType::Subform(_) => "jsonarray",
            FieldType::Formula(returns) => returns,
            _ => "string",
        }
    }

    /// A picklist's or multi-select's values.
    pub(crate) fn values(self) -> Option<&'static [&'static str]> {
        match self {
            FieldType::Picklist(values) | FieldType::MultiSelect(values) => Some(values),
            _ => None,
        }
    }

    /// The same type offering other values (a picklist or multi-select; others are unchanged).
    pub(crate) fn with_values(self, values: &'static [&'static str]) -> FieldType {
        match self {
            FieldType::Picklist(_) => FieldType::Picklist(values),
            FieldType::MultiSelect(_) => FieldType::MultiSelect(values),
            other => other,
        }
    }
}

/// One field of a module.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FieldDef {
    pub api_name: &'static str,
    pub label: &'static str,
    pub kind: FieldType,
    /// Set by the system only (times, authors, computed names): ignored in writes.
    pub read_only: bool,
    /// Required on insert: `MANDATORY_NOT_FOUND` without it.
    pub mandatory: bool,
    /// No two records may share a value: `DUPLICATE_DATA` otherwise.
    pub unique: bool,
    /// Usable in `X-EXTERNAL` in place of a record id.
    pub external: bool,
    /// Added by the organisation rather than by Zoho.
    pub custom: bool,
    /// Its id, given when the module's fields are numbered.
    pub id: u64,
    /// The longest text it takes.
    pub length: u32,
    /// The global picklist whose values it offers.
    pub global_picklist: Option<u64>,
}

impl FieldDef {
    pub(crate) const fn new(api_name: &'static str, label: &'static str, kind: FieldType) -> Self {
        let length = if matches!(kind, FieldType::TextArea) {
            32000
        } else {
            255
        };
        FieldDef {
            api_name,
            label,
            kind,
            read_only: false,
            mandatory: false,
            unique: false,
            external: false,
            custom: false,
            id: 0,
            length,
            global_picklist: None,
        }
    }
    pub(crate) const fn mandatory(mut self) -> Self {
        self.mandatory = true;
        self
    }
    pub(crate) const fn unique(mut self) -> Self {
        self.unique = true;
        self
    }
    pub(crate) const fn read_only(mut self) -> Self {
        self.read_only = true;
        self
    }
    pub(crate) const fn external(mut self) -> Self {
        self.external = true;
        self.unique = true;
        self.custom = true;
        self
    }
    pub(crate) const fn custom(mut self) -> Self {
        self.custom = true;
        self
    }
}

/// Where the records of a related list come from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum RelatedSource {
    /// A many-to-many relation stored on its own, written with `PUT` (seed 003).
    Junction,
    /// Records of the related module whose lookup field points here; read-only.
    Lookup(&'static str),
}

/// One related list of a module.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RelatedDef {
    pub api_name: &'static str,
    pub label: &'static str,
    pub module: &'static str,
    pub source: RelatedSource,
    pub id: &'static str,
}

/// A section of a layout: a label and the fields it shows, by API name.
#[derive(Debug, Clone)]
pub(crate) struct Section {
    pub label: String,
    pub fields: Vec<&'static str>,
}

/// Which values of a child picklist each value of a parent picklist allows, in one layout.
#[derive(Debug, Clone)]
pub(crate) struct MapDependency {
    pub id: u64,
    pub parent: &'static str,
    pub child: &'static str,
    /// Each parent value with the child values it allows; a parent value not listed allows all.
    pub maps: Vec<(&'static str, Vec<&'static str>)>,
}

impl MapDependency {
    /// The child values `parent_value` allows, when it restricts them.
    pub(crate) fn allowed(&self, parent_value: &str) -> Option<&[&'static str]> {
        self.maps
            .iter()
            .find(|(value, _)| *value == parent_value)
            .map(|(_, allowed)| allowed.as_slice())
    }
}

/// A layout of a module: the form its records are shown and entered in.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub id: u64,
    pub name: String,
    pub active: bool,
    /// Zoho's own layout, which cannot be deleted or deactivated.
    pub standard: bool,
    pub sections: Vec<Section>,
    pub dependencies: Vec<MapDependency>,
}

/// A custom view: a named, sorted selection of a module's records.
#[derive(Debug, Clone)]
pub(crate) struct CustomView {
    pub id: &'static str,
    pub name: String,
    pub system_name: String,
    pub default: bool,
    pub system_defined: bool,
    pub fields: Vec<&'static str>,
    pub sort_by: Option<&'static str>,
    pub descending: bool,
}

/// One module of the organisation.
#[derive(Debug, Clone)]
pub(crate) struct ModuleDef {
    pub api_name: &'static str,
    pub singular: String,
    pub plural: String,
    pub id: &'static str,
    /// The id of its "All …" custom view, usable as `cvid`.
    pub cvid: &'static str,
    pub fields: Vec<FieldDef>,
    pub related: Vec<RelatedDef>,
    /// How many fields one mass update may set.
    pub mass_update_fields: usize,
    /// Created by the organisation rather than by Zoho.
    pub custom: bool,
    pub layouts: Vec<Layout>,
    pub views: Vec<CustomView>,
    /// Where each field is in `fields`, by API name, built at the first look-up.
    pub by_name: FieldIndex,
}

/// The places of a module's fields by API name, so that a write finds each field it is given
/// by a hash rather than a scan of the field list.
///
/// `fields` stays the truth: a clone starts with no index (an edited copy builds its own), and
/// a look-up checks the field it finds, scanning the list when the index is stale or misses.
#[derive(Default)]
pub(crate) struct FieldIndex(OnceLock<Places>);

/// The two orders [`FieldIndex`] keeps.
struct Places {
    /// By hash of the name.
    by_hash: HashMap<&'static str, usize, BuildHasherDefault<NameHasher>>,
    /// By name, in `str`'s order, each name once: walked beside a record's sorted names.
    sorted: Vec<(&'static str, usize)>,
}

impl Clone for FieldIndex {
    fn clone(&self) -> Self {
        FieldIndex::default()
    }
}

impl std::fmt::Debug for FieldIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FieldIndex")
    }
}

/// FNV-1a: API names are short, and a keyed hash buys nothing for the schema's own names.
#[derive(Default)]
pub(crate) struct NameHasher(u64);

impl Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// [`ModuleDef::walk`]: the fields not yet passed, in name order.
pub(crate) struct FieldWalk<'m> {
    module: &'m ModuleDef,
    sorted: &'m [(&'static str, usize)],
}

impl<'m> FieldWalk<'m> {
    /// The field named `api_name`, as [`ModuleDef::field`] finds it. Names asked in
    /// increasing order are found by walking on; any other is looked up.
    pub(crate) fn field(&mut self, api_name: &str) -> Option<&'m FieldDef> {
        let ahead = self
            .sorted
            .iter()
            .take_while(|(name, _)| crate::store::name_cmp(name, api_name).is_lt())
            .count();
        self.sorted = &self.sorted[ahead..];
        match self.sorted.first() {
            Some((name, at)) if crate::store::name_cmp(name, api_name).is_eq() => {
                self.sorted = &self.sorted[1..];
                match self.module.fields.get(*at) {
                    Some(f) if std::ptr::eq(f.api_name, *name) => Some(f),
                    _ => self.module.field(api_name),
                }
            }
            _ => self.module.field(api_name),
        }
    }
}

impl ModuleDef {
    /// The fields: the module's own, then the system ones every module has.
    pub(crate) fn fields(&self) -> impl Iterator<Item = &FieldDef> {
        self.fields.iter()
    }

    /// The field with this API name.
    pub(crate) fn field(&self, api_name: &str) -> Option<&FieldDef> {
        match self
            .places()
            .by_hash
            .get(api_name)
            .and_then(|at| self.fields.get(*at))
        {
            Some(f) if f.api_name == api_name => Some(f),
            _ => self.fields().find(|f| f.api_name == api_name),
        }
    }

    /// A walk along the fields in name order, finding the fields of a list of names that
    /// increase (a body's record, sorted) with a comparison or two each instead of a hash.
    pub(crate) fn walk(&self) -> FieldWalk<'_> {
        FieldWalk {
            module: self,
            sorted: &self.places().sorted,
        }
    }

    fn places(&self) -> &Places {
        self.by_name.0.get_or_init(|| {
            let mut by_hash = HashMap::default();
            for (at, f) in self.fields.iter().enumerate() {
                // The first of a name, as the scan finds it.
                by_hash.entry(f.api_name).or_insert(at);
            }
            let mut sorted: Vec<(&'static str, usize)> =
                by_hash.iter().map(|(name, at)| (*name, *at)).collect();
            sorted.sort_unstable_by(|a, b| crate::store::name_cmp(a.0, b.0));
            Places { by_hash, sorted }
        })
    }

    /// The field with this API name or id.
    pub(crate) fn field_by_name_or_id(&self, key: &str) -> Option<&FieldDef> {
        let id = key.parse::<u64>().ok();
        self.fields()
            .find(|f| f.api_name.eq_ignore_ascii_case(key) || Some(f.id) == id)
    }

    /// The related list with this API name (case-insensitive; `Potentials` is the old name of
    /// `Deals`, still used in seed 003).
    pub(crate) fn related_list(&self, name: &str) -> Option<&RelatedDef> {
        let name = if name.eq_ignore_ascii_case("Potentials") {
            "Deals"
        } else {
            name
        };
        self.related
            .iter()
            .find(|r| r.api_name.eq_ignore_ascii_case(name))
    }

    /// The name its scopes use: `leads`, `price_books` (matched without underscores).
    pub(crate) fn scope_name(&self) -> String {
        self.api_name.to_ascii_lowercase()
    }

    /// The layout with this id.
    pub(crate) fn layout(&self, id: u64) -> Option<&Layout> {
        self.layouts.iter().find(|l| l.id == id)
    }

    /// The layout a record without a `Layout` is entered in: the first active one.
    pub(crate) fn default_layout(&self) -> Option<&Layout> {
        self.layouts.iter().find(|l| l.active)
    }
}

/// A wizard: a layout's fields entered screen by screen.
#[derive(Debug, Clone)]
pub(crate) struct Wizard {
    pub id: u64,
    pub name: String,
    pub module: &'static str,
    pub layout: u64,
    pub active: bool,
    /// Its screens, each a label and the fields it asks for.
    pub screens: Vec<Section>,
}

/// The organisation's metadata at one moment.
#[derive(Debug, Clone)]
pub(crate) struct Schema {
    modules: Vec<Arc<ModuleDef>>,
    pub global_picklists: Vec<GlobalPicklist>,
    pub wizards: Vec<Wizard>,
    /// The next id a metadata write gives out.
    next_id: u64,
}

/// A picklist kept once and offered by several fields.
#[derive(Debug, Clone)]
pub(crate) struct GlobalPicklist {
    pub id: u64,
    pub api_name: &'static str,
    pub label: String,
    pub values: Vec<&'static str>,
    /// Values replaced by others, old then new, as `replaced_values` lists them.
    pub replaced: Vec<(&'static str, &'static str)>,
}

impl Schema {
    /// A schema of these modules, whose metadata writes give ids from `next_id` on.
    pub(crate) fn new(modules: Vec<ModuleDef>, next_id: u64) -> Schema {
        Schema {
            modules: modules.into_iter().map(Arc::new).collect(),
            global_picklists: Vec::new(),
            wizards: Vec::new(),
            next_id,
        }
    }

    /// Every module, in the organisation's order.
    pub(crate) fn modules(&self) -> impl Iterator<Item = &ModuleDef> {
        self.modules.iter().map(|m| &**m)
    }

    /// The module with this API name, compared case-insensitively as Zoho does.
    pub(crate) fn module(&self, name: &str) -> Option<&ModuleDef> {
        let name = match classify(name) {
            FirstSegment::Standard(api_name) => api_name,
            _ => name,
        };
        self.modules()
            .find(|m| m.api_name.eq_ignore_ascii_case(name))
    }

    /// The module with this API name or id.
    pub(crate) fn module_by_name_or_id(&self, key: &str) -> Option<&ModuleDef> {
        self.module(key)
            .or_else(|| self.modules().find(|m| m.id == key))
    }

    /// The module with this API name, to change it.
    pub(crate) fn module_mut(&mut self, api_name: &str) -> Option<&mut ModuleDef> {
        self.modules
            .iter_mut()
            .find(|m| m.api_name == api_name)
            .map(Arc::make_mut)
    }

    /// Adds a module.
    pub(crate) fn add_module(&mut self, module: ModuleDef) {
        self.modules.push(Arc::new(module));
    }

    /// A fresh id for a module, field, layout, view, dependency or picklist.
    pub(crate) fn new_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// The global picklist with this id.
    pub(crate) fn global_picklist(&self, id: u64) -> Option<&GlobalPicklist> {
        self.global_picklists.iter().find(|g| g.id == id)
    }

    /// Gives every field that offers the global picklist `id` its current values.
    pub(crate) fn sync_global_picklist(&mut self, id: u64) {
        let values = self.global_picklist(id).map(|g| intern::list(&g.values));
        let users: Vec<&'static str> = self
            .modules()
            .filter(|m| m.fields().any(|f| f.global_picklist == Some(id)))
            .map(|m| m.api_name)
            .collect();
        for name in users {
            let Some(module) = self.module_mut(name) else {
                continue;
            };
            for field in module.fields.iter_mut() {
                if field.global_picklist == Some(id) {
                    match values {
                        Some(values) => field.kind = field.kind.with_values(values),
                        None => field.global_picklist = None,
                    }
                }
            }
        }
    }
}

/// The module on the other side of a junction, and the junction's key order: the relation
/// between `(a, ida)` and `(b, idb)` is stored once under the module names in sorted order.
pub(crate) fn junction_key(
    a: &'static str,
    ida: u64,
    b: &'static str,
    idb: u64,
) -> (&'static str, u64, &'static str, u64) {
    if a <= b {
        (a, ida, b, idb)
    } else {
        (b, idb, a, ida)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules_are_found_case_insensitively() {
        let schema = seed();
        assert_eq!(schema.module("leads").unwrap().api_name, "Leads");
        assert!(schema.module("Lead").is_none());
    }

    /// The sandbox's own modules are standard modules, under the names zoho_spec knows them
    /// by, so the scopes it enforces are the ones the macro derives for the same paths.
    #[test]
    fn every_seed_module_is_a_standard_module_of_the_spec() {
        for m in seed().modules() {
            assert_eq!(classify(m.api_name), FirstSegment::Standard(m.api_name));
        }
    }

    #[test]
    fn every_junction_is_declared_on_both_sides() {
        let schema = seed();
        for m in schema.modules() {
            for r in m
                .related
                .iter()
                .filter(|r| r.source == RelatedSource::Junction)
            {
                let other = schema.module(r.module).unwrap();
                assert!(
                    other
                        .related
                        .iter()
                        .any(|back| back.module == m.api_name
                            && back.source == RelatedSource::Junction),
                    "{} -> {} has no way back",
                    m.api_name,
                    r.api_name
                );
            }
        }
    }

    #[test]
    fn external_fields_are_unique() {
        let schema = seed();
        let ext = schema
            .module("Deals")
            .unwrap()
            .field("External_Deal_ID")
            .unwrap();
        assert!(ext.external && ext.unique);
    }

    #[test]
    fn field_ids_are_distinct() {
        let schema = seed();
        let mut ids: Vec<u64> = schema
            .modules()
            .flat_map(|m| m.fields().map(|f| f.id))
            .collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }

    #[test]
    fn an_edit_copies_only_the_module_edited() {
        let before = seed();
        let mut after = before.clone();
        after.module_mut("Leads").unwrap().singular = "Prospect".into();
        assert_eq!(before.module("Leads").unwrap().singular, "Lead");
        assert!(Arc::ptr_eq(&before.modules[1], &after.modules[1]));
    }
}
