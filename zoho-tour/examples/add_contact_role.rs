//! Seed 001: gives a contact a role on a deal (API v6, deals and contacts scopes), with the
//! catalogue's `AddContactRoleV6`.
//!
//! Runs against the embedded sandbox, or the server named by `ZOHO_API_DOMAIN` and
//! `ZOHO_ACCESS_TOKEN` (record ids as `name=value` arguments).

use zoho_crm_api::contact_roles::{AddContactRoleV6, ContactRoleRef};
use zoho_tour::common;
use zoho_tour::seeds::ids;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let conn = common::connect().await?;
    let call = AddContactRoleV6 {
        deal_id: conn.id("deal", ids::DEAL).into(),
        contact_id: conn.id("contact", ids::CONTACT).into(),
        role: ContactRoleRef {
            name: "Executive Sponsor".into(),
            id: conn.id("role_id", ids::ROLE_EXECUTIVE_SPONSOR).into(),
        },
    };
    common::print_request(&call.prepare(&conn.client).await?);
    common::print_outcome(&call.send(&conn.client).await);
    Ok(())
}
