//! The bulk API (`/crm/bulk/{version}`) and the content domain's upload (`/crm/{version}/upload`).
//!
//! A bulk read job (`POST …/read`) answers `ADDED`, is `IN PROGRESS` at its first status check
//! and `COMPLETED` from the next, with its result: a zip of one CSV of the query's records
//! (`Id` and the fields asked for; all of the module's fields when none are), downloaded from
//! `…/read/{job_id}/result`. Criteria of `equal` and `not_equal` comparators, grouped with
//! `AND` or `OR`, are applied; another comparator is refused with `INVALID_DATA`.
//!
//! A bulk write uploads a zip of a CSV to `/crm/{version}/upload` (with `feature: bulk-write`
//! and `X-CRM-ORG`), answered with a `file_id`; `POST …/write` applies the CSV to the store
//! at once (insert, update by an `id` column, or upsert by `find_by`), and its status goes
//! through the same states. Its result file (a zip of a CSV at `result.download_url`) repeats
//! each row of the upload, in order, with three more columns: `STATUS` (`ADDED`, `UPDATED` or
//! `FAILED`), `RECORD_ID` and `ERRORS` (`CODE - field`). Zoho documents the columns only by
//! example; these names are the sandbox's reading of them. A write job's status lists, in
//! each `resource`, the `file_id` it was created from.
//!
//! A job created with a `callback` (`{"url": …, "method": "post"}`; another method is refused
//! with `INVALID_CALLBACK_METHOD`) is `COMPLETED` at once, and its callback is POSTed as JSON
//! to `url` by a background task, on loopback only (as notification channels' notices
//! are), and kept with the job
//! ([`Sandbox::bulk_jobs`](crate::Sandbox::bulk_jobs)). Zoho documents that "the job's details
//! are posted to this URL on successful completion of job or on failure of job", and that
//! `post` is the only method, but not the body it posts. The sandbox posts, for a write job,
//! the object its status answers (`id`, `operation`, `status`, `resource` with `file_id`,
//! `result.download_url`, `callback`), and for a read job
//! `{"job_id", "operation": "read", "state", "query", "result": {page, count, per_page,
//! more_records, download_url}}`: both assumed, which is why a receiver had better match a
//! callback by a token of its own in the callback URL's query (kept verbatim) than by the body.
//! A failed delivery is not retried.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use zoho_spec::limits::{MAX_BULK_READ_RECORDS, MAX_BULK_WRITE_RECORDS, MAX_BULK_WRITE_ZIP_BYTES};
use zoho_spec::scope::{Operation, Requirement, Scope};

use crate::answers::{self, Answer, Outcome};
use crate::body;
use crate::ctx::{Ctx, Handled};
use crate::files::{file_part, FileAnswer, StoredFile};
use crate::routes::Route;
use crate::schema::ModuleDef;
use crate::state::lock;
use crate::store::{Record, Store};
use crate::{multipart, notifications, time, writes, zipcsv};

/// The first segment the dispatcher gives a path of the bulk root, `/crm/bulk/{version}/…`
/// (a segment no path of the API root can have).
pub(crate) const ROOT: &str = "~bulk";

pub(crate) static ROUTES: &[Route] = &[
    Route::new("/upload").post(upload),
    Route::new("/~bulk/read").post(create_read),
    Route::new("/~bulk/read/{job_id}").get(read_status),
    Route::new("/~bulk/read/{job_id}/result").get(result),
    Route::new("/~bulk/write").post(create_write),
    Route::new("/~bulk/write/{job_id}").get(write_status),
    Route::new("/~bulk/write/{job_id}/result").get(result),
    Route::new("/~bulk/*"),
];

/// One job of either kind.
#[derive(Debug, Clone)]
struct BulkJob {
    operation: &'static str,
    /// The job's description as its status answers it, `state` and `result` aside.
    view: Value,
    /// Status checks still to answer before `COMPLETED`.
    polls_left: u32,
    /// The result's zip and its file name.
    result: Option<StoredFile>,
    /// What goes in `result` besides `download_url`.
    summary: Value,
    /// What the job was created with and what it sent, for [`BulkJobRecord`].
    record: BulkJobRecord,
}

