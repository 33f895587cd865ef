//! Searching a module's records: `GET /{module}/search` by `criteria`, `email`, `phone` or
//! `word`, paged by `page` up to Zoho's 2,000 records; `204` (an empty page) when nothing
//! matches.
//!
//! ```
//! use zoho_crm_api::records::InsertRecords;
//! use zoho_crm_api::search::SearchRecords;
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
//! let mut lead = Record::new();
//! lead.set("Last_Name", "Quillfeather").set("Company", "Zylker");
//! InsertRecords::new("Leads", vec![lead]).send(&client).await?;
//!
//! let found = SearchRecords::<Record>::criteria("Leads", "(Last_Name:equals:Quillfeather)")
//!     .send(&client)
//!     .await?;
//! assert_eq!(found.data.len(), 1);
//!
//! // Nothing matches: Zoho answers 204, an empty page.
//! let none = SearchRecords::<Record>::word("Leads", "no-such-word").send(&client).await?;
//! assert!(none.data.is_empty());
//! # Ok(())
//! # }
//! ```
//!
//! Criteria are `(field:operator:value)`, joined by `and` / `or` and grouped by parentheses:
//! `((Last_Name:equals:Bryant)or(Last_Name:equals:Chen))and(Lead_Status:equals:Contacted)`.
//! Zoho's operators are `equals`, `not_equal`, `starts_with`, `in`, `not_in`,
//! `greater_than`, `greater_equal`, `less_than`, `less_equal` and `between`; a `,` inside a
//! value and `(`, `)` are escaped with `\`.

use std::marker::PhantomData;

use zoho_runtime::serde::de::DeserializeOwned;
use zoho_runtime::zoho_endpoint;

use crate::{declared, ApiOperation, Page, Record};

/// Searches a module; [`Client::records`](crate::Client::records) walks every page.
#[zoho_endpoint(GET "/<module>/search", scope = "ZohoCRM.modules.<module>.READ", response = Page<R>)]
#[derive(Debug)]
pub struct SearchRecords<R = Record>
where
    R: DeserializeOwned + Send + 'static,
{
    /// The module's API name: `Leads`.
    pub module: String,
    /// `(Last_Name:equals:Bryant)`.
    #[zoho(query)]
    pub criteria: Option<String>,
    /// Records with this email in an email field.
    #[zoho(query)]
    pub email: Option<String>,
    /// Records with this phone number in a phone field.
    #[zoho(query)]
    pub phone: Option<String>,
    /// Records with this word in a text field.
    #[zoho(query)]
    pub word: Option<String>,
    /// The fields to answer.
    #[zoho(query)]
    pub fields: Option<Vec<String>>,
    /// `true` for converted leads too.
    #[zoho(query)]
    pub converted: Option<String>,
    /// `true` for records not yet approved too.
    #[zoho(query)]
    pub approved: Option<String>,
    /// The page, from 1 (set by a walk).
    #[zoho(page)]
    pub page: Option<u32>,
    /// Records per page, at most 200.
    #[zoho(per_page)]
    pub per_page: Option<u32>,
    /// The record type.
    pub record: PhantomData<fn() -> R>,
}

impl<R: DeserializeOwned + Send + 'static> SearchRecords<R> {
    fn empty(module: impl Into<String>) -> Self {
        SearchRecords {
            module: module.into(),
            criteria: None,
            email: None,
            phone: None,
            word: None,
            fields: None,
            converted: None,
            approved: None,
            page: None,
            per_page: None,
            record: PhantomData,
        }
    }

    /// Records these criteria find: `(Last_Name:equals:Bryant)`.
    pub fn criteria(module: impl Into<String>, criteria: impl Into<String>) -> Self {
        SearchRecords {
            criteria: Some(criteria.into()),
            ..Self::empty(module)
        }
    }

    /// Records with this email.
    pub fn email(module: impl Into<String>, email: impl Into<String>) -> Self {
        SearchRecords {
            email: Some(email.into()),
            ..Self::empty(module)
        }
    }

    /// Records with this phone number.
    pub fn phone(module: impl Into<String>, phone: impl Into<String>) -> Self {
        SearchRecords {
            phone: Some(phone.into()),
            ..Self::empty(module)
        }
    }

    /// Records with this word.
    pub fn word(module: impl Into<String>, word: impl Into<String>) -> Self {
        SearchRecords {
            word: Some(word.into()),
            ..Self::empty(module)
        }
    }

    /// `per_page` records a page (at most 200).
    pub fn with_per_page(mut self, per_page: u32) -> Self {
        self.per_page = Some(per_page);
        self
    }
}

pub(crate) const OPERATIONS: &[ApiOperation] = declared![SearchRecords<Record>];
