//! Counting a module's records with `POST`: the form of the count Zoho's description lists
//! beside the `GET` of [`records::CountRecords`](crate::records::CountRecords), taking the
//! same search parameters (`criteria`, `email`, `phone`, `word`) in the query and no body.
//!
//! ```
//! use zoho_crm_api::record_count::PostCount;
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
//! sandbox.insert_record("Leads", r#"{"Last_Name": "Quill", "Company": "Zylker"}"#.parse()?).unwrap();
//! let quills = PostCount::of("Leads").matching("(Last_Name:equals:Quill)").send(&client).await?;
//! assert_eq!(quills.count, 1);
//! # Ok(())
//! # }
//! ```

use zoho_runtime::zoho_endpoint;

use crate::records::RecordCount;
use crate::{declared, ApiOperation};

/// Counts a module's records, all of them or those a search finds, sent as a `POST`.
#[zoho_endpoint(POST "/<module>/actions/count", scope = "ZohoCRM.modules.<module>.READ",
                response = RecordCount)]
#[derive(Debug, Clone)]
pub struct PostCount {
    /// The module's API name.
    pub module: String,
    /// Search criteria, as for a search: `(Last_Name:equals:Bryant)`.
    #[zoho(query)]
    pub criteria: Option<String>,
    /// Records with this email.
    #[zoho(query)]
    pub email: Option<String>,
    /// Records with this phone.
    #[zoho(query)]
    pub phone: Option<String>,
    /// Records with this word in a text field.
    #[zoho(query)]
    pub word: Option<String>,
}

impl PostCount {
    /// Counts every record of `module`.
    pub fn of(module: impl Into<String>) -> Self {
        PostCount {
            module: module.into(),
            criteria: None,
            email: None,
            phone: None,
            word: None,
        }
    }

    /// Counts the records these criteria find.
    pub fn matching(mut self, criteria: impl Into<String>) -> Self {
        self.criteria = Some(criteria.into());
        self
    }

    /// Counts the records with this email.
    pub fn with_email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(email.into());
        self
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![PostCount];