/// A bulk job as the sandbox keeps it, for tests to count jobs and the callbacks they sent.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct BulkJobRecord {
    /// The job's id.
    pub id: String,
    /// `read` or `write`.
    pub kind: String,
    /// For a write job, `insert`, `update` or `upsert`; for a read job, `read`.
    pub operation: String,
    /// The module.
    pub module: String,
    /// The uploaded file a write job read.
    pub file_id: Option<String>,
    /// `find_by` of an upsert.
    pub find_by: Option<String>,
    /// The rows of the file a write job read, or the records a read job found.
    pub rows: usize,
    /// The callback URL the job was created with.
    pub callback_url: Option<String>,
    /// The body POSTed to the callback URL, once sent (whether it was received is the
    /// receiver's to say).
    pub callback_sent: Option<Value>,
}

/// The jobs, by id.
#[derive(Debug, Default)]
pub(crate) struct BulkJobs {
    next: u64,
    jobs: HashMap<String, BulkJob>,
}

impl BulkJobs {
    fn add(&mut self, job: BulkJob) -> String {
        self.next += 1;
        let id = (5_500_000_000_000_000 + self.next).to_string();
        self.jobs.insert(id.clone(), job);
        id
    }

    /// Every job, in the order created.
    pub(crate) fn records(&self) -> Vec<BulkJobRecord> {
        let mut all: Vec<BulkJobRecord> = self.jobs.values().map(|j| j.record.clone()).collect();
        all.sort_by(|a, b| a.id.len().cmp(&b.id.len()).then_with(|| a.id.cmp(&b.id)));
        all
    }

    /// Adds `job`, completed at once when it has a callback, whose body `callback(id, job)`
    /// makes; POSTs it and keeps it.
    fn add_with_callback(
        &mut self,
        mut job: BulkJob,
        callback: impl Fn(&str, &BulkJob) -> Value,
    ) -> String {
        if job.record.callback_url.is_some() {
            job.polls_left = 0;
        }
        let id = self.add(job);
        let Some(job) = self.jobs.get_mut(&id) else {
            return id;
        };
        job.record.id = id.clone();
        if let Some(url) = job.record.callback_url.clone() {
            let body = callback(&id, job);
            job.record.callback_sent = Some(body.clone());
            notifications::deliver(url, body);
        }
        id
    }
}

/// The callback URL of a job's `callback`, which must be `{"url": …, "method": "post"}`.
fn callback_url(body: &Value) -> Result<Option<String>, Answer> {
    let Some(callback) = body.get("callback").filter(|c| !c.is_null()) else {
        return Ok(None);
    };
    let method = callback["method"].as_str().unwrap_or_default();
    if !method.eq_ignore_ascii_case("post") {
        return Err(answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_CALLBACK_METHOD",
            "the callback method is not supported",
            json!({ "supported_callback_methods": ["post"] }),
        ));
    }
    match callback["url"].as_str() {
        Some(url) if !url.is_empty() => Ok(Some(url.to_owned())),
        _ => Err(invalid(
            "invalid callback url",
            json!({ "api_name": "url" }),
        )),
    }
}

fn bulk_scope(ctx: &Ctx<'_>, op: Operation) -> Result<(), Answer> {
    ctx.require(&Requirement::one(Scope::crm(&["bulk"], op)))
}

fn invalid(message: &str, details: Value) -> Answer {
    answers::error(StatusCode::BAD_REQUEST, "INVALID_DATA", message, details)
}

/// The module of `{"module": {"api_name": …}}`, with the scope `op` on it.
fn module_of<'c>(ctx: &'c Ctx<'_>, holder: &Value, op: Operation) -> Result<&'c ModuleDef, Answer> {
    let name = holder["module"]["api_name"]
        .as_str()
        .or_else(|| holder["module"].as_str())
        .ok_or_else(|| answers::mandatory_body_key("module"))?;
    let m = ctx.module(name)?;
    ctx.require_module(m, op)?;
    Ok(m)
}

