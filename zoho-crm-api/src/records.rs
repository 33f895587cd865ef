//! Records of any module: read one, list (paged), insert, update, upsert, delete, deleted
//! records, count, rich-text fields in full, and clone.
//!
//! Each operation is generic over the module (`module: String`) and over the record type, the
//! dynamic [`Record`] unless you name one of yours. [`UpdateRecordV2`] is seed 002's request as
//! recorded, pinned to `v2`.
//!
//! ```
//! use zoho_crm_api::records::{GetRecords, InsertRecords};
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
//! lead.set("Last_Name", "Bryant").set("Company", "Zylker");
//! let outcomes = InsertRecords::new("Leads", vec![lead]).send(&client).await?;
//! let id = outcomes[0].as_ref().ok().and_then(|s| s.id()).unwrap();
//!
//! // One page…
//! let page = GetRecords::<Record>::new("Leads", ["Last_Name"]).send(&client).await?;
//! assert!(page.data.iter().any(|r| r.id() == Some(id.clone())));
//!
//! // …or every record, page after page (`page`, then `page_token` past 2,000).
//! let mut all = client.records(GetRecords::<Record>::new("Leads", ["Last_Name"]));
//! let mut count = 0;
//! while let Some(record) = all.next_record().await {
//!     record?;
//!     count += 1;
//! }
//! assert_eq!(count, sandbox.records("Leads").len());
//! # Ok(())
//! # }
//! ```
//!
//! Reading or writing by an external id (`X-EXTERNAL: Leads.External_Lead_ID`) is declared
//! with the attribute's `external = "…"` key, which names the module and its field, so it is
//! declared per organisation rather than here:
//!
//! ```
//! use zoho_crm_api::{zoho_endpoint, Page, Record};
//!
//! /// Reads a lead by the value of its external id field.
//! #[zoho_endpoint(GET "/Leads/<external_id>", scope = "ZohoCRM.modules.leads.READ",
//!                 external = "Leads.External_Lead_ID", response = Page<Record>)]
//! pub struct GetLeadByExternalId {
//!     pub external_id: String,
//! }
//! ```

use std::marker::PhantomData;

use zoho_runtime::serde::de::DeserializeOwned;
use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;

use crate::{declared, ApiOperation, Page, Record, RecordId};

/// Reads one record; its page is empty when there is none (Zoho answers `204`).
#[zoho_endpoint(GET "/<module>/<id>", scope = "ZohoCRM.modules.<module>.READ", response = Page<R>)]
#[derive(Debug)]
pub struct GetRecord<R = Record>
where
    R: DeserializeOwned + Send + 'static,
{
    /// The module's API name: `Leads`.
    pub module: String,
    /// The record.
    pub id: RecordId,
    /// The fields to answer; all when `None`.
    #[zoho(query)]
    pub fields: Option<Vec<String>>,
    /// The record type.
    pub record: PhantomData<fn() -> R>,
}

impl<R: DeserializeOwned + Send + 'static> GetRecord<R> {
    /// Reads record `id` of `module`.
    pub fn of(module: impl Into<String>, id: impl Into<RecordId>) -> Self {
        GetRecord {
            module: module.into(),
            id: id.into(),
            fields: None,
            record: PhantomData,
        }
    }

    /// Answers only these fields.
    pub fn with_fields<S: Into<String>>(mut self, fields: impl IntoIterator<Item = S>) -> Self {
        self.fields = Some(fields.into_iter().map(Into::into).collect());
        self
    }
}

