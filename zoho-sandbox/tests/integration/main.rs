//! The sandbox's integration tests, one binary with a module per area of what it serves.
//!
//! `cargo test -p zoho-sandbox --test integration <module>::` runs one module. Why one binary: the
//! README's "Workspace".

mod auth;
// Runs the `zoho-sandbox` binary, which is built only with the `cli` feature.
#[cfg(feature = "cli")]
mod binary;
mod common;
mod conformance;
mod faults;
mod journal;
mod least_privilege;
mod lifecycle;
mod mass_update;
mod metadata;
mod people;
mod records;
mod related;
mod seed_replay;
