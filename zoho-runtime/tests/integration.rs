//! The runtime's integration tests, one binary: each module is one area (`ui` is its own, since
//! trybuild runs cargo).
//!
//! One binary rather than one per file: every test binary links all of its dependencies, so
//! each file of its own cost a link and tens of megabytes of `target/`. Each module keeps its
//! file; `cargo test -p zoho-runtime --test integration <module>::` runs one.

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