/// `POST /crm/bulk/{v}/read`.
fn create_read(ctx: &Ctx<'_>) -> Handled {
    bulk_scope(ctx, Operation::Read)?;
    let body = Value::Object(body::object(&ctx.req.body)?);
    let query = body
        .get("query")
        .ok_or_else(|| answers::mandatory_body_key("query"))?;
    let m = module_of(ctx, query, Operation::Read)?;
    let fields = read_fields(m, query)?;
    let callback = callback_url(&body)?;
    let rows = {
        let store = ctx.store();
        read_rows(&store, m, &fields, query.get("criteria"))?
    };
    let count = rows.len() - 1;
    let zip = zipcsv::write("result.csv", &rows).map_err(|_| answers::internal_error())?;
    let created = time::now();
    let job = BulkJob {
        operation: "read",
        view: json!({ "operation": "read", "created_time": created, "query": query, "file_type": "csv" }),
        polls_left: 1,
        result: Some(StoredFile {
            name: "result.zip".into(),
            content_type: "application/zip".into(),
            data: zip.into(),
        }),
        summary: json!({ "page": 1, "count": count, "per_page": MAX_BULK_READ_RECORDS, "more_records": false }),
        record: BulkJobRecord {
            kind: "read".into(),
            operation: "read".into(),
            module: m.api_name.to_owned(),
            rows: count,
            callback_url: callback,
            ..BulkJobRecord::default()
        },
    };
    let read_url = |id: &str| format!("/crm/bulk/{}/read/{id}/result", ctx.version.as_str());
    let id = lock(&ctx.shared.bulk).add_with_callback(job, |id, job| {
        let mut result = job.summary.clone();
        result["download_url"] = read_url(id).into();
        json!({ "job_id": id, "operation": "read", "state": "COMPLETED", "query": job.view["query"], "result": result })
    });
    let details =
        json!({ "id": id, "operation": "read", "state": "ADDED", "created_time": created });
    let item = json!({ "status": "success", "code": "ADDED_SUCCESSFULLY", "message": "Added successfully.", "details": details });
    Ok(Answer::json(
        StatusCode::CREATED,
        json!({ "data": [item], "info": {} }),
    ))
}

fn read_fields(m: &ModuleDef, query: &Value) -> Result<Vec<String>, Answer> {
    let Some(list) = query.get("fields").and_then(Value::as_array) else {
        return Ok(m.fields().map(|f| f.api_name.to_owned()).collect());
    };
    list.iter()
        .map(|f| {
            let name = f.as_str().unwrap_or_default();
            match m.field(name) {
                Some(def) => Ok(def.api_name.to_owned()),
                None if name == "id" || name == "Id" => Ok("Id".to_owned()),
                None => Err(invalid("invalid field", json!({ "api_name": name }))),
            }
        })
        .collect()
}

/// The header (`Id` first) and a row per record the criteria keep.
fn read_rows(
    store: &Store,
    m: &ModuleDef,
    fields: &[String],
    criteria: Option<&Value>,
) -> Result<Vec<Vec<String>>, Answer> {
    let columns: Vec<String> = std::iter::once("Id".to_owned())
        .chain(fields.iter().filter(|f| *f != "Id").cloned())
        .collect();
    let mut rows = vec![columns.clone()];
    for (id, record) in store.records(m.api_name) {
        if let Some(criteria) = criteria {
            if !matches(record, criteria)? {
                continue;
            }
        }
        let row = columns
            .iter()
            .map(|c| {
                if c == "Id" {
                    id.to_string()
                } else {
                    cell(record.fields.get(c))
                }
            })
            .collect();
        rows.push(row);
    }
    Ok(rows)
}

