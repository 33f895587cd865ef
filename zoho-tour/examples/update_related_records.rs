//! Seed 003: relates two campaigns to a lead in one call: the catalogue's
//! `UpdateRelatedRecordsV2`, with the campaign member as a record type of one's own.
//!
//! Runs against the embedded sandbox, or the server named by `ZOHO_API_DOMAIN` and
//! `ZOHO_ACCESS_TOKEN` (record ids as `name=value` arguments).

use zoho_crm_api::related_records::UpdateRelatedRecordsV2;
use zoho_tour::common;
use zoho_tour::seeds::{ids, CampaignMember};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let conn = common::connect().await?;
    let (first, second) = (
        conn.id("campaign1", ids::CAMPAIGNS[0]),
        conn.id("campaign2", ids::CAMPAIGNS[1]),
    );
    let call = UpdateRelatedRecordsV2::of(
        "Leads",
        conn.id("lead", ids::LEAD_WITH_CAMPAIGNS),
        "Campaigns",
        vec![
            CampaignMember::new(first, "Active"),
            CampaignMember::new(second, "Planning"),
        ],
    );
    common::print_request(&call.prepare(&conn.client).await?);
    common::print_outcome(&call.send(&conn.client).await);
    Ok(())
}
