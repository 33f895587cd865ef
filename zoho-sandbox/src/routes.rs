//! The CRM API the sandbox serves under `/crm/{version}`: one table, a row per path pattern
//! with the handler of each method it takes, made of one part per area of the API ([`AREAS`]).
//!
//! A row's pattern is literal parts, `{captures}` and an optional final `*` (see
//! [`crate::pattern`]); the first row whose pattern fits the path answers. A row without
//! handlers marks shapes that are not URLs at all (`404 INVALID_URL_PATTERN`) before a broader
//! row would take them. A method the row lacks is `400 INVALID_REQUEST_METHOD`.
//!
//! An area's part is the `ROUTES` of its own file, listed in [`AREAS`] before [`BASE`], whose
//! broad rows (`/{module}/{id}/{related_list}`, `/settings/*`) would otherwise take its paths.
//! Adding an operation is adding a row, or a method to a row:
//!
//! ```text
//! Route::new("/{module}/{id}/actions/add_tags").post(|c| tags::add(c, c.at("module"), c.at("id"))),
//! ```

use zoho_spec::Method;

use crate::ctx::Handler;
use crate::pattern::{self, Captures};
use crate::{
    actions, bulk, cancel_meetings, contact_roles, currencies, email_actions, emails, files,
    mass_update, metadata, notes, org, portal_users, profiles, reading, records, related, roles,
    search, settings, tags, territories, territory_assignment, timelines, unavailability,
    user_groups, users,
};

/// One row of the table: a path pattern and a handler per method.
pub(crate) struct Route {
    pub pattern: &'static str,
    handlers: [Option<Handler>; Method::ALL.len()],
}

impl Route {
    /// A row taking no method yet: as it is, it marks a shape that is not a URL.
    pub(crate) const fn new(pattern: &'static str) -> Route {
        Route {
            pattern,
            handlers: [None; Method::ALL.len()],
        }
    }

    pub(crate) const fn on(mut self, method: Method, handler: Handler) -> Route {
        self.handlers[index(method)] = Some(handler);
        self
    }

    pub(crate) const fn get(self, handler: Handler) -> Route {
        self.on(Method::Get, handler)
    }

    pub(crate) const fn post(self, handler: Handler) -> Route {
        self.on(Method::Post, handler)
    }

    pub(crate) const fn put(self, handler: Handler) -> Route {
        self.on(Method::Put, handler)
    }

    // Zoho's fields, layouts, global picklists, pipelines and notifications take `PATCH`.
    pub(crate) const fn patch(self, handler: Handler) -> Route {
        self.on(Method::Patch, handler)
    }

    pub(crate) const fn delete(self, handler: Handler) -> Route {
        self.on(Method::Delete, handler)
    }

    /// The handler of a method, if the row takes it.
    pub(crate) fn handler(&self, method: Method) -> Option<Handler> {
        self.handlers[index(method)]
    }

    /// Whether the row marks a shape that is not a URL.
    pub(crate) fn is_url(&self) -> bool {
        self.handlers.iter().any(Option::is_some)
    }
}

const fn index(method: Method) -> usize {
    match method {
        Method::Get => 0,
        Method::Post => 1,
        Method::Put => 2,
        Method::Patch => 3,
        Method::Delete => 4,
    }
}

/// Every area's routes, in the order they are tried: each area's own paths first, [`BASE`] last.
pub(crate) static AREAS: &[&[Route]] = &[
    files::ROUTES,
    bulk::ROUTES,
    settings::ROUTES,
    actions::ROUTES,
    metadata::ROUTES,
    users::ROUTES,
    roles::ROUTES,
    profiles::ROUTES,
    territories::ROUTES,
    territory_assignment::ROUTES,
    cancel_meetings::ROUTES,
    user_groups::ROUTES,
    unavailability::ROUTES,
    portal_users::ROUTES,
    org::ROUTES,
    currencies::ROUTES,
    notes::ROUTES,
    tags::ROUTES,
    contact_roles::ROUTES,
    related::ROUTES,
    timelines::ROUTES,
    email_actions::ROUTES,
    emails::ROUTES,
    // Its `/{module}/actions/…` rows would take `/users/actions/count` and the like.
    reading::ROUTES,
    BASE,
];

/// The records API and the metadata the sandbox began with; its broad rows come last.
pub(crate) static BASE: &[Route] = &[
    Route::new("/settings/*"),
    Route::new("/{module}")
        .get(|c| records::list(c, c.at("module")))
        .post(|c| records::insert(c, c.at("module")))
        .put(|c| records::update(c, c.at("module"), None))
        .delete(|c| records::delete(c, c.at("module"), None)),
    Route::new("/{module}/upsert").post(|c| records::upsert(c, c.at("module"))),
    Route::new("/{module}/search").get(|c| search::search(c, c.at("module"))),
    Route::new("/{module}/actions/mass_update")
        .get(|c| mass_update::status(c, c.at("module")))
        .post(|c| mass_update::schedule(c, c.at("module"))),
    Route::new("/{module}/actions/*"),
    Route::new("/{module}/{id}")
        .get(|c| records::get(c, c.at("module"), c.at("id")))
        .put(|c| records::update(c, c.at("module"), Some(c.at("id"))))
        .delete(|c| records::delete(c, c.at("module"), Some(c.at("id")))),
    Route::new("/{module}/{id}/{related_list}")
        .get(related::list)
        .put(related::put_many)
        .delete(related::delete),
    Route::new("/{module}/{id}/{related_list}/{related_id}")
        .get(related::get_one)
        .put(related::put_one)
        .delete(related::delete),
];

/// Every route, in the order they are tried.
pub(crate) fn routes() -> impl Iterator<Item = &'static Route> {
    AREAS.iter().flat_map(|area| area.iter())
}

/// The first route whose pattern fits the segments, with its captures; `None` when no route
/// does or the one that fits marks a shape that is not a URL.
pub(crate) fn find(segments: &[String]) -> Option<(&'static Route, Captures)> {
    routes()
        .find_map(|route| Some((route, pattern::matches(route.pattern, segments)?)))
        .filter(|(route, _)| route.is_url())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern_of(path: &str) -> Option<&'static str> {
        let segments: Vec<String> = path.split('/').map(String::from).collect();
        find(&segments).map(|(route, _)| route.pattern)
    }

    #[test]
    fn recognises_the_special_segments() {
        let mass_update = Some("/{module}/actions/mass_update");
        assert_eq!(pattern_of("Leads/actions/mass_update"), mass_update);
        assert_eq!(pattern_of("contacts/roles"), Some("/Contacts/roles"));
        let one = Some("/{module}/{id}/{related_list}/{related_id}");
        assert_eq!(pattern_of("Deals/1/Contact_Roles/2"), one);
        assert_eq!(pattern_of("settings/nothing"), None);
        assert_eq!(pattern_of("Leads/actions/other"), None);
        assert_eq!(pattern_of("a/b/c/d/e"), None);
    }

    #[test]
    fn no_pattern_is_listed_twice() {
        let patterns: Vec<&str> = routes().map(|r| r.pattern).collect();
        for (i, pattern) in patterns.iter().enumerate() {
            assert!(
                !patterns[..i].contains(pattern),
                "{pattern} is listed twice"
            );
        }
    }
}
