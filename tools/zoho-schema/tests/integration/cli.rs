//! The `zoho-schema` binary: `pull` from a server given by flags or by the tour's environment
//! variables, then `generate` from what it wrote.

use std::process::Command;

use zoho_sandbox::Sandbox;

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zoho-schema"));
    command.env_remove("ZOHO_SCHEMA_DIR");
    command
}

/// The sandbox serves from the runtime's workers while this thread waits for the binary.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pull_then_generate() {
    let sandbox = Sandbox::start().await.unwrap();
    let dir = std::env::temp_dir().join(format!("zoho-schema-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let pulled = bin()
        .args(["pull", "--module", "Leads", "--dir"])
        .arg(&dir)
        .env("ZOHO_API_DOMAIN", sandbox.base_url())
        .env("ZOHO_ACCESS_TOKEN", sandbox.access_token())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&pulled.stdout);
    assert!(
        pulled.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&pulled.stderr)
    );
    assert!(out.starts_with("+ module Leads\n"), "{out}");
    assert!(dir.join("Leads.json").is_file());

    let again = bin()
        .args([
            "pull",
            "--module",
            "Leads",
            "--api-domain",
            sandbox.base_url(),
            "--access-token",
        ])
        .arg(sandbox.access_token())
        .arg("--dir")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&again.stdout).starts_with("no changes\n"));

    let generated = bin()
        .args([
            "generate", "--module", "Leads", "--usage", "insert", "--dir",
        ])
        .arg(&dir)
        .output()
        .unwrap();
    let code = String::from_utf8_lossy(&generated.stdout);
    assert!(generated.status.success());
    assert!(
        code.contains("#[::zoho_runtime::zoho_record(module = \"Leads\", usage = \"insert\")]"),
        "{code}"
    );
    // Mandatory in inserts, so not an `Option`.
    assert!(
        code.contains("pub last_name: ::std::string::String,"),
        "{code}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_module_without_a_file_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("zoho-schema-cli-none-{}", std::process::id()));
    let out = bin()
        .args(["generate", "--module", "Leads", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("zoho-schema: ") && err.contains("Leads.json"),
        "{err}"
    );
}
