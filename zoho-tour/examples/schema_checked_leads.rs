//! Records checked against the org's schema: pull the schema, generate the `Leads` type,
//! update leads with it.
//!
//! 1. **Pull.** `zoho_schema::pull` reads `settings/modules` and `settings/fields` (through
//!    `zoho-crm-api`'s `GetModules` and `GetFields`) into one JSON file per module; this
//!    example pulls `Leads` into a temporary directory, as `zoho-schema pull --module Leads`
//!    would into `zoho-schema/`.
//! 2. **Generate.** `zoho_schema::generate` writes the `Lead` record type and its picklist enums
//!    from that snapshot, as `zoho-schema generate --module Leads` would; the example writes it
//!    to the temporary directory and shows its start.
//! 3. **Build.** A program cannot compile code it writes while it runs, so the type this example
//!    sends is the one the same call wrote earlier, committed as `zoho-tour/src/leads.rs`, and
//!    checked by `#[zoho_record]` at this crate's build against the snapshot committed beside
//!    its `Cargo.toml`, `zoho-tour/zoho-schema/Leads.json`. The example says whether what it just
//!    pulled and generated is still what was committed (`tests/integration/schema.rs` holds that
//!    too).
//!
//! Runs against the embedded sandbox, or the server named by `ZOHO_API_DOMAIN` and
//! `ZOHO_ACCESS_TOKEN` (`lead=<id>` and `lead2=<id>` name the leads to update).

use std::path::Path;

use zoho_runtime::{zoho_endpoint, RecordId};
use zoho_schema::{generate, pull, snapshot, Modules, Usage};
use zoho_tour::common;
use zoho_tour::leads::{Lead, LeadStatus};
use zoho_tour::seeds::ids;

/// Updates leads, each named by its `id`.
#[zoho_endpoint(PUT "/Leads", scope = "ZohoCRM.modules.leads.UPDATE")]
struct UpdateLeads {
    #[zoho(records)]
    leads: Vec<Lead>,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let conn = common::connect().await?;
    let dir = std::env::temp_dir().join(format!("zoho-schema-example-{}", std::process::id()));

    println!("1. pull the schema of Leads into {}", dir.display());
    let changes = pull(&conn.client, &dir, &Modules::Only(vec!["Leads".into()])).await?;
    print!("{changes}");
    let pulled = snapshot::read(&dir, "Leads")?;
    println!("   {} fields", pulled.fields.len());

    println!("2. generate the Lead type");
    let code = generate(std::slice::from_ref(&pulled), Usage::Update);
    std::fs::write(dir.join("leads.rs"), &code)?;
    for line in code.lines().take(12) {
        println!("   {line}");
    }
    println!(
        "   … ({} lines in {})",
        code.lines().count(),
        dir.join("leads.rs").display()
    );
    compare_with_committed(&pulled, &code)?;

    println!("3. update two leads with the checked type");
    let mut first = Lead::new(RecordId::new(conn.id("lead", ids::LEAD)));
    first.lead_status = Some(LeadStatus::Contacted);
    first.no_of_employees = Some(120);
    first.interests = Some(vec!["Software".into(), "Training".into()]);
    let mut second = Lead::new(RecordId::new(conn.id("lead2", ids::LEAD_2)));
    second.lead_status = Some(LeadStatus::PreQualified);
    second.discount = Some(7.5);
    let call = UpdateLeads {
        leads: vec![first, second],
    };
    common::print_request(&call.prepare(&conn.client).await?);
    common::print_outcome(&call.send(&conn.client).await);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

/// Whether the committed snapshot and type are what was just pulled and generated.
fn compare_with_committed(
    pulled: &snapshot::ModuleSchema,
    code: &str,
) -> Result<(), zoho_schema::Error> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let committed = snapshot::read(&here.join("zoho-schema"), "Leads")?;
    let same_code = std::fs::read_to_string(here.join("src/leads.rs")).is_ok_and(|c| c == code);
    if &committed == pulled && same_code {
        println!("   the committed snapshot and src/leads.rs are what this org has");
    } else {
        let changes = zoho_schema::diff::diff(&[committed], std::slice::from_ref(pulled));
        println!(
            "   this org differs from the committed snapshot; pull and generate again:\n{changes}"
        );
    }
    Ok(())
}
