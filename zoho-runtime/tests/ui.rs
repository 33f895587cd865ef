//! The compile-time checks of `#[zoho_endpoint]`: every misuse in `tests/ui/*.rs` must fail with
//! the message in its `.stderr`, and every valid form in `tests/ui/pass/` must build and run.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
    cases.pass("tests/ui/pass/*.rs");
}