/// Lists a module's records, one page a call; [`Client::records`](crate::Client::records)
/// walks every page.
#[zoho_endpoint(GET "/<module>", scope = "ZohoCRM.modules.<module>.READ", response = Page<R>)]
#[derive(Debug)]
pub struct GetRecords<R = Record>
where
    R: DeserializeOwned + Send + 'static,
{
    /// The module's API name: `Leads`.
    pub module: String,
    /// The fields to answer (Zoho requires them from v3 on; at most 50).
    #[zoho(query)]
    pub fields: Vec<String>,
    /// Only these records (at most 100).
    #[zoho(query)]
    pub ids: Option<Vec<RecordId>>,
    /// `id`, `Created_Time` or `Modified_Time`.
    #[zoho(query)]
    pub sort_by: Option<String>,
    /// `asc` or `desc` (Zoho's default).
    #[zoho(query)]
    pub sort_order: Option<String>,
    /// The records of a custom view.
    #[zoho(query)]
    pub cvid: Option<String>,
    /// Only records modified after this time (ISO 8601); `304` answers none.
    #[zoho(header = "If-Modified-Since")]
    pub modified_since: Option<String>,
    /// The page, from 1 (set by a walk).
    #[zoho(page)]
    pub page: Option<u32>,
    /// Records per page, at most 200.
    #[zoho(per_page)]
    pub per_page: Option<u32>,
    /// The page past the first 2,000 records (set by a walk).
    #[zoho(page_token)]
    pub page_token: Option<String>,
    /// The record type.
    pub record: PhantomData<fn() -> R>,
}

impl<R: DeserializeOwned + Send + 'static> GetRecords<R> {
    /// The records of `module`, with these fields.
    pub fn new<S: Into<String>>(
        module: impl Into<String>,
        fields: impl IntoIterator<Item = S>,
    ) -> Self {
        GetRecords {
            module: module.into(),
            fields: fields.into_iter().map(Into::into).collect(),
            ids: None,
            sort_by: None,
            sort_order: None,
            cvid: None,
            modified_since: None,
            page: None,
            per_page: None,
            page_token: None,
            record: PhantomData,
        }
    }

    /// `per_page` records a page (at most 200).
    pub fn with_per_page(mut self, per_page: u32) -> Self {
        self.per_page = Some(per_page);
        self
    }

    /// Sorted by `field` (`id`, `Created_Time`, `Modified_Time`), ascending or not.
    pub fn with_sort(mut self, field: impl Into<String>, ascending: bool) -> Self {
        self.sort_by = Some(field.into());
        self.sort_order = Some(if ascending { "asc" } else { "desc" }.to_owned());
        self
    }
}

/// Inserts up to 100 records (more with [`Client::send_all`](crate::Client::send_all)).
#[zoho_endpoint(POST "/<module>", scope = "ZohoCRM.modules.<module>.CREATE")]
#[derive(Debug)]
pub struct InsertRecords<R = Record>
where
    R: Serialize + Send + Sync,
{
    /// The module's API name.
    pub module: String,
    /// The records.
    #[zoho(records)]
    pub records: Vec<R>,
    /// Automations to run: `workflow`, `approval`, `blueprint`; Zoho's default when `None`.
    #[zoho(envelope)]
    pub trigger: Option<Vec<String>>,
}

impl<R: Serialize + Send + Sync> InsertRecords<R> {
    /// Inserts `records` into `module`.
    pub fn new(module: impl Into<String>, records: Vec<R>) -> Self {
        InsertRecords {
            module: module.into(),
            records,
            trigger: None,
        }
    }
}

/// Updates up to 100 records, each naming its `id`.
#[zoho_endpoint(PUT "/<module>", scope = "ZohoCRM.modules.<module>.UPDATE")]
#[derive(Debug)]
pub struct UpdateRecords<R = Record>
where
    R: Serialize + Send + Sync,
{
    /// The module's API name.
    pub module: String,
    /// The records, each with its `id`.
    #[zoho(records)]
    pub records: Vec<R>,
    /// Automations to run.
    #[zoho(envelope)]
    pub trigger: Option<Vec<String>>,
}

