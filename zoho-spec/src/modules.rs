//! Zoho CRM's standard modules and the other roots of its API: what the first segment of a path
//! under `/crm/{version}` may be.

/// The API names of Zoho CRM's standard modules (v2 to v8).
pub const STANDARD_MODULES: &[&str] = &[
    "Leads",
    "Contacts",
    "Accounts",
    "Deals",
    "Potentials",
    "Campaigns",
    "Tasks",
    "Events",
    "Calls",
    "Activities",
    "Cases",
    "Solutions",
    "Products",
    "Vendors",
    "Price_Books",
    "PriceBooks",
    "Quotes",
    "Sales_Orders",
    "Purchase_Orders",
    "Invoices",
    "Appointments",
    "Appointments_Rescheduled_History",
    "Services",
    "Notes",
    "Attachments",
    "Visits",
    "Actions_Performed",
    "Projects",
    "Forecasts",
    "Emails",
    "Approvals",
    "Social",
    "Documents",
    "Associated_Products",
    "DealHistory",
    "Deal_Contact_Roles",
    "Call_Logs",
    "Feeds",
    "Voice_Of_The_Customer",
    "Territories",
    "Contacts_X_Deals",
];

/// Zoho's system modules of v8, whose API names end in [`SYSTEM_SUFFIX`]. Any name of that form
/// is taken as a system module, since Zoho adds them; these are the ones known.
pub const SYSTEM_MODULES: &[&str] = &[
    "Services__s",
    "Appointments__s",
    "Appointments_Rescheduled_History__s",
    "Entity_Scores__s",
];

/// The suffix of a system module's API name.
pub const SYSTEM_SUFFIX: &str = "__s";

/// First segments that are not modules: settings, users, the organisation, queries, actions,
/// functions, metadata, notifications, files, bulk jobs and other roots of the v2–v8 API.
pub const API_ROOTS: &[&str] = &[
    "settings",
    "users",
    "users_unavailability",
    "org",
    "coql",
    "actions",
    "functions",
    "__apis",
    "__features",
    "__composite_requests",
    "__notifications",
    "__zia_org_enrichment",
    "__zia_people_enrichment",
    "__internal",
    "files",
    "upload",
    "read",
    "write",
    "backup",
    "notifications",
    "search",
    "composite",
    "territories",
    "unsubscribe",
    "portals",
    "signals",
    "zia",
    "chats",
    "audit_log",
    "audit_logs",
    "fiscal_year",
    "holidays",
    "variables",
    "blueprint",
    "webhooks",
    "email_templates",
    "inventory_templates",
    "email_drafts",
    "recyclebin",
    "sandbox",
];

/// The roots an endpoint's path may follow, besides the default `/crm/{version}`.
pub const OTHER_ROOTS: &[&str] = &["/crm/bulk", "/crm/email"];

/// The default API root: paths are relative to `/crm/{version}`.
pub const DEFAULT_ROOT: &str = "/crm";

/// What the first segment of a path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FirstSegment {
    /// A standard module, by its API name as listed (`Leads`).
    Standard(&'static str),
    /// A system module, `…__s`.
    System,
    /// Another root of the API (`settings`, `coql`, `users`, …).
    ApiRoot(&'static str),
    /// Nothing Zoho defines: a custom module, or a mistake.
    Unknown,
}

impl FirstSegment {
    /// Whether the segment names a module Zoho defines (standard or system).
    pub fn is_module(self) -> bool {
        matches!(self, FirstSegment::Standard(_) | FirstSegment::System)
    }
}

/// Classifies the first segment of a path; compared case-insensitively, as Zoho does.
///
/// ```
/// use zoho_spec::modules::{classify, FirstSegment};
/// assert_eq!(classify("leads"), FirstSegment::Standard("Leads"));
/// assert_eq!(classify("Services__s"), FirstSegment::System);
/// assert_eq!(classify("coql"), FirstSegment::ApiRoot("coql"));
/// assert_eq!(classify("Lead"), FirstSegment::Unknown);
/// ```
pub fn classify(segment: &str) -> FirstSegment {
    let find = |list: &'static [&'static str]| {
        list.iter()
            .copied()
            .find(|m| m.eq_ignore_ascii_case(segment))
    };
    if let Some(module) = find(STANDARD_MODULES) {
        return FirstSegment::Standard(module);
    }
    if is_system_module(segment) {
        return FirstSegment::System;
    }
    match find(API_ROOTS) {
        Some(root) => FirstSegment::ApiRoot(root),
        None => FirstSegment::Unknown,
    }
}

/// Whether a name is a system module's: an API name followed by `__s` (`Services__s`).
pub fn is_system_module(name: &str) -> bool {
    name.len() > SYSTEM_SUFFIX.len()
        && name[name.len() - SYSTEM_SUFFIX.len()..].eq_ignore_ascii_case(SYSTEM_SUFFIX)
        && is_api_name(&name[..name.len() - SYSTEM_SUFFIX.len()])
}

/// Whether text is shaped like a Zoho API name: letters, digits, `_` and `$`, not empty.
pub fn is_api_name(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// Every name a first segment may be, for "did you mean" suggestions.
pub fn known_first_segments() -> impl Iterator<Item = &'static str> {
    STANDARD_MODULES
        .iter()
        .chain(SYSTEM_MODULES)
        .chain(API_ROOTS)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_modules_are_modules() {
        for name in SYSTEM_MODULES {
            assert_eq!(classify(name), FirstSegment::System, "{name}");
        }
        assert_eq!(classify("My_Module__s"), FirstSegment::System);
        assert_eq!(classify("__s"), FirstSegment::Unknown);
        assert_eq!(classify("Services__x"), FirstSegment::Unknown);
    }

    #[test]
    fn roots_are_not_modules() {
        assert!(!classify("settings").is_module());
        assert!(classify("Price_Books").is_module());
    }
}
