//! The settings an organisation starts with that the API reads but cannot write: its variable
//! group, email and inventory templates, assignment rule and cadence, and its fiscal year
//! (January, until changed). Each names a module the
//! sandbox serves (Quotes, which it does not serve as records, only by name and id).

use serde_json::{json, Value};

use super::Settings;
use crate::store::patricia;

const CREATED: &str = "2024-01-15T10:00:00+00:00";

fn module_ref(api_name: &str) -> Value {
    let id = crate::schema::seed::module_id(api_name).unwrap_or("5725767000000002201");
    json!({ "api_name": api_name, "id": id })
}

/// Puts every fixture in place.
pub(crate) fn seed(settings: &mut Settings) {
    let lists = [
        (
            "variable_groups",
            vec![json!({
                "id": "5725767000000231001", "name": "General", "api_name": "General",
                "display_label": "General", "description": "Variables shared by the organisation",
            })],
        ),
        (
            "email_templates",
            vec![
                template(
                    "5725767000000231101",
                    "Welcome a lead",
                    "Leads",
                    "Welcome to Zylker",
                    "<p>Dear ${Leads.First Name},</p>",
                ),
                template(
                    "5725767000000231103",
                    "Thank a contact",
                    "Contacts",
                    "Thank you",
                    "<p>Thank you, ${Contacts.First Name}.</p>",
                ),
            ],
        ),
        (
            "inventory_templates",
            vec![json!({
                "id": "5725767000000231201", "name": "Standard quote", "module": module_ref("Quotes"),
                "category": "created_by_me", "favorite": false, "active": true, "editor_mode": "rich_text",
                "folder": { "name": "Quote Templates", "id": "5725767000000231203" },
                "created_time": CREATED, "modified_time": CREATED, "created_by": patricia(), "modified_by": patricia(),
                "last_usage_time": null, "content": "<table><tr><td>${Quotes.Subject}</td></tr></table>",
            })],
        ),
        (
            "assignment_rules",
            vec![json!({
                "id": "5725767000000231301", "name": "Web leads to Patricia", "module": module_ref("Leads"),
                "description": "Every lead from the web form goes to Patricia Boyle",
                "default_assignee": patricia(), "created_time": CREATED, "modified_time": CREATED,
                "created_by": patricia(), "modified_by": patricia(),
            })],
        ),
        (
            "cadences",
            vec![json!({
                "id": "5725767000000231401", "name": "Nurture new leads", "module": module_ref("Leads"),
                "type": "manual_enrollment", "active": true, "published": true, "status": "active",
                "created_time": CREATED, "modified_time": CREATED, "created_by": patricia(), "modified_by": patricia(),
            })],
        ),
    ];
    settings.set_value(
        "fiscal_year",
        json!({ "id": "5725767000000231501", "start_month": "January", "display_based_on": "end_month" }),
    );
    for (name, items) in lists {
        let items = items.into_iter().filter_map(|v| v.as_object().cloned());
        settings.list_mut(name).extend(items);
    }
}

fn template(id: &str, name: &str, module: &str, subject: &str, content: &str) -> Value {
    json!({
        "id": id, "name": name, "module": module_ref(module), "subject": subject, "content": content,
        "folder": { "name": "Public Email Templates", "id": "5725767000000231105" },
        "type": "normal", "editor_mode": "rich_text", "active": true, "favorite": false,
        "consent_linked": false, "attachments": [], "associated": false, "last_usage_time": null,
        "created_time": CREATED, "modified_time": CREATED, "created_by": patricia(), "modified_by": patricia(),
    })
}
