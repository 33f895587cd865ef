//! `pull` against the sandbox: the snapshot it writes, what a second pull reports, and the
//! fixture the trybuild cases of `zoho-runtime` are checked against.

use std::path::{Path, PathBuf};

use zoho_runtime::Client;
use zoho_sandbox::Sandbox;
use zoho_schema::{pull, snapshot, Changes, Modules};

/// The snapshot committed for `zoho-runtime/tests/ui/`, taken from the sandbox by this test:
/// `ZOHO_SCHEMA_OVERWRITE=1 cargo test -p zoho-schema --test integration pull::` rewrites it.
const FIXTURE: &str = "../../zoho-runtime/tests/ui/zoho-schema";

async fn client(sandbox: &Sandbox) -> Client {
    Client::builder()
        .api_domain(sandbox.base_url())
        .access_token(sandbox.access_token())
        .build()
        .unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zoho-schema-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().into_string().unwrap();
            (name, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect();
    out.sort();
    out
}

#[tokio::test]
async fn the_committed_fixture_is_the_sandbox_s_schema() {
    let sandbox = Sandbox::start().await.unwrap();
    let dir = temp_dir("fixture");
    let changes = pull(&client(&sandbox).await, &dir, &Modules::All)
        .await
        .unwrap();
    assert_eq!(changes.modules_added.len(), 10, "{changes}");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    if std::env::var_os("ZOHO_SCHEMA_OVERWRITE").is_some() {
        let _ = std::fs::remove_dir_all(&fixture);
        pull(&client(&sandbox).await, &fixture, &Modules::All)
            .await
            .unwrap();
    }
    assert!(
        files(&dir) == files(&fixture),
        "the fixture differs from the sandbox's schema: rerun with ZOHO_SCHEMA_OVERWRITE=1"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_second_pull_says_what_changed() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox).await;
    let dir = temp_dir("changes");
    let leads = Modules::Only(vec!["Leads".into(), "Deals".into()]);
    pull(&client, &dir, &leads).await.unwrap();
    assert_eq!(
        pull(&client, &dir, &leads).await.unwrap(),
        Changes::default()
    );

    // As if the organisation had been different when the snapshot was taken.
    let mut before = snapshot::read(&dir, "Leads").unwrap();
    before.fields.retain(|f| f.api_name != "Interests");
    let rating = before
        .fields
        .iter_mut()
        .find(|f| f.api_name == "Rating")
        .unwrap();
    rating.pick_list_values.retain(|v| v != "Active");
    let employees = before
        .fields
        .iter_mut()
        .find(|f| f.api_name == "No_of_Employees")
        .unwrap();
    employees.data_type = "text".into();
    let old = snapshot::FieldSchema {
        api_name: "Old_Field".into(),
        ..employees.clone()
    };
    before.fields.push(old);
    std::fs::write(snapshot::file(&dir, "Leads"), before.to_json()).unwrap();

    let changes = pull(&client, &dir, &leads).await.unwrap();
    let shown = changes.to_string();
    assert_eq!(
        shown,
        "+ Leads.Interests\n- Leads.Old_Field\n~ Leads.No_of_Employees: data_type: \"text\" -> \"integer\"\n~ Leads.Rating: pick_list_values: +[\"Active\"] -[]\n",
    );
    assert!(!snapshot::read(&dir, "Leads")
        .unwrap()
        .to_json()
        .contains("Old_Field"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_module_the_org_lacks_is_an_error() {
    let sandbox = Sandbox::start().await.unwrap();
    let dir = temp_dir("unknown");
    let which = Modules::Only(vec!["Lead".into()]);
    let err = pull(&client(&sandbox).await, &dir, &which)
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the organisation has no module `Lead` that the API serves"
    );
}
