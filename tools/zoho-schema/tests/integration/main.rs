//! The `zoho-schema` command's tests, one binary.
//!
//! `cargo test -p zoho-schema --test integration <module>::` runs one module. Why one binary: the
//! README's "Workspace".

mod cli;
mod pull;
