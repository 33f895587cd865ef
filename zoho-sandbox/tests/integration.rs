//! The sandbox's integration tests, one binary: each module is one area of what it serves.
//!
//! One binary rather than one per file: every test binary links all of its dependencies, so
//! each file of its own cost a link and tens of megabytes of `target/`. Each module keeps its
//! file; `cargo test -p zoho-sandbox --test integration <module>::` runs one.

mod auth;
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
