//! Files: attachments of records (`/{module}/{id}/Attachments`), record photos
//! (`/{module}/{id}/photo`), files of file-upload fields (`/files`), and the downloads of
//! e-mail and field attachments. What is uploaded is stored and downloaded back byte for byte,
//! with its file name in `Content-Disposition` and its content type.
//!
//! Uploads are `multipart/form-data` with a `file` part; an attachment may instead be a link
//! (`attachmentUrl`). A file over Zoho's 20 MB (`zoho_spec::limits::MAX_ATTACHMENT_BYTES`) is
//! refused with `400 FILE_SIZE_MORE_THAN_ALLOWED`.
//!
//! Not Zoho's: the sandbox keeps no e-mails, so the e-mail attachment and inline image
//! downloads look the attachment `id` up among the files uploaded to `/files`; a file-upload
//! field's `fields_attachment_id` is looked up there too.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use zoho_spec::limits::MAX_ATTACHMENT_BYTES;
use zoho_spec::scope::{Operation, Requirement, Scope};

use crate::answers::{self, Answer};
use crate::body::parse_id;
use crate::ctx::{Ctx, Handled};
use crate::multipart::{self, Part};
use crate::routes::Route;
use crate::schema::ModuleDef;
use crate::state::lock;
use crate::time;

pub(crate) static ROUTES: &[Route] = &[
    Route::new("/files").get(download_file).post(upload_file),
    Route::new("/{module}/{id}/Attachments")
        .get(list)
        .post(attach)
        .delete(delete_many),
    Route::new("/{module}/{id}/Attachments/{attachment_id}")
        .get(download_attachment)
        .delete(delete_one),
    Route::new("/{module}/{id}/photo")
        .get(photo)
        .post(upload_photo)
        .delete(delete_photo),
    Route::new("/{module}/{id}/Emails/actions/download_attachments").get(email_file),
    Route::new("/{module}/{id}/Emails/actions/download_inline_images").get(email_file),
    Route::new("/{module}/{id}/actions/download_fields_attachment").get(field_file),
];

/// A stored file.
#[derive(Debug, Clone)]
pub(crate) struct StoredFile {
    pub name: String,
    pub content_type: String,
    pub data: Bytes,
}

/// One attachment of a record: a file or a link.
#[derive(Debug, Clone)]
struct Attachment {
    id: u64,
    module: &'static str,
    record: u64,
    created: String,
    file: Option<StoredFile>,
    link: Option<String>,
    title: Option<String>,
}

/// What this area keeps: files by id, attachments, photos by record.
#[derive(Debug, Default)]
pub(crate) struct FileStore {
    next: u64,
    files: HashMap<String, StoredFile>,
    attachments: Vec<Attachment>,
    photos: HashMap<(&'static str, u64), StoredFile>,
}

impl FileStore {
    fn new_id(&mut self) -> u64 {
        self.next += 1;
        7_000_000_000_000 + self.next
    }

    /// Keeps a file and returns its id (the bulk write upload keeps its zip here too).
    pub(crate) fn keep(&mut self, file: StoredFile) -> String {
        let id = format!("{:x}{:016x}", self.new_id(), fastish(&file.data));
        self.files.insert(id.clone(), file);
        id
    }

    /// A file kept by [`FileStore::keep`].
    pub(crate) fn file(&self, id: &str) -> Option<&StoredFile> {
        self.files.get(id)
    }
}

/// A cheap fingerprint of a file, so ids of different files differ in more than a counter.
fn fastish(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// A file answered as Zoho answers downloads.
#[derive(Debug, Clone)]
pub(crate) struct FileAnswer {
    pub file: StoredFile,
}

impl FileAnswer {
    pub(crate) fn answer(file: StoredFile) -> Answer {
        Answer {
            status: StatusCode::OK,
            body: None,
            file: Some(Box::new(FileAnswer { file })),
            written: None,
        }
    }
}

impl IntoResponse for FileAnswer {
    fn into_response(self) -> Response {
        let StoredFile {
            name,
            content_type,
            data,
        } = self.file;
        let mut response = (StatusCode::OK, data).into_response();
        let headers = response.headers_mut();
        if let Ok(value) = HeaderValue::from_str(&content_type) {
            headers.insert(header::CONTENT_TYPE, value);
        }
        if let Ok(value) = HeaderValue::from_str(&disposition(&name)) {
            headers.insert(header::CONTENT_DISPOSITION, value);
        }
        response
    }
}

/// `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback and the exact name.
fn disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let exact: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' | b'~' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{exact}")
}

/// The parts of the request's form, or Zoho's answer to a body that is not one.
fn form(ctx: &Ctx<'_>) -> Result<Vec<Part>, Answer> {
    let content_type = ctx
        .req
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let boundary = multipart::boundary(content_type).ok_or_else(|| {
        answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_REQUEST",
            "the body is not multipart/form-data",
            json!({}),
        )
    })?;
    multipart::parse(&boundary, &ctx.req.body).map_err(|reason| {
        answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_REQUEST",
            &reason,
            json!({}),
        )
    })
}

