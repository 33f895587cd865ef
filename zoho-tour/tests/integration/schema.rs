//! The schema snapshot committed beside this crate's `Cargo.toml` and the `Lead` type generated
//! from it are the sandbox's: what `examples/schema_checked_leads.rs` pulls and generates is
//! what the build checked.

use std::path::Path;

use zoho_runtime::{zoho_endpoint, Client, RecordId};
use zoho_sandbox::Sandbox;
use zoho_schema::{generate, pull, snapshot, Changes, Modules, Usage};
use zoho_tour::leads::{Lead, LeadStatus};
use zoho_tour::seeds::ids;

#[zoho_endpoint(PUT "/Leads", scope = "ZohoCRM.modules.leads.UPDATE")]
struct UpdateLeads {
    #[zoho(records)]
    leads: Vec<Lead>,
}

fn client(sandbox: &Sandbox) -> Client {
    Client::builder()
        .api_domain(sandbox.base_url())
        .access_token(sandbox.access_token())
        .build()
        .unwrap()
}

/// Pulling the sandbox's `Leads` over the committed snapshot changes nothing, and generating
/// from it writes `src/leads.rs` as committed.
#[tokio::test]
async fn the_committed_snapshot_and_type_are_the_sandbox_s() {
    let sandbox = Sandbox::start().await.unwrap();
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("zoho-tour-schema-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let committed = snapshot::read(&here.join("zoho-schema"), "Leads").unwrap();
    std::fs::write(snapshot::file(&dir, "Leads"), committed.to_json()).unwrap();
    let leads = Modules::Only(vec!["Leads".into()]);
    let changes = pull(&client(&sandbox), &dir, &leads).await.unwrap();
    assert_eq!(changes, Changes::default(), "{changes}");
    let code = generate(&[committed], Usage::Update);
    let written = std::fs::read_to_string(here.join("src/leads.rs")).unwrap();
    assert!(
        code == written,
        "src/leads.rs is not what `zoho-schema generate --module Leads` writes"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The generated type sends what it names, and Zoho (here the sandbox) stores it.
#[tokio::test]
async fn the_generated_type_updates_leads() {
    let sandbox = Sandbox::start().await.unwrap();
    let mut lead = Lead::new(RecordId::new(ids::LEAD));
    lead.lead_status = Some(LeadStatus::NotContacted);
    lead.interests = Some(vec!["Hardware".into()]);
    lead.no_of_employees = Some(42);
    let outcomes = UpdateLeads { leads: vec![lead] }
        .send(&client(&sandbox))
        .await
        .unwrap();
    assert!(outcomes.all_succeeded(), "{outcomes:?}");
    let stored = sandbox.record("Leads", ids::LEAD).unwrap();
    assert_eq!(stored["Lead_Status"], "Not Contacted");
    assert_eq!(stored["Interests"], serde_json::json!(["Hardware"]));
    assert_eq!(stored["No_of_Employees"], 42);
}
