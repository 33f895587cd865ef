//! `zoho-sandbox [--port N] [--seed N] [--no-generated]`: runs the sandbox until interrupted and
//! prints its URL and ready-to-use credentials.

use std::process::ExitCode;
use std::time::Duration;

use zoho_sandbox::{Sandbox, ALL_SCOPES};

const USAGE: &str = "usage: zoho-sandbox [--port N] [--seed N] [--no-generated]";

struct Args {
    port: u16,
    seed: u64,
    generated: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        port: 8080,
        seed: 2021,
        generated: true,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--port" => {
                args.port = value("--port")?
                    .parse()
                    .map_err(|e| format!("--port: {e}"))?
            }
            "--seed" => {
                args.seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?
            }
            "--no-generated" => args.generated = false,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(args)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("error: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let started = Sandbox::builder()
        .port(args.port)
        .seed(args.seed)
        .generated_records(args.generated)
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

/// The URL and credentials a person needs to point a client at the sandbox.
fn print_banner(sandbox: &Sandbox) {
    let client = sandbox.oauth_client(ALL_SCOPES);
    println!("Zoho CRM sandbox listening on {}", sandbox.base_url());
    println!(
        "api domain:    {}  (e.g. {}/Leads?fields=Last_Name)",
        sandbox.base_url(),
        sandbox.crm_url("v8")
    );
    println!("token URL:     {}", sandbox.token_url());
    println!("access token:  {}", sandbox.access_token());
    println!("client_id:     {}", client.client_id);
    println!("client_secret: {}", client.client_secret);
    println!("refresh_token: {}", client.refresh_token);
    println!("scopes:        {}", ALL_SCOPES.join(","));
}
