//! Zoho CRM v8's operations, declared with `#[zoho_endpoint]` alone: one module per area of
//! the API, each operation a struct whose fields are the call's parameters and whose answer is
//! typed.
//!
//! ```
//! use zoho_crm_api::fields::GetFields;
//! use zoho_runtime::Client;
//! use zoho_sandbox::Sandbox;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start().await?;
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! let fields = GetFields::of("Leads").send(&client).await?.unwrap_or_default();
//! assert!(fields.get("Last_Name").is_some_and(|f| f.system_mandatory));
//! # Ok(())
//! # }
//! ```
//!
//! The areas fall in four groups (the README's table of areas splits the first in two):
//!
//! - **the data API**: records ([`records`], [`search`], [`coql`], [`record_count`]) and what
//!   hangs off them ([`related_records`], [`notes`], [`attachments`], [`record_photo`],
//!   [`files`], [`tags`], [`contact_roles`], [`emails`], [`timelines`], …), and the actions and
//!   jobs on them ([`mass_update`], [`convert_lead`], [`blueprint`], [`record_locking`],
//!   [`notifications`], [`composite`], [`bulk_read`], [`bulk_write`] with the CSV zips of
//!   [`bulk_file`], …);
//! - **metadata**: [`modules`] and [`fields`] (the two the schema snapshot of `zoho-schema` is
//!   made from), [`layouts`], [`custom_views`], [`related_lists`], [`pick_list_values`],
//!   [`field_map_dependency`], [`global_picklists`], [`features`], [`apis`] and [`wizards`];
//! - **the organisation and its people**: [`users`], [`roles`], [`profiles`], [`territories`],
//!   [`user_groups`], [`org`], [`currencies`], …;
//! - **settings**: [`pipelines`], [`sharing_rules`], [`scoring_rules`], [`variables`], …
//!
//! # One dependency
//!
//! The attribute and the client are `zoho-runtime`'s, re-exported as [`runtime`] (and the
//! attribute at the root), so this crate is the only one a program needs: operations of your
//! own are declared beside these with [`zoho_endpoint`], whose generated code names the runtime
//! as your `Cargo.toml` does (`zoho_crm_api::runtime` when this crate is all it has). The
//! catalogue is a crate of its own rather than part of the runtime so that a program declaring
//! its few operations by hand does not compile some 400 it never calls.
//!
//! # Every operation in one list
//!
//! [`AREAS`] holds every declared operation, area by area, with its method, path and scopes
//! ([`ApiOperation`]); [`operations`] walks them all.

pub mod actions;
pub mod answer;
pub mod apis;
pub mod assignment_rules;
pub mod associate_email;
pub mod attachments;
pub mod blueprint;
pub mod bulk_file;
pub mod bulk_read;
pub mod bulk_write;
pub mod business_hours;
pub mod cadences;
pub mod cadences_execution;
#[cfg(feature = "callbacks")]
pub mod callbacks;
pub mod cancel_meetings;
pub mod change_owner;
pub mod composite;
pub mod contact_roles;
pub mod convert_lead;
pub mod coql;
pub mod currencies;
pub mod custom_views;
pub mod duplicate_check_preference;
pub mod email_compose;
pub mod email_sharing_details;
pub mod email_templates;
pub mod emails;
pub mod entity_scores;
pub mod features;
pub mod field_map_dependency;
pub mod fields;
pub mod files;
pub mod find_and_merge;
pub mod fiscal_year;
pub mod from_addresses;
pub mod global_picklists;
pub mod holidays;
pub mod inventory_convert;
pub mod inventory_templates;
pub mod layouts;
pub mod mass_change_owner;
pub mod mass_convert;
pub mod mass_delete;
pub mod mass_update;
pub mod modules;
pub mod notes;
pub mod notifications;
pub mod org;
pub mod pick_list_values;
pub mod pipelines;
pub mod portal_invite;
pub mod portal_user_type;
pub mod portal_users;
pub mod portals;
pub mod portals_meta;
pub mod profiles;
pub mod record_count;
pub mod record_locking;
pub mod record_locking_configuration;
pub mod record_photo;
pub mod record_share_email;
pub mod records;
pub mod recycle_bin;
pub mod related_lists;
pub mod related_records;
pub mod roles;
pub mod scoring_rules;
pub mod search;
pub mod setting;
pub mod share_records;
pub mod sharing_rules;
pub mod shift_hours;
pub mod tags;
pub mod territories;
pub mod territory_assignment;
pub mod timelines;
pub mod unavailability;
pub mod unblock_email;
pub mod unsubscribe_links;
pub mod user_groups;
pub mod users;
pub mod variable_groups;
pub mod variables;
pub mod wizards;
pub mod written;

/// The runtime the operations are declared with and sent through.
pub use zoho_runtime as runtime;
pub use zoho_runtime::{zoho_endpoint, Client, Error, Outcomes, Page, PageInfo, Record, RecordId};

