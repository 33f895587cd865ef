//! `zoho-schema`: pulls an organisation's schema into the snapshot `#[zoho_record]` checks
//! record types against, and writes record types from it.
//!
//! ```text
//! zoho-schema pull --api-domain https://www.zohoapis.com --access-token 1000.…   # or ZOHO_API_DOMAIN, ZOHO_ACCESS_TOKEN
//! zoho-schema generate --module Leads --usage update > src/leads.rs
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use zoho_runtime::Client;
use zoho_schema::{generate, pull, snapshot, Modules, Usage};

#[derive(Parser)]
#[command(
    version,
    about = "The schema snapshot that #[zoho_record] checks record types against"
)]
struct Cli {
    /// The snapshot directory [default: `zoho-schema` in the current directory, or ZOHO_SCHEMA_DIR].
    #[arg(long, global = true, env = "ZOHO_SCHEMA_DIR")]
    dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Pulls every module's fields into the snapshot and prints what changed.
    Pull {
        /// The API domain of the organisation's data centre.
        #[arg(long, env = "ZOHO_API_DOMAIN")]
        api_domain: String,
        /// An access token with `ZohoCRM.settings.modules.READ` and `ZohoCRM.settings.fields.READ`.
        #[arg(long, env = "ZOHO_ACCESS_TOKEN", hide_env_values = true)]
        access_token: String,
        /// Pull these modules only (repeatable); every module by default.
        #[arg(long = "module")]
        modules: Vec<String>,
    },
    /// Writes Rust record types for the chosen modules, with picklist enums, to standard output.
    Generate {
        /// A module to write a type for (repeatable).
        #[arg(long = "module", required = true)]
        modules: Vec<String>,
        /// What the types are for.
        #[arg(long, value_enum, default_value = "update")]
        usage: UsageArg,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum UsageArg {
    Insert,
    Update,
    Read,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let dir = cli
        .dir
        .unwrap_or_else(|| PathBuf::from(zoho_schema::DEFAULT_DIR));
    match run(cli.command, dir).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zoho-schema: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, dir: PathBuf) -> Result<(), Box<dyn std::error::Error>> {
    match command {
        Command::Pull {
            api_domain,
            access_token,
            modules,
        } => {
            let client = Client::builder()
                .api_domain(&api_domain)
                .access_token(access_token)
                .build()?;
            let which = if modules.is_empty() {
                Modules::All
            } else {
                Modules::Only(modules)
            };
            let changes = pull(&client, &dir, &which).await?;
            print!("{changes}");
            println!("snapshot written to {}", dir.display());
        }
        Command::Generate { modules, usage } => {
            let usage = match usage {
                UsageArg::Insert => Usage::Insert,
                UsageArg::Update => Usage::Update,
                UsageArg::Read => Usage::Read,
            };
            let schemas = modules
                .iter()
                .map(|m| snapshot::read(&dir, m))
                .collect::<Result<Vec<_>, _>>()?;
            print!("{}", generate(&schemas, usage));
        }
    }
    Ok(())
}
