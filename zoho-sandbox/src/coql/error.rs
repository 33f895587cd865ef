//! What COQL refuses, with Zoho's codes: `SYNTAX_ERROR` for what does not parse,
//! `INVALID_QUERY` for names that do not exist, `LIMIT_EXCEEDED` past Zoho's limits,
//! `DUPLICATE_DATA` for a field ordered by twice.
//!
//! Zoho's COQL pages give the codes (and the OpenAPI file `coql.json` lists them) but not every
//! `details` key; the sandbox answers `clause` and `near` for a syntax error, `column_name` or
//! `module` for an invalid name, `limit` and `by` for a limit, which is what Zoho's own answers
//! have been seen to carry.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::answers::{self, Answer};

/// A refused query.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CoqlError {
    pub code: &'static str,
    pub message: &'static str,
    pub details: Value,
}

impl CoqlError {
    /// The query does not parse near this text.
    pub(crate) fn syntax(near: String) -> Self {
        CoqlError {
            code: "SYNTAX_ERROR",
            message: "error occurred while parsing the query",
            details: json!({ "near": near }),
        }
    }

    /// The query does not parse in this clause.
    pub(crate) fn syntax_in(clause: &str, near: String) -> Self {
        CoqlError {
            code: "SYNTAX_ERROR",
            message: "error occurred while parsing the query",
            details: json!({ "clause": clause, "near": near }),
        }
    }

    /// A field the module does not have.
    pub(crate) fn invalid_column(column: &str, clause: &str) -> Self {
        CoqlError {
            code: "INVALID_QUERY",
            message: "invalid column given",
            details: json!({ "column_name": column, "clause": clause }),
        }
    }

    /// A module that does not exist.
    pub(crate) fn invalid_module(module: &str) -> Self {
        CoqlError {
            code: "INVALID_QUERY",
            message: "invalid module given",
            details: json!({ "module": module, "clause": "from" }),
        }
    }

    /// More than Zoho takes of something.
    pub(crate) fn limit(by: &str, limit: usize) -> Self {
        CoqlError {
            code: "LIMIT_EXCEEDED",
            message: "limit exceeded",
            details: json!({ "by": by, "limit": limit }),
        }
    }

    /// A field ordered by twice.
    pub(crate) fn duplicate(column: &str) -> Self {
        CoqlError {
            code: "DUPLICATE_DATA",
            message: "duplicate data",
            details: json!({ "column_name": column, "clause": "order by" }),
        }
    }

    /// The error answer, `400`.
    pub(crate) fn answer(self) -> Answer {
        answers::error(
            StatusCode::BAD_REQUEST,
            self.code,
            self.message,
            self.details,
        )
    }
}
