//! Every operation of the catalogue, sent to the sandbox: each must answer `Ok` of its declared
//! type (or the error a test asks for), and each area's test fails when one of the area's
//! operations was not sent. One file per area, named as the catalogue's.

mod harness;
mod writes;

/// A test per area, running `<area>::probe`, and a test that every area of the catalogue has one.
macro_rules! areas {
    ($($area:ident),* $(,)?) => {
        $(
            mod $area;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $area() {
                let mut harness = harness::Harness::start(stringify!($area)).await;
                $area::probe(&mut harness).await;
                harness.finish();
            }
        )*

        #[test]
        fn every_area_has_a_test() {
            harness::check_tested(&[$(stringify!($area)),*]);
        }
    };
}

areas!(
    modules,
    fields,
    layouts,
    custom_views,
    related_lists,
    pick_list_values,
    field_map_dependency,
    global_picklists,
    features,
    apis,
    wizards,
    users,
    unavailability,
    portal_users,
    roles,
    profiles,
    territories,
    user_groups,
    org,
    currencies,
    mass_update,
    mass_convert,
    mass_delete,
    mass_change_owner,
    change_owner,
    convert_lead,
    blueprint,
    record_locking,
    share_records,
    territory_assignment,
    cancel_meetings,
    recycle_bin,
    notifications,
    composite,
    find_and_merge,
    inventory_convert,
    notes,
    tags,
    contact_roles,
    related_records,
    timelines,
    emails,
    record_share_email,
    email_sharing_details,
    unblock_email,
    associate_email,
    variables,
    variable_groups,
    pipelines,
    business_hours,
    holidays,
    shift_hours,
    fiscal_year,
    sharing_rules,
    scoring_rules,
    entity_scores,
    assignment_rules,
    duplicate_check_preference,
    record_locking_configuration,
    email_templates,
    inventory_templates,
    from_addresses,
    email_compose,
    portals,
    portals_meta,
    portal_user_type,
    portal_invite,
    unsubscribe_links,
    cadences,
    cadences_execution,
    attachments,
    record_photo,
    files,
    bulk_read,
    bulk_write,
    records,
    record_count,
    search,
    coql,
);