impl<R: Serialize + Send + Sync> UpdateRecords<R> {
    /// Updates `records` (each with its `id`) of `module`.
    pub fn new(module: impl Into<String>, records: Vec<R>) -> Self {
        UpdateRecords {
            module: module.into(),
            records,
            trigger: None,
        }
    }
}

/// Updates one record, named in the path.
#[zoho_endpoint(PUT "/<module>/<id>", scope = "ZohoCRM.modules.<module>.UPDATE")]
#[derive(Debug)]
pub struct UpdateRecord<R = Record>
where
    R: Serialize + Send + Sync,
{
    /// The module's API name.
    pub module: String,
    /// The record.
    pub id: RecordId,
    /// The new values (one record).
    #[zoho(records)]
    pub record: Vec<R>,
}

impl<R: Serialize + Send + Sync> UpdateRecord<R> {
    /// Updates record `id` of `module` with `values`.
    pub fn new(module: impl Into<String>, id: impl Into<RecordId>, values: R) -> Self {
        UpdateRecord {
            module: module.into(),
            id: id.into(),
            record: vec![values],
        }
    }
}

/// Seed 002 as recorded: [`UpdateRecord`] pinned to `v2`, the record type the caller's (the
/// seed's full lead of strings, a bool, an integer, a float and a nested `Owner.id`).
#[zoho_endpoint(PUT "/<module>/<id>", scope = "ZohoCRM.modules.<module>.UPDATE", version = "v2")]
#[derive(Debug)]
pub struct UpdateRecordV2<R = Record>
where
    R: Serialize + Send + Sync,
{
    /// The module's API name: `Leads`.
    pub module: String,
    /// The record.
    pub id: RecordId,
    /// The new values (one record).
    #[zoho(records)]
    pub record: Vec<R>,
}

impl<R: Serialize + Send + Sync> UpdateRecordV2<R> {
    /// Updates record `id` of `module` with `values`, at `v2`.
    pub fn new(module: impl Into<String>, id: impl Into<RecordId>, values: R) -> Self {
        UpdateRecordV2 {
            module: module.into(),
            id: id.into(),
            record: vec![values],
        }
    }
}

/// Inserts each record, or updates the one a duplicate-check field finds.
#[zoho_endpoint(POST "/<module>/upsert", scope = "ZohoCRM.modules.<module>.CREATE")]
#[derive(Debug)]
pub struct UpsertRecords<R = Record>
where
    R: Serialize + Send + Sync,
{
    /// The module's API name.
    pub module: String,
    /// The records.
    #[zoho(records)]
    pub records: Vec<R>,
    /// The fields that find an existing record; the module's unique fields when `None`.
    #[zoho(envelope)]
    pub duplicate_check_fields: Option<Vec<String>>,
    /// Automations to run.
    #[zoho(envelope)]
    pub trigger: Option<Vec<String>>,
}

impl<R: Serialize + Send + Sync> UpsertRecords<R> {
    /// Upserts `records` into `module`.
    pub fn new(module: impl Into<String>, records: Vec<R>) -> Self {
        UpsertRecords {
            module: module.into(),
            records,
            duplicate_check_fields: None,
            trigger: None,
        }
    }

    /// Matches existing records on these fields.
    pub fn matching<S: Into<String>>(mut self, fields: impl IntoIterator<Item = S>) -> Self {
        self.duplicate_check_fields = Some(fields.into_iter().map(Into::into).collect());
        self
    }
}

/// Deletes one record (to the recycle bin).
#[zoho_endpoint(DELETE "/<module>/<id>", scope = "ZohoCRM.modules.<module>.DELETE")]
#[derive(Debug, Clone)]
pub struct DeleteRecord {
    /// The module's API name.
    pub module: String,
    /// The record.
    pub id: RecordId,
    /// Whether workflows run (`true` by Zoho's default).
    #[zoho(query)]
    pub wf_trigger: Option<bool>,
}

