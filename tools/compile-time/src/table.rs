//! The endpoint table, and what it says, derived once for both renderings.

use std::collections::BTreeSet;
use std::fmt::Write as _;

/// One endpoint, as both crates render it.
#[derive(Clone)]
pub(crate) struct Endpoint {
    pub(crate) name: String,
    pub(crate) doc: String,
    pub(crate) method: &'static str,
    pub(crate) path: String,
    pub(crate) scopes: Vec<String>,
    pub(crate) version: Option<&'static str>,
    pub(crate) root: Option<&'static str>,
    pub(crate) external: Option<String>,
    /// A declared `response = …`; `None` answers `Json` for `GET` and `Outcomes` otherwise.
    pub(crate) response: Option<&'static str>,
    pub(crate) idempotent: Option<bool>,
    pub(crate) custom_module: bool,
    pub(crate) fields: Vec<Field>,
}

#[derive(Clone)]
pub(crate) struct Field {
    pub(crate) name: &'static str,
    pub(crate) ty: &'static str,
    pub(crate) role: Role,
    /// The value the renderers give it.
    pub(crate) value: String,
}

#[derive(Clone, PartialEq)]
pub(crate) enum Role {
    Path,
    /// A query parameter, with the name given in the attribute when it differs from the field's.
    Query(Option<&'static str>),
    Header(&'static str),
    /// A key of `data[0]`, with its `rename`.
    Record(Option<&'static str>),
    Records,
    Envelope,
    Targets,
}

/// A Zoho module the table declares endpoints for.
pub(crate) struct Module {
    /// The API name: `Sales_Orders`.
    pub(crate) api: &'static str,
    /// The plural in type names: `SalesOrders`.
    plural: &'static str,
    /// The singular in type names: `SalesOrder`.
    singular: &'static str,
    /// The module in scopes: `sales_orders`; `custom` for a custom module.
    pub(crate) scope: &'static str,
    custom: bool,
}

const fn module(
    api: &'static str,
    plural: &'static str,
    singular: &'static str,
    scope: &'static str,
) -> Module {
    Module {
        api,
        plural,
        singular,
        scope,
        custom: false,
    }
}

pub(crate) const MODULES: [Module; 18] = [
    module("Leads", "Leads", "Lead", "leads"),
    module("Contacts", "Contacts", "Contact", "contacts"),
    module("Accounts", "Accounts", "Account", "accounts"),
    module("Deals", "Deals", "Deal", "deals"),
    module("Campaigns", "Campaigns", "Campaign", "campaigns"),
    module("Tasks", "Tasks", "Task", "tasks"),
    module("Events", "Events", "Event", "events"),
    module("Calls", "Calls", "Call", "calls"),
    module("Products", "Products", "Product", "products"),
    module("Quotes", "Quotes", "Quote", "quotes"),
    module("Sales_Orders", "SalesOrders", "SalesOrder", "sales_orders"),
    module(
        "Purchase_Orders",
        "PurchaseOrders",
        "PurchaseOrder",
        "purchase_orders",
    ),
    module("Invoices", "Invoices", "Invoice", "invoices"),
    module("Vendors", "Vendors", "Vendor", "vendors"),
    module("Price_Books", "PriceBooks", "PriceBook", "price_books"),
    module("Cases", "Cases", "Case", "cases"),
    module("Solutions", "Solutions", "Solution", "solutions"),
    Module {
        api: "Shipments",
        plural: "Shipments",
        singular: "Shipment",
        scope: "custom",
        custom: true,
    },
];

const VERSIONS: [Option<&str>; 9] = [
    None,
    Some("v2"),
    Some("v2.1"),
    Some("v3"),
    Some("v4"),
    Some("v5"),
    Some("v6"),
    Some("v7"),
    Some("v8"),
];

/// 18 modules × 11 operations, then a COQL query and a bulk read job: 200 endpoints.
pub(crate) fn table() -> Vec<Endpoint> {
    let mut all: Vec<Endpoint> = MODULES
        .iter()
        .enumerate()
        .flat_map(|(i, m)| module_endpoints(m, i))
        .collect();
    let n = all.len();
    all.push(Endpoint {
        name: "Coql".into(),
        doc: "Runs a COQL query.".into(),
        method: "POST",
        path: "/coql".into(),
        scopes: vec!["ZohoCRM.coql.READ".into()],
        version: Some("v7"),
        root: None,
        external: None,
        response: Some("Option<RecordsPage>"),
        idempotent: Some(true),
        custom_module: false,
        fields: vec![field("select_query", "String", Role::Envelope, n, 0)],
    });
    all.push(Endpoint {
        name: "BulkRead".into(),
        doc: "Starts a bulk read job.".into(),
        method: "POST",
        path: "/read".into(),
        scopes: vec![
            "ZohoCRM.bulk.READ".into(),
            "ZohoCRM.modules.leads.READ".into(),
        ],
        version: Some("v8"),
        root: Some("/crm/bulk"),
        external: None,
        response: None,
        idempotent: Some(false),
        custom_module: false,
        fields: vec![
            field("query", "Json", Role::Envelope, n + 1, 0),
            field("callback", "Option<Json>", Role::Envelope, n + 1, 1),
        ],
    });
    all
}

fn module_endpoints(m: &Module, i: usize) -> Vec<Endpoint> {
    let scope = |op: &str| format!("ZohoCRM.modules.{}.{op}", m.scope);
    let base = |k: usize,
                name: String,
                doc: String,
                method: &'static str,
                path: String,
                scopes: Vec<String>| Endpoint {
        name,
        doc,
        method,
        path,
        scopes,
        version: VERSIONS[(i + k) % VERSIONS.len()],
        root: None,
        external: None,
        response: None,
        idempotent: None,
        custom_module: m.custom,
        fields: Vec::new(),
    };
    let n = i * 11;
    let (api, plural, singular) = (m.api, m.plural, m.singular);
    let mut list = base(
        0,
        format!("List{plural}"),
        format!("Lists {api} records, a page at a time."),
        "GET",
        format!("/{api}"),
        vec![scope("READ")],
    );
    list.response = (i % 2 == 0).then_some("RecordsPage");
    list.fields = fields(
        n,
        &[
            ("fields", "Vec<String>", Role::Query(None)),
            ("per_page", "Option<u32>", Role::Query(None)),
            ("page", "Option<u32>", Role::Query(None)),
            ("page_token", "Option<String>", Role::Query(None)),
            ("sort_by", "Option<String>", Role::Query(None)),
            ("cvid", "Option<RecordId>", Role::Query(None)),
            ("since", "Option<String>", Role::Header("If-Modified-Since")),
        ],
    );
    let mut get = base(
        1,
        format!("Get{singular}"),
        format!("Reads one {api} record."),
        "GET",
        format!("/{api}/<id>"),
        vec![scope("READ")],
    );
    get.response = Some("Option<RecordsPage>");
    get.fields = fields(
        n + 1,
        &[
            ("id", "RecordId", Role::Path),
            ("fields", "Option<Vec<String>>", Role::Query(None)),
        ],
    );
    let mut create = base(
        2,
        format!("Create{plural}"),
        format!("Inserts {api} records, 100 a call."),
        "POST",
        format!("/{api}"),
        vec![scope("CREATE")],
    );
    create.fields = fields(
        n + 2,
        &[
            ("records", "Vec<NewRecord>", Role::Records),
            ("trigger", "Option<Vec<String>>", Role::Envelope),
            ("lar_id", "Option<RecordId>", Role::Envelope),
        ],
    );
    let mut update = base(
        3,
        format!("Update{singular}"),
        format!("Updates one {api} record; `None` leaves a field as it is."),
        "PUT",
        format!("/{api}/<id>"),
        vec![scope("UPDATE")],
    );
    update.fields = fields(
        n + 3,
        &[
            ("id", "RecordId", Role::Path),
            ("owner", "Option<UserRef>", Role::Record(Some("Owner"))),
            (
                "last_name",
                "Option<String>",
                Role::Record(Some("Last_Name")),
            ),
            ("email", "Option<String>", Role::Record(Some("Email"))),
            (
                "phone",
                "Option<Nullable<String>>",
                Role::Record(Some("Phone")),
            ),
            (
                "description",
                "Option<String>",
                Role::Record(Some("Description")),
            ),
            (
                "annual_revenue",
                "Option<f64>",
                Role::Record(Some("Annual_Revenue")),
            ),
            ("trigger", "Option<Vec<String>>", Role::Envelope),
        ],
    );
    let mut upsert = base(
        4,
        format!("Upsert{plural}"),
        format!("Inserts or updates {api} records by their duplicate check fields."),
        "POST",
        format!("/{api}/upsert"),
        vec![scope("CREATE"), scope("UPDATE")],
    );
    upsert.idempotent = Some(true);
    upsert.fields = fields(
        n + 4,
        &[
            ("records", "Vec<NewRecord>", Role::Records),
            (
                "duplicate_check_fields",
                "Option<Vec<String>>",
                Role::Envelope,
            ),
            ("trigger", "Option<Vec<String>>", Role::Envelope),
        ],
    );
    let mut delete = base(
        5,
        format!("Delete{plural}"),
        format!("Deletes {api} records by id."),
        "DELETE",
        format!("/{api}"),
        vec![scope("DELETE")],
    );
    delete.fields = fields(
        n + 5,
        &[
            ("ids", "Vec<RecordId>", Role::Query(None)),
            ("wf_trigger", "Option<bool>", Role::Query(None)),
        ],
    );
    let mut related = base(
        6,
        format!("{singular}RelatedRecords"),
        format!("Lists the records of a related list of a {api} record."),
        "GET",
        format!("/{api}/<id>/<related_list>"),
        vec![scope("READ")],
    );
    related.fields = fields(
        n + 6,
        &[
            ("id", "RecordId", Role::Path),
            ("related_list", "String", Role::Path),
            ("fields", "Vec<String>", Role::Query(None)),
            ("page", "Option<u32>", Role::Query(None)),
            ("page_size", "Option<u32>", Role::Query(Some("per_page"))),
        ],
    );
    let mut relate = base(
        7,
        format!("RelateTo{singular}"),
        format!("Relates records of a related list to a {api} record."),
        "PUT",
        format!("/{api}/<record_id>/<related_list>"),
        vec![scope("UPDATE")],
    );
    relate.fields = fields(
        n + 7,
        &[
            ("record_id", "RecordId", Role::Path),
            ("related_list", "String", Role::Path),
            ("relations", "Vec<RelatedRecord>", Role::Records),
        ],
    );
    let mut mass = base(
        8,
        format!("MassUpdate{plural}"),
        format!("Sets the owner of many {api} records at once."),
        "POST",
        format!("/{api}/actions/mass_update"),
        vec![format!("ZohoCRM.mass_update.{}.UPDATE", m.scope)],
    );
    mass.idempotent = Some(true);
    mass.fields = fields(
        n + 8,
        &[
            ("owner", "Option<UserRef>", Role::Record(Some("Owner"))),
            ("over_write", "Option<bool>", Role::Envelope),
            ("ids", "Option<Vec<RecordId>>", Role::Targets),
            ("cvid", "Option<RecordId>", Role::Envelope),
        ],
    );
    let mut search = base(
        9,
        format!("Search{plural}"),
        format!("Searches {api} records."),
        "GET",
        format!("/{api}/search"),
        vec![scope("READ")],
    );
    search.response = Some("Option<RecordsPage>");
    search.fields = fields(
        n + 9,
        &[
            ("criteria", "Option<String>", Role::Query(None)),
            ("email", "Option<String>", Role::Query(None)),
            ("phone", "Option<String>", Role::Query(None)),
            ("word", "Option<String>", Role::Query(None)),
            ("page", "Option<u32>", Role::Query(None)),
        ],
    );
    let mut external = base(
        10,
        format!("Update{singular}ByExternalId"),
        format!("Updates a {api} record found by its external id."),
        "PUT",
        format!("/{api}/<external_id>"),
        vec![scope("UPDATE")],
    );
    external.external = Some(format!("{api}.External_{singular}_ID"));
    external.fields = fields(
        n + 10,
        &[
            ("external_id", "String", Role::Path),
            (
                "last_name",
                "Option<String>",
                Role::Record(Some("Last_Name")),
            ),
            ("email", "Option<String>", Role::Record(Some("Email"))),
            ("owner", "Option<UserRef>", Role::Record(Some("Owner"))),
        ],
    );
    vec![
        list, get, create, update, upsert, delete, related, relate, mass, search, external,
    ]
}

fn fields(seed: usize, spec: &[(&'static str, &'static str, Role)]) -> Vec<Field> {
    spec.iter()
        .enumerate()
        .map(|(k, (name, ty, role))| field(name, ty, role.clone(), seed, k))
        .collect()
}

fn field(name: &'static str, ty: &'static str, role: Role, seed: usize, k: usize) -> Field {
    Field {
        name,
        ty,
        role,
        value: value(name, ty, seed, k),
    }
}

/// A fixed value of a field's type; `Option`s are `None` in about one case in three.
fn value(name: &str, ty: &str, seed: usize, k: usize) -> String {
    let id = |j: usize| format!("RecordId::from(\"4150868{:012}\")", seed * 100 + k * 10 + j);
    let present = (seed + k) % 3 != 0;
    let some = |v: String| {
        if present {
            format!("Some({v})")
        } else {
            "None".to_owned()
        }
    };
    let text = |t: String| format!("{t:?}.to_owned()");
    let names = "vec![\"Last_Name\".to_owned(), \"Email\".to_owned()]".to_owned();
    match ty {
        "RecordId" => id(0),
        "String" => match name {
            "related_list" => text("Campaigns".into()),
            "external_id" => text(format!("ext {seed}/a&b")),
            "select_query" => text("select Last_Name from Leads where Last_Name is not null".into()),
            _ => text(format!("{name} {seed}")),
        },
        "Option<String>" => some(text(format!("{name} {seed}"))),
        "Option<u32>" => some(format!("{}", 10 + seed % 190)),
        "Option<bool>" => some(format!("{}", seed % 2 == 0)),
        "Option<f64>" => some(format!("{}.5", seed)),
        "Option<RecordId>" => some(id(0)),
        "Vec<String>" => names,
        "Option<Vec<String>>" => some(names),
        "Vec<RecordId>" => format!("vec![{}, {}]", id(0), id(1)),
        "Option<Vec<RecordId>>" => some(format!("vec![{}, {}, {}]", id(0), id(1), id(2))),
        "Option<UserRef>" => some(format!("UserRef {{ id: {} }}", id(0))),
        "Option<Nullable<String>>" => {
            if seed % 2 == 0 {
                "Some(Nullable::Null)".to_owned()
            } else {
                some(format!("Nullable::Value({})", text(format!("+1 555 {seed}"))))
            }
        }
        "Vec<NewRecord>" => format!(
            "vec![NewRecord {{ last_name: {}, email: None, owner: Some(UserRef {{ id: {} }}) }}, NewRecord {{ last_name: {}, email: Some({}), owner: None }}]",
            text(format!("Boyle {seed}")),
            id(0),
            text("Ross".into()),
            text(format!("r{seed}@example.com"))
        ),
        "Vec<RelatedRecord>" => format!(
            "vec![RelatedRecord {{ id: {}, member_status: {} }}, RelatedRecord {{ id: {}, member_status: {} }}]",
            id(0),
            text("Active".into()),
            id(1),
            text("Planning".into())
        ),
        "Json" => "[(\"module\", \"Leads\"), (\"page\", \"1\")].into_iter().collect::<Json>()".to_owned(),
        "Option<Json>" => some("Json::from(\"https://example.com/bulk-done\")".into()),
        other => unreachable!("no value for the type {other}"),
    }
}

impl Endpoint {
    pub(crate) fn version_variant(&self) -> Option<String> {
        self.version
            .map(|v| v.replacen('v', "V", 1).replace('.', "_"))
    }

    pub(crate) fn segments(&self) -> Vec<(bool, &str)> {
        self.path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(
                |s| match s.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
                    Some(name) => (true, name),
                    None => (false, s),
                },
            )
            .collect()
    }

    pub(crate) fn response_type(&self) -> &'static str {
        match (self.response, self.method) {
            (Some(ty), _) => ty,
            (None, "GET") => "Json",
            (None, _) => "Outcomes",
        }
    }

    pub(crate) fn is_idempotent(&self) -> bool {
        self.idempotent
            .unwrap_or(matches!(self.method, "GET" | "PUT" | "DELETE"))
    }

    pub(crate) fn batch_field(&self) -> Option<&Field> {
        self.fields
            .iter()
            .find(|f| matches!(f.role, Role::Records | Role::Targets))
    }

    /// The line the attribute adds to the struct's docs.
    pub(crate) fn doc_line(&self) -> String {
        let version = self.version.unwrap_or("{version}");
        let scopes: Vec<String> = self.scopes.iter().map(|s| format!("`{s}`")).collect();
        let noun = if scopes.len() == 1 { "scope" } else { "scopes" };
        format!(
            "`{} {}/{version}{}`, {noun} {}",
            self.method,
            self.root.unwrap_or("/crm"),
            self.path,
            scopes.join(", ")
        )
    }
}

impl Field {
    pub(crate) fn inner(&self) -> Option<&'static str> {
        self.ty
            .strip_prefix("Option<")
            .and_then(|t| t.strip_suffix('>'))
    }

