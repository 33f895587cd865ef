//! The runtime's integration tests, one binary with a module per area; the compile-fail suite
//! (`tests/ui.rs`) is its own, since trybuild runs cargo.
//!
//! `cargo test -p zoho-runtime --test integration <module>::` runs one module. Why one binary: the
//! README's "Workspace".

mod bad_answers;
mod bad_inputs;
mod blocking;
mod canned;
mod common;
mod file_properties;
mod files;
mod in_doubt;
mod oauth;
mod paging;
mod paging_properties;
mod properties;
mod resilience;
mod soak;
