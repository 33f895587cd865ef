//! The CRM API's router: URL shape (404), method (400), token (401), then the handler.

use std::sync::MutexGuard;

use axum::body::Bytes;
use axum::http::{HeaderMap, Method};

use crate::answers::{self, Answer};
use crate::body::percent_decode;
use crate::schema::{self, ModuleDef};
use crate::state::{lock, Shared};
use crate::store::Store;
use crate::{mass_update, metadata, records, related, search};
use zoho_spec::scope::{Operation, Requirement, Scope};

/// A request as the handlers see it, body already read.
#[derive(Debug)]
pub(crate) struct Incoming {
    pub method: Method,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: HeaderMap,
    pub body: Bytes,
}

/// A handler's answer; `Err` carries an early error answer so `?` can be used.
pub(crate) type Handled = Result<Answer, Answer>;

/// What every handler needs: the shared state, the request, the API version and the token's scopes.
pub(crate) struct Ctx<'a> {
    pub shared: &'a Shared,
    pub req: &'a Incoming,
    /// `v2` is 20, `v2.1` is 21, `v3` is 30 … `v8` is 80.
    pub version: u32,
    scopes: Vec<Scope>,
}

impl Ctx<'_> {
    /// The first value of a query parameter.
    pub(crate) fn param(&self, name: &str) -> Option<&str> {
        self.req
            .query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The module named in the URL, or `INVALID_MODULE`.
    pub(crate) fn module(&self, name: &str) -> Result<&'static ModuleDef, Answer> {
        schema::module(name).ok_or_else(answers::invalid_module)
    }

    /// Checks the token against a requirement: `OAUTH_SCOPE_MISMATCH` when short.
    pub(crate) fn require(&self, need: &Requirement) -> Result<(), Answer> {
        if need.satisfied_by(&self.scopes) {
            Ok(())
        } else {
            Err(answers::scope_mismatch())
        }
    }

    /// Checks `ZohoCRM.modules.{module}.{op}`.
    pub(crate) fn require_module(&self, module: &ModuleDef, op: Operation) -> Result<(), Answer> {
        self.require(&Requirement::one(module_scope(module, op)))
    }

    /// The store, locked for the rest of the handler.
    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        lock(&self.shared.store)
    }
}

/// `ZohoCRM.modules.{module}.{op}`.
pub(crate) fn module_scope(module: &ModuleDef, op: Operation) -> Scope {
    Scope::crm(&["modules", &module.scope_name()], op)
}

/// The endpoints served under `/crm/{version}/`.
#[derive(Debug)]
enum Route {
    Records(String),
    Record(String, String),
    Upsert(String),
    Search(String),
    Count(String),
    MassUpdate(String),
    Related(String, String, String),
    RelatedOne(String, String, String, String),
    ContactRoles,
    ContactRole(String),
    Modules,
    Module(String),
    Fields,
    RelatedLists,
    CustomViews,
    Users,
    User(String),
}

/// Answers one CRM request.
pub(crate) fn handle(shared: &Shared, req: &Incoming) -> Answer {
    match route_and_run(shared, req) {
        Ok(answer) | Err(answer) => answer,
    }
}

fn route_and_run(shared: &Shared, req: &Incoming) -> Handled {
    let (version, segments) = split_path(&req.path).ok_or_else(answers::invalid_url)?;
    let route = parse_route(segments).ok_or_else(answers::invalid_url)?;
    if !allowed(&route).contains(&req.method) {
        return Err(answers::invalid_method());
    }
    let scopes = lock(&shared.auth).authenticate(&req.headers)?;
    let ctx = Ctx {
        shared,
        req,
        version,
        scopes,
    };
    run(&ctx, route)
}

/// `/crm/v2/Leads/1` → (20, ["Leads", "1"]); a trailing `/` is forgiven, an empty segment is not.
fn split_path(path: &str) -> Option<(u32, Vec<String>)> {
    let rest = path.strip_prefix("/crm/")?.trim_end_matches('/');
    let mut parts = rest.split('/');
    let version = version_rank(parts.next()?)?;
    let segments: Vec<String> = parts.map(percent_decode).collect();
    if segments.is_empty() || segments.iter().any(String::is_empty) {
        return None;
    }
    Some((version, segments))
}

fn version_rank(text: &str) -> Option<u32> {
    Some(match text {
        "v2" => 20,
        "v2.1" => 21,
        "v3" => 30,
        "v4" => 40,
        "v5" => 50,
        "v6" => 60,
        "v7" => 70,
        "v8" => 80,
        _ => return None,
    })
}

