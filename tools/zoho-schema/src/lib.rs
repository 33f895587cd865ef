//! The schema snapshot that `#[zoho_record]` checks record types against, and the command that
//! makes it: `zoho-schema pull` writes one JSON file per module of an organisation into
//! `zoho-schema/` beside the crate's `Cargo.toml`; `zoho-schema generate` writes Rust record
//! types from it. The same steps are functions here, for programs and tests.
//!
//! ```
//! use zoho_runtime::Client;
//! use zoho_sandbox::Sandbox;
//! use zoho_schema::{generate, pull, Modules, Usage};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start().await?;
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! let dir = std::env::temp_dir().join(format!("zoho-schema-doc-{}", std::process::id()));
//! let changes = pull(&client, &dir, &Modules::Only(vec!["Leads".into()])).await?;
//! assert_eq!(changes.modules_added, ["Leads"]);
//!
//! let leads = zoho_schema::snapshot::read(&dir, "Leads")?;
//! let code = generate(&[leads], Usage::Update);
//! assert!(code.contains("pub struct Lead {"));
//! assert!(code.contains("pub enum LeadStatus {"));
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok(())
//! # }
//! ```
//!
//! Where the snapshot is: `zoho-schema/` beside `Cargo.toml`, or the directory `ZOHO_SCHEMA_DIR`
//! names (relative to `Cargo.toml`). `#[zoho_record]` reads it at compile time, offline; commit
//! it so CI builds check the same schema.

pub mod diff;
pub mod generate;
pub mod pull;
pub mod snapshot;

use std::path::PathBuf;

pub use diff::Changes;
pub use generate::{generate, Usage};
pub use pull::{pull, Modules};

/// The snapshot directory's default name, beside `Cargo.toml`.
pub const DEFAULT_DIR: &str = "zoho-schema";

/// The environment variable that names another snapshot directory.
pub const DIR_VAR: &str = "ZOHO_SCHEMA_DIR";

/// Why a pull or a generation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Zoho refused a call or answered something unreadable.
    #[error("the metadata call failed: {0}")]
    Api(#[from] zoho_runtime::Error),
    /// A snapshot file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A snapshot file is not the JSON `pull` writes.
    #[error("{}: {source}; pull again to rewrite it", path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// What the parser said.
        source: serde_json::Error,
    },
    /// A module asked for is not one the organisation's API serves.
    #[error("the organisation has no module `{0}` that the API serves")]
    UnknownModule(String),
}