/// The `file` part as a stored file, refused over `limit` bytes.
pub(crate) fn file_part(parts: &[Part], limit: u64) -> Result<Option<StoredFile>, Answer> {
    let Some(part) = parts.iter().find(|p| p.name == "file") else {
        return Ok(None);
    };
    if part.data.len() as u64 > limit {
        return Err(answers::error(
            StatusCode::BAD_REQUEST,
            "FILE_SIZE_MORE_THAN_ALLOWED",
            "The file size is more than allowed",
            json!({ "limit": limit.to_string() }),
        ));
    }
    Ok(Some(StoredFile {
        name: part.file_name.clone().unwrap_or_else(|| "file".to_owned()),
        content_type: part
            .content_type
            .clone()
            .unwrap_or_else(|| "application/octet-stream".to_owned()),
        data: part.data.clone(),
    }))
}

fn text(parts: &[Part], name: &str) -> Option<String> {
    parts
        .iter()
        .find(|p| p.name == name && p.file_name.is_none())
        .map(|p| String::from_utf8_lossy(&p.data).into_owned())
}

/// The record of the URL, checked to exist, with the scope `op` on its module.
fn record<'c>(ctx: &'c Ctx<'_>, op: Operation) -> Result<(&'c ModuleDef, u64), Answer> {
    let m = ctx.module(ctx.at("module"))?;
    ctx.require_module(m, op)?;
    let id = parse_id(ctx.at("id"))
        .filter(|id| ctx.store().get(m.api_name, *id).is_some())
        .ok_or_else(|| {
            answers::error(
                StatusCode::BAD_REQUEST,
                "INVALID_DATA",
                "the id given seems to be invalid",
                json!({ "id": ctx.at("id") }),
            )
        })?;
    Ok((m, id))
}

fn files<'a>(ctx: &'a Ctx<'_>) -> std::sync::MutexGuard<'a, FileStore> {
    lock(&ctx.shared.files)
}

/// `POST /{module}/{id}/Attachments`: a `file` part, or an `attachmentUrl` (form field or
/// query parameter), with an optional `title`.
fn attach(ctx: &Ctx<'_>) -> Handled {
    let (m, record) = record(ctx, Operation::Create)?;
    let parts = match ctx.param("attachmentUrl") {
        Some(_) if ctx.req.body.is_empty() => Vec::new(),
        _ => form(ctx)?,
    };
    let file = file_part(&parts, MAX_ATTACHMENT_BYTES)?;
    let link =
        text(&parts, "attachmentUrl").or_else(|| ctx.param("attachmentUrl").map(str::to_owned));
    if file.is_none() && link.is_none() {
        return Err(answers::required_param_missing("file"));
    }
    let title = text(&parts, "title").or_else(|| ctx.param("title").map(str::to_owned));
    let mut store = files(ctx);
    let id = store.new_id();
    let created = time::now();
    store.attachments.push(Attachment {
        id,
        module: m.api_name,
        record,
        created: created.clone(),
        file,
        link,
        title,
    });
    let details =
        json!({ "id": id.to_string(), "Created_Time": created, "Modified_Time": created });
    Ok(Answer::data(
        StatusCode::OK,
        vec![answers::success_body(
            "attachment uploaded successfully",
            details,
        )],
    ))
}

