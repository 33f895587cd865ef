//! The tour's end-to-end tests, one binary: the seeds through the catalogue, the schema, secrets.
//!
//! `cargo test -p zoho-tour --test integration <module>::` runs one module. Why one binary: the
//! README's "Workspace".

mod properties;
mod sandbox_seeds;
mod schema;
mod secrets;
mod seed_answers;
mod seed_requests;