fn matches(record: &Record, criteria: &Value) -> Result<bool, Answer> {
    if let Some(group) = criteria.get("group").and_then(Value::as_array) {
        let any = criteria["group_operator"]
            .as_str()
            .is_some_and(|o| o.eq_ignore_ascii_case("or"));
        let results = group
            .iter()
            .map(|c| matches(record, c))
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(if any {
            results.contains(&true)
        } else {
            !results.contains(&false)
        });
    }
    let field = criteria["field"]["api_name"]
        .as_str()
        .ok_or_else(|| invalid("invalid criteria", json!({ "api_name": "criteria" })))?;
    let value = cell(criteria.get("value"));
    let actual = cell(record.fields.get(field));
    match criteria["comparator"].as_str() {
        Some("equal") => Ok(actual == value),
        Some("not_equal") => Ok(actual != value),
        _ => Err(invalid(
            "the sandbox's bulk read takes the comparators `equal` and `not_equal`",
            json!({ "api_name": "comparator" }),
        )),
    }
}

/// A value as a CSV cell: text as it is, a lookup by its id, a list joined with `;`.
fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Object(o)) => o
            .get("id")
            .map_or_else(|| Value::Object(o.clone()).to_string(), |id| cell(Some(id))),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| cell(Some(v)))
            .collect::<Vec<_>>()
            .join(";"),
        Some(other) => other.to_string(),
    }
}

/// A job's status, one check further.
fn status(ctx: &Ctx<'_>, operation: &str) -> Result<(String, BulkJob, &'static str), Answer> {
    let id = ctx.at("job_id").to_owned();
    let mut jobs = lock(&ctx.shared.bulk);
    let job = jobs
        .jobs
        .get_mut(&id)
        .filter(|j| j.operation == operation)
        .ok_or_else(|| {
            answers::error(
                StatusCode::NOT_FOUND,
                "RESOURCE_NOT_FOUND",
                "The requested resource doesn't exist.",
                json!({ "job_id": id }),
            )
        })?;
    let state = if job.polls_left > 0 {
        job.polls_left -= 1;
        "IN PROGRESS"
    } else {
        "COMPLETED"
    };
    Ok((id, job.clone(), state))
}

fn download_url(ctx: &Ctx<'_>, operation: &str, id: &str) -> String {
    format!(
        "{}/crm/bulk/{}/{operation}/{id}/result",
        ctx.shared.api_domain,
        ctx.version.as_str()
    )
}

/// `GET /crm/bulk/{v}/read/{job_id}`.
fn read_status(ctx: &Ctx<'_>) -> Handled {
    bulk_scope(ctx, Operation::Read)?;
    let (id, job, state) = status(ctx, "read")?;
    let mut view = job.view;
    view["id"] = id.clone().into();
    view["state"] = state.into();
    if state == "COMPLETED" {
        let mut result = job.summary;
        result["download_url"] =
            format!("/crm/bulk/{}/read/{id}/result", ctx.version.as_str()).into();
        view["result"] = result;
    }
    Ok(Answer::json(StatusCode::OK, json!({ "data": [view] })))
}

/// `GET …/{job_id}/result`: the result zip of a completed job.
fn result(ctx: &Ctx<'_>) -> Handled {
    bulk_scope(ctx, Operation::Read)?;
    let jobs = lock(&ctx.shared.bulk);
    let job = jobs
        .jobs
        .get(ctx.at("job_id"))
        .filter(|j| j.polls_left == 0);
    match job.and_then(|j| j.result.clone()) {
        Some(file) => Ok(FileAnswer::answer(file)),
        None => Err(invalid(
            "the job is not completed, or has no result",
            json!({ "job_id": ctx.at("job_id") }),
        )),
    }
}

/// `POST /crm/{v}/upload` on the content domain: the zip of a bulk write, kept.
fn upload(ctx: &Ctx<'_>) -> Handled {
    ctx.require(&Requirement::one(Scope::new(
        "ZohoFiles",
        &["files"],
        Operation::All,
    )))?;
    let feature = ctx.req.headers.get("feature").and_then(|v| v.to_str().ok());
    if feature != Some("bulk-write") {
        return Err(answers::required_param_missing("feature"));
    }
    if ctx.req.headers.get("X-CRM-ORG").is_none() {
        return Err(answers::required_param_missing("X-CRM-ORG"));
    }
    let content_type = ctx
        .req
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let boundary =
        multipart::boundary(content_type).ok_or_else(|| answers::required_param_missing("file"))?;
    let parts =
        multipart::parse(&boundary, &ctx.req.body).map_err(|reason| invalid(&reason, json!({})))?;
    let file = file_part(&parts, MAX_BULK_WRITE_ZIP_BYTES)?
        .ok_or_else(|| answers::required_param_missing("file"))?;
    if zipcsv::read(&file.data).is_err() {
        return Err(invalid(
            "the file is not a zip of a CSV file",
            json!({ "api_name": "file" }),
        ));
    }
    let id = lock(&ctx.shared.files).keep(file);
    let details = json!({ "file_id": id, "created_time": time::now() });
    Ok(Answer::json(
        StatusCode::OK,
        json!({ "status": "success", "code": "FILE_UPLOAD_SUCCESS", "message": "file uploaded.", "details": details }),
    ))
}

