//! The tour: the five operations of the seed documents, in order, each printed as the request
//! sent and the outcome decoded, with deliberate failures decoded into their typed errors.
//!
//! ```sh
//! cargo run --example crm_tour                       # against the embedded sandbox
//! ZOHO_API_DOMAIN=… ZOHO_ACCESS_TOKEN=… cargo run --example crm_tour lead=… deal=…
//! ```

#[path = "common/mod.rs"]
mod common;

use std::time::Duration;

use zoho_runtime::{Client, Code, Error};
use zoho_seeds::{ids, *};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let conn = common::connect().await?;
    let client = &conn.client;

    println!("\n1. Seed 000: associate a contact and a deal by their external ids");
    let call = AssociateByExternalIds {
        contact: conn.id("external_contact", ids::EXTERNAL_CONTACT),
        deal: conn.id("external_deal", ids::EXTERNAL_DEAL),
        contact_role: conn.id("role", ids::ROLE_SEED_000).into(),
    };
    common::print_request(&call.prepare(client).await?);
    common::print_outcome(&call.send(client).await);

    println!("\n2. Seed 001: give the contact the role \"Executive Sponsor\" on the deal (API v6)");
    let call = AddContactRole {
        deal_id: conn.id("deal", ids::DEAL).into(),
        contact_id: conn.id("contact", ids::CONTACT).into(),
        role: ContactRoleRef {
            name: "Executive Sponsor".into(),
            id: conn.id("role_id", ids::ROLE_EXECUTIVE_SPONSOR).into(),
        },
    };
    common::print_request(&call.prepare(client).await?);
    common::print_outcome(&call.send(client).await);

    println!("\n3. Seed 002: update a lead with every kind of field");
    let call = UpdateLead::seed(conn.id("lead", ids::LEAD), conn.id("user", ids::USER));
    common::print_request(&call.prepare(client).await?);
    common::print_outcome(&call.send(client).await);

    println!(
        "\n3b. Deliberate failure: another lead given the same Mobile → DUPLICATE_DATA, per record"
    );
    let mut duplicate = UpdateLead::seed(
        conn.id("duplicate_lead", ids::LEAD_DUPLICATE),
        conn.id("user", ids::USER),
    );
    duplicate.phone = Some("9898989898".into());
    duplicate.owner = None;
    let result = duplicate.send(client).await;
    common::print_outcome(&result);
    if let Ok(outcomes) = &result {
        for (_, failure) in outcomes.failures() {
            println!("    → Mobile already belongs to {:?}", failure.details.id());
        }
    }

    if let Some(sandbox) = &conn.sandbox {
        println!(
            "\n3c. Deliberate failure: a token granted only leads READ → 401 OAUTH_SCOPE_MISMATCH"
        );
        let narrow = sandbox.issue_token(&["ZohoCRM.modules.leads.READ"], Duration::from_secs(600));
        let reader = Client::builder()
            .api_domain(sandbox.base_url())
            .access_token(narrow)
            .build()?;
        match call.send(&reader).await {
            Err(Error::Api {
                status,
                code: Code::OauthScopeMismatch,
                message,
                ..
            }) => {
                println!("  ← Error::Api {{ status: {status}, code: OAUTH_SCOPE_MISMATCH, message: {message:?} }}")
            }
            other => println!("  ← unexpected: {other:?}"),
        }
    }

    println!("\n4. Seed 003: relate two campaigns to a lead (scope filled from the path: leads)");
    let campaigns = [
        conn.id("campaign1", ids::CAMPAIGNS[0]),
        conn.id("campaign2", ids::CAMPAIGNS[1]),
    ];
    let call = UpdateRelatedRecords::campaigns_of_lead(
        conn.id("campaign_lead", ids::LEAD_WITH_CAMPAIGNS),
        &[(&campaigns[0], "Active"), (&campaigns[1], "Planning")],
    );
    common::print_request(&call.prepare(client).await?);
    common::print_outcome(&call.send(client).await);

    println!("\n5. Seed 004: mass update No_of_Employees on two leads, one outcome per id");
    let call = MassUpdateLeads::employees_by_ids(
        1000,
        [
            conn.id("lead_a", ids::LEAD_DUPLICATE),
            conn.id("lead_b", ids::LEAD_2),
        ],
    );
    common::print_request(&call.prepare(client).await?);
    common::print_outcome(&call.send(client).await);

    println!("\n5b. Deliberate failure: a mass update with no field → INVALID_DATA for the whole request");
    let empty = MassUpdateLeads {
        no_of_employees: None,
        ..call
    };
    common::print_outcome(&empty.send(client).await);

    println!("\ntour complete");
    Ok(())
}
