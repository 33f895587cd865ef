//! The tour's body: the five operations of the seed documents, in order, each written out as
//! the request sent and the outcome decoded, with deliberate failures decoded into their typed
//! errors. `examples/crm_tour.rs` runs it on standard output; `tests/secrets.rs` runs it into a
//! buffer and searches everything it produced for secrets.

use std::io::Write;
use std::time::Duration;

use crate::common::{self, Connection};
use crate::seeds::{ids, *};
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
    let call = AddContactRole {
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
    let call = UpdateLead::seed(conn.id("lead", ids::LEAD), conn.id("user", ids::USER));
    tour.request(out, call.prepare(client).await?)?;
    tour.result(out, call.send(client).await)?;

    writeln!(
        out,
        "\n3b. Deliberate failure: another lead given the same Mobile → DUPLICATE_DATA, per record"
    )?;
    let mut duplicate = UpdateLead::seed(
        conn.id("duplicate_lead", ids::LEAD_DUPLICATE),
        conn.id("user", ids::USER),
    );
    duplicate.phone = Some("9898989898".into());
    duplicate.owner = None;
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
    let call = UpdateRelatedRecords::campaigns_of_lead(
        conn.id("campaign_lead", ids::LEAD_WITH_CAMPAIGNS),
        &[(&campaigns[0], "Active"), (&campaigns[1], "Planning")],
    );
    tour.request(out, call.prepare(client).await?)?;
    tour.result(out, call.send(client).await)?;

    writeln!(
        out,
        "\n5. Seed 004: mass update No_of_Employees on two leads, one outcome per id"
    )?;
    let call = MassUpdateLeads::employees_by_ids(
        1000,
        [
            conn.id("lead_a", ids::LEAD_DUPLICATE),
            conn.id("lead_b", ids::LEAD_2),
        ],
    );
    tour.request(out, call.prepare(client).await?)?;
    tour.result(out, call.send(client).await)?;

    writeln!(
        out,
        "\n5b. Deliberate failure: a mass update with no field → INVALID_DATA for the whole request"
    )?;
    let empty = MassUpdateLeads {
        no_of_employees: None,
        ..call
    };
    tour.result(out, empty.send(client).await)?;

    writeln!(out, "\ntour complete")?;
    Ok(tour)
}