/// `POST /crm/bulk/{v}/write`: the uploaded CSV applied, its result kept.
fn create_write(ctx: &Ctx<'_>) -> Handled {
    bulk_scope(ctx, Operation::Create)?;
    let body = Value::Object(body::object(&ctx.req.body)?);
    let operation = match body["operation"].as_str() {
        Some("insert") => "insert",
        Some("update") => "update",
        Some("upsert") => "upsert",
        _ => {
            return Err(invalid(
                "invalid operation",
                json!({ "api_name": "operation" }),
            ))
        }
    };
    let resource = body["resource"]
        .get(0)
        .ok_or_else(|| answers::mandatory_body_key("resource"))?;
    let op = if operation == "insert" {
        Operation::Create
    } else {
        Operation::Update
    };
    let m = module_of(ctx, resource, op)?;
    let file_id = resource["file_id"]
        .as_str()
        .ok_or_else(|| answers::mandatory_body_key("file_id"))?;
    let callback = callback_url(&body)?;
    let data: Bytes = {
        let files = lock(&ctx.shared.files);
        files
            .file(file_id)
            .map(|f| f.data.clone())
            .ok_or_else(|| invalid("invalid file id", json!({ "api_name": "file_id" })))?
    };
    let rows =
        zipcsv::read(&data).map_err(|reason| invalid(&reason, json!({ "api_name": "file_id" })))?;
    if rows.len() > MAX_BULK_WRITE_RECORDS + 1 {
        return Err(answers::limit_exceeded(MAX_BULK_WRITE_RECORDS, "file_id"));
    }
    let mappings = mappings(resource, rows.first())?;
    let find_by = resource["find_by"].as_str();
    let (result_rows, counts) = {
        let mut store = ctx.store();
        apply(&mut store, m, operation, &rows, &mappings, find_by)
    };
    let zip = zipcsv::write("result.csv", &result_rows).map_err(|_| answers::internal_error())?;
    let created = time::now();
    let file_view = json!({ "status": "COMPLETED", "name": "result.csv", "added_count": counts[0], "updated_count": counts[1], "skipped_count": counts[2], "total_count": rows.len() - 1 });
    let view = json!({
        "operation": operation, "created_time": created, "character_encoding": "UTF-8",
        "resource": [{ "status": "COMPLETED", "type": "data", "module": { "api_name": m.api_name }, "file_id": file_id, "file": file_view }],
        "callback": body.get("callback").cloned().unwrap_or(Value::Null),
    });
    let job = BulkJob {
        operation: "write",
        view,
        polls_left: 1,
        result: Some(StoredFile {
            name: "result.zip".into(),
            content_type: "application/zip".into(),
            data: zip.into(),
        }),
        summary: json!({}),
        record: BulkJobRecord {
            kind: "write".into(),
            operation: operation.into(),
            module: m.api_name.to_owned(),
            file_id: Some(file_id.to_owned()),
            find_by: find_by.map(str::to_owned),
            rows: rows.len() - 1,
            callback_url: callback,
            ..BulkJobRecord::default()
        },
    };
    let id = lock(&ctx.shared.bulk)
        .add_with_callback(job, |id, job| write_view(ctx, id, job, "COMPLETED"));
    Ok(Answer::json(
        StatusCode::CREATED,
        json!({ "status": "success", "code": "SUCCESS", "message": "success", "details": { "id": id, "created_time": created } }),
    ))
}