fn parse_route(segments: Vec<String>) -> Option<Route> {
    let s: Vec<&str> = segments.iter().map(String::as_str).collect();
    let own = |x: &str| x.to_string();
    Some(match s.as_slice() {
        ["settings", "modules"] => Route::Modules,
        ["settings", "modules", name] => Route::Module(own(name)),
        ["settings", "fields"] => Route::Fields,
        ["settings", "related_lists"] => Route::RelatedLists,
        ["settings", "custom_views"] => Route::CustomViews,
        ["settings", ..] => return None,
        ["users"] => Route::Users,
        ["users", id] => Route::User(own(id)),
        [c, "roles"] if c.eq_ignore_ascii_case("Contacts") => Route::ContactRoles,
        [c, "roles", id] if c.eq_ignore_ascii_case("Contacts") => Route::ContactRole(own(id)),
        [m] => Route::Records(own(m)),
        [m, "upsert"] => Route::Upsert(own(m)),
        [m, "search"] => Route::Search(own(m)),
        [m, "actions", "mass_update"] => Route::MassUpdate(own(m)),
        [m, "actions", "count"] => Route::Count(own(m)),
        [_, "actions", _] => return None,
        [m, id] => Route::Record(own(m), own(id)),
        [m, id, list] => Route::Related(own(m), own(id), own(list)),
        [m, id, list, rid] => Route::RelatedOne(own(m), own(id), own(list), own(rid)),
        _ => return None,
    })
}

fn allowed(route: &Route) -> &'static [Method] {
    const READ: &[Method] = &[Method::GET];
    match route {
        Route::Records(_) => &[Method::GET, Method::POST, Method::PUT, Method::DELETE],
        Route::Record(..) | Route::Related(..) => &[Method::GET, Method::PUT, Method::DELETE],
        Route::RelatedOne(..) => &[Method::PUT, Method::DELETE],
        Route::Upsert(_) => &[Method::POST],
        Route::MassUpdate(_) => &[Method::GET, Method::POST],
        _ => READ,
    }
}

fn run(ctx: &Ctx<'_>, route: Route) -> Handled {
    let method = ctx.req.method.clone();
    match route {
        Route::Records(m) => match method {
            Method::GET => records::list(ctx, &m),
            Method::POST => records::insert(ctx, &m),
            Method::PUT => records::update(ctx, &m, None),
            _ => records::delete(ctx, &m, None),
        },
        Route::Record(m, id) => match method {
            Method::GET => records::get(ctx, &m, &id),
            Method::PUT => records::update(ctx, &m, Some(&id)),
            _ => records::delete(ctx, &m, Some(&id)),
        },
        Route::Upsert(m) => records::upsert(ctx, &m),
        Route::Count(m) => records::count(ctx, &m),
        Route::Search(m) => search::search(ctx, &m),
        Route::MassUpdate(m) if method == Method::GET => mass_update::status(ctx, &m),
        Route::MassUpdate(m) => mass_update::schedule(ctx, &m),
        Route::Related(m, id, list) => match method {
            Method::GET => related::list(ctx, &m, &id, &list),
            Method::PUT => related::put_many(ctx, &m, &id, &list),
            _ => related::delete(ctx, &m, &id, &list, None),
        },
        Route::RelatedOne(m, id, list, rid) if method == Method::PUT => {
            related::put_one(ctx, &m, &id, &list, &rid)
        }
        Route::RelatedOne(m, id, list, rid) => related::delete(ctx, &m, &id, &list, Some(&rid)),
        Route::ContactRoles => metadata::contact_roles(ctx, None),
        Route::ContactRole(id) => metadata::contact_roles(ctx, Some(&id)),
        Route::Modules => metadata::modules(ctx, None),
        Route::Module(name) => metadata::modules(ctx, Some(&name)),
        Route::Fields => metadata::fields(ctx),
        Route::RelatedLists => metadata::related_lists(ctx),
        Route::CustomViews => metadata::custom_views(ctx),
        Route::Users => metadata::users(ctx, None),
        Route::User(id) => metadata::users(ctx, Some(&id)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_versions_and_segments() {
        assert_eq!(
            split_path("/crm/v2.1/Leads/1/"),
            Some((21, vec!["Leads".into(), "1".into()]))
        );
        assert_eq!(split_path("/crm/v9/Leads"), None);
        assert_eq!(split_path("/crm/v2//Leads"), None);
        assert_eq!(split_path("/crm/v2"), None);
        assert_eq!(split_path("/api/v2/Leads"), None);
    }

    #[test]
    fn recognises_the_special_segments() {
        let r = |p: &str| parse_route(p.split('/').map(String::from).collect());
        assert!(matches!(
            r("Leads/actions/mass_update"),
            Some(Route::MassUpdate(_))
        ));
        assert!(matches!(r("contacts/roles"), Some(Route::ContactRoles)));
        assert!(matches!(
            r("Deals/1/Contact_Roles/2"),
            Some(Route::RelatedOne(..))
        ));
        assert!(r("settings/nothing").is_none());
        assert!(r("a/b/c/d/e").is_none());
    }
}
