//! The tour's body: the five operations of the seed documents, as the catalogue declares them, in
//! order, each written out as the request sent and the outcome decoded, with deliberate failures
//! decoded into their typed errors. `examples/crm_tour.rs` runs it on standard output;
//! `tests/integration/secrets.rs` runs it into a buffer and searches everything it produced for
//! secrets.

use std::io::Write;
use std::time::Duration;

use crate::common::{self, Connection};
use crate::seeds::{ids, CampaignMember, EmployeeCount, LeadUpdate};
use zoho_crm_api::contact_roles::{AddContactRoleV6, ContactRoleRef};
use zoho_crm_api::mass_update::MassUpdateV2;
use zoho_crm_api::records::UpdateRecordV2;
use zoho_crm_api::related_records::{AssociateByExternalIds, UpdateRelatedRecordsV2};
use zoho_runtime::{Client, Code, Error, Outcomes, PreparedRequest};

/// What a tour produced: every client it made, request it prepared and result it received.
#[derive(Default)]
pub struct Tour {
    /// Clients made during the tour (the connection's own is not among them).
    pub clients: Vec<Client>,
    /// The requests, as prepared before sending.
    pub requests: Vec<PreparedRequest>,
    /// The results of the calls, in order.
    pub results: Vec<Result<Outcomes, Error>>,
}

impl Tour {
    fn request(&mut self, out: &mut dyn Write, request: PreparedRequest) -> std::io::Result<()> {
        common::write_request(out, &request)?;
        self.requests.push(request);
        Ok(())
    }

    fn result(
        &mut self,
        out: &mut dyn Write,
        result: Result<Outcomes, Error>,
    ) -> std::io::Result<&Result<Outcomes, Error>> {
        common::write_outcome(out, &result)?;
        self.results.push(result);
        Ok(self.results.last().expect("just pushed"))
    }
}

/// Runs the tour on `conn`, writing what happens to `out`.
pub async fn run(
    conn: &Connection,
    out: &mut dyn Write,
) -> Result<Tour, Box<dyn std::error::Error>> {
    let client = &conn.client;
    let mut tour = Tour::default();

    writeln!(
        out,
        "\n1. Seed 000: associate a contact and a deal by their external ids"
    )?;
    let call = AssociateByExternalIds {
        contact: conn.id("external_contact", ids::EXTERNAL_CONTACT),
        deal: conn.id("external_deal", ids::EXTERNAL_DEAL),
        contact_role: conn.id("role", ids::ROLE_SEED_000).into(),
    };
    tour.request(out, call.prepare(client).await?)?;
    tour.result(out, call.send(client).await)?;

    writeln!(
        out,
        "\n2. Seed 001: give the contact the role \"Executive Sponsor\" on the deal (API v6)"
    )?;
    let call = AddContactRoleV6 {
        deal_id: conn.id("deal", ids::DEAL).into(),
        contact_id: conn.id("contact", ids::CONTACT).into(),
        role: ContactRoleRef {
            name: "Executive Sponsor".into(),
            id: conn.id("role_id", ids::ROLE_EXECUTIVE_SPONSOR).into(),
        },
    };
    tour.request(out, call.prepare(client).await?)?;
    tour.result(out, call.send(client).await)?;

    writeln!(out, "\n3. Seed 002: update a lead with every kind of field")?;
    let call = UpdateRecordV2::new(
        "Leads",
        conn.id("lead", ids::LEAD),
        LeadUpdate::seed(conn.id("user", ids::USER)),
    );
    tour.request(out, call.prepare(client).await?)?;
    tour.result(out, call.send(client).await)?;

    writeln!(
        out,
        "\n3b. Deliberate failure: another lead given the same Mobile → DUPLICATE_DATA, per record"
    )?;
    let lead = LeadUpdate {
        phone: Some("9898989898".into()),
        owner: None,
        ..LeadUpdate::seed(conn.id("user", ids::USER))
    };
    let duplicate = UpdateRecordV2::new(
        "Leads",
        conn.id("duplicate_lead", ids::LEAD_DUPLICATE),
        lead,
    );
    if let Ok(outcomes) = tour.result(out, duplicate.send(client).await)? {
        for (_, failure) in outcomes.failures() {
            writeln!(
                out,
                "    → Mobile already belongs to {:?}",
                failure.details.id()
            )?;
        }
    }

    if let Some(sandbox) = &conn.sandbox {
        writeln!(
            out,
            "\n3c. Deliberate failure: a token granted only leads READ → 401 OAUTH_SCOPE_MISMATCH"
        )?;
        let narrow = sandbox.issue_token(&["ZohoCRM.modules.leads.READ"], Duration::from_secs(600));
        let reader = Client::builder()
            .api_domain(sandbox.base_url())
            .access_token(narrow)
            .build()?;
        let result = call.send(&reader).await;
        match &result {
            Err(Error::Api {
                status,
                code: Code::OauthScopeMismatch,
                message,
                ..
            }) => writeln!(
                out,
                "  ← Error::Api {{ status: {status}, code: OAUTH_SCOPE_MISMATCH, message: {message:?} }}"
            )?,
            other => writeln!(out, "  ← unexpected: {other:?}")?,
        }
        tour.clients.push(reader);
        tour.results.push(result);
    }

    writeln!(
        out,
        "\n4. Seed 003: relate two campaigns to a lead (scope filled from the path: leads)"
    )?;
    let campaigns = [
        conn.id("campaign1", ids::CAMPAIGNS[0]),
        conn.id("campaign2", ids::CAMPAIGNS[1]),
    ];
    let call = UpdateRelatedRecordsV2::of(
        "Leads",
        conn.id("campaign_lead", ids::LEAD_WITH_CAMPAIGNS),
        "Campaigns",
        vec![
            CampaignMember::new(campaigns[0].as_str(), "Active"),
            CampaignMember::new(campaigns[1].as_str(), "Planning"),
        ],
    );
    tour.request(out, call.prepare(client).await?)?;
    tour.result(out, call.send(client).await)?;

    writeln!(
        out,
        "\n5. Seed 004: mass update No_of_Employees on two leads, one outcome per id"
    )?;
    let call = MassUpdateV2::by_ids(
        "Leads",
        [
            conn.id("lead_a", ids::LEAD_DUPLICATE),
            conn.id("lead_b", ids::LEAD_2),
        ],
        EmployeeCount::of(1000),
    )
    .with_over_write(true);
    tour.request(out, call.prepare(client).await?)?;
    tour.result(out, call.send(client).await)?;

    writeln!(
        out,
        "\n5b. Deliberate failure: a mass update with no field → INVALID_DATA for the whole request"
    )?;
    let empty = MassUpdateV2 {
        data: vec![EmployeeCount::default()],
        ..call
    };
    tour.result(out, empty.send(client).await)?;

    writeln!(out, "\ntour complete")?;
    Ok(tour)
}