use zoho_runtime::endpoint::EndpointMeta;

/// One declared operation: the area it belongs to, its type's name and its static description.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct ApiOperation {
    /// The module it is declared in: `zoho_crm_api::notes`.
    pub module_path: &'static str,
    /// Its type as written in the list: `GetNotes`, `GetRecords<Record>`.
    pub written: &'static str,
    /// Its method, path, scopes and version.
    pub meta: &'static EndpointMeta,
}

impl ApiOperation {
    /// Its type's name without parameters: `GetRecords` of `GetRecords<Record>`.
    pub fn name(&self) -> &'static str {
        let end = self
            .written
            .find(|c: char| c == '<' || c.is_whitespace())
            .unwrap_or(self.written.len());
        &self.written[..end]
    }

    /// The area: the last part of [`module_path`](ApiOperation::module_path), `notes`.
    pub fn area(&self) -> &'static str {
        self.module_path
            .rsplit("::")
            .next()
            .unwrap_or(self.module_path)
    }
}

/// Lists an area's operations: `declared![GetNotes, AddNotes<Record>]`.
macro_rules! declared {
    ($($ty:ty),* $(,)?) => {
        &[$(
            $crate::ApiOperation {
                module_path: ::core::module_path!(),
                written: ::core::stringify!($ty),
                meta: <$ty as ::zoho_runtime::Endpoint>::META,
            }
        ),*]
    };
}
pub(crate) use declared;

/// Every declared operation, area by area, in the order of the crate's modules.
pub static AREAS: &[&[ApiOperation]] = &[
    modules::OPERATIONS,
    fields::OPERATIONS,
    layouts::OPERATIONS,
    custom_views::OPERATIONS,
    related_lists::OPERATIONS,
    pick_list_values::OPERATIONS,
    field_map_dependency::OPERATIONS,
    global_picklists::OPERATIONS,
    features::OPERATIONS,
    apis::OPERATIONS,
    wizards::OPERATIONS,
    users::OPERATIONS,
    unavailability::OPERATIONS,
    portal_users::OPERATIONS,
    roles::OPERATIONS,
    profiles::OPERATIONS,
    territories::OPERATIONS,
    user_groups::OPERATIONS,
    org::OPERATIONS,
    currencies::OPERATIONS,
    mass_update::OPERATIONS,
    mass_convert::OPERATIONS,
    mass_delete::OPERATIONS,
    mass_change_owner::OPERATIONS,
    change_owner::OPERATIONS,
    convert_lead::OPERATIONS,
    blueprint::OPERATIONS,
    record_locking::OPERATIONS,
    share_records::OPERATIONS,
    territory_assignment::OPERATIONS,
    cancel_meetings::OPERATIONS,
    recycle_bin::OPERATIONS,
    notifications::OPERATIONS,
    composite::OPERATIONS,
    find_and_merge::OPERATIONS,
    inventory_convert::OPERATIONS,
    notes::OPERATIONS,
    tags::OPERATIONS,
    contact_roles::OPERATIONS,
    related_records::OPERATIONS,
    timelines::OPERATIONS,
    emails::OPERATIONS,
    record_share_email::OPERATIONS,
    email_sharing_details::OPERATIONS,
    unblock_email::OPERATIONS,
    associate_email::OPERATIONS,
    variables::OPERATIONS,
    variable_groups::OPERATIONS,
    pipelines::OPERATIONS,
    business_hours::OPERATIONS,
    holidays::OPERATIONS,
    shift_hours::OPERATIONS,
    fiscal_year::OPERATIONS,
    sharing_rules::OPERATIONS,
    scoring_rules::OPERATIONS,
    entity_scores::OPERATIONS,
    assignment_rules::OPERATIONS,
    duplicate_check_preference::OPERATIONS,
    record_locking_configuration::OPERATIONS,
    email_templates::OPERATIONS,
    inventory_templates::OPERATIONS,
    from_addresses::OPERATIONS,
    email_compose::OPERATIONS,
    portals::OPERATIONS,
    portals_meta::OPERATIONS,
    portal_user_type::OPERATIONS,
    portal_invite::OPERATIONS,
    unsubscribe_links::OPERATIONS,
    cadences::OPERATIONS,
    cadences_execution::OPERATIONS,
    attachments::OPERATIONS,
    record_photo::OPERATIONS,
    files::OPERATIONS,
    bulk_read::OPERATIONS,
    bulk_write::OPERATIONS,
    records::OPERATIONS,
    record_count::OPERATIONS,
    search::OPERATIONS,
    coql::OPERATIONS,
];

/// Every declared operation.
pub fn operations() -> impl Iterator<Item = &'static ApiOperation> {
    AREAS.iter().flat_map(|area| area.iter())
}
