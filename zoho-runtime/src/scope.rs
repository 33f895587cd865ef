//! The sets of OAuth scopes an application asks for. A scope itself, its grammar and which
//! scope covers which, are `zoho_spec`'s, the rules the macro and the sandbox read too.

use std::fmt;

pub use zoho_spec::scope::{Operation, Scope};

use crate::meta::EndpointMeta;

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
        self.scopes.sort_by_key(|s| s.as_str().to_ascii_lowercase());
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
                .filter_map(|text| Scope::parse(text).ok())
                .filter(|scope| !scope.is_template()),
        );
        set
    }

    /// The templated scopes of these endpoints, which [`ScopeSet::from_endpoints`] leaves out.
    pub fn templates_of(metas: &[&EndpointMeta]) -> Vec<&'static str> {
        let mut templates: Vec<&'static str> = Vec::new();
        for text in metas.iter().flat_map(|meta| meta.scopes) {
            let template = Scope::parse(text).is_ok_and(|scope| scope.is_template());
            if template && !templates.contains(text) {
                templates.push(text);
            }
        }
        templates
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
            f.write_str(scope.as_str())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::Segment;
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
