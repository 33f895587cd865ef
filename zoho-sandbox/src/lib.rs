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
//! | POST | `/{module}/upsert` | by `duplicate_check_fields` or the unique fields |
//! | GET | `/{module}/search` | `criteria`, `email`, `phone`, `word` |
//! | GET | `/{module}/actions/count` | `{"count": n}` |
//! | POST, GET | `/{module}/actions/mass_update` | by `ids` (≤ 500) or `cvid`; job status by `job_id` |
//! | GET, PUT, DELETE | `/{module}/{id}/{related_list}` | related records (seed 003), `X-EXTERNAL` (seed 000) |
//! | PUT, DELETE | `/{module}/{id}/{related_list}/{related_id}` | one relation; contact roles (seed 001) |
//! | GET | `/Contacts/roles[/{id}]` | contact roles |
//! | GET | `/settings/modules[/{module}]`, `/settings/fields?module=`, `/settings/related_lists?module=`, `/settings/custom_views?module=` | metadata; `Leads` has a custom field of each data type the standard fields leave out (multi-select, bigint, decimal, percent, formula, autonumber, subform), the schema `zoho-schema pull` snapshots for the tests |
//! | GET | `/users[/{id}]` | users |
//!
//! Beside them: `POST /oauth/v2/token` (refresh grant), `POST /oauth/v2/token/revoke`, and
//! `/__admin/journal` (GET, DELETE), `/__admin/faults` (GET, POST a [`Faults`], DELETE),
//! `/__admin/record_state` (POST), `/__admin/tokens` (POST).
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

mod admin;
mod answers;
mod auth;
mod body;
mod coql;
mod ctx;
mod dispatch;
mod external;
mod faults;
mod journal;
mod mass_update;
mod metadata;
mod oauth;
mod paging;
mod pattern;
mod prng;
mod reading;
mod records;
mod recycle;
mod related;
mod routes;
mod sandbox;
mod schema;
mod search;
mod seed_data;
mod server;
mod state;
mod store;
mod time;
mod writes;

pub use auth::OAuthClient;
pub use faults::{Fault, FaultRule, Faults, InjectedFault, Phase};
pub use journal::JournalEntry;
pub use sandbox::{Sandbox, SandboxBuilder, ALL_SCOPES};
pub use store::RecordState;

/// The COQL parser, for the property tests and the fuzz target. Not a public API.
#[doc(hidden)]
pub mod __coql {
    pub use crate::coql::check;
}
