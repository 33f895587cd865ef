//! Related records: a record's related list (`/{module}/{id}/{related_list}`), listed, one of its
//! records read, records linked to it (with the relation's own fields, such as a campaign's
//! `Member_Status`) and delinked; the same by external ids, and the related records of a
//! deleted record. [`UpdateRelatedRecordsV2`] is seed 003's request as recorded, pinned to
//! `v2`.
//!
//! # By external ids
//!
//! The `X-EXTERNAL` header is part of a declaration (`external = "…"`), not a value set per
//! call, so the operations by external ids are declared for the external fields of seed 000:
//! a contact's deals, the contact named by `External_Contact_ID` and each deal by
//! `External_Deal_ID`. Other external fields are declared the same way, in a few lines of one's
//! own. [`AssociateByExternalIds`] is seed 000's request as recorded (`v2`, one record).
//!
//! ```
//! use zoho_crm_api::related_records::{DelinkRelatedRecord, GetRelatedRecords, UpdateRelatedRecords};
//! use zoho_crm_api::runtime::Client;
//! use zoho_crm_api::Record;
//! use zoho_sandbox::Sandbox;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start().await?;
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! // Seed 003's lead and one of its campaigns.
//! let (lead, campaign) = ("3652397000001829002", "3652397000000327001");
//! let mut member = Record::new();
//! member.set("id", campaign).set("Member_Status", "Responded");
//! UpdateRelatedRecords::of("Leads", lead, "Campaigns", vec![member]).send(&client).await?;
//! let campaigns = GetRelatedRecords::<Record>::of("Leads", lead, "Campaigns").send(&client).await?;
//! assert!(campaigns.data.iter().any(|c| c.id().is_some_and(|id| id.as_str() == campaign)));
//! DelinkRelatedRecord::of("Leads", lead, "Campaigns", campaign).send(&client).await?;
//! # Ok(())
//! # }
//! ```

use std::marker::PhantomData;

use zoho_runtime::serde::de::DeserializeOwned;
use zoho_runtime::serde::Serialize;
use zoho_runtime::zoho_endpoint;

use crate::{declared, ApiOperation, Page, Record, RecordId};

/// Lists the records of a related list, a page at a time; an empty page when there are none.
#[zoho_endpoint(GET "/<module>/<id>/<related_list>", scope = "ZohoCRM.modules.<module>.READ", response = Page<R>)]
pub struct GetRelatedRecords<R = Record>
where
    R: DeserializeOwned + Send,
{
    /// The module's API name: `Leads`.
    pub module: String,
    /// The record's id.
    pub id: RecordId,
    /// The related list's API name: `Campaigns`.
    pub related_list: String,
    /// The fields to answer.
    #[zoho(query)]
    pub fields: Option<Vec<String>>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Records a page, at most 200.
    #[zoho(query)]
    pub per_page: Option<u32>,
    /// Only records changed since (`2024-05-01T10:00:00+05:30`).
    #[zoho(header = "If-Modified-Since")]
    pub if_modified_since: Option<String>,
    /// The type each related record is decoded into.
    pub record: PhantomData<fn() -> R>,
}

impl<R: DeserializeOwned + Send> GetRelatedRecords<R> {
    /// The first page of the related list `related_list` of the record `id` of `module`.
    pub fn of(
        module: impl Into<String>,
        id: impl Into<RecordId>,
        related_list: impl Into<String>,
    ) -> Self {
        GetRelatedRecords {
            module: module.into(),
            id: id.into(),
            related_list: related_list.into(),
            fields: None,
            page: None,
            per_page: None,
            if_modified_since: None,
            record: PhantomData,
        }
    }
}

