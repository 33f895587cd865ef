//! Zoho's OAuth scope grammar, `<Service>.<family>[.<name>…].<OPERATION>`, which granted scope
//! covers which needed one, and what a call needs.
//!
//! Scopes are compared as Zoho compares them: case-insensitively, and without regard to `_`
//! (Zoho's own pages write both `pricebooks` and `price_books`).

use std::fmt;
use std::str::FromStr;

/// The service of Zoho CRM's scopes.
pub const CRM_SERVICE: &str = "ZohoCRM";

/// The families of `ZohoCRM` scopes: the second part, `ZohoCRM.<family>.…`.
pub const CRM_FAMILIES: &[&str] = &[
    "modules",
    "settings",
    "users",
    "org",
    "bulk",
    "coql",
    "notifications",
    "files",
    "mass_update",
    "mass_convert",
    "mass_delete",
    "share",
    "functions",
    "templates",
    "send_mail",
    "change_owner",
    "features",
    "apis",
    "zia",
    "signals",
    "composite_requests",
    "analytics",
    "dashboards",
    "territory",
    "backup",
    "data_backup",
    "email_drafts",
    "scoring",
    "unsubscribe",
    "portals",
    "audit_log",
    "wizards",
    "blueprint",
    "search",
];

/// Whether a part names a `ZohoCRM` family (any case).
pub fn is_crm_family(part: &str) -> bool {
    CRM_FAMILIES.iter().any(|f| f.eq_ignore_ascii_case(part))
}

/// What a scope allows on its resource: its last part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Operation {
    /// `ALL`: every operation.
    All,
    /// `READ`
    Read,
    /// `CREATE`
    Create,
    /// `UPDATE`
    Update,
    /// `DELETE`
    Delete,
    /// `WRITE`: Zoho's alias for `CREATE`, `UPDATE` and `DELETE`.
    Write,
}

impl Operation {
    /// Every operation, in the order messages list them.
    pub const ALL: [Operation; 6] = [
        Operation::All,
        Operation::Read,
        Operation::Create,
        Operation::Update,
        Operation::Delete,
        Operation::Write,
    ];

    /// Parses an operation, ignoring case as Zoho does (`All`, `all`, `ALL`).
    pub fn parse(text: &str) -> Option<Operation> {
        Operation::ALL
            .into_iter()
            .find(|op| op.as_str().eq_ignore_ascii_case(text))
    }

    /// The operation's canonical name: `UPDATE`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Operation::All => "ALL",
            Operation::Read => "READ",
            Operation::Create => "CREATE",
            Operation::Update => "UPDATE",
            Operation::Delete => "DELETE",
            Operation::Write => "WRITE",
        }
    }

    /// Whether a grant of `self` allows `needed`. This is the one definition the runtime's
    /// client-side check, the macro's and the sandbox's enforcement all use.
    ///
    /// ```
    /// use zoho_spec::Operation::*;
    /// assert!(Write.covers(Delete));
    /// assert!(!Write.covers(Read));
    /// assert!(All.covers(Read));
    /// assert!(!Update.covers(Create));
    /// ```
    pub const fn covers(self, needed: Operation) -> bool {
        match self {
            Operation::All => true,
            Operation::Write => matches!(
                needed,
                Operation::Write | Operation::Create | Operation::Update | Operation::Delete
            ),
            Operation::Read => matches!(needed, Operation::Read),
            Operation::Create => matches!(needed, Operation::Create),
            Operation::Update => matches!(needed, Operation::Update),
            Operation::Delete => matches!(needed, Operation::Delete),
        }
    }

    /// Whether the operation allows reading.
    pub const fn reads(self) -> bool {
        matches!(self, Operation::All | Operation::Read)
    }

    /// Whether the operation allows changing data.
    pub const fn writes(self) -> bool {
        !matches!(self, Operation::Read)
    }

    /// The operations for a message: `` `ALL`, `READ`, `CREATE`, `UPDATE`, `DELETE`, `WRITE` ``.
    pub fn listed() -> String {
        crate::listed(Operation::ALL.iter().map(|op| op.as_str()), "`", "`")
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a text is not a scope.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ScopeError {
    /// Nothing but white space.
    Empty,
    /// Two dots in a row, or a dot at either end.
    EmptySegment,
    /// The service is missing: the text starts with a `ZohoCRM` family (`modules.leads.READ`).
    MissingService,
    /// Fewer than three parts: `ZohoCRM.READ`.
    Incomplete,
    /// The last part is not an operation.
    UnknownOperation {
        /// The last part as written.
        operation: String,
    },
    /// The service and its first parts are written twice:
    /// `ZohoCRM.settings.ZohoCRM.settings.currencies.ALL`.
    RepeatedService {
        /// The repeated parts, as written the second time: `ZohoCRM.settings`.
        repeated: String,
        /// The scope with the repetition removed.
        fixed: String,
    },
    /// A `<…>` part that is not a whole `<name>`.
    MalformedPlaceholder {
        /// The part as written.
        part: String,
    },
    /// The service itself is a placeholder.
    PlaceholderService,
}

impl fmt::Display for ScopeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const GRAMMAR: &str = "`<Service>.<family>[.<name>…].<OPERATION>`";
        match self {
            ScopeError::Empty => write!(f, "the scope is empty: write {GRAMMAR}"),
            ScopeError::EmptySegment => {
                write!(
                    f,
                    "an empty segment: write {GRAMMAR} with one `.` between parts"
                )
            }
            ScopeError::MissingService => write!(f, "it lacks its service, `{CRM_SERVICE}`"),
            ScopeError::Incomplete => write!(f, "it is incomplete: write {GRAMMAR}"),
            ScopeError::UnknownOperation { operation } => write!(
                f,
                "unknown operation `{operation}`; a scope ends with one of {}",
                Operation::listed()
            ),
            ScopeError::RepeatedService { repeated, fixed } => write!(
                f,
                "it repeats its service: `{repeated}` is written twice; write `{fixed}`"
            ),
            ScopeError::MalformedPlaceholder { part } => write!(
                f,
                "malformed placeholder `{part}`: a placeholder is a whole part naming a path \
                 field, e.g. `ZohoCRM.modules.<module>.READ`"
            ),
            ScopeError::PlaceholderService => write!(f, "the service cannot be a placeholder"),
        }
    }
}