impl DeleteRecord {
    /// Deletes record `id` of `module`.
    pub fn of(module: impl Into<String>, id: impl Into<RecordId>) -> Self {
        DeleteRecord {
            module: module.into(),
            id: id.into(),
            wf_trigger: None,
        }
    }
}

/// Deletes up to 100 records by id.
#[zoho_endpoint(DELETE "/<module>", scope = "ZohoCRM.modules.<module>.DELETE")]
#[derive(Debug, Clone)]
pub struct DeleteRecords {
    /// The module's API name.
    pub module: String,
    /// The records.
    #[zoho(query)]
    pub ids: Vec<RecordId>,
    /// Whether workflows run.
    #[zoho(query)]
    pub wf_trigger: Option<bool>,
}

impl DeleteRecords {
    /// Deletes `ids` of `module`.
    pub fn new<I: Into<RecordId>>(
        module: impl Into<String>,
        ids: impl IntoIterator<Item = I>,
    ) -> Self {
        DeleteRecords {
            module: module.into(),
            ids: ids.into_iter().map(Into::into).collect(),
            wf_trigger: None,
        }
    }
}

/// Lists deleted records: those in the recycle bin, those deleted for good, or all.
#[zoho_endpoint(GET "/<module>/deleted", scope = "ZohoCRM.modules.<module>.READ",
                response = Page<DeletedRecord>)]
#[derive(Debug, Clone)]
pub struct GetDeletedRecords {
    /// The module's API name.
    pub module: String,
    /// `all` (Zoho's default), `recycle` or `permanent`.
    #[zoho(query)]
    pub r#type: Option<String>,
    /// Only records deleted after this time (ISO 8601).
    #[zoho(header = "If-Modified-Since")]
    pub modified_since: Option<String>,
    /// The page, from 1.
    #[zoho(page)]
    pub page: Option<u32>,
    /// Records per page, at most 200.
    #[zoho(per_page)]
    pub per_page: Option<u32>,
}

impl GetDeletedRecords {
    /// Every deleted record of `module`.
    pub fn of(module: impl Into<String>) -> Self {
        GetDeletedRecords {
            module: module.into(),
            r#type: None,
            modified_since: None,
            page: None,
            per_page: None,
        }
    }

    /// Only `recycle` (in the recycle bin) or `permanent` (deleted for good).
    pub fn of_type(mut self, kind: impl Into<String>) -> Self {
        self.r#type = Some(kind.into());
        self
    }
}

/// A deleted record, as Zoho lists it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct DeletedRecord {
    /// The record's id.
    pub id: RecordId,
    /// Its name as shown.
    #[serde(default)]
    pub display_name: Option<String>,
    /// `recycle` or `permanent`.
    #[serde(default)]
    pub r#type: Option<String>,
    /// When it was deleted.
    #[serde(default)]
    pub deleted_time: Option<String>,
    /// Who deleted it.
    #[serde(default)]
    pub deleted_by: Option<zoho_runtime::UserRef>,
    /// Who created it.
    #[serde(default)]
    pub created_by: Option<zoho_runtime::UserRef>,
}

/// Counts a module's records, all of them or those a search finds.
#[zoho_endpoint(GET "/<module>/actions/count", scope = "ZohoCRM.modules.<module>.READ",
                response = RecordCount)]
#[derive(Debug, Clone)]
pub struct CountRecords {
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
    /// The records of a custom view.
    #[zoho(query)]
    pub cvid: Option<String>,
}

impl CountRecords {
    /// Counts every record of `module`.
    pub fn of(module: impl Into<String>) -> Self {
        CountRecords {
            module: module.into(),
            criteria: None,
            email: None,
            phone: None,
            word: None,
            cvid: None,
        }
    }

    /// Counts the records these criteria find.
    pub fn matching(mut self, criteria: impl Into<String>) -> Self {
        self.criteria = Some(criteria.into());
        self
    }
}

/// How many records: the answer of [`CountRecords`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct RecordCount {
    /// The count.
    pub count: u64,
}