/// Which column fills which field: `field_mappings` (`api_name`, `index`), else the header.
fn mappings(
    resource: &Value,
    header: Option<&Vec<String>>,
) -> Result<Vec<(String, usize)>, Answer> {
    let header =
        header.ok_or_else(|| invalid("the CSV file is empty", json!({ "api_name": "file_id" })))?;
    match resource["field_mappings"].as_array() {
        None => Ok(header
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, n)| (n, i))
            .collect()),
        Some(list) => list
            .iter()
            .map(|m| match (m["api_name"].as_str(), m["index"].as_u64()) {
                (Some(name), Some(i)) if (i as usize) < header.len() => {
                    Ok((name.to_owned(), i as usize))
                }
                _ => Err(invalid(
                    "invalid field mapping",
                    json!({ "api_name": "field_mappings" }),
                )),
            })
            .collect(),
    }
}

/// Applies each row in order; returns the result rows and the added, updated and failed counts.
fn apply(
    store: &mut Store,
    m: &ModuleDef,
    operation: &str,
    rows: &[Vec<String>],
    mappings: &[(String, usize)],
    find_by: Option<&str>,
) -> (Vec<Vec<String>>, [usize; 3]) {
    let mut header = rows[0].clone();
    header.extend(["STATUS", "RECORD_ID", "ERRORS"].map(String::from));
    let mut out = vec![header];
    let mut counts = [0; 3];
    for row in &rows[1..] {
        let mut record = Map::new();
        for (name, i) in mappings {
            let value = row.get(*i).cloned().unwrap_or_default();
            if !value.is_empty() {
                record.insert(name.clone(), Value::String(value));
            }
        }
        let (status, outcome) = write_row(store, m, operation, record, find_by);
        let (id, errors) = if outcome.is_ok() {
            counts[usize::from(status == "UPDATED")] += 1;
            (cell(outcome.body["details"].get("id")), String::new())
        } else {
            counts[2] += 1;
            let field = cell(outcome.body["details"].get("api_name"));
            (
                String::new(),
                format!("{} - {field}", cell(outcome.body.get("code"))),
            )
        };
        let mut line = row.clone();
        line.extend([
            if outcome.is_ok() { status } else { "FAILED" }.to_owned(),
            id,
            errors,
        ]);
        out.push(line);
    }
    (out, counts)
}

fn write_row(
    store: &mut Store,
    m: &ModuleDef,
    operation: &str,
    mut record: Map<String, Value>,
    find_by: Option<&str>,
) -> (&'static str, Outcome) {
    let id_text = record.remove("id").or_else(|| record.remove("Id"));
    let existing = match (operation, &id_text, find_by) {
        (_, Some(id), _) => body::id_of(id),
        ("upsert", None, Some(field)) => record
            .get(field)
            .and_then(|v| store.find_by(m.api_name, field, v, None)),
        _ => None,
    };
    match (operation, existing) {
        ("insert", _) | ("upsert", None) => {
            ("ADDED", writes::insert(store, m, &Value::Object(record)))
        }
        (_, Some(id)) => ("UPDATED", writes::update(store, m, id, &record)),
        (_, None) => ("UPDATED", writes::mandatory_missing("id")),
    }
}

/// `GET /crm/bulk/{v}/write/{job_id}`.
fn write_status(ctx: &Ctx<'_>) -> Handled {
    bulk_scope(ctx, Operation::Read)?;
    let (id, job, state) = status(ctx, "write")?;
    Ok(Answer::json(
        StatusCode::OK,
        write_view(ctx, &id, &job, state),
    ))
}

/// A write job as its status (and its callback) describes it.
fn write_view(ctx: &Ctx<'_>, id: &str, job: &BulkJob, state: &str) -> Value {
    let mut view = job.view.clone();
    view["id"] = id.into();
    view["status"] = state.into();
    if view["callback"].is_null() {
        if let Some(map) = view.as_object_mut() {
            map.remove("callback");
        }
    }
    if state == "COMPLETED" {
        view["result"] = json!({ "download_url": download_url(ctx, "write", id) });
    }
    view
}
