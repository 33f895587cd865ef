//! Seed 002: updates a lead with strings, a bool, an integer, a float and a nested owner: the
//! catalogue's `UpdateRecordV2`, with the lead as a record type of one's own.
//!
//! Runs against the embedded sandbox, or the server named by `ZOHO_API_DOMAIN` and
//! `ZOHO_ACCESS_TOKEN` (record ids as `name=value` arguments).

use zoho_crm_api::records::UpdateRecordV2;
use zoho_tour::common;
use zoho_tour::seeds::{ids, LeadUpdate};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let conn = common::connect().await?;
    let lead = LeadUpdate::seed(conn.id("user", ids::USER));
    let call = UpdateRecordV2::new("Leads", conn.id("lead", ids::LEAD), lead);
    common::print_request(&call.prepare(&conn.client).await?);
    common::print_outcome(&call.send(&conn.client).await);
    Ok(())
}
