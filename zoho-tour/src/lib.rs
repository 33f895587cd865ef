//! The tour of the zoho workspace: the code the examples, the end-to-end tests and the benches
//! share. The five Zoho CRM operations of the seed documents are the catalogue's
//! (`zoho-crm-api`), as for any user of it.
//!
//! - [`seeds`]: what the seed calls carry of the user's own: the seeds' ids, the record types
//!   of seeds 002, 003 and 004, and constructors of the seed calls;
//! - [`common`]: where the examples connect, and how they print a request and its outcome;
//! - [`leads`]: the `Lead` record type and its picklist enums, written by `zoho-schema generate`
//!   from the snapshot in `zoho-schema/` and checked against it by `#[zoho_record]` at every
//!   build (`examples/schema_checked_leads.rs` uses it);
//! - [`tour`]: the tour's body, which `examples/crm_tour.rs` runs on standard output and
//!   `tests/integration/secrets.rs` into a buffer.

pub mod common;
pub mod leads;
pub mod seeds;
pub mod tour;
