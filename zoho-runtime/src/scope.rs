//! OAuth scopes in Zoho's grammar, `<Service>.<family>[.<name>…].<OPERATION>`, and the sets of
//! them an application asks for.

use std::fmt;

use crate::Error;

/// What a scope allows on its resource.
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
    /// `WRITE`: create, update and delete.
    Write,
}

impl Operation {
    /// Parses an operation, ignoring case as Zoho does (`All`, `all`, `ALL`).
    pub fn parse(text: &str) -> Option<Operation> {
        const NAMES: [(&str, Operation); 6] = [
            ("ALL", Operation::All),
            ("READ", Operation::Read),
            ("CREATE", Operation::Create),
            ("UPDATE", Operation::Update),
            ("DELETE", Operation::Delete),
            ("WRITE", Operation::Write),
        ];
        NAMES
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(text))
            .map(|(_, op)| *op)
    }

    /// Whether a grant of `self` allows `needed`.
    pub fn covers(self, needed: Operation) -> bool {
        match self {
            Operation::All => true,
            Operation::Write => matches!(
                needed,
                Operation::Write | Operation::Create | Operation::Update | Operation::Delete
            ),
            _ => self == needed,
        }
    }

    /// The operation's canonical name: `UPDATE`.
    pub fn as_str(self) -> &'static str {
        match self {
            Operation::All => "ALL",
            Operation::Read => "READ",
            Operation::Create => "CREATE",
            Operation::Update => "UPDATE",
            Operation::Delete => "DELETE",
            Operation::Write => "WRITE",
        }
    }
}

/// One OAuth scope, such as `ZohoCRM.modules.deals.UPDATE`.
///
/// Compared case-insensitively. A scope covers another when it names the same service, its
/// resource is the other's or an enclosing one, and its operation allows the other's:
/// `ZohoCRM.modules.ALL` covers `ZohoCRM.modules.deals.UPDATE`.
///
/// ```
/// use zoho_runtime::Scope;
/// let all: Scope = "ZohoCRM.modules.ALL".parse().unwrap();
/// let update: Scope = "zohocrm.modules.deals.update".parse().unwrap();
/// assert!(all.covers(&update));
/// assert!(!update.covers(&all));
/// ```
#[derive(Clone)]
pub struct Scope {
    text: String,
    /// The lowercased service and resource names, operation excluded.
    resource: Vec<String>,
    operation: Operation,
}

impl Scope {
    /// Parses a scope; the error says which part is malformed.
    pub fn parse(text: &str) -> Result<Scope, Error> {
        let parts: Vec<&str> = text.split('.').collect();
        if parts.len() < 3 || parts.iter().any(|p| p.is_empty()) {
            return Err(Error::invalid_scope(
                text,
                "expected `<Service>.<family>[.<name>…].<OPERATION>` with no empty part",
            ));
        }
        let Some((op, resource)) = parts.split_last() else {
            return Err(Error::invalid_scope(text, "the scope is empty"));
        };
        let operation = Operation::parse(op).ok_or_else(|| {
            Error::invalid_scope(
                text,
                "the operation must be ALL, READ, CREATE, UPDATE, DELETE or WRITE",
            )
        })?;
        Ok(Scope {
            text: text.to_owned(),
            resource: resource.iter().map(|p| p.to_ascii_lowercase()).collect(),
            operation,
        })
    }

    /// The scope as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The operation the scope allows.
    pub fn operation(&self) -> Operation {
        self.operation
    }

    /// Whether a token granted `self` may make a call that needs `needed`.
    pub fn covers(&self, needed: &Scope) -> bool {
        needed.resource.starts_with(&self.resource) && self.operation.covers(needed.operation)
    }
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

impl std::str::FromStr for Scope {
    type Err = Error;

    fn from_str(text: &str) -> Result<Scope, Error> {
        Scope::parse(text)
    }
}

/// A set of scopes kept minimal: a scope covered by another in the set is dropped.
///
/// Build it from the endpoints an application declares to get the consent request it needs:
///
/// ```
/// use zoho_runtime::ScopeSet;
/// let mut set = ScopeSet::new();
/// set.insert("ZohoCRM.modules.deals.UPDATE".parse().unwrap());
/// set.insert("ZohoCRM.modules.deals.ALL".parse().unwrap());
/// set.insert("ZohoCRM.modules.leads.READ".parse().unwrap());
/// assert_eq!(set.to_string(), "ZohoCRM.modules.deals.ALL,ZohoCRM.modules.leads.READ");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScopeSet {
    scopes: Vec<Scope>,
}

impl ScopeSet {
    /// An empty set.
    pub fn new() -> Self {
        ScopeSet::default()
    }

    /// Adds a scope unless one already in the set covers it, and drops those it covers.
    pub fn insert(&mut self, scope: Scope) {
        if self.covers(&scope) {
            return;
        }
        self.scopes.retain(|held| !scope.covers(held));
        self.scopes.push(scope);
        self.scopes.sort_by_key(|s| s.text.to_ascii_lowercase());
    }

    /// Whether some scope in the set covers `needed`.
    pub fn covers(&self, needed: &Scope) -> bool {
        self.scopes.iter().any(|held| held.covers(needed))
    }

    /// The first of `needed` that the set does not cover.
    pub fn first_missing<'a>(&self, needed: &'a [Scope]) -> Option<&'a Scope> {
        needed.iter().find(|scope| !self.covers(scope))
    }

    /// The scopes, sorted.
    pub fn iter(&self) -> impl Iterator<Item = &Scope> {
        self.scopes.iter()
    }

    /// How many scopes the set holds.
    pub fn len(&self) -> usize {
        self.scopes.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.scopes.is_empty()
    }
}

impl FromIterator<Scope> for ScopeSet {
    fn from_iter<I: IntoIterator<Item = Scope>>(iter: I) -> Self {
        let mut set = ScopeSet::new();
        iter.into_iter().for_each(|scope| set.insert(scope));
        set
    }
}

impl Extend<Scope> for ScopeSet {
    fn extend<I: IntoIterator<Item = Scope>>(&mut self, iter: I) {
        iter.into_iter().for_each(|scope| self.insert(scope));
    }
}

/// Comma-separated, as Zoho's `scope` parameter takes them.
impl fmt::Display for ScopeSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, scope) in self.scopes.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            f.write_str(&scope.text)?;
        }
        Ok(())
    }
}