/// Reads rich-text fields of several records in full (lists cut them short).
#[zoho_endpoint(GET "/<module>/actions/fetch_full_data", scope = "ZohoCRM.modules.<module>.READ",
                response = Page<R>)]
#[derive(Debug)]
pub struct FetchFullData<R = Record>
where
    R: DeserializeOwned + Send + 'static,
{
    /// The module's API name.
    pub module: String,
    /// The records (at most 100).
    #[zoho(query)]
    pub ids: Vec<RecordId>,
    /// The rich-text fields.
    #[zoho(query)]
    pub fields: Vec<String>,
    /// The record type.
    pub record: PhantomData<fn() -> R>,
}

impl<R: DeserializeOwned + Send + 'static> FetchFullData<R> {
    /// The `fields` of records `ids` of `module`, in full.
    pub fn new<I: Into<RecordId>, S: Into<String>>(
        module: impl Into<String>,
        ids: impl IntoIterator<Item = I>,
        fields: impl IntoIterator<Item = S>,
    ) -> Self {
        FetchFullData {
            module: module.into(),
            ids: ids.into_iter().map(Into::into).collect(),
            fields: fields.into_iter().map(Into::into).collect(),
            record: PhantomData,
        }
    }
}

/// Reads rich-text fields of one record in full.
#[zoho_endpoint(GET "/<module>/<id>/actions/fetch_full_data", scope = "ZohoCRM.modules.<module>.READ",
                response = Page<R>)]
#[derive(Debug)]
pub struct FetchRecordFullData<R = Record>
where
    R: DeserializeOwned + Send + 'static,
{
    /// The module's API name.
    pub module: String,
    /// The record.
    pub id: RecordId,
    /// The rich-text fields.
    #[zoho(query)]
    pub fields: Vec<String>,
    /// The record type.
    pub record: PhantomData<fn() -> R>,
}

impl<R: DeserializeOwned + Send + 'static> FetchRecordFullData<R> {
    /// The `fields` of record `id` of `module`, in full.
    pub fn new<S: Into<String>>(
        module: impl Into<String>,
        id: impl Into<RecordId>,
        fields: impl IntoIterator<Item = S>,
    ) -> Self {
        FetchRecordFullData {
            module: module.into(),
            id: id.into(),
            fields: fields.into_iter().map(Into::into).collect(),
            record: PhantomData,
        }
    }
}

/// Copies a record into a new one, with some values changed; the outcome names the copy.
#[zoho_endpoint(POST "/<module>/<id>/actions/clone", scope = "ZohoCRM.modules.<module>.CREATE")]
#[derive(Debug)]
pub struct CloneRecord<R = Record>
where
    R: Serialize + Send + Sync,
{
    /// The module's API name.
    pub module: String,
    /// The record to copy.
    pub id: RecordId,
    /// Values the copy takes instead of the original's (one record), if any.
    #[zoho(envelope)]
    pub data: Option<Vec<R>>,
}

impl<R: Serialize + Send + Sync> CloneRecord<R> {
    /// Copies record `id` of `module` as it is.
    pub fn of(module: impl Into<String>, id: impl Into<RecordId>) -> Self {
        CloneRecord {
            module: module.into(),
            id: id.into(),
            data: None,
        }
    }

    /// The copy takes these values instead of the original's.
    pub fn with_values(mut self, values: R) -> Self {
        self.data = Some(vec![values]);
        self
    }
}

pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetRecord<Record>,
    GetRecords<Record>,
    InsertRecords<Record>,
    UpdateRecords<Record>,
    UpdateRecord<Record>,
    UpdateRecordV2<Record>,
    UpsertRecords<Record>,
    DeleteRecord,
    DeleteRecords,
    GetDeletedRecords,
    CountRecords,
    FetchFullData<Record>,
    FetchRecordFullData<Record>,
    CloneRecord<Record>,
];
