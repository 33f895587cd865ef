//! Zoho CRM's standard modules and the other roots of its API, for the check of a path's
//! first segment.
//!
//! The check errs on the side of letting calls through: roots are compared case-insensitively,
//! only the default root `/crm` is checked, and a custom module is declared with
//! `custom_module`.

use crate::ctxt::Ctxt;
use crate::path::PathTemplate;
use crate::suggest::did_you_mean;

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

/// Reports a literal first segment that is neither a standard module nor another API root,
/// unless the endpoint declares `custom_module`.
pub fn check_first_segment(cx: &Ctxt, path: &PathTemplate, custom_module: bool) {
    let Some(first) = path.first_literal() else {
        return;
    };
    let known = |list: &[&str]| list.iter().any(|m| m.eq_ignore_ascii_case(first));
    let is_known = known(STANDARD_MODULES) || known(API_ROOTS);
    if custom_module || is_known {
        return;
    }
    let candidates = STANDARD_MODULES.iter().chain(API_ROOTS).copied();
    cx.error_spanned_by(
        &path.lit,
        format!(
            "`{first}` is not a standard Zoho CRM module{}; for a custom module, add \
             `custom_module` to the attribute: `#[zoho_endpoint(…, custom_module)]`",
            did_you_mean(first, candidates)
        ),
    );
}
