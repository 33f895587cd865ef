//! The settings the API keeps as lists of items: what each is called in bodies and answers, the
//! scope that guards it, what a new item must carry and what partitions the list.

use serde_json::Value;

use crate::store::Fields;

/// What splits one kind's items into separate lists.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Partition {
    /// One list for the organisation.
    None,
    /// One list per module, named by the mandatory `module` query parameter.
    Module,
    /// One list per value of a mandatory query parameter (`layout_id` of pipelines).
    Param(&'static str),
    /// One list per item of another kind, named by a path capture (the portal of a user type).
    Within(&'static Kind, &'static str),
}

/// One kind of settings item.
#[derive(Debug)]
pub(crate) struct Kind {
    /// The key of the list in bodies and answers: `variables`.
    pub key: &'static str,
    /// The scope's parts between `ZohoCRM` and the operation: `settings`, `variables`.
    pub scope: &'static [&'static str],
    /// What Zoho calls one item in its messages: `variable`.
    pub noun: &'static str,
    /// Keys a new item must give (`MANDATORY_NOT_FOUND` otherwise).
    pub required: &'static [&'static str],
    /// Keys no two items may share (`DUPLICATE_DATA` otherwise).
    pub unique: &'static [&'static str],
    /// A key that names an item in paths as its id does (`api_name` of variables).
    pub alias: Option<&'static str>,
    pub partition: Partition,
    /// Keys set on a new item that the body left out, with their values as JSON text.
    pub defaults: &'static [(&'static str, &'static str)],
    /// Whether items carry `created_time`, `modified_time`, `created_by` and `modified_by`.
    pub stamped: bool,
    /// Keys Zoho computes from others, set after each write (a holiday's `year`).
    pub derive: fn(&mut Fields),
}

const fn kind(key: &'static str, scope: &'static [&'static str], noun: &'static str) -> Kind {
    Kind {
        key,
        scope,
        noun,
        required: &["name"],
        unique: &["name"],
        alias: None,
        partition: Partition::None,
        defaults: &[],
        stamped: false,
        derive: |_| {},
    }
}

/// `settings/variables`: values workflows and functions read, each in a group.
pub(crate) static VARIABLES: Kind = Kind {
    required: &["name", "api_name", "type", "variable_group"],
    unique: &["api_name"],
    alias: Some("api_name"),
    ..kind("variables", &["settings", "variables"], "variable")
};

/// `settings/variable_groups`: the groups variables belong to; Zoho creates them, the API reads.
pub(crate) static VARIABLE_GROUPS: Kind = Kind {
    unique: &["api_name"],
    alias: Some("api_name"),
    ..kind(
        "variable_groups",
        &["settings", "variable_groups"],
        "variable group",
    )
};

/// `settings/pipeline?layout_id=`: the stages of deals, per layout of Deals.
pub(crate) static PIPELINES: Kind = Kind {
    required: &["display_value", "maps"],
    unique: &["display_value"],
    partition: Partition::Param("layout_id"),
    defaults: &[("default", "false"), ("child_available", "false")],
    ..kind("pipeline", &["settings", "pipeline"], "pipeline")
};

/// `settings/holidays`: the days business hours skip.
pub(crate) static HOLIDAYS: Kind = Kind {
    required: &["name", "date", "type"],
    unique: &[],
    derive: holiday_year,
    ..kind("holidays", &["settings", "holidays"], "holiday")
};

/// A holiday's `year`, the first four digits of its `date`.
fn holiday_year(fields: &mut Fields) {
    let year = fields
        .get("date")
        .and_then(Value::as_str)
        .and_then(|d| d.get(..4)?.parse::<u32>().ok());
    if let Some(year) = year {
        fields.insert("year".into(), Value::from(year));
    }
}

/// `settings/business_hours/shift_hours`: working hours users are assigned to.
pub(crate) static SHIFT_HOURS: Kind = Kind {
    required: &["name", "timezone", "shift_days"],
    defaults: &[("users_count", "0")],
    ..kind("shift_hours", &["settings", "shift_hours"], "shift hour")
};

/// `settings/data_sharing/rules?module=`: access to records granted beyond their owners.
pub(crate) static SHARING_RULES: Kind = Kind {
    stamped: true,
    required: &["name", "type", "shared_to", "permission_type"],
    partition: Partition::Module,
    defaults: &[("status", "\"active\""), ("superiors_allowed", "false")],
    ..kind(
        "sharing_rules",
        &["settings", "data_sharing"],
        "sharing rule",
    )
};

/// `settings/automation/scoring_rules`: scores records of a module earn by their fields.
pub(crate) static SCORING_RULES: Kind = Kind {
    stamped: true,
    required: &["name", "module", "layout"],
    defaults: &[("active", "false")],
    ..kind(
        "scoring_rules",
        &["settings", "scoring_rules"],
        "scoring rule",
    )
};

/// `settings/record_locking_configurations?module=`: when records of a module are locked.
pub(crate) static RECORD_LOCKING: Kind = Kind {
    stamped: true,
    required: &["lock_type"],
    unique: &[],
    partition: Partition::Module,
    defaults: &[
        ("feature_type", "\"record_locking\""),
        ("system_defined", "false"),
    ],
    ..kind(
        "record_locking_configurations",
        &["settings", "record_locking_configurations"],
        "record locking configuration",
    )
};

/// `settings/unsubscribe_links`: pages an unsubscribing recipient lands on.
pub(crate) static UNSUBSCRIBE_LINKS: Kind = Kind {
    stamped: true,
    required: &["name", "page_type", "standard_page_message"],
    ..kind(
        "unsubscribe_links",
        &["settings", "unsubscribe_links"],
        "unsubscribe link",
    )
};

/// `settings/portals`: the organisation's client portals, named in paths by their name.
pub(crate) static PORTALS: Kind = Kind {
    stamped: true,
    alias: Some("name"),
    defaults: &[("active", "true")],
    ..kind("portals", &["settings", "clientportal"], "portal")
};

/// `settings/portals/{portal}/user_type`: who may sign in to a portal, with what access.
pub(crate) static PORTAL_USER_TYPES: Kind = Kind {
    required: &["name", "modules"],
    partition: Partition::Within(&PORTALS, "portal"),
    defaults: &[
        ("active", "true"),
        ("default", "false"),
        ("no_of_users", "0"),
    ],
    ..kind("user_type", &["settings", "clientportal"], "user type")
};

/// `settings/email_templates`: read-only here; the organisation's own templates.
pub(crate) static EMAIL_TEMPLATES: Kind =
    kind("email_templates", &["templates", "email"], "email template");

/// `settings/inventory_templates`: read-only here; the templates of quotes and invoices.
pub(crate) static INVENTORY_TEMPLATES: Kind = kind(
    "inventory_templates",
    &["templates", "inventory"],
    "inventory template",
);

/// `settings/automation/assignment_rules`: read-only; rules assigning owners to new records.
pub(crate) static ASSIGNMENT_RULES: Kind = kind(
    "assignment_rules",
    &["settings", "assignment_rules"],
    "assignment rule",
);

/// `settings/automation/cadences`: read-only; sequences of follow-ups records are enrolled in.
pub(crate) static CADENCES: Kind = kind("cadences", &["settings", "cadences"], "cadence");

/// `Entity_Scores__s`: the scores records earned from scoring rules; written by runs only.
pub(crate) static ENTITY_SCORES: Kind =
    kind("Entity_Scores__s", &["settings", "modules"], "entity score");
