//! Deleted records: the recycle bin a delete puts records in, and `GET /{module}/deleted`.
//!
//! Every delete through the API lands in the bin (`type: recycle`); the sandbox never empties
//! it, so `permanent` lists nothing. Zoho keeps recycled records 60 days; the sandbox keeps
//! them for its lifetime.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::answers::{self, Answer};
use crate::ctx::{Ctx, Handled};
use crate::paging::{self, Sort};
use crate::state::lock;
use crate::store::{patricia, Record};
use crate::time;

/// A record as it was deleted.
#[derive(Debug, Clone)]
pub(crate) struct Deleted {
    module: &'static str,
    id: u64,
    display_name: Option<String>,
    deleted_time: String,
    created_by: Value,
}

/// The deleted records, oldest deletion first.
#[derive(Debug, Default)]
pub(crate) struct RecycleBin {
    entries: Vec<Deleted>,
}

impl RecycleBin {
    /// Keeps a record that was just deleted.
    pub(crate) fn put(&mut self, module: &'static str, id: u64, record: &Record) {
        self.entries.push(Deleted {
            module,
            id,
            display_name: display_name(record),
            deleted_time: time::now(),
            created_by: record
                .fields
                .get("Created_By")
                .cloned()
                .unwrap_or(Value::Null),
        });
    }
}

/// The name Zoho shows for a record: the first of the usual name fields it has.
fn display_name(record: &Record) -> Option<String> {
    const NAMES: [&str; 7] = [
        "Full_Name",
        "Last_Name",
        "Account_Name",
        "Deal_Name",
        "Subject",
        "Product_Name",
        "Name",
    ];
    NAMES
        .iter()
        .find_map(|n| record.fields.get(*n).and_then(Value::as_str))
        .map(str::to_owned)
}

/// `GET /{module}/deleted?type=all|recycle|permanent`, paged by `page` and `per_page`.
pub(crate) fn list(ctx: &Ctx<'_>, module: &str) -> Handled {
    let m = ctx.module(module)?;
    ctx.require_shape(m)?;
    let kind = ctx.param("type").unwrap_or("all");
    if !["all", "recycle", "permanent"].contains(&kind) {
        return Err(answers::invalid_param("type"));
    }
    let window = paging::window(ctx, None)?;
    let rows: Vec<Value> = if kind == "permanent" {
        Vec::new()
    } else {
        let bin = lock(&ctx.shared.recycle);
        bin.entries
            .iter()
            .rev()
            .filter(|d| d.module == m.api_name)
            .map(render)
            .collect()
    };
    let sort = Sort {
        by: "deleted_time".into(),
        descending: true,
    };
    Ok(paging::answer(ctx, rows, window, &sort, None))
}

fn render(d: &Deleted) -> Value {
    json!({
        "deleted_by": patricia(),
        "id": d.id.to_string(),
        "display_name": d.display_name,
        "type": "recycle",
        "created_by": d.created_by,
        "deleted_time": d.deleted_time,
    })
}

/// `204` for an empty answer, else the `data`.
pub(crate) fn data_or_empty(items: Vec<Value>) -> Answer {
    if items.is_empty() {
        Answer::no_content()
    } else {
        Answer::data(StatusCode::OK, items)
    }
}
