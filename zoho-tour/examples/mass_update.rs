//! Seed 004: sets No_of_Employees on several leads at once, answered one outcome per id: the
//! catalogue's `MassUpdateV2`.
//!
//! Runs against the embedded sandbox, or the server named by `ZOHO_API_DOMAIN` and
//! `ZOHO_ACCESS_TOKEN` (record ids as `name=value` arguments).

use zoho_crm_api::mass_update::MassUpdateV2;
use zoho_tour::common;
use zoho_tour::seeds::{ids, EmployeeCount};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let conn = common::connect().await?;
    let call = MassUpdateV2::by_ids(
        "Leads",
        [
            conn.id("lead_a", ids::LEAD_DUPLICATE),
            conn.id("lead_b", ids::LEAD_2),
        ],
        EmployeeCount::of(1000),
    )
    .with_over_write(true);
    common::print_request(&call.prepare(&conn.client).await?);
    common::print_outcome(&call.send(&conn.client).await);
    Ok(())
}
