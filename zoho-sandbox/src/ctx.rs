//! What every handler of the CRM API is given: the request, the API version, the token's
//! scopes and the values of its route's captures.

use std::sync::{Arc, MutexGuard};

use axum::body::Bytes;
use axum::http::HeaderMap;
use zoho_spec::scope::{Operation, Requirement, Scope};
use zoho_spec::{shape, ApiVersion, Method};

use crate::answers::{self, Answer};
use crate::pattern::{self, Captures};
use crate::schema::{ModuleDef, Schema};
use crate::state::{lock, Shared};
use crate::store::Store;

/// A request as the handlers see it, body already read.
#[derive(Debug)]
pub(crate) struct Incoming {
    pub method: axum::http::Method,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: HeaderMap,
    pub body: Bytes,
}

/// A handler's answer; `Err` carries an early error answer so `?` can be used.
pub(crate) type Handled = Result<Answer, Answer>;

/// A handler of one method of one route.
pub(crate) type Handler = fn(&Ctx<'_>) -> Handled;

/// What every handler needs: the shared state, the request, the API version and the token's scopes.
pub(crate) struct Ctx<'a> {
    pub shared: &'a Shared,
    pub req: &'a Incoming,
    pub method: Method,
    pub version: ApiVersion,
    pub scopes: Vec<Scope>,
    /// The pattern of the route the request matched, `/{module}/{id}`.
    pub pattern: &'static str,
    pub captures: Captures,
    /// The metadata in force when the request came: one snapshot for the whole request.
    pub schema: Arc<Schema>,
}

impl Ctx<'_> {
    /// The value of the route's capture `{name}`: empty for a name the pattern lacks, which
    /// the handler of a route names only by mistake.
    pub(crate) fn at(&self, name: &str) -> &str {
        self.captures.get(name).unwrap_or_default()
    }

    /// The value of the route's capture `{name}`, for a handler several routes share.
    pub(crate) fn capture(&self, name: &str) -> Option<&str> {
        self.captures.get(name)
    }

    /// The first value of a query parameter.
    pub(crate) fn param(&self, name: &str) -> Option<&str> {
        self.req
            .query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The module named in the URL, or `INVALID_MODULE`.
    pub(crate) fn module(&self, name: &str) -> Result<&ModuleDef, Answer> {
        self.schema.module(name).ok_or_else(answers::invalid_module)
    }

    /// Checks the token against a requirement: `OAUTH_SCOPE_MISMATCH` when short.
    pub(crate) fn require(&self, need: &Requirement) -> Result<(), Answer> {
        if need.satisfied_by(&self.scopes) {
            Ok(())
        } else {
            Err(answers::scope_mismatch())
        }
    }

    /// Checks `ZohoCRM.modules.{module}.{op}`.
    pub(crate) fn require_module(&self, module: &ModuleDef, op: Operation) -> Result<(), Answer> {
        self.require(&Requirement::one(module_scope(module, op)))
    }

    /// Checks what `zoho_spec::shape` says this call's shape needs, the rule the macro checks
    /// declarations against. A shape it does not know grants nothing.
    pub(crate) fn require_shape(&self, module: &ModuleDef) -> Result<(), Answer> {
        let segments = pattern::shape_segments(self.pattern, module.api_name);
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        match shape::requirement(self.method, &segments, false) {
            Some(need) => self.require(&need),
            None => Err(answers::scope_mismatch()),
        }
    }

    /// The store, locked for the rest of the handler.
    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        lock(&self.shared.store)
    }
}

/// `ZohoCRM.modules.{module}.{op}`.
pub(crate) fn module_scope(module: &ModuleDef, op: Operation) -> Scope {
    Scope::crm(&["modules", &module.scope_name()], op)
}