/// A contact's deals, the contact named by its `External_Contact_ID`.
#[zoho_endpoint(GET "/Contacts/<contact>/Deals", scope = ["ZohoCRM.modules.contacts.READ", "ZohoCRM.modules.deals.READ"], external = "Contacts.External_Contact_ID,Deals.External_Deal_ID", response = Page<R>)]
pub struct GetRelatedRecordsByExternalId<R = Record>
where
    R: DeserializeOwned + Send,
{
    /// The contact's `External_Contact_ID`.
    pub contact: String,
    /// The fields to answer.
    #[zoho(query)]
    pub fields: Option<Vec<String>>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Records a page, at most 200.
    #[zoho(query)]
    pub per_page: Option<u32>,
    /// The type each related record is decoded into.
    pub record: PhantomData<fn() -> R>,
}

/// Reads one record of a related list; an empty page when it is not related.
#[zoho_endpoint(GET "/<module>/<id>/<related_list>/<related_id>", scope = "ZohoCRM.modules.<module>.READ", response = Page<R>)]
pub struct GetRelatedRecord<R = Record>
where
    R: DeserializeOwned + Send,
{
    /// The module's API name.
    pub module: String,
    /// The record's id.
    pub id: RecordId,
    /// The related list's API name.
    pub related_list: String,
    /// The related record's id.
    pub related_id: RecordId,
    /// The fields to answer.
    #[zoho(query)]
    pub fields: Option<Vec<String>>,
    /// The type the related record is decoded into.
    pub record: PhantomData<fn() -> R>,
}

impl<R: DeserializeOwned + Send> GetRelatedRecord<R> {
    /// The record `related_id` of the related list of the record `id`.
    pub fn of(
        module: impl Into<String>,
        id: impl Into<RecordId>,
        related_list: impl Into<String>,
        related_id: impl Into<RecordId>,
    ) -> Self {
        GetRelatedRecord {
            module: module.into(),
            id: id.into(),
            related_list: related_list.into(),
            related_id: related_id.into(),
            fields: None,
            record: PhantomData,
        }
    }
}

/// One deal of a contact, both named by their external ids; an empty page when not related.
#[zoho_endpoint(GET "/Contacts/<contact>/Deals/<deal>", scope = ["ZohoCRM.modules.contacts.READ", "ZohoCRM.modules.deals.READ"], external = "Contacts.External_Contact_ID,Deals.External_Deal_ID", response = Page<R>)]
pub struct GetRelatedRecordByExternalId<R = Record>
where
    R: DeserializeOwned + Send,
{
    /// The contact's `External_Contact_ID`.
    pub contact: String,
    /// The deal's `External_Deal_ID`.
    pub deal: String,
    /// The type the related record is decoded into.
    pub record: PhantomData<fn() -> R>,
}

/// Links records to a record's related list (at most 100), each named by `id` with the
/// relation's own fields; one outcome per record.
#[zoho_endpoint(PUT "/<module>/<id>/<related_list>", scope = "ZohoCRM.modules.<module>.UPDATE")]
pub struct UpdateRelatedRecords<R = Record>
where
    R: Serialize + Send + Sync,
{
    /// The module's API name.
    pub module: String,
    /// The record's id.
    pub id: RecordId,
    /// The related list's API name.
    pub related_list: String,
    /// The related records.
    #[zoho(records)]
    pub records: Vec<R>,
}

impl<R: Serialize + Send + Sync> UpdateRelatedRecords<R> {
    /// Links `records` to the related list `related_list` of the record `id` of `module`.
    pub fn of(
        module: impl Into<String>,
        id: impl Into<RecordId>,
        related_list: impl Into<String>,
        records: Vec<R>,
    ) -> Self {
        UpdateRelatedRecords {
            module: module.into(),
            id: id.into(),
            related_list: related_list.into(),
            records,
        }
    }
}

/// Links deals to a contact by external ids: each deal carries its `External_Deal_ID`.
#[zoho_endpoint(PUT "/Contacts/<contact>/Deals", scope = ["ZohoCRM.modules.contacts.UPDATE", "ZohoCRM.modules.deals.UPDATE"], external = "Contacts.External_Contact_ID,Deals.External_Deal_ID")]
pub struct UpdateRelatedRecordsByExternalId<R = Record>
where
    R: Serialize + Send + Sync,
{
    /// The contact's `External_Contact_ID`.
    pub contact: String,
    /// The related records.
    #[zoho(records)]
    pub records: Vec<R>,
}

