//! The catalogue's integration tests, one binary: every operation sent to the sandbox, the
//! catalogue against Zoho's list, bulk files and jobs.
//!
//! One binary rather than one per file: every test binary links all of its dependencies, so
//! each file of its own cost a link and tens of megabytes of `target/`. Each module keeps its
//! file; `cargo test -p zoho-crm-api --test integration <module>::` runs one.

mod bulk_file;
mod bulk_write_fate;
mod catalogue;
mod common;
mod jobs;
#[path = "operations/main.rs"]
mod operations;
