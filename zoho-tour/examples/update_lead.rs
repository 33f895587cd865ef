//! Seed 002: updates a lead with strings, a bool, an integer, a float and a nested owner.
//!
//! Runs against the embedded sandbox, or the server named by `ZOHO_API_DOMAIN` and
//! `ZOHO_ACCESS_TOKEN` (record ids as `name=value` arguments).

use zoho_tour::common;
use zoho_tour::seeds::{ids, *};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let conn = common::connect().await?;
    let call = UpdateLead::seed(conn.id("lead", ids::LEAD), conn.id("user", ids::USER));
    common::print_request(&call.prepare(&conn.client).await?);
    common::print_outcome(&call.send(&conn.client).await);
    Ok(())
}
