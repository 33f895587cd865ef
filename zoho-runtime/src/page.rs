//! One page of a list call: the records of `data` and the paging facts of `info`.
//!
//! ```
//! use zoho_runtime::{Page, Record};
//!
//! let body = r#"{
//!     "data": [{"id": "4150868000003384003", "Last_Name": "Bryant"}],
//!     "info": {"per_page": 200, "count": 1, "page": 1, "more_records": false}
//! }"#;
//! let page: Page<Record> = serde_json::from_str(body).unwrap();
//! assert_eq!(page.data[0].get::<String>("Last_Name").unwrap().as_deref(), Some("Bryant"));
//! assert!(!page.info.more_records);
//!
//! // `204 No Content` (nothing matched) is an empty page.
//! let empty: Page<Record> = serde_json::from_str("null").unwrap();
//! assert!(empty.data.is_empty() && !empty.info.more_records);
//! ```

use serde::{Deserialize, Deserializer};

/// One page of records of type `R`. Decoded from `null` (what a `204 No Content` decodes
/// from) as an empty last page, so a list or search that matched nothing is not an error.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Page<R> {
    /// The records of this page, in Zoho's order.
    pub data: Vec<R>,
    /// How far the listing has got.
    pub info: PageInfo,
}

impl<R> Page<R> {
    /// An empty last page.
    pub fn empty() -> Self {
        Page {
            data: Vec::new(),
            info: PageInfo::default(),
        }
    }

    /// Whether Zoho has records after this page.
    pub fn has_more(&self) -> bool {
        self.info.more_records
    }
}

impl<R> Default for Page<R> {
    fn default() -> Self {
        Page::empty()
    }
}

/// The `info` of a page. Every key is optional: list calls, search and COQL each answer some.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct PageInfo {
    /// Records asked for per page.
    #[serde(default)]
    pub per_page: Option<u32>,
    /// Records on this page.
    #[serde(default)]
    pub count: Option<u32>,
    /// This page's number, from 1.
    #[serde(default)]
    pub page: Option<u32>,
    /// Whether there are records after this page (`null` or missing: no).
    #[serde(default, deserialize_with = "null_as_false")]
    pub more_records: bool,
    /// The token of the next page, for listings past Zoho's 2,000-record limit of `page`.
    #[serde(default)]
    pub next_page_token: Option<String>,
    /// The token of the page before.
    #[serde(default)]
    pub previous_page_token: Option<String>,
    /// When `next_page_token` expires (ISO 8601, Zoho answers a day after it is issued).
    #[serde(default)]
    pub page_token_expiry: Option<String>,
    /// The field the listing is sorted by.
    #[serde(default)]
    pub sort_by: Option<String>,
    /// `asc` or `desc`.
    #[serde(default)]
    pub sort_order: Option<String>,
}

impl<'de, R: Deserialize<'de>> Deserialize<'de> for Page<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(bound = "R: Deserialize<'de>")]
        struct Wire<R> {
            // `null` as well as a missing key: no records, no paging facts.
            #[serde(default = "Option::default")]
            data: Option<Vec<R>>,
            #[serde(default)]
            info: Option<PageInfo>,
        }
        Ok(match Option::<Wire<R>>::deserialize(deserializer)? {
            Some(wire) => Page {
                data: wire.data.unwrap_or_default(),
                info: wire.info.unwrap_or_default(),
            },
            None => Page::empty(),
        })
    }
}

/// `more_records` of `null` read as `false`, as a missing key is: nothing says more follow.
fn null_as_false<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(deserializer)?.unwrap_or(false))
}
