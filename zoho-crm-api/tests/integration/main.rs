//! The catalogue's integration tests, one binary: every operation sent to the sandbox, the
//! catalogue against Zoho's list, bulk files and jobs.
//!
//! `cargo test -p zoho-crm-api --test integration <module>::` runs one module. Why one binary: the
//! README's "Workspace".

mod bulk_file;
mod bulk_write_fate;
mod catalogue;
mod common;
mod jobs;
mod operations;
