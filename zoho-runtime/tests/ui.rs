//! The compile-time checks of `#[zoho_endpoint]`, `#[zoho_record]` and `#[zoho_picklist]`: every
//! misuse in `tests/ui/*.rs` must fail with the message in its `.stderr`, and every valid form in
//! `tests/ui/pass/` must build and run.

#[test]
fn ui() {
    // The record cases are checked against the sandbox's schema, committed in `ui/zoho-schema/`
    // (rewritten by `ZOHO_SCHEMA_OVERWRITE=1 cargo test -p zoho-schema --test integration
    // pull::`). trybuild builds the cases in a project of its own under the target directory, so
    // the snapshot is named by its absolute path; the cargo it runs inherits the variable.
    std::env::set_var(
        "ZOHO_SCHEMA_DIR",
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/ui/zoho-schema"),
    );
    // trybuild's project has no `[profile]` of the workspace's, so its cargo would build every
    // dependency with full debug info (3 GB of `target/tests/trybuild`); line tables as in the
    // workspace's own crates.
    std::env::set_var("CARGO_PROFILE_DEV_DEBUG", "line-tables-only");
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
    cases.pass("tests/ui/pass/*.rs");
}
