//! Zoho's OAuth scope grammar, `<Service>.<family>[.<name>…].<OPERATION>`, and which granted
//! scope covers which required one.

use std::fmt;

/// The last segment of a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Operation {
    All,
    Read,
    Create,
    Update,
    Delete,
    Write,
}

impl Operation {
    fn parse(s: &str) -> Option<Self> {
        Some(match s.to_ascii_uppercase().as_str() {
            "ALL" => Operation::All,
            "READ" => Operation::Read,
            "CREATE" => Operation::Create,
            "UPDATE" => Operation::Update,
            "DELETE" => Operation::Delete,
            "WRITE" => Operation::Write,
            _ => return None,
        })
    }

    /// `ALL` grants everything; `WRITE` grants creating and updating; otherwise only itself.
    fn covers(self, needed: Operation) -> bool {
        match self {
            Operation::All => true,
            Operation::Write => matches!(
                needed,
                Operation::Write | Operation::Create | Operation::Update
            ),
            other => other == needed,
        }
    }

    fn as_str(self) -> &'static str {
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

/// A parsed scope. Names are kept lowercase, since Zoho compares them case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Scope {
    service: String,
    path: Vec<String>,
    operation: Operation,
}

impl Scope {
    /// Parses `ZohoCRM.modules.leads.READ`; `None` when the text is not a scope at all.
    pub(crate) fn parse(text: &str) -> Option<Self> {
        let mut parts: Vec<&str> = text.trim().split('.').collect();
        if parts.len() < 3 || parts.iter().any(|p| p.is_empty()) {
            return None;
        }
        let operation = Operation::parse(parts.pop()?)?;
        let service = parts.remove(0).to_ascii_lowercase();
        Some(Scope {
            service,
            path: parts.iter().map(|p| normalise(p)).collect(),
            operation,
        })
    }

    /// A `ZohoCRM` scope from its family path and operation.
    pub(crate) fn crm(path: &[&str], operation: Operation) -> Self {
        Scope {
            service: "zohocrm".into(),
            path: path.iter().map(|p| normalise(p)).collect(),
            operation,
        }
    }

    /// Whether holding `self` grants `needed`: the same service, a path that is a prefix of the
    /// needed one (`modules` grants `modules.leads`), and an operation that covers.
    pub(crate) fn covers(&self, needed: &Scope) -> bool {
        self.service == needed.service
            && self.path.len() <= needed.path.len()
            && self.path.iter().zip(&needed.path).all(|(a, b)| a == b)
            && self.operation.covers(needed.operation)
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.service)?;
        for p in &self.path {
            write!(f, ".{p}")?;
        }
        write!(f, ".{}", self.operation.as_str())
    }
}

/// Lowercase, and without underscores: Zoho's documents write both `pricebooks` and `price_books`.
fn normalise(segment: &str) -> String {
    segment.to_ascii_lowercase().replace('_', "")
}

/// What a URL needs: any one of the alternatives, each a set of scopes all required at once.
#[derive(Debug, Clone)]
pub(crate) struct Requirement {
    alternatives: Vec<Vec<Scope>>,
}

impl Requirement {
    /// One scope.
    pub(crate) fn one(scope: Scope) -> Self {
        Requirement {
            alternatives: vec![vec![scope]],
        }
    }

    /// Several scopes, all required (seed 001: deals and contacts).
    pub(crate) fn all(scopes: Vec<Scope>) -> Self {
        Requirement {
            alternatives: vec![scopes],
        }
    }

    /// Adds an alternative that satisfies the requirement on its own.
    pub(crate) fn or(mut self, scope: Scope) -> Self {
        self.alternatives.push(vec![scope]);
        self
    }

    /// Whether the granted scopes satisfy one alternative.
    pub(crate) fn satisfied_by(&self, granted: &[Scope]) -> bool {
        self.alternatives
            .iter()
            .any(|set| set.iter().all(|n| granted.iter().any(|g| g.covers(n))))
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
    }

    #[test]
    fn write_covers_create_and_update_only() {
        let w = s("ZohoCRM.modules.leads.WRITE");
        assert!(w.covers(&s("ZohoCRM.modules.leads.CREATE")));
        assert!(w.covers(&s("ZohoCRM.modules.leads.UPDATE")));
        assert!(!w.covers(&s("ZohoCRM.modules.leads.DELETE")));
        assert!(!w.covers(&s("ZohoCRM.modules.leads.READ")));
    }

    #[test]
    fn rejects_malformed_scopes() {
        assert!(Scope::parse("ZohoCRM.modules").is_none());
        assert!(Scope::parse("ZohoCRM..leads.READ").is_none());
        assert!(Scope::parse("ZohoCRM.modules.leads.FETCH").is_none());
    }

    #[test]
    fn underscores_do_not_matter() {
        assert!(s("ZohoCRM.modules.pricebooks.READ").covers(&s("ZohoCRM.modules.Price_Books.READ")));
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
    }
}
