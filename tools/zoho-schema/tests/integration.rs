//! The `zoho-schema` command's tests, one binary.
//!
//! One binary rather than one per file: every test binary links all of its dependencies, so
//! each file of its own cost a link and tens of megabytes of `target/`. Each module keeps its
//! file; `cargo test -p zoho-schema --test integration <module>::` runs one.

mod cli;
mod pull;
