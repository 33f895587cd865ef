//! A local, in-memory emulator of the Zoho CRM REST API, for tests and examples.
//!
//! It answers the CRM API of every version from `v2` to `v8`, the accounts server's token
//! endpoint, and an admin API, all on one HTTP server on 127.0.0.1. It starts with every record,
//! role, campaign, external id and user the seed documents name, plus a few hundred generated
//! records, and answers the recorded requests of the seeds with the recorded statuses and bodies.
//!
//! ```
//! use zoho_sandbox::{Fault, FaultRule, Sandbox};
//!
//! #[tokio::main]
//! async fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let sandbox = Sandbox::start().await?;
//!     let http = reqwest::Client::new();
//!     let auth = format!("Zoho-oauthtoken {}", sandbox.access_token());
//!
//!     // Seed 002's lead, by id.
//!     let url = format!("{}/Leads/738964000002148061", sandbox.crm_url("v2"));
//!     let response = http.get(&url).header("Authorization", &auth).send().await?;
//!     assert_eq!(response.status(), 200);
//!     let body: serde_json::Value = serde_json::from_str(&response.text().await?)?;
//!     assert_eq!(body["data"][0]["Mobile"], "98883434559");
//!
//!     // A server error after the update was applied: the record did change once.
//!     sandbox.add_fault(FaultRule::new(Fault::InternalError).after_apply().times(1));
//!     let update = r#"{"data":[{"Last_Name":"Boyle"}]}"#;
//!     let response = http.put(&url).header("Authorization", &auth).body(update).send().await?;
//!     assert_eq!(response.status(), 500);
//!     assert_eq!(sandbox.write_count("Leads", "738964000002148061"), 1);
//!     assert_eq!(sandbox.record("Leads", "738964000002148061").unwrap()["Last_Name"], "Boyle");
//!
//!     // Every request is journaled as received.
//!     assert_eq!(sandbox.journal().len(), 2);
//!     Ok(())
//! }
//! ```
//!
//! # Least privilege
//!
//! [`Sandbox::access_token`] grants every scope the sandbox knows ([`ALL_SCOPES`]), so a scope
//! an application forgot to ask for never fails with it. [`Sandbox::access_token_for`] mints a
//! token with exactly the scopes given (any texts: a list, or a `zoho_runtime::ScopeSet`'s
//! scopes), and [`Sandbox::oauth_client_for`] a refresh token that grants them: a call that
//! needs more is answered `401 OAUTH_SCOPE_MISMATCH`, as Zoho would answer it.
//!
//! ```
//! use zoho_runtime::{zoho_endpoint, Client, Error, RecordId, ScopeSet};
//! use zoho_sandbox::Sandbox;
//!
//! /// Reads one lead.
//! #[zoho_endpoint(GET "/Leads/<id>", scope = "ZohoCRM.modules.leads.READ")]
//! struct GetLead {
//!     id: RecordId,
//! }
//!
//! /// Deletes one lead: declared, but not among the scopes the application asks for.
//! #[zoho_endpoint(DELETE "/Leads/<id>", scope = "ZohoCRM.modules.leads.DELETE")]
//! struct DeleteLead {
//!     id: RecordId,
//! }
//!
//! #[tokio::main]
//! async fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let sandbox = Sandbox::start().await?;
//!     let asked = ScopeSet::new().with::<GetLead>();
//!     let token = sandbox.access_token_for(asked.iter().map(|scope| scope.as_str()));
//!     let client = Client::builder()
//!         .api_domain(sandbox.base_url())
//!         .access_token(token)
//!         .build()?;
//!
//!     let lead = RecordId::from("738964000002148061");
//!     GetLead { id: lead.clone() }.send(&client).await?;
//!     let delete = DeleteLead { id: lead }.send(&client).await;
//!     match delete {
//!         Err(Error::Api { code, .. }) => assert_eq!(code.as_str(), "OAUTH_SCOPE_MISMATCH"),
//!         other => panic!("the delete needs a scope the token lacks: {other:?}"),
//!     }
//!     Ok(())
//! }
//! ```
//!
//! # What it serves
//!
//! Under `/crm/{v2|v2.1|v3|v4|v5|v6|v7|v8}`:
//!
//! | method | path | |
//! |---|---|---|
//! | GET | `/{module}` | list: `page`, `per_page` (≤ 200), `page_token`, `fields` (mandatory from v3 without `ids`), `ids`, `sort_by`, `sort_order`; 204 when empty |
//! | POST, PUT, DELETE | `/{module}` | insert (201), update by ids in the records, delete by `ids=`; ≤ 100 records |
//! | GET, PUT, DELETE | `/{module}/{id}` | one record; `X-EXTERNAL` lets `{id}` be an external value |
//! | POST | `/{module}/upsert` | by `duplicate_check_fields` or the unique fields; each success says `"action": "insert"` or `"update"` and the `duplicate_field` that found it |
//! | GET | `/{module}/search` | `criteria`, `email`, `phone`, `word`; reads the store as it is (how soon Zoho's own search lists a record just written is not documented) |
//! | GET, POST | `/{module}/actions/count` | `{"count": n}`, by the same query parameters as a search |
//! | POST | `/{module}[/{id}]/actions/assign_territories`, `…/remove_territories` | Leads, Accounts, Contacts and Deals hold territories in `Territories` (a deal one, others ten), checked against the organisation's |
//! | POST | `/Events/{id}/actions/cancel` | a meeting with participants, not ended, marked `$event_cancelled` |
//! | POST, GET | `/{module}[/{id}]/actions/share_emails`, `…/unshare_emails`, `/{module}/{id}/__emails_sharing_details` | a record's emails shared or not (Leads, Contacts, custom modules) |
//! | POST | `/{module}[/{id}]/actions/unblock_email` | email fields blocked when mail sent from the record to them bounced: mail to an address under the reserved domain `invalid` bounces, as no real mail is sent |
//! | POST, GET | `/{module}/{id}/actions/associate_email`, `/actions/email_available` | mail from outside the CRM kept among the record's emails, found by `orginal_message_id` |
//! | POST, GET | `/{module}/actions/mass_update` | by `ids` (≤ 500) or `cvid`; job status by `job_id` |
//! | GET, PUT, DELETE | `/{module}/{id}/{related_list}` | related records (seed 003), `X-EXTERNAL` (seed 000) |
//! | PUT, DELETE | `/{module}/{id}/{related_list}/{related_id}` | one relation; contact roles (seed 001) |
//! | GET | `/Contacts/roles[/{id}]` | contact roles |
//! | GET, POST, PUT | `/settings/modules[/{api_name or id}]` | modules; custom modules created (a mandatory `Name`, a layout, an "All" view) take records at once |
//! | GET, POST, PATCH, DELETE | `/settings/fields[/{id}]?module=` | fields; `Leads` has a custom field of each data type the standard fields leave out (multi-select, bigint, decimal, percent, formula, autonumber, subform), the schema `zoho-schema pull` snapshots for the tests; fields created, relabelled, given picklist values, deleted (with their values in records) |
//! | GET | `/settings/fields/{id}/pick_list_values?module=` | a picklist's values, with ids |
//! | GET, PATCH, DELETE, POST | `/settings/layouts[/{id}[/actions/activate]]?module=` | layouts, their sections, activation; records name theirs as `Layout` |
//! | GET, POST, PUT, DELETE | `/settings/layouts/{id}/map_dependency[/{id}]?module=` | map dependencies, enforced on record writes in that layout |
//! | GET, PUT | `/settings/custom_views[/{id}][/actions/change_sort]?module=` | custom views and their sort order |
//! | GET | `/settings/related_lists[/{id}]?module=` | related lists |
//! | GET, POST, PATCH, DELETE | `/settings/global_picklists[/{id}[/actions/…]]` | global picklists, offered by the fields that name them; values replaced in records |
//! | GET | `/__features[/{api_name}]`, `/__apis`, `/settings/wizards[/{id}]` | features with what is used of them, the routes the sandbox serves, wizards |
//! | all | `/users…`, `/settings/{roles,profiles,territories,user_groups,users_unavailability,portals}…`, `/org`, `/org/currencies…` | the organisation and its people, stored and listed back (`people.rs`, each area's file) |
//! | GET | `/settings/modules[/{module}]`, `/settings/fields?module=`, `/settings/related_lists?module=`, `/settings/custom_views?module=` | metadata; `Leads` has a custom field of each data type the standard fields leave out (multi-select, bigint, decimal, percent, formula, autonumber, subform), the schema `zoho-schema pull` snapshots for the tests |
//! | GET | `/users[/{id}]` | users |
//! | POST, GET | `/{module}/actions/mass_delete`, `…/mass_change_owner`, `…/mass_convert` | by `ids` (≤ 500, mass delete) or `cvid` (the "All" view), as jobs; status by `job_id` |
//! | POST | `/{module}[/{id}]/actions/change_owner` | one record, or ≤ 500 `ids` |
//! | POST, GET | `/Leads/{id}/actions/convert`, `/Leads/{id}/__conversion_options` | a contact, an account and a deal made; the lead removed |
//! | GET, PUT | `/{module}/{id}/actions/blueprint` | the processes of Deals' `Stage` and Leads' `Lead_Status` |
//! | GET, POST, PUT, DELETE | `/{module}/{id}/Locking_Information__s[/{lock_id}]` | a locked record refuses writes with `RECORD_LOCKED` |
//! | GET, POST, PUT, DELETE | `/{module}/{id}/actions/share` | shares kept and listed |
//! | GET, DELETE | `/settings/recycle_bin[/{id}]` | every deleted record; [`Sandbox::restore_deleted`] |
//! | GET, POST, PUT, PATCH, DELETE | `/actions/watch` | channels; notices POSTed to loopback `notify_url`s after each write |
//! | POST | `/__composite_requests` | ≤ 5 sub-requests through the same dispatch, `rollback_on_fail` |
//! | POST, GET | `/{module}/{id}/actions/merge` | records merged into a master, as a job |
//! | POST | `/{Quotes\|Sales_Orders}/{id}/actions/convert` | inventory conversion, once the schema has those modules |
//!
//! The jobs of mass actions and merges are applied when they are scheduled and answer
//! `SCHEDULED`, then `RUNNING`, for as many status checks as
//! [`SandboxBuilder::mass_update_pending_polls`] says, then `COMPLETED` (or `FAILED` when no
//! record could be processed, a case Zoho's docs leave open). What each action does where
//! Zoho's docs are silent is said in the docs of its file (`src/convert_lead.rs`,
//! `src/blueprint.rs`, `src/notifications.rs`, `src/composite.rs`, …).
//!
//! Beside them: `POST /oauth/v2/token` (refresh grant), `POST /oauth/v2/token/revoke`, and
//! `/__admin/journal` (GET, DELETE), `/__admin/faults` (GET, POST a [`Faults`], DELETE),
//! `/__admin/record_state` (POST), `/__admin/tokens` (POST).
//!
//! The metadata is one live model: what `settings/…` answers is what record writes are
//! checked against, so a field or module created through the API is written and read in
//! records, a picklist value added is then accepted, and a field removed is then refused
//! (`INVALID_DATA` naming it, as is a picklist value the field does not offer).
//!
//! Checks come in Zoho's order: URL shape (404 `INVALID_URL_PATTERN`), method
//! (400 `INVALID_REQUEST_METHOD`), token (401 `AUTHENTICATION_FAILURE` without one,
//! `INVALID_TOKEN` for an unknown or expired one), module (400 `INVALID_MODULE`), scope
//! (401 `OAUTH_SCOPE_MISMATCH`), body (400 `INVALID_DATA`), then each record.
//!
//! The scope a records route needs (`/{module}`, `/{module}/{id}`, upsert, search, count, mass
//! update) is the one `zoho_spec::shape::requirement` gives for its method and path, the same
//! rule the `#[zoho_endpoint]` attribute checks declarations against; `WRITE` grants `CREATE`,
//! `UPDATE` and `DELETE`, and an upsert needs `CREATE`.
//!
//! A write answers 200 (201 for inserts) when every record succeeded, 207 when some failed,
//! and when all failed the lone record's own status (202, as seed 002 shows; 400 for the
//! contact-role and unknown-related-id errors of seeds 001 and 003) or 400 for several records.
//!
//! # The binary
//!
//! `cargo run -p zoho-sandbox -- --port 8080` serves until interrupted and prints the URL, an
//! access token and an OAuth client's credentials. `--seed N` and `--no-generated` choose the
//! data; `--latency-ms MS`, `--max-concurrent N` and `--faults FILE` (a [`Faults`] as JSON, as
//! `POST /__admin/faults` takes it) start it with faults, for tests in another process.
//! `--help` explains each flag.

