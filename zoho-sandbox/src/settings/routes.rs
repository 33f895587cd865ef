//! The settings' rows of the route table, area by area. Literal rows (`…/actions/transfer`,
//! `…/portals/meta`) come before the `{id}` rows that would take them.

use super::collection::{create, delete, delete_many, get, list, update, update_many};
use super::kinds::*;
use super::single::{self, BUSINESS_HOURS, DUPLICATE_CHECK, EMAIL_COMPOSE, FISCAL_YEAR};
use super::{enrolment, invites, lookups, pipelines, scoring, sharing};
use crate::routes::Route;

/// Every row of the settings areas.
pub(crate) static ROUTES: &[Route] = &[
    // variables.json, variable_groups.json
    Route::new("/settings/variables")
        .get(|c| list(c, &VARIABLES, &[("group", "variable_group")]))
        .post(|c| create(c, &VARIABLES))
        .put(|c| update_many(c, &VARIABLES))
        .delete(|c| delete_many(c, &VARIABLES)),
    Route::new("/settings/variables/{id}")
        .get(|c| get(c, &VARIABLES, c.at("id")))
        .put(|c| update(c, &VARIABLES, c.at("id")))
        .delete(|c| delete(c, &VARIABLES, c.at("id"))),
    Route::new("/settings/variable_groups").get(|c| list(c, &VARIABLE_GROUPS, &[])),
    Route::new("/settings/variable_groups/{id}").get(|c| get(c, &VARIABLE_GROUPS, c.at("id"))),
    // pipeline.json
    Route::new("/settings/pipeline")
        .get(|c| list(c, &PIPELINES, &[]))
        .post(|c| create(c, &PIPELINES))
        .put(|c| update_many(c, &PIPELINES)),
    Route::new("/settings/pipeline/actions/transfer").post(pipelines::transfer),
    Route::new("/settings/pipeline/{id}")
        .get(|c| get(c, &PIPELINES, c.at("id")))
        .put(|c| update(c, &PIPELINES, c.at("id")))
        .patch(|c| pipelines::delete(c, c.at("id"))),
    // business_hours.json, shift_hours.json, holidays.json, fiscal_year.json
    Route::new("/settings/business_hours")
        .get(|c| single::get(c, &BUSINESS_HOURS))
        .post(|c| single::create(c, &BUSINESS_HOURS))
        .put(|c| single::update(c, &BUSINESS_HOURS)),
    Route::new("/settings/business_hours/shift_hours")
        .get(|c| list(c, &SHIFT_HOURS, &[]))
        .post(|c| create(c, &SHIFT_HOURS))
        .put(|c| update_many(c, &SHIFT_HOURS)),
    Route::new("/settings/business_hours/shift_hours/{id}")
        .get(|c| get(c, &SHIFT_HOURS, c.at("id")))
        .put(|c| update(c, &SHIFT_HOURS, c.at("id")))
        .delete(|c| delete(c, &SHIFT_HOURS, c.at("id"))),
    Route::new("/settings/holidays")
        .get(|c| {
            list(
                c,
                &HOLIDAYS,
                &[
                    ("year", "year"),
                    ("type", "type"),
                    ("shift_id", "shift_hour"),
                ],
            )
        })
        .post(|c| create(c, &HOLIDAYS))
        .put(|c| update_many(c, &HOLIDAYS)),
    Route::new("/settings/holidays/{id}")
        .get(|c| get(c, &HOLIDAYS, c.at("id")))
        .put(|c| update(c, &HOLIDAYS, c.at("id")))
        .delete(|c| delete(c, &HOLIDAYS, c.at("id"))),
    Route::new("/settings/fiscal_year")
        .get(|c| single::get(c, &FISCAL_YEAR))
        .put(|c| single::update(c, &FISCAL_YEAR)),
    // sharing_rules.json
    Route::new("/settings/data_sharing/rules")
        .get(|c| list(c, &SHARING_RULES, &[]))
        .post(|c| create(c, &SHARING_RULES))
        .put(|c| update_many(c, &SHARING_RULES)),
    Route::new("/settings/data_sharing/rules/search").post(sharing::search),
    Route::new("/settings/data_sharing/rules/actions/summary")
        .get(|c| sharing::summary(c, false))
        .post(|c| sharing::summary(c, true)),
    Route::new("/settings/data_sharing/rules/actions/run").post(sharing::rerun),
    Route::new("/settings/data_sharing/rules/{id}")
        .get(|c| get(c, &SHARING_RULES, c.at("id")))
        .put(|c| update(c, &SHARING_RULES, c.at("id")))
        .delete(|c| delete(c, &SHARING_RULES, c.at("id"))),
    Route::new("/settings/data_sharing/rules/{id}/actions/activate")
        .put(|c| sharing::activate(c, c.at("id"), true))
        .delete(|c| sharing::activate(c, c.at("id"), false)),
    // scoring_rules.json, entity_scores.json
    Route::new("/settings/automation/scoring_rules")
        .get(|c| {
            list(
                c,
                &SCORING_RULES,
                &[
                    ("module", "module"),
                    ("layout_id", "layout"),
                    ("active", "active"),
                    ("name", "name"),
                ],
            )
        })
        .post(|c| create(c, &SCORING_RULES))
        .put(|c| update_many(c, &SCORING_RULES))
        .delete(|c| delete_many(c, &SCORING_RULES)),
    Route::new("/settings/automation/scoring_rules/{id}")
        .get(|c| get(c, &SCORING_RULES, c.at("id")))
        .put(|c| update(c, &SCORING_RULES, c.at("id")))
        .delete(|c| delete(c, &SCORING_RULES, c.at("id"))),
    Route::new("/settings/automation/scoring_rules/{id}/actions/activate")
        .put(|c| scoring::activate(c, c.at("id"), true))
        .delete(|c| scoring::activate(c, c.at("id"), false)),
    Route::new("/settings/automation/scoring_rules/{id}/actions/clone")
        .post(|c| scoring::clone(c, c.at("id"))),
    Route::new("/{module}/actions/run_scoring_rules").put(|c| scoring::run(c, c.at("module"))),
    Route::new("/Entity_Scores__s").get(|c| scoring::entity_scores(c, None)),
    Route::new("/Entity_Scores__s/{id}").get(|c| scoring::entity_scores(c, Some(c.at("id")))),
    // assignment_rules.json, cadences.json, cadences_execution.json
    Route::new("/settings/automation/assignment_rules")
        .get(|c| list(c, &ASSIGNMENT_RULES, &[("module", "module")])),
    Route::new("/settings/automation/assignment_rules/{id}")
        .get(|c| get(c, &ASSIGNMENT_RULES, c.at("id"))),
    Route::new("/settings/automation/cadences").get(|c| list(c, &CADENCES, &[])),
    Route::new("/{module}/actions/enrol_in_cadences")
        .post(|c| enrolment::enrol(c, c.at("module"), true)),
    Route::new("/{module}/actions/unenrol_from_cadences")
        .post(|c| enrolment::enrol(c, c.at("module"), false)),
    // duplicate_check_preference.json, record_locking_configuration.json
    Route::new("/settings/duplicate_check_preference")
        .get(|c| single::get(c, &DUPLICATE_CHECK))
        .post(|c| single::create(c, &DUPLICATE_CHECK))
        .put(|c| single::update(c, &DUPLICATE_CHECK))
        .delete(|c| single::delete(c, &DUPLICATE_CHECK)),
    Route::new("/settings/record_locking_configurations")
        .get(|c| list(c, &RECORD_LOCKING, &[("feature_type", "feature_type")]))
        .post(|c| create(c, &RECORD_LOCKING))
        .put(|c| update_many(c, &RECORD_LOCKING))
        .delete(|c| delete_many(c, &RECORD_LOCKING)),
    Route::new("/settings/record_locking_configurations/{id}")
        .get(|c| get(c, &RECORD_LOCKING, c.at("id")))
        .put(|c| update(c, &RECORD_LOCKING, c.at("id")))
        .delete(|c| delete(c, &RECORD_LOCKING, c.at("id"))),
    // email_templates.json, from_addresses.json, email_compose.json, inventory_templates.json
    Route::new("/settings/email_templates")
        .get(|c| list(c, &EMAIL_TEMPLATES, &[("module", "module")])),
    Route::new("/settings/email_templates/{id}").get(|c| get(c, &EMAIL_TEMPLATES, c.at("id"))),
    Route::new("/settings/emails/actions/from_addresses").get(lookups::from_addresses),
    Route::new("/__email/settings/compose")
        .get(|c| single::get(c, &EMAIL_COMPOSE))
        .put(|c| single::update(c, &EMAIL_COMPOSE)),
    Route::new("/settings/inventory_templates").get(|c| {
        list(
            c,
            &INVENTORY_TEMPLATES,
            &[("module", "module"), ("category", "category")],
        )
    }),
    Route::new("/settings/inventory_templates/{id}")
        .get(|c| get(c, &INVENTORY_TEMPLATES, c.at("id"))),
    // portals.json, portals_meta.json, portal_user_type.json, portal_invite.json
    Route::new("/settings/portals")
        .get(|c| list(c, &PORTALS, &[]))
        .post(|c| create(c, &PORTALS)),
    Route::new("/settings/portals/meta").get(lookups::portals_meta),
    Route::new("/settings/portals/{portal}")
        .get(|c| get(c, &PORTALS, c.at("portal")))
        .put(|c| update(c, &PORTALS, c.at("portal"))),
    Route::new("/settings/portals/{portal}/user_type")
        .get(|c| list(c, &PORTAL_USER_TYPES, &[]))
        .post(|c| create(c, &PORTAL_USER_TYPES)),
    Route::new("/settings/portals/{portal}/user_type/{id}")
        .get(|c| get(c, &PORTAL_USER_TYPES, c.at("id")))
        .put(|c| update(c, &PORTAL_USER_TYPES, c.at("id")))
        .delete(|c| delete(c, &PORTAL_USER_TYPES, c.at("id"))),
    Route::new("/{module}/{record}/actions/portal_invite")
        .post(|c| invites::invite_one(c, c.at("module"), c.at("record"))),
    Route::new("/{module}/actions/portal_invite")
        .get(|c| invites::job_status(c, c.at("module")))
        .post(|c| invites::invite_many(c, c.at("module"))),
    // unsubscribe_links.json
    Route::new("/settings/unsubscribe_links")
        .get(|c| list(c, &UNSUBSCRIBE_LINKS, &[]))
        .post(|c| create(c, &UNSUBSCRIBE_LINKS))
        .put(|c| update_many(c, &UNSUBSCRIBE_LINKS)),
    Route::new("/settings/unsubscribe_links/{id}")
        .get(|c| get(c, &UNSUBSCRIBE_LINKS, c.at("id")))
        .put(|c| update(c, &UNSUBSCRIBE_LINKS, c.at("id")))
        .delete(|c| delete(c, &UNSUBSCRIBE_LINKS, c.at("id"))),
    Route::new("/settings/unsubscribe_link/actions/associations").get(lookups::associations),
];
