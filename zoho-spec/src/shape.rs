//! What Zoho requires of the calls whose shape it documents: the scope an insert, an update, a
//! delete, a read, an upsert, a search, a count, a mass update or a COQL query needs.
//!
//! The macro refuses a declaration whose scopes cannot cover its shape, and the sandbox
//! enforces the same requirement when the call arrives, so the two cannot disagree. Shapes not
//! listed here (related lists, settings, …) are judged by the family checks alone.

use crate::modules::{self, FirstSegment};
use crate::scope::{Operation, Requirement, Scope};
use crate::Method;

/// The known shapes of a call, by the path under `/crm/{version}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `/{module}`: list (`GET`), insert (`POST`), update (`PUT`), delete by ids (`DELETE`).
    Records,
    /// `/{module}/{id}`: get, update, delete one record.
    Record,
    /// `POST /{module}/upsert`.
    Upsert,
    /// `GET /{module}/search`.
    Search,
    /// `GET /{module}/actions/count`.
    Count,
    /// `GET /{module}/deleted`.
    Deleted,
    /// `/{module}/actions/mass_update`: schedule (`POST`) or read a job's status (`GET`).
    MassUpdate,
    /// `POST /coql`.
    Coql,
}

impl Shape {
    /// The shape of a path given as segments, literal text or `<placeholder>`.
    pub fn of(segments: &[&str]) -> Option<Shape> {
        let first = *segments.first()?;
        if first.eq_ignore_ascii_case("coql") {
            return (segments.len() == 1).then_some(Shape::Coql);
        }
        if !names_module(first) {
            return None;
        }
        Some(match &segments[1..] {
            [] => Shape::Records,
            ["upsert"] => Shape::Upsert,
            ["search"] => Shape::Search,
            ["deleted"] => Shape::Deleted,
            ["actions", "count"] => Shape::Count,
            ["actions", "mass_update"] => Shape::MassUpdate,
            ["actions", ..] => return None,
            [id] if is_placeholder(id) => Shape::Record,
            _ => return None,
        })
    }

    /// What operation the shape needs for a method, and of which family: `None` for a method
    /// the shape does not take.
    fn needs(self, method: Method) -> Option<(Family, Operation)> {
        use Method::{Get, Post, Put};
        use Operation::{Create, Read, Update};
        Some(match (self, method) {
            (Shape::Records | Shape::Record, Get) => (Family::Module, Read),
            (Shape::Records, Post) => (Family::Module, Create),
            (Shape::Records | Shape::Record, Put) => (Family::Module, Update),
            (Shape::Records | Shape::Record, Method::Delete) => (Family::Module, Operation::Delete),
            // Zoho's upsert page: `ALL`, `WRITE` or `CREATE`.
            (Shape::Upsert, Post) => (Family::Module, Create),
            (Shape::Search | Shape::Count | Shape::Deleted, Get) => (Family::Module, Read),
            (Shape::MassUpdate, Post) => (Family::MassUpdate, Update),
            (Shape::MassUpdate, Get) => (Family::MassUpdate, Read),
            (Shape::Coql, Post) => (Family::Coql, Read),
            _ => return None,
        })
    }
}

/// Which family of scopes a shape's requirement is in.
#[derive(Clone, Copy)]
enum Family {
    /// `ZohoCRM.modules.{module}.…`
    Module,
    /// `ZohoCRM.mass_update.{module}.…`
    MassUpdate,
    /// `ZohoCRM.coql.…`
    Coql,
}

fn is_placeholder(segment: &str) -> bool {
    segment.starts_with('<') && segment.ends_with('>')
}

/// A first segment that stands for a module: a placeholder, or any literal that is not another
/// root of the API.
fn names_module(first: &str) -> bool {
    is_placeholder(first) || !matches!(modules::classify(first), FirstSegment::ApiRoot(_))
}

