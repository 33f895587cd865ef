//! What the catalogue's test binaries share: a client of the sandbox, and a quick wait for jobs.

use std::time::Duration;

use zoho_crm_api::runtime::jobs::Wait;
use zoho_crm_api::Client;
use zoho_sandbox::Sandbox;

/// A client of `sandbox`, with its access token.
pub fn client(sandbox: &Sandbox) -> Client {
    Client::builder()
        .api_domain(sandbox.base_url())
        .access_token(sandbox.access_token())
        .build()
        .expect("a client of the sandbox")
}

/// A wait that polls every few milliseconds: the sandbox ends its jobs at once.
pub fn quick() -> Wait {
    Wait::default()
        .interval(Duration::from_millis(5))
        .max_interval(Duration::from_millis(20))
}
