//! External ids: the `X-EXTERNAL: Contacts.External_Contact_ID,Deals.External_Deal_ID` header,
//! under which a record is named by the value of an external field instead of its id (seed 000).

use axum::http::{HeaderMap, StatusCode};
use serde_json::{json, Value};

use crate::answers::{self, Answer};
use crate::body;
use crate::schema::{FieldDef, ModuleDef, Schema};
use crate::store::Store;

/// The modules the header names, each with its external field.
#[derive(Debug, Default)]
pub(crate) struct External {
    pairs: Vec<(&'static str, FieldDef)>,
}

/// Reads the header against the metadata in force; no header is an empty set.
pub(crate) fn parse(schema: &Schema, headers: &HeaderMap) -> Result<External, Answer> {
    let Some(value) = headers.get("x-external") else {
        return Ok(External::default());
    };
    let text = value.to_str().map_err(|_| invalid_header())?;
    let mut pairs = Vec::new();
    for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (module, field) = item.split_once('.').ok_or_else(invalid_header)?;
        let module = schema
            .module(module.trim())
            .ok_or_else(answers::invalid_module)?;
        let field = module
            .field(field.trim())
            .filter(|f| f.external)
            .ok_or_else(invalid_header)?;
        pairs.push((module.api_name, *field));
    }
    Ok(External { pairs })
}

fn invalid_header() -> Answer {
    answers::error(
        StatusCode::BAD_REQUEST,
        "INVALID_DATA",
        "the external field given seems to be invalid",
        json!({ "header_name": "X-EXTERNAL" }),
    )
}

impl External {
    /// The external field the header gives for `module`, if it names it.
    pub(crate) fn field_for(&self, module: &ModuleDef) -> Option<&FieldDef> {
        self.pairs
            .iter()
            .find(|(m, _)| *m == module.api_name)
            .map(|(_, f)| f)
    }

    /// The record a path segment names: by external value when the header names the module,
    /// else by id.
    pub(crate) fn resolve(&self, store: &Store, module: &ModuleDef, segment: &str) -> Option<u64> {
        match self.field_for(module) {
            Some(field) => store.find_by(module.api_name, field.api_name, &json!(segment), None),
            None => body::parse_id(segment).filter(|id| store.get(module.api_name, *id).is_some()),
        }
    }

    /// The details key naming a record that a path segment names: its external field or `id`.
    pub(crate) fn detail_key(&self, module: &ModuleDef) -> &'static str {
        self.field_for(module).map_or("id", |f| f.api_name)
    }
}

/// Looks a record up by the value of an external field given in a body.
pub(crate) fn find_by_value(
    store: &Store,
    module: &ModuleDef,
    field: &FieldDef,
    value: &Value,
) -> Option<u64> {
    store.find_by(module.api_name, field.api_name, value, None)
}