mod action_jobs;
mod actions;
mod admin;
mod answers;
mod auth;
mod blueprint;
mod body;
mod bulk;
mod cancel_meetings;
mod change_owner;
mod composite;
mod contact_roles;
mod convert_lead;
mod coql;
mod ctx;
mod currencies;
mod dispatch;
mod email_actions;
mod emails;
mod emails_state;
mod external;
mod faults;
mod files;
mod find_and_merge;
mod inventory_convert;
mod journal;
mod keyed;
mod mass_actions;
mod mass_update;
mod metadata;
mod multipart;
mod notes;
mod notes_state;
mod notifications;
mod oauth;
mod org;
mod paging;
mod pattern;
mod people;
mod people_seed;
mod portal_users;
mod prng;
mod profiles;
mod reading;
mod record_locking;
mod records;
mod recycle;
mod recycle_bin;
mod related;
mod roles;
mod routes;
mod sandbox;
mod schema;
mod search;
mod seed_data;
mod server;
mod settings;
mod share_records;
mod state;
mod store;
mod tags;
mod tags_state;
mod territories;
mod territory_assignment;
mod time;
mod timelines;
mod unavailability;
mod user_groups;
mod users;
mod writes;
mod zipcsv;

pub use auth::OAuthClient;
pub use bulk::BulkJobRecord;
pub use faults::{Fault, FaultRule, Faults, InjectedFault, Phase};
pub use journal::JournalEntry;
pub use sandbox::{Sandbox, SandboxBuilder, ALL_SCOPES};
pub use store::RecordState;

/// Entry points for the fuzz targets in `fuzz/` to the sandbox's parsers. Built only with
/// `--cfg fuzzing`, which `cargo fuzz` sets. Not a public API.
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod __fuzz {
    /// A part of a form as the sandbox reads it: name, file name, content type, bytes.
    pub type Part = (String, Option<String>, Option<String>, Vec<u8>);

    /// The parts of a `multipart/form-data` body with this boundary, or why it is not one.
    pub fn multipart(boundary: &str, body: &[u8]) -> Result<Vec<Part>, String> {
        let body = axum::body::Bytes::copy_from_slice(body);
        crate::multipart::parse(boundary, &body).map(|parts| {
            parts
                .into_iter()
                .map(|p| (p.name, p.file_name, p.content_type, p.data.to_vec()))
                .collect()
        })
    }
}

/// The COQL parser, for the property tests and the fuzz target. Not a public API.
#[doc(hidden)]
pub mod __coql {
    pub use crate::coql::check;
}
