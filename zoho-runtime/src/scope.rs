//! OAuth scopes in Zoho's grammar, `<Service>.<family>[.<name>…].<OPERATION>`, and the sets of
//! them an application asks for.

use std::fmt;

use crate::endpoint::{Endpoint, EndpointMeta};
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

    /// The scopes a set of declared endpoints needs, kept minimal: what to ask for at consent.
    /// [`scopes!`](crate::scopes) writes the slice for you.
    ///
    /// A templated scope (`ZohoCRM.modules.<module>.UPDATE`) has no value before a call names
    /// its module, so it is left out here: list those with [`ScopeSet::templates_of`] and add
    /// their filled form with [`ScopeSet::insert_call`] or [`ScopeSet::insert`].
    ///
    /// ```
    /// use zoho_runtime::{zoho_endpoint, Endpoint, RecordId, ScopeSet};
    ///
    /// #[zoho_endpoint(PUT "/Deals/<id>", scope = "ZohoCRM.modules.deals.UPDATE")]
    /// pub struct UpdateDeal { pub id: RecordId }
    ///
    /// #[zoho_endpoint(DELETE "/Deals/<id>", scope = "ZohoCRM.modules.deals.ALL")]
    /// pub struct DeleteDeal { pub id: RecordId }
    ///
    /// #[zoho_endpoint(GET "/Leads/<id>", scope = "ZohoCRM.modules.leads.READ")]
    /// pub struct GetLead { pub id: RecordId }
    ///
    /// let set = ScopeSet::from_endpoints(&[UpdateDeal::META, DeleteDeal::META, GetLead::META]);
    /// assert_eq!(set.to_string(), "ZohoCRM.modules.deals.ALL,ZohoCRM.modules.leads.READ");
    /// assert_eq!(set, zoho_runtime::scopes![UpdateDeal, DeleteDeal, GetLead]);
    /// ```
    pub fn from_endpoints(metas: &[&EndpointMeta]) -> ScopeSet {
        let mut set = ScopeSet::new();
        set.extend(
            metas
                .iter()
                .flat_map(|meta| meta.scopes)
                .filter(|text| !is_template(text))
                .filter_map(|text| Scope::parse(text).ok()),
        );
        set
    }

    /// The templated scopes of these endpoints, which [`ScopeSet::from_endpoints`] leaves out.
    pub fn templates_of(metas: &[&EndpointMeta]) -> Vec<&'static str> {
        let mut templates: Vec<&'static str> = Vec::new();
        for text in metas.iter().flat_map(|meta| meta.scopes) {
            if is_template(text) && !templates.contains(text) {
                templates.push(text);
            }
        }
        templates
    }

    /// Adds the scopes of an endpoint type, templates left out (see
    /// [`ScopeSet::from_endpoints`]), and returns the set, for chaining.
    pub fn with<E: Endpoint>(mut self) -> ScopeSet {
        self.extend(ScopeSet::from_endpoints(&[E::META]).scopes);
        self
    }

    /// Adds the scopes one call needs, templates filled from its path values:
    /// `ZohoCRM.modules.<module>.UPDATE` with `module: "Leads"` adds
    /// `ZohoCRM.modules.leads.UPDATE`.
    pub fn insert_call<E: Endpoint>(&mut self, call: &E) -> Result<(), Error> {
        self.extend(call.scopes()?);
        Ok(())
    }
}

/// Whether a declared scope takes a part from a path field: `ZohoCRM.modules.<module>.READ`.
fn is_template(text: &str) -> bool {
    text.contains('<')
}

/// The minimal [`ScopeSet`] the listed endpoint types need, templated scopes left out (see
/// [`ScopeSet::from_endpoints`]).
///
/// ```
/// use zoho_runtime::{zoho_endpoint, scopes, RecordId};
///
/// #[zoho_endpoint(PUT "/Deals/<deal_id>/Contact_Roles/<contact_id>",
///                 scope = ["ZohoCRM.modules.deals.UPDATE", "ZohoCRM.modules.contacts.UPDATE"])]
/// pub struct AddContactRole { pub deal_id: RecordId, pub contact_id: RecordId }
///
/// #[zoho_endpoint(GET "/Contacts/<id>", scope = "ZohoCRM.modules.contacts.ALL")]
/// pub struct GetContact { pub id: RecordId }
///
/// let needed = scopes![AddContactRole, GetContact];
/// assert_eq!(needed.to_string(), "ZohoCRM.modules.contacts.ALL,ZohoCRM.modules.deals.UPDATE");
/// ```
#[macro_export]
macro_rules! scopes {
    ($($endpoint:ty),* $(,)?) => {
        $crate::ScopeSet::from_endpoints(&[$(<$endpoint as $crate::Endpoint>::META),*])
    };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoint::Segment;
    use crate::types::Method;

    const fn meta(segments: &'static [Segment], scopes: &'static [&'static str]) -> EndpointMeta {
        EndpointMeta::new(Method::Put, "/test")
            .segments(segments)
            .scopes(scopes)
    }

    static UPDATE_DEAL: EndpointMeta = meta(&[], &["ZohoCRM.modules.deals.UPDATE"]);
    static ALL_DEALS: EndpointMeta = meta(&[], &["zohocrm.modules.deals.all"]);
    static ROLES: EndpointMeta = meta(
        &[],
        &[
            "ZohoCRM.modules.deals.UPDATE",
            "ZohoCRM.modules.contacts.UPDATE",
        ],
    );
    static RELATED: EndpointMeta = meta(
        &[Segment::Field("module")],
        &["ZohoCRM.modules.<module>.UPDATE", "ZohoCRM.org.READ"],
    );

    #[test]
    fn union_keeps_the_covering_scope() {
        let set = ScopeSet::from_endpoints(&[&UPDATE_DEAL, &ALL_DEALS, &ROLES]);
        assert_eq!(
            set.to_string(),
            "ZohoCRM.modules.contacts.UPDATE,zohocrm.modules.deals.all"
        );
        let reversed = ScopeSet::from_endpoints(&[&ALL_DEALS, &ROLES, &UPDATE_DEAL]);
        assert_eq!(set, reversed);
    }

    #[test]
    fn templates_are_left_out_and_listed() {
        let set = ScopeSet::from_endpoints(&[&RELATED]);
        assert_eq!(set.to_string(), "ZohoCRM.org.READ");
        assert_eq!(
            ScopeSet::templates_of(&[&RELATED, &UPDATE_DEAL, &RELATED]),
            ["ZohoCRM.modules.<module>.UPDATE"]
        );
    }

    #[test]
    fn an_empty_list_needs_nothing() {
        assert!(ScopeSet::from_endpoints(&[]).is_empty());
    }
}
