//! The tour: the five operations of the seed documents, in order, each printed as the request
//! sent and the outcome decoded, with deliberate failures decoded into their typed errors.
//!
//! ```sh
//! cargo run --example crm_tour                       # against the embedded sandbox
//! ZOHO_API_DOMAIN=… ZOHO_ACCESS_TOKEN=… cargo run --example crm_tour lead=… deal=…
//! ```

use zoho_tour::{common, tour};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let conn = common::connect().await?;
    tour::run(&conn, &mut std::io::stdout().lock()).await?;
    Ok(())
}