impl std::error::Error for ScopeError {}

/// One OAuth scope, such as `ZohoCRM.modules.deals.UPDATE`, parsed and checked.
///
/// A scope covers another when it names the same service, its resource is the other's or an
/// enclosing one, and its operation allows the other's: `ZohoCRM.modules.ALL` covers
/// `ZohoCRM.modules.deals.UPDATE`. A part may be a placeholder, `<module>`, which a caller fills
/// from a path field with [`Scope::fill`].
///
/// ```
/// use zoho_spec::scope::Scope;
/// let all: Scope = "ZohoCRM.modules.ALL".parse().unwrap();
/// let update: Scope = "zohocrm.modules.Price_Books.update".parse().unwrap();
/// assert!(all.covers(&update));
/// assert!(!update.covers(&all));
/// assert!(update.covers(&"ZohoCRM.modules.pricebooks.UPDATE".parse().unwrap()));
/// ```
#[derive(Clone)]
pub struct Scope {
    text: String,
    /// The service and resource parts, operation excluded, normalised.
    resource: Vec<String>,
    operation: Operation,
}

impl Scope {
    /// Parses a scope; the error says which rule of the grammar it breaks.
    pub fn parse(text: &str) -> Result<Scope, ScopeError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ScopeError::Empty);
        }
        let parts: Vec<&str> = text.split('.').collect();
        if parts.iter().any(|p| p.is_empty()) {
            return Err(ScopeError::EmptySegment);
        }
        if is_crm_family(parts[0]) {
            return Err(ScopeError::MissingService);
        }
        if parts.len() < 3 {
            return Err(ScopeError::Incomplete);
        }
        let (last, resource) = parts.split_last().expect("three parts or more");
        let operation = Operation::parse(last).ok_or_else(|| ScopeError::UnknownOperation {
            operation: (*last).to_owned(),
        })?;
        check_placeholders(resource)?;
        check_repetition(&parts)?;
        Ok(Scope {
            text: text.to_owned(),
            resource: resource.iter().map(|p| normalise(p)).collect(),
            operation,
        })
    }

    /// A scope of `service` on the resource `parts` (`["modules", "leads"]`).
    pub fn new(service: &str, parts: &[&str], operation: Operation) -> Scope {
        let mut text = service.to_owned();
        for part in parts {
            text.push('.');
            text.push_str(part);
        }
        text.push('.');
        text.push_str(operation.as_str());
        let resource = std::iter::once(service)
            .chain(parts.iter().copied())
            .map(normalise)
            .collect();
        Scope {
            text,
            resource,
            operation,
        }
    }

    /// A `ZohoCRM` scope on the resource `parts` (`["modules", "leads"]`).
    pub fn crm(parts: &[&str], operation: Operation) -> Scope {
        Scope::new(CRM_SERVICE, parts, operation)
    }

    /// The scope as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The operation the scope allows.
    pub fn operation(&self) -> Operation {
        self.operation
    }

    /// The parts as written, operation excluded: `["ZohoCRM", "modules", "leads"]`.
    pub fn parts(&self) -> impl Iterator<Item = &str> {
        let mut parts: Vec<&str> = self.text.split('.').collect();
        parts.pop();
        parts.into_iter()
    }

    /// Whether the scope is a `ZohoCRM` scope.
    pub fn is_crm(&self) -> bool {
        self.resource[0] == normalise(CRM_SERVICE)
    }

    /// The names of the `<placeholder>` parts, as written.
    pub fn placeholders(&self) -> impl Iterator<Item = &str> {
        self.parts().filter_map(placeholder_name)
    }

    /// Whether a part is a `<placeholder>`.
    pub fn is_template(&self) -> bool {
        self.placeholders().next().is_some()
    }

    /// The scope with each `<name>` part replaced by `value(name)`, lowercased as Zoho writes
    /// module names in scopes; `None` when a placeholder has no value or the filled text is
    /// not a scope.
    pub fn fill<'v>(&self, mut value: impl FnMut(&str) -> Option<&'v str>) -> Option<Scope> {
        let mut text = String::with_capacity(self.text.len() + 16);
        for (i, part) in self.text.split('.').enumerate() {
            if i > 0 {
                text.push('.');
            }
            match placeholder_name(part) {
                Some(name) => text.push_str(&value(name)?.to_ascii_lowercase()),
                None => text.push_str(part),
            }
        }
        Scope::parse(&text).ok()
    }

    /// Whether a token granted `self` may make a call that needs `needed`.
    pub fn covers(&self, needed: &Scope) -> bool {
        needed.resource.starts_with(&self.resource) && self.operation.covers(needed.operation)
    }
}