/// The scope a call of `method` on the path `segments` (literal text or `<placeholder>`) needs,
/// when its shape is one Zoho documents. `custom_module` says that a literal first segment
/// names a custom module, which `ZohoCRM.modules.custom.…` also covers.
///
/// A `<module>` first segment yields a templated scope, `ZohoCRM.modules.<module>.UPDATE`,
/// which a declared template of the same placeholder (or a family-wide scope) covers. System
/// modules (`…__s`) yield `None`: Zoho does not document how their scopes are named.
///
/// ```
/// use zoho_spec::{shape, Method};
/// let need = shape::requirement(Method::Post, &["Leads"], false).unwrap();
/// assert_eq!(need.to_string(), "`ZohoCRM.modules.leads.CREATE`");
/// let coql = shape::requirement(Method::Post, &["coql"], false).unwrap();
/// assert_eq!(coql.to_string(), "`ZohoCRM.coql.READ`");
/// assert!(shape::requirement(Method::Put, &["Deals", "<id>", "Contact_Roles", "<c>"], false).is_none());
/// ```
pub fn requirement(method: Method, segments: &[&str], custom_module: bool) -> Option<Requirement> {
    let shape = Shape::of(segments)?;
    let (family, operation) = shape.needs(method)?;
    let module = segments[0];
    let scope_name = match family {
        Family::Coql => return Some(Requirement::one(Scope::crm(&["coql"], operation))),
        Family::Module => "modules",
        Family::MassUpdate => "mass_update",
    };
    let module_kind = modules::classify(module);
    if module_kind == FirstSegment::System {
        return None;
    }
    let name = if is_placeholder(module) {
        module.to_owned()
    } else {
        module.to_ascii_lowercase()
    };
    let mut need = Requirement::one(Scope::crm(&[scope_name, &name], operation));
    for alias in aliases(&name) {
        need = need.or(Scope::crm(&[scope_name, alias], operation));
    }
    let custom = custom_module || module_kind == FirstSegment::Unknown;
    if custom && !is_placeholder(module) && matches!(family, Family::Module) {
        need = need.or(Scope::crm(&["modules", "custom"], operation));
    }
    Some(need)
}

/// Other names Zoho's scopes give a module: the activities cover tasks, events and calls, and
/// deals were potentials.
fn aliases(module: &str) -> &'static [&'static str] {
    match module {
        "tasks" | "events" | "calls" => &["activities"],
        "deals" => &["potentials"],
        "potentials" => &["deals"],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Scope {
        text.parse().unwrap()
    }

    fn needs(method: Method, path: &str) -> Option<Requirement> {
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        requirement(method, &segments, false)
    }

    #[test]
    fn the_three_wrong_declarations_are_not_covered() {
        let update = needs(Method::Put, "/Leads/<id>").unwrap();
        assert!(!update.satisfied_by(&[s("ZohoCRM.modules.leads.CREATE")]));
        assert!(update.satisfied_by(&[s("ZohoCRM.modules.leads.WRITE")]));
        let insert = needs(Method::Post, "/Leads").unwrap();
        assert!(!insert.satisfied_by(&[s("ZohoCRM.modules.leads.READ")]));
        let delete = needs(Method::Delete, "/Leads").unwrap();
        assert!(!delete.satisfied_by(&[s("ZohoCRM.modules.contacts.DELETE")]));
        assert!(delete.satisfied_by(&[s("ZohoCRM.modules.ALL")]));
    }

    #[test]
    fn the_seed_declarations_are_covered() {
        let lead = needs(Method::Put, "/Leads/<id>").unwrap();
        assert!(lead.satisfied_by(&[s("ZohoCRM.modules.leads.UPDATE")]));
        let mass = needs(Method::Post, "/Leads/actions/mass_update").unwrap();
        assert!(mass.satisfied_by(&[s("ZohoCRM.mass_update.leads.UPDATE")]));
        // Related lists are not a known shape: the family checks judge them.
        assert!(needs(Method::Put, "/<module>/<record_id>/<related_list>").is_none());
        assert!(needs(Method::Put, "/Contacts/<contact>/Deals").is_none());
    }

    #[test]
    fn templates_are_covered_by_the_same_template() {
        let need = needs(Method::Put, "/<module>/<id>").unwrap();
        assert!(need.satisfied_by(&[s("ZohoCRM.modules.<module>.UPDATE")]));
        assert!(need.satisfied_by(&[s("ZohoCRM.modules.ALL")]));
        assert!(!need.satisfied_by(&[s("ZohoCRM.modules.leads.UPDATE")]));
    }

    #[test]
    fn aliases_and_custom_modules() {
        let task = needs(Method::Get, "/Tasks/<id>").unwrap();
        assert!(task.satisfied_by(&[s("ZohoCRM.modules.activities.READ")]));
        let custom = requirement(Method::Get, &["Invoices_X"], true).unwrap();
        assert!(custom.satisfied_by(&[s("ZohoCRM.modules.custom.READ")]));
        assert!(custom.satisfied_by(&[s("ZohoCRM.modules.invoices_x.ALL")]));
        assert!(requirement(Method::Get, &["Services__s"], false).is_none());
    }

    #[test]
    fn other_roots_and_methods_are_not_judged() {
        assert!(needs(Method::Get, "/settings/modules").is_none());
        assert!(needs(Method::Patch, "/Leads/<id>").is_none());
        assert!(needs(Method::Get, "/Leads/actions/other").is_none());
        assert!(needs(Method::Get, "/coql").is_none());
    }
}
