//! What the examples share: where to connect, and how to print a request and its outcome.

use std::collections::HashMap;
use std::io::Write;
use std::time::Duration;

use zoho_runtime::auth::RefreshingToken;
use zoho_runtime::{ApiVersion, Client, DataCenter, Error, Outcomes, PreparedRequest};
use zoho_sandbox::Sandbox;

/// A client, and the embedded sandbox it talks to when no Zoho account is configured.
pub struct Connection {
    /// The client every call of the example goes through.
    pub client: Client,
    /// Kept alive for as long as the example runs; `None` against a real server.
    pub sandbox: Option<Sandbox>,
    /// `name=value` arguments from the command line (record ids to use instead of the seeds').
    pub args: HashMap<String, String>,
}

impl Connection {
    /// The id given on the command line as `name=…`, or the seed's.
    pub fn id(&self, name: &str, seed: &str) -> String {
        self.args
            .get(name)
            .cloned()
            .unwrap_or_else(|| seed.to_owned())
    }
}

/// Connects to the server the environment names, or starts the embedded sandbox.
///
/// - `ZOHO_API_DOMAIN` and `ZOHO_ACCESS_TOKEN`: that server, with that token.
/// - `ZOHO_CLIENT_ID`, `ZOHO_CLIENT_SECRET`, `ZOHO_REFRESH_TOKEN` and `ZOHO_ACCOUNTS_URL`
///   (`ZOHO_API_DOMAIN` optional): tokens refreshed from that accounts server.
/// - neither: the embedded sandbox, with the seeds' records.
pub async fn connect() -> Result<Connection, Box<dyn std::error::Error>> {
    let args = std::env::args()
        .skip(1)
        .filter_map(|arg| {
            arg.split_once('=')
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
        })
        .collect();
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let builder = Client::builder()
        .version(ApiVersion::V8)
        .timeout(Duration::from_secs(30));
    if let (Some(id), Some(secret), Some(refresh), Some(accounts)) = (
        env("ZOHO_CLIENT_ID"),
        env("ZOHO_CLIENT_SECRET"),
        env("ZOHO_REFRESH_TOKEN"),
        env("ZOHO_ACCOUNTS_URL"),
    ) {
        let tokens = RefreshingToken::builder(id, secret, refresh)
            .accounts_url(&accounts)
            .build()?;
        let domain = env("ZOHO_API_DOMAIN").unwrap_or_else(|| DataCenter::Us.api_domain());
        let client = builder.api_domain(&domain).token_provider(tokens).build()?;
        println!("talking to {domain} (tokens from {accounts})");
        return Ok(Connection {
            client,
            sandbox: None,
            args,
        });
    }
    if let (Some(domain), Some(token)) = (env("ZOHO_API_DOMAIN"), env("ZOHO_ACCESS_TOKEN")) {
        let client = builder.api_domain(&domain).access_token(token).build()?;
        println!("talking to {domain}");
        return Ok(Connection {
            client,
            sandbox: None,
            args,
        });
    }
    let sandbox = Sandbox::start().await?;
    let client = builder
        .api_domain(sandbox.base_url())
        .access_token(sandbox.access_token())
        .build()?;
    println!("talking to the embedded sandbox at {}", sandbox.base_url());
    Ok(Connection {
        client,
        sandbox: Some(sandbox),
        args,
    })
}

/// Prints a request as it goes on the wire; the token shows as `[redacted]`.
pub fn print_request(request: &PreparedRequest) {
    let _ = write_request(&mut std::io::stdout().lock(), request);
}

/// Prints each record's outcome, or the error.
pub fn print_outcome(result: &Result<Outcomes, Error>) {
    let _ = write_outcome(&mut std::io::stdout().lock(), result);
}

/// Writes a request as it goes on the wire; the token shows as `[redacted]`.
pub fn write_request(out: &mut dyn Write, request: &PreparedRequest) -> std::io::Result<()> {
    writeln!(out, "  → {} {}", request.method, request.url)?;
    for (name, value) in &request.headers {
        let value = if name.eq_ignore_ascii_case("authorization") {
            "Zoho-oauthtoken [redacted]"
        } else {
            value
        };
        writeln!(out, "    {name}: {value}")?;
    }
    if let Some(body) = request.body_json() {
        let text = serde_json::to_string(&body).unwrap_or_default();
        let cut: String = text.chars().take(160).collect();
        writeln!(
            out,
            "    {cut}{}",
            if cut.len() < text.len() { "…" } else { "" }
        )?;
    }
    Ok(())
}

/// Writes each record's outcome, or the error.
pub fn write_outcome(out: &mut dyn Write, result: &Result<Outcomes, Error>) -> std::io::Result<()> {
    match result {
        Ok(outcomes) => {
            writeln!(out, "  ← HTTP {}: {outcomes}", outcomes.status())?;
            for (i, outcome) in outcomes.iter().enumerate() {
                match outcome {
                    Ok(ok) => writeln!(
                        out,
                        "    [{i}] {} {:?} id={}",
                        ok.code,
                        ok.message,
                        ok.id().map(|id| id.to_string()).unwrap_or_default()
                    )?,
                    Err(err) => writeln!(
                        out,
                        "    [{i}] {} {:?} details={}",
                        err.code,
                        err.message,
                        serde_json::Value::Object(err.details.as_map().clone())
                    )?,
                }
            }
        }
        Err(error) => writeln!(out, "  ← error: {error}")?,
    }
    Ok(())
}