fn placeholder_name(part: &str) -> Option<&str> {
    part.strip_prefix('<')?.strip_suffix('>')
}

fn check_placeholders(resource: &[&str]) -> Result<(), ScopeError> {
    for (i, part) in resource.iter().enumerate() {
        if !part.contains(['<', '>']) {
            continue;
        }
        match placeholder_name(part) {
            Some(name) if !name.is_empty() && !name.contains(['<', '>']) => {
                if i == 0 {
                    return Err(ScopeError::PlaceholderService);
                }
            }
            _ => {
                return Err(ScopeError::MalformedPlaceholder {
                    part: (*part).to_owned(),
                })
            }
        }
    }
    Ok(())
}

/// `ZohoCRM.settings.ZohoCRM.settings.currencies.all`: the service written again later, with
/// the parts that followed it the first time.
fn check_repetition(parts: &[&str]) -> Result<(), ScopeError> {
    let service = parts[0];
    let Some(at) = (1..parts.len()).find(|&i| parts[i].eq_ignore_ascii_case(service)) else {
        return Ok(());
    };
    let len = (0..at)
        .take_while(|&k| at + k < parts.len() - 1 && parts[at + k].eq_ignore_ascii_case(parts[k]))
        .count();
    let repeated = parts[at..at + len].join(".");
    let mut kept: Vec<&str> = parts[..at].to_vec();
    kept.extend_from_slice(&parts[at + len..]);
    Err(ScopeError::RepeatedService {
        repeated,
        fixed: kept.join("."),
    })
}

/// Lowercase, and without underscores.
fn normalise(part: &str) -> String {
    part.chars()
        .filter(|&c| c != '_')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

impl PartialEq for Scope {
    fn eq(&self, other: &Self) -> bool {
        self.resource == other.resource && self.operation == other.operation
    }
}

impl Eq for Scope {}

impl std::hash::Hash for Scope {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.resource.hash(state);
        self.operation.hash(state);
    }
}

impl fmt::Debug for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, f)
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl FromStr for Scope {
    type Err = ScopeError;

    fn from_str(text: &str) -> Result<Scope, ScopeError> {
        Scope::parse(text)
    }
}

impl AsRef<str> for Scope {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// What a call needs: any one of the alternatives, each a set of scopes all required at once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirement {
    alternatives: Vec<Vec<Scope>>,
}

impl Requirement {
    /// One scope.
    pub fn one(scope: Scope) -> Requirement {
        Requirement {
            alternatives: vec![vec![scope]],
        }
    }

    /// Several scopes, all required (deals and contacts, for a contact role).
    pub fn all(scopes: Vec<Scope>) -> Requirement {
        Requirement {
            alternatives: vec![scopes],
        }
    }

    /// Adds an alternative that satisfies the requirement on its own.
    pub fn or(mut self, scope: Scope) -> Requirement {
        self.alternatives.push(vec![scope]);
        self
    }

    /// The alternatives, the first being the one to suggest.
    pub fn alternatives(&self) -> &[Vec<Scope>] {
        &self.alternatives
    }

