//! `zoho-sandbox`: runs the sandbox until interrupted and prints its URL and ready-to-use
//! credentials. `zoho-sandbox --help` lists the flags.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use zoho_sandbox::{Faults, Sandbox, ALL_SCOPES};

/// A local Zoho CRM emulator: the CRM API (v2 to v8), the accounts server's token endpoint and
/// an admin API (/__admin/…), on one HTTP server on 127.0.0.1.
///
/// It prints its URL, an access token granting every scope, and an OAuth client's credentials,
/// then serves until interrupted.
#[derive(Debug, Parser)]
#[command(name = "zoho-sandbox", version)]
struct Args {
    /// Port of 127.0.0.1 to listen on; 0 takes any free port (the banner says which)
    #[arg(long, value_name = "PORT", default_value_t = 8080)]
    port: u16,

    /// Seed of the generated records, fresh ids and tokens: the same seed gives the same data
    #[arg(long, value_name = "N", default_value_t = 2021)]
    seed: u64,

    /// Serve only the seeds' own records, without the few hundred generated ones
    #[arg(long)]
    no_generated: bool,

    /// Delay added to every CRM request, in milliseconds
    ///
    /// Overrides the faults file's `latency_ms`.
    #[arg(long, value_name = "MS")]
    latency_ms: Option<u64>,

    /// CRM requests allowed in flight at once; one more is answered 429
    ///
    /// The request past the limit gets 429 TOO_MANY_REQUESTS, as Zoho's concurrency limit
    /// answers. Overrides the faults file's `max_concurrent`.
    #[arg(long, value_name = "N")]
    max_concurrent: Option<usize>,

    /// Start with the faults of this JSON file (the format POST /__admin/faults takes)
    ///
    /// For example, a server error for the first PUT:
    /// {"rules": [{"fault": {"kind": "internal_error"}, "method": "PUT", "times": 1}]}
    #[arg(long, value_name = "FILE")]
    faults: Option<PathBuf>,
}

impl Args {
    /// The fault configuration to start with: the file's, then the flags over it.
    fn faults(&self) -> Result<Faults, String> {
        let mut faults = match &self.faults {
            Some(path) => read_faults(path)?,
            None => Faults::default(),
        };
        if let Some(ms) = self.latency_ms {
            faults.latency_ms = ms;
        }
        if let Some(max) = self.max_concurrent {
            faults.max_concurrent = Some(max);
        }
        Ok(faults)
    }
}

fn read_faults(path: &Path) -> Result<Faults, String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the faults file `{shown}`: {e}"))?;
    serde_json::from_str(&text).map_err(|e| {
        format!("the faults file `{shown}` is not a fault configuration of /__admin/faults: {e}")
    })
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let faults = match args.faults() {
        Ok(faults) => faults,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let started = Sandbox::builder()
        .port(args.port)
        .seed(args.seed)
        .generated_records(!args.no_generated)
        .faults(faults)
        // A long-lived token: the binary is for people trying a client by hand.
        .access_token_ttl(Duration::from_secs(30 * 86_400))
        .start()
        .await;
    let sandbox = match started {
        Ok(sandbox) => sandbox,
        Err(e) => {
            eprintln!("error: cannot listen on 127.0.0.1:{}: {e}", args.port);
            return ExitCode::FAILURE;
        }
    };
    print_banner(&sandbox);
    std::future::pending::<()>().await;
    ExitCode::SUCCESS
}

/// Prints the banner. A reader that went away (`zoho-sandbox | head -1`) does not stop the
/// server, so a failed write is ignored.
fn print_banner(sandbox: &Sandbox) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(banner(sandbox).as_bytes());
    let _ = out.flush();
}

/// The URL and credentials a person needs to point a client at the sandbox.
fn banner(sandbox: &Sandbox) -> String {
    let client = sandbox.oauth_client(ALL_SCOPES);
    let mut lines = vec![
        format!("Zoho CRM sandbox listening on {}", sandbox.base_url()),
        format!(
            "api domain:    {}  (e.g. {}/Leads?fields=Last_Name)",
            sandbox.base_url(),
            sandbox.crm_url("v8")
        ),
        format!("token URL:     {}", sandbox.token_url()),
        format!("access token:  {}", sandbox.access_token()),
        format!("client_id:     {}", client.client_id),
        format!("client_secret: {}", client.client_secret),
        format!("refresh_token: {}", client.refresh_token),
        format!("scopes:        {}", ALL_SCOPES.join(",")),
    ];
    let faults = sandbox.faults();
    if faults != Faults::default() {
        let limit = faults
            .max_concurrent
            .map_or("none".to_owned(), |n| n.to_string());
        lines.push(format!(
            "faults:        latency {} ms, in-flight limit {limit}, {} rules",
            faults.latency_ms,
            faults.rules.len()
        ));
    }
    lines.push(String::new());
    lines.join("\n")
}