/// `GET /{module}/{id}/Attachments?fields=…`: the record's attachments, newest first.
fn list(ctx: &Ctx<'_>) -> Handled {
    let (m, record) = record(ctx, Operation::Read)?;
    let fields = ctx
        .param("fields")
        .ok_or_else(|| answers::required_param_missing("fields"))?;
    let wanted: Vec<&str> = fields.split(',').map(str::trim).collect();
    let store = files(ctx);
    let mut items: Vec<Value> = store
        .attachments
        .iter()
        .filter(|a| a.module == m.api_name && a.record == record)
        .map(|a| render(a, &wanted))
        .collect();
    items.reverse();
    if items.is_empty() {
        return Ok(Answer::no_content());
    }
    let count = items.len();
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "data": items, "info": { "per_page": 200, "count": count, "page": 1, "more_records": false } }),
    ))
}

fn render(a: &Attachment, wanted: &[&str]) -> Value {
    let all = json!({
        "id": a.id.to_string(),
        "File_Name": a.file.as_ref().map_or_else(|| a.title.clone().unwrap_or_default(), |f| f.name.clone()),
        "Size": a.file.as_ref().map_or(0, |f| f.data.len()).to_string(),
        "Created_Time": a.created,
        "Modified_Time": a.created,
        "Parent_Id": { "id": a.record.to_string(), "module": { "api_name": a.module } },
        "$type": if a.link.is_some() { "Link URL" } else { "Attachment" },
        "$link_url": a.link,
        "$file_id": a.file.as_ref().map(|_| a.id.to_string()),
    });
    let mut out = serde_json::Map::new();
    for (key, value) in all.as_object().into_iter().flatten() {
        if key == "id" || wanted.contains(&key.as_str()) {
            out.insert(key.clone(), value.clone());
        }
    }
    Value::Object(out)
}

/// `GET /{module}/{id}/Attachments/{attachment_id}`: the file.
fn download_attachment(ctx: &Ctx<'_>) -> Handled {
    let (m, record) = record(ctx, Operation::Read)?;
    let store = files(ctx);
    let wanted = parse_id(ctx.at("attachment_id"));
    let found = store
        .attachments
        .iter()
        .find(|a| a.module == m.api_name && a.record == record && Some(a.id) == wanted)
        .ok_or_else(|| invalid_id(ctx.at("attachment_id")))?;
    match &found.file {
        Some(file) => Ok(FileAnswer::answer(file.clone())),
        None => Ok(Answer::no_content()),
    }
}

fn invalid_id(id: &str) -> Answer {
    answers::error(
        StatusCode::BAD_REQUEST,
        "INVALID_DATA",
        "the id given seems to be invalid",
        json!({ "id": id }),
    )
}

fn remove(ctx: &Ctx<'_>, m: &ModuleDef, record: u64, id_text: &str) -> Value {
    let mut store = files(ctx);
    let id = parse_id(id_text);
    let before = store.attachments.len();
    store
        .attachments
        .retain(|a| !(a.module == m.api_name && a.record == record && Some(a.id) == id));
    if store.attachments.len() < before {
        answers::success_body("record deleted", json!({ "id": id_text }))
    } else {
        answers::error_body(
            "INVALID_DATA",
            "the id given seems to be invalid",
            json!({ "id": id_text }),
        )
    }
}

