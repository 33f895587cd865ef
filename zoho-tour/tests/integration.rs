//! The tour's end-to-end tests, one binary: the seeds through the catalogue, the schema, secrets.
//!
//! One binary rather than one per file: every test binary links all of its dependencies, so
//! each file of its own cost a link and tens of megabytes of `target/`. Each module keeps its
//! file; `cargo test -p zoho-tour --test integration <module>::` runs one.

mod properties;
mod sandbox_seeds;
mod schema;
mod secrets;
mod seed_answers;
mod seed_requests;