    /// The JSON key, query parameter or header the field writes.
    pub(crate) fn key(&self) -> &'static str {
        match self.role {
            Role::Query(Some(name)) | Role::Header(name) | Role::Record(Some(name)) => name,
            _ => self.name,
        }
    }
}

/// The names of `candidates` that appear as words in `text`.
fn words_in<'a>(text: &str, candidates: &[&'a str]) -> Vec<&'a str> {
    let words: BTreeSet<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .collect();
    candidates
        .iter()
        .copied()
        .filter(|c| words.contains(c))
        .collect()
}

const RUNTIME_TYPES: [&str; 4] = ["Json", "Nullable", "Outcomes", "RecordId"];
const LOCAL_TYPES: [&str; 4] = ["NewRecord", "RecordsPage", "RelatedRecord", "UserRef"];

/// `use` lines for the types that `text` names.
pub(crate) fn type_imports(text: &str, runtime_extra: &[&str]) -> String {
    let mut runtime: BTreeSet<&str> = words_in(text, &RUNTIME_TYPES).into_iter().collect();
    runtime.extend(runtime_extra.iter().copied());
    let local = words_in(text, &LOCAL_TYPES);
    let mut out = String::new();
    if !local.is_empty() {
        let _ = writeln!(out, "use crate::types::{{{}}};", local.join(", "));
    }
    let runtime: Vec<&str> = runtime.into_iter().collect();
    let _ = writeln!(out, "use zoho_runtime::{{{}}};", runtime.join(", "));
    out
}
