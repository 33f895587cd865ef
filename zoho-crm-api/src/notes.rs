//! Notes: `/Notes` and `/Notes/{id}`, each note attached to a record by its `Parent_Id`.
//!
//! A record's own notes are also its related list `Notes`
//! ([`related_records::GetRelatedRecords`](crate::related_records::GetRelatedRecords)).
//!
//! ```
//! use zoho_crm_api::notes::{AddNotes, GetNotes, NewNote};
//! use zoho_crm_api::Record;
//! use zoho_crm_api::runtime::Client;
//! use zoho_sandbox::Sandbox;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start().await?;
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! let lead = sandbox.insert_record("Leads", serde_json::json!({"Last_Name": "Bryant"})).unwrap();
//! let note = NewNote::on("Leads", lead.as_str(), "Called", "Wants a quote by Friday");
//! let added = AddNotes::of(vec![note]).send(&client).await?;
//! assert!(added.all_succeeded());
//! let notes = GetNotes::<Record>::all().send(&client).await?;
//! assert_eq!(notes.data[0].get::<String>("Note_Title")?.as_deref(), Some("Called"));
//! # Ok(())
//! # }
//! ```

use std::marker::PhantomData;

use zoho_runtime::serde::de::DeserializeOwned;
use zoho_runtime::serde::Serialize;
use zoho_runtime::zoho_endpoint;

use crate::{declared, ApiOperation, Page, Record, RecordId};

/// The fields a listing of notes asks for when none are given (from v3 on, Zoho requires some).
pub const NOTE_FIELDS: &[&str] = &[
    "Note_Title",
    "Note_Content",
    "Parent_Id",
    "Created_Time",
    "Modified_Time",
];

fn note_fields() -> Vec<String> {
    NOTE_FIELDS.iter().map(|f| (*f).to_owned()).collect()
}

/// Lists the organisation's notes, a page at a time.
#[zoho_endpoint(GET "/Notes", scope = "ZohoCRM.modules.notes.READ", response = Page<R>)]
pub struct GetNotes<R = Record>
where
    R: DeserializeOwned + Send,
{
    /// The fields to answer.
    #[zoho(query)]
    pub fields: Vec<String>,
    /// Only these notes.
    #[zoho(query)]
    pub ids: Option<Vec<RecordId>>,
    /// `id`, `Created_Time` or `Modified_Time`.
    #[zoho(query)]
    pub sort_by: Option<String>,
    /// `asc` or `desc`.
    #[zoho(query)]
    pub sort_order: Option<String>,
    /// The page, from 1.
    #[zoho(query)]
    pub page: Option<u32>,
    /// Notes a page, at most 200.
    #[zoho(query)]
    pub per_page: Option<u32>,
    /// The type each note is decoded into.
    pub record: PhantomData<fn() -> R>,
}

impl<R: DeserializeOwned + Send> GetNotes<R> {
    /// The first page of every note, with the fields of [`NOTE_FIELDS`].
    pub fn all() -> Self {
        GetNotes {
            fields: note_fields(),
            ids: None,
            sort_by: None,
            sort_order: None,
            page: None,
            per_page: None,
            record: PhantomData,
        }
    }

    /// The page `page` of `per_page` notes.
    pub fn with_page(mut self, page: u32, per_page: u32) -> Self {
        self.page = Some(page);
        self.per_page = Some(per_page);
        self
    }
}

/// Reads one note; an empty page when it does not exist (`204`).
#[zoho_endpoint(GET "/Notes/<id>", scope = "ZohoCRM.modules.notes.READ", response = Page<R>)]
pub struct GetNote<R = Record>
where
    R: DeserializeOwned + Send,
{
    /// The note's id.
    pub id: RecordId,
    /// The fields to answer.
    #[zoho(query)]
    pub fields: Option<Vec<String>>,
    /// The type the note is decoded into.
    pub record: PhantomData<fn() -> R>,
}

impl<R: DeserializeOwned + Send> GetNote<R> {
    /// The note `id`.
    pub fn of(id: impl Into<RecordId>) -> Self {
        GetNote {
            id: id.into(),
            fields: None,
            record: PhantomData,
        }
    }
}