/// `DELETE /{module}/{id}/Attachments/{attachment_id}`.
fn delete_one(ctx: &Ctx<'_>) -> Handled {
    let (m, record) = record(ctx, Operation::Delete)?;
    let outcome = remove(ctx, m, record, ctx.at("attachment_id"));
    let status = if outcome["status"] == "success" {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    Ok(Answer::data(status, vec![outcome]))
}

/// `DELETE /{module}/{id}/Attachments?ids=…`: one outcome per id.
fn delete_many(ctx: &Ctx<'_>) -> Handled {
    let (m, record) = record(ctx, Operation::Delete)?;
    let ids = ctx
        .param("ids")
        .ok_or_else(|| answers::required_param_missing("ids"))?;
    let outcomes: Vec<Value> = ids
        .split(',')
        .map(|id| remove(ctx, m, record, id.trim()))
        .collect();
    let ok = outcomes.iter().filter(|o| o["status"] == "success").count();
    let status = match ok {
        0 => StatusCode::BAD_REQUEST,
        n if n == outcomes.len() => StatusCode::OK,
        _ => StatusCode::MULTI_STATUS,
    };
    Ok(Answer::data(status, outcomes))
}

/// Modules whose records have a photo.
fn photo_record(ctx: &Ctx<'_>, op: Operation) -> Result<(&'static str, u64), Answer> {
    let (m, record) = record(ctx, op)?;
    if !["Leads", "Contacts", "Accounts", "Products", "Vendors"].contains(&m.api_name) {
        return Err(answers::invalid_module());
    }
    Ok((m.api_name, record))
}

/// A photo's download, a record's or the org's: the image, or `204` when there is none.
pub(crate) fn photo_answer(photo: Option<&StoredFile>) -> Answer {
    match photo {
        Some(file) => FileAnswer::answer(file.clone()),
        None => Answer::no_content(),
    }
}

/// The image of a photo's upload: the form's `file` part, which must be there.
pub(crate) fn uploaded_photo(ctx: &Ctx<'_>) -> Result<StoredFile, Answer> {
    file_part(&form(ctx)?, MAX_ATTACHMENT_BYTES)?
        .ok_or_else(|| answers::required_param_missing("file"))
}

/// Zoho's answer to a photo's upload.
pub(crate) fn photo_uploaded() -> Answer {
    Answer::json(
        StatusCode::OK,
        answers::success_body("photo uploaded successfully", json!({})),
    )
}

/// `GET /{module}/{id}/photo`: the photo, or `204` when the record has none.
fn photo(ctx: &Ctx<'_>) -> Handled {
    let key = photo_record(ctx, Operation::Read)?;
    Ok(photo_answer(files(ctx).photos.get(&key)))
}

/// `POST /{module}/{id}/photo`: a `file` part, an image.
fn upload_photo(ctx: &Ctx<'_>) -> Handled {
    let key = photo_record(ctx, Operation::Update)?;
    let file = uploaded_photo(ctx)?;
    files(ctx).photos.insert(key, file);
    Ok(photo_uploaded())
}

/// `DELETE /{module}/{id}/photo`.
fn delete_photo(ctx: &Ctx<'_>) -> Handled {
    let key = photo_record(ctx, Operation::Delete)?;
    match files(ctx).photos.remove(&key) {
        Some(_) => Ok(Answer::json(
            StatusCode::OK,
            answers::success_body("Photo deleted", json!({})),
        )),
        None => Err(answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "no photo to delete",
            json!({}),
        )),
    }
}

fn files_scope(ctx: &Ctx<'_>, op: Operation) -> Result<(), Answer> {
    ctx.require(&Requirement::one(Scope::crm(&["files"], op)))
}

/// `POST /files`: each `file` part kept, one outcome each with its id.
fn upload_file(ctx: &Ctx<'_>) -> Handled {
    files_scope(ctx, Operation::Create)?;
    let parts = form(ctx)?;
    let mut outcomes = Vec::new();
    for part in parts.iter().filter(|p| p.name == "file") {
        let Some(file) = file_part(std::slice::from_ref(part), MAX_ATTACHMENT_BYTES)? else {
            continue;
        };
        let name = file.name.clone();
        let id = files(ctx).keep(file);
        outcomes.push(answers::success_body(
            "file uploaded.",
            json!({ "name": name, "id": id }),
        ));
    }
    if outcomes.is_empty() {
        return Err(answers::required_param_missing("file"));
    }
    Ok(Answer::data(StatusCode::OK, outcomes))
}

fn stored(ctx: &Ctx<'_>, param: &str) -> Handled {
    let id = ctx
        .param(param)
        .ok_or_else(|| answers::required_param_missing(param))?;
    let file = files(ctx).file(id).cloned().ok_or_else(|| invalid_id(id))?;
    Ok(FileAnswer::answer(file))
}

/// `GET /files?id=…`: the file.
fn download_file(ctx: &Ctx<'_>) -> Handled {
    files_scope(ctx, Operation::Read)?;
    stored(ctx, "id")
}

/// The e-mail attachment and inline image downloads (see the module docs).
fn email_file(ctx: &Ctx<'_>) -> Handled {
    record(ctx, Operation::Read)?;
    for param in ["user_id", "message_id"] {
        ctx.param(param)
            .ok_or_else(|| answers::required_param_missing(param))?;
    }
    stored(ctx, "id")
}

/// `GET /{module}/{id}/actions/download_fields_attachment?fields_attachment_id=…`.
fn field_file(ctx: &Ctx<'_>) -> Handled {
    record(ctx, Operation::Read)?;
    stored(ctx, "fields_attachment_id")
}