/// Links one record to a related list; `data` holds the relation's own fields.
#[zoho_endpoint(PUT "/<module>/<id>/<related_list>/<related_id>", scope = "ZohoCRM.modules.<module>.UPDATE")]
pub struct UpdateRelatedRecord<R = Record>
where
    R: Serialize + Send + Sync,
{
    /// The module's API name.
    pub module: String,
    /// The record's id.
    pub id: RecordId,
    /// The related list's API name.
    pub related_list: String,
    /// The related record's id.
    pub related_id: RecordId,
    /// The relation's fields, one record (the runtime refuses an empty list).
    #[zoho(records)]
    pub relation: Vec<R>,
}

/// Links one deal to a contact, both named by their external ids.
#[zoho_endpoint(PUT "/Contacts/<contact>/Deals/<deal>", scope = ["ZohoCRM.modules.contacts.UPDATE", "ZohoCRM.modules.deals.UPDATE"], external = "Contacts.External_Contact_ID,Deals.External_Deal_ID")]
pub struct UpdateRelatedRecordByExternalId<R = Record>
where
    R: Serialize + Send + Sync,
{
    /// The contact's `External_Contact_ID`.
    pub contact: String,
    /// The deal's `External_Deal_ID`.
    pub deal: String,
    /// The relation's fields, one record (the runtime refuses an empty list).
    #[zoho(records)]
    pub relation: Vec<R>,
}

/// Delinks records from a related list (at most 100 `ids`); one outcome per id.
#[zoho_endpoint(DELETE "/<module>/<id>/<related_list>", scope = "ZohoCRM.modules.<module>.DELETE")]
pub struct DelinkRelatedRecords {
    /// The module's API name.
    pub module: String,
    /// The record's id.
    pub id: RecordId,
    /// The related list's API name.
    pub related_list: String,
    /// The related records' ids.
    #[zoho(query)]
    pub ids: Vec<RecordId>,
}

/// Delinks deals from a contact by external ids.
#[zoho_endpoint(DELETE "/Contacts/<contact>/Deals", scope = ["ZohoCRM.modules.contacts.DELETE", "ZohoCRM.modules.deals.DELETE"], external = "Contacts.External_Contact_ID,Deals.External_Deal_ID")]
pub struct DelinkRelatedRecordsByExternalId {
    /// The contact's `External_Contact_ID`.
    pub contact: String,
    /// The deals' `External_Deal_ID`s.
    #[zoho(query)]
    pub ids: Vec<String>,
}

/// Delinks one record from a related list.
#[zoho_endpoint(DELETE "/<module>/<id>/<related_list>/<related_id>", scope = "ZohoCRM.modules.<module>.DELETE")]
pub struct DelinkRelatedRecord {
    /// The module's API name.
    pub module: String,
    /// The record's id.
    pub id: RecordId,
    /// The related list's API name.
    pub related_list: String,
    /// The related record's id.
    pub related_id: RecordId,
}

impl DelinkRelatedRecord {
    /// Delinks `related_id` from the related list of the record `id`.
    pub fn of(
        module: impl Into<String>,
        id: impl Into<RecordId>,
        related_list: impl Into<String>,
        related_id: impl Into<RecordId>,
    ) -> Self {
        DelinkRelatedRecord {
            module: module.into(),
            id: id.into(),
            related_list: related_list.into(),
            related_id: related_id.into(),
        }
    }
}

/// Delinks one deal from a contact, both named by their external ids.
#[zoho_endpoint(DELETE "/Contacts/<contact>/Deals/<deal>", scope = ["ZohoCRM.modules.contacts.DELETE", "ZohoCRM.modules.deals.DELETE"], external = "Contacts.External_Contact_ID,Deals.External_Deal_ID")]
pub struct DelinkRelatedRecordByExternalId {
    /// The contact's `External_Contact_ID`.
    pub contact: String,
    /// The deal's `External_Deal_ID`.
    pub deal: String,
}