    /// Whether the granted scopes satisfy one alternative.
    pub fn satisfied_by(&self, granted: &[Scope]) -> bool {
        self.alternatives
            .iter()
            .any(|set| set.iter().all(|n| granted.iter().any(|g| g.covers(n))))
    }
}

/// The first alternative, as a message names it: `` `ZohoCRM.modules.leads.UPDATE` ``.
impl fmt::Display for Requirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(first) = self.alternatives.first() else {
            return Ok(());
        };
        for (i, scope) in first.iter().enumerate() {
            if i > 0 {
                f.write_str(" and ")?;
            }
            write!(f, "`{scope}`")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Scope {
        Scope::parse(text).unwrap()
    }

    #[test]
    fn family_all_covers_members() {
        assert!(s("ZohoCRM.modules.ALL").covers(&s("ZohoCRM.modules.leads.UPDATE")));
        assert!(s("zohocrm.modules.all").covers(&s("ZohoCRM.modules.deals.READ")));
        assert!(s("ZohoCRM.modules.deals.ALL").covers(&s("ZohoCRM.modules.deals.DELETE")));
        assert!(!s("ZohoCRM.modules.deals.ALL").covers(&s("ZohoCRM.modules.leads.READ")));
        assert!(!s("ZohoCRM.settings.ALL").covers(&s("ZohoCRM.modules.leads.READ")));
        assert!(!s("ZohoFiles.modules.ALL").covers(&s("ZohoCRM.modules.leads.READ")));
    }

    #[test]
    fn write_is_create_update_and_delete() {
        let w = s("ZohoCRM.modules.leads.WRITE");
        for op in ["CREATE", "UPDATE", "DELETE", "WRITE"] {
            assert!(w.covers(&s(&format!("ZohoCRM.modules.leads.{op}"))), "{op}");
        }
        assert!(!w.covers(&s("ZohoCRM.modules.leads.READ")));
        assert!(!w.covers(&s("ZohoCRM.modules.leads.ALL")));
    }

    #[test]
    fn grammar_errors() {
        let cases = [
            ("", ScopeError::Empty),
            ("ZohoCRM..leads.READ", ScopeError::EmptySegment),
            ("modules.leads.READ", ScopeError::MissingService),
            ("ZohoCRM.READ", ScopeError::Incomplete),
            ("<svc>.modules.READ", ScopeError::PlaceholderService),
        ];
        for (text, error) in cases {
            assert_eq!(Scope::parse(text).unwrap_err(), error, "{text}");
        }
        assert!(matches!(
            Scope::parse("ZohoCRM.modules.leads.FETCH"),
            Err(ScopeError::UnknownOperation { operation }) if operation == "FETCH"
        ));
        assert!(matches!(
            Scope::parse("ZohoCRM.modules.<mod.READ"),
            Err(ScopeError::MalformedPlaceholder { part }) if part == "<mod"
        ));
    }

    #[test]
    fn a_repeated_service_is_named() {
        let error = Scope::parse("ZohoCRM.settings.ZohoCRM.settings.currencies.all").unwrap_err();
        assert_eq!(
            error,
            ScopeError::RepeatedService {
                repeated: "ZohoCRM.settings".into(),
                fixed: "ZohoCRM.settings.currencies.all".into(),
            }
        );
        assert!(matches!(
            Scope::parse("zohocrm.ZohoCRM.modules.READ"),
            Err(ScopeError::RepeatedService { repeated, fixed })
                if repeated == "ZohoCRM" && fixed == "zohocrm.modules.READ"
        ));
    }

    #[test]
    fn templates_fill_from_values() {
        let template = s("ZohoCRM.modules.<module>.UPDATE");
        assert!(template.is_template());
        assert_eq!(template.placeholders().collect::<Vec<_>>(), ["module"]);
        let filled = template.fill(|_| Some("Leads")).unwrap();
        assert_eq!(filled.as_str(), "ZohoCRM.modules.leads.UPDATE");
        assert!(template.fill(|_| None).is_none());
    }

    #[test]
    fn requirement_needs_every_scope_of_an_alternative() {
        let need = Requirement::all(vec![
            s("ZohoCRM.modules.deals.UPDATE"),
            s("ZohoCRM.modules.contacts.UPDATE"),
        ]);
        assert!(!need.satisfied_by(&[s("ZohoCRM.modules.deals.UPDATE")]));
        assert!(need.satisfied_by(&[
            s("ZohoCRM.modules.deals.ALL"),
            s("ZohoCRM.modules.contacts.WRITE")
        ]));
        assert!(need.satisfied_by(&[s("ZohoCRM.modules.ALL")]));
        assert_eq!(
            need.to_string(),
            "`ZohoCRM.modules.deals.UPDATE` and `ZohoCRM.modules.contacts.UPDATE`"
        );
    }
}