/// A note to add: its title, its content and the record it is attached to.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct NewNote {
    /// Its title.
    #[serde(rename = "Note_Title")]
    pub title: String,
    /// Its text.
    #[serde(rename = "Note_Content")]
    pub content: String,
    /// The record it is attached to.
    #[serde(rename = "Parent_Id")]
    pub parent: Parent,
}

impl NewNote {
    /// A note on the record `id` of `module`.
    pub fn on(
        module: impl Into<String>,
        id: impl Into<RecordId>,
        title: impl Into<String>,
        content: impl Into<String>,
    ) -> Self {
        NewNote {
            title: title.into(),
            content: content.into(),
            parent: Parent {
                module: ModuleName {
                    api_name: module.into(),
                },
                id: id.into(),
            },
        }
    }
}

/// The record a note is attached to: `{"module": {"api_name": "Leads"}, "id": "…"}`.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Parent {
    /// Its module.
    pub module: ModuleName,
    /// Its id.
    pub id: RecordId,
}

/// A module named by API name: `{"api_name": "Leads"}`.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ModuleName {
    /// `Leads`.
    pub api_name: String,
}

/// Adds notes (at most 100), each to the record its `Parent_Id` names.
#[zoho_endpoint(POST "/Notes", scope = "ZohoCRM.modules.notes.CREATE")]
pub struct AddNotes<N = NewNote>
where
    N: Serialize + Send + Sync,
{
    /// The notes.
    #[zoho(records)]
    pub notes: Vec<N>,
}

impl<N: Serialize + Send + Sync> AddNotes<N> {
    /// Adds these notes.
    pub fn of(notes: Vec<N>) -> Self {
        AddNotes { notes }
    }
}

/// A change of a note: its id and the fields that change.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct NoteChange {
    /// The note's id.
    pub id: RecordId,
    /// A new title.
    #[serde(rename = "Note_Title", skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A new text.
    #[serde(rename = "Note_Content", skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

impl NoteChange {
    /// Gives the note `id` this text.
    pub fn content(id: impl Into<RecordId>, content: impl Into<String>) -> Self {
        NoteChange {
            id: id.into(),
            title: None,
            content: Some(content.into()),
        }
    }

    /// Gives it this title too.
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
}

/// Updates notes (at most 100), each named by its `id`.
#[zoho_endpoint(PUT "/Notes", scope = "ZohoCRM.modules.notes.UPDATE")]
pub struct UpdateNotes<N = NoteChange>
where
    N: Serialize + Send + Sync,
{
    /// The changes.
    #[zoho(records)]
    pub notes: Vec<N>,
}

impl<N: Serialize + Send + Sync> UpdateNotes<N> {
    /// Applies these changes.
    pub fn of(notes: Vec<N>) -> Self {
        UpdateNotes { notes }
    }
}

/// Updates one note.
#[zoho_endpoint(PUT "/Notes/<id>", scope = "ZohoCRM.modules.notes.UPDATE")]
pub struct UpdateNote {
    /// The note's id.
    pub id: RecordId,
    /// A new title.
    #[zoho(rename = "Note_Title")]
    pub title: Option<String>,
    /// A new text.
    #[zoho(rename = "Note_Content")]
    pub content: Option<String>,
}

impl UpdateNote {
    /// Gives the note `id` this text.
    pub fn content(id: impl Into<RecordId>, content: impl Into<String>) -> Self {
        UpdateNote {
            id: id.into(),
            title: None,
            content: Some(content.into()),
        }
    }
}

/// Deletes notes by id (at most 100).
#[zoho_endpoint(DELETE "/Notes", scope = "ZohoCRM.modules.notes.DELETE")]
pub struct DeleteNotes {
    /// The notes' ids.
    #[zoho(query)]
    pub ids: Vec<RecordId>,
}

/// Deletes one note.
#[zoho_endpoint(DELETE "/Notes/<id>", scope = "ZohoCRM.modules.notes.DELETE")]
pub struct DeleteNote {
    /// The note's id.
    pub id: RecordId,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetNotes<Record>,
    GetNote<Record>,
    AddNotes<NewNote>,
    UpdateNotes<NoteChange>,
    UpdateNote,
    DeleteNotes,
    DeleteNote,
];