/// Seed 000 as recorded: links a deal to a contact by their external ids, with the contact's
/// role on it, at `v2`; the body is one record carrying the deal's `External_Deal_ID`.
#[zoho_endpoint(PUT "/Contacts/<contact>/Deals",
                scope = ["ZohoCRM.modules.contacts.UPDATE", "ZohoCRM.modules.deals.UPDATE"],
                version = "v2",
                external = "Contacts.External_Contact_ID,Deals.External_Deal_ID")]
pub struct AssociateByExternalIds {
    /// The contact's `External_Contact_ID`.
    pub contact: String,
    /// The deal's `External_Deal_ID`.
    #[zoho(rename = "External_Deal_ID")]
    pub deal: String,
    /// The role the contact plays on the deal.
    #[zoho(rename = "Contact_Role")]
    pub contact_role: RecordId,
}

/// Seed 003 as recorded: [`UpdateRelatedRecords`] pinned to `v2`, the related records of the
/// caller's type (the seed's campaigns, each with its `Member_Status`).
#[zoho_endpoint(PUT "/<module>/<id>/<related_list>", scope = "ZohoCRM.modules.<module>.UPDATE", version = "v2")]
pub struct UpdateRelatedRecordsV2<R = Record>
where
    R: Serialize + Send + Sync,
{
    /// The module's API name: `Leads`.
    pub module: String,
    /// The record's id.
    pub id: RecordId,
    /// The related list's API name: `Campaigns`.
    pub related_list: String,
    /// The related records.
    #[zoho(records)]
    pub records: Vec<R>,
}

impl<R: Serialize + Send + Sync> UpdateRelatedRecordsV2<R> {
    /// Links `records` to the related list `related_list` of the record `id` of `module`, at
    /// `v2`.
    pub fn of(
        module: impl Into<String>,
        id: impl Into<RecordId>,
        related_list: impl Into<String>,
        records: Vec<R>,
    ) -> Self {
        UpdateRelatedRecordsV2 {
            module: module.into(),
            id: id.into(),
            related_list: related_list.into(),
            records,
        }
    }
}

/// Lists the related records of a deleted record (in the recycle bin).
#[zoho_endpoint(GET "/<module>/deleted/<id>/<related_list>", scope = "ZohoCRM.modules.<module>.READ", response = Page<R>)]
pub struct GetDeletedRecordRelatedRecords<R = Record>
where
    R: DeserializeOwned + Send,
{
    /// The module's API name.
    pub module: String,
    /// The deleted record's id.
    pub id: RecordId,
    /// The related list's API name.
    pub related_list: String,
    /// The fields to answer.
    #[zoho(query)]
    pub fields: Option<Vec<String>>,
    /// Only these related records.
    #[zoho(query)]
    pub ids: Option<Vec<RecordId>>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Records a page, at most 200.
    #[zoho(query)]
    pub per_page: Option<u32>,
    /// The type each related record is decoded into.
    pub record: PhantomData<fn() -> R>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetRelatedRecords<Record>,
    GetRelatedRecordsByExternalId<Record>,
    GetRelatedRecord<Record>,
    GetRelatedRecordByExternalId<Record>,
    UpdateRelatedRecords<Record>,
    UpdateRelatedRecordsByExternalId<Record>,
    UpdateRelatedRecord<Record>,
    UpdateRelatedRecordByExternalId<Record>,
    DelinkRelatedRecords,
    DelinkRelatedRecordsByExternalId,
    DelinkRelatedRecord,
    DelinkRelatedRecordByExternalId,
    AssociateByExternalIds,
    UpdateRelatedRecordsV2<Record>,
    GetDeletedRecordRelatedRecords<Record>,
];
