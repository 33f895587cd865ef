//! Queries in COQL, Zoho's SQL-like language: `POST /coql` with `{"select_query": "…"}`.
//!
//! One call answers at most 2,000 rows (`LIMIT`); [`Client::records`](crate::Client::records)
//! walks a query past that by rewriting its `LIMIT offset, n`, up to Zoho's 100,000. A query
//! that matches nothing answers `204`, an empty page.
//!
//! ```
//! use zoho_crm_api::coql::Coql;
//! use zoho_crm_api::records::InsertRecords;
//! use zoho_crm_api::Record;
//! use zoho_runtime::Client;
//! use zoho_sandbox::Sandbox;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start().await?;
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! let leads: Vec<Record> = (0..3)
//!     .map(|i| {
//!         let mut lead = Record::new();
//!         lead.set("Last_Name", format!("Umber{i}")).set("Company", "Zylker");
//!         lead
//!     })
//!     .collect();
//! InsertRecords::new("Leads", leads).send(&client).await?;
//!
//! let query = "select Last_Name from Leads where Last_Name like 'Umber%' order by Last_Name limit 2";
//! let page = Coql::<Record>::new(query).send(&client).await?;
//! assert_eq!(page.data.len(), 2);
//! assert!(page.info.more_records);
//!
//! // Every row, two a call: the walk rewrites `limit offset, 2`.
//! let mut rows = client.records(Coql::<Record>::new(
//!     "select Last_Name from Leads where Last_Name like 'Umber%'",
//! ));
//! let mut names = Vec::new();
//! while let Some(row) = rows.next_record().await {
//!     names.push(row?.get::<String>("Last_Name")?.unwrap_or_default());
//! }
//! assert_eq!(names, ["Umber0", "Umber1", "Umber2"]);
//! # Ok(())
//! # }
//! ```

use std::marker::PhantomData;

use zoho_runtime::serde::de::DeserializeOwned;
use zoho_runtime::zoho_endpoint;

use crate::{declared, ApiOperation, Page, Record};

/// Runs a COQL query. The module's read scope is needed too (`ZohoCRM.modules.leads.READ`,
/// or `ZohoCRM.modules.ALL`); which module cannot be known from the declaration, so only
/// `ZohoCRM.coql.READ` is listed.
#[zoho_endpoint(POST "/coql", scope = "ZohoCRM.coql.READ", idempotent, response = Page<R>)]
#[derive(Debug)]
pub struct Coql<R = Record>
where
    R: DeserializeOwned + Send + 'static,
{
    /// The query: `select Last_Name from Leads where Last_Name is not null limit 200`.
    #[zoho(coql)]
    pub select_query: String,
    /// The row type.
    pub record: PhantomData<fn() -> R>,
}

impl<R: DeserializeOwned + Send + 'static> Coql<R> {
    /// The query `select_query`.
    pub fn new(select_query: impl Into<String>) -> Self {
        Coql {
            select_query: select_query.into(),
            record: PhantomData,
        }
    }
}

pub(crate) const OPERATIONS: &[ApiOperation] = declared![Coql<Record>];
