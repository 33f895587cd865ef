//! Seed 000: associates a contact and a deal by their external ids (`X-EXTERNAL`), with the
//! catalogue's `AssociateByExternalIds`.
//!
//! Runs against the embedded sandbox, or the server named by `ZOHO_API_DOMAIN` and
//! `ZOHO_ACCESS_TOKEN` (record ids as `name=value` arguments).

use zoho_crm_api::related_records::AssociateByExternalIds;
use zoho_tour::common;
use zoho_tour::seeds::ids;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let conn = common::connect().await?;
    let call = AssociateByExternalIds {
        contact: conn.id("external_contact", ids::EXTERNAL_CONTACT),
        deal: conn.id("external_deal", ids::EXTERNAL_DEAL),
        contact_role: conn.id("role", ids::ROLE_SEED_000).into(),
    };
    common::print_request(&call.prepare(&conn.client).await?);
    common::print_outcome(&call.send(&conn.client).await);
    Ok(())
}
