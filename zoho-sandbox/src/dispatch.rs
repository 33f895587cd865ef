//! Answers a CRM request in Zoho's order of checks: URL shape (404), method (400), token (401),
//! then the route's handler.

use zoho_spec::{ApiVersion, Method};

use crate::answers::{self, Answer};
use crate::body::percent_decode;
use crate::ctx::{Ctx, Handled, Incoming};
use crate::routes;
use crate::state::{lock, Shared};

/// Answers one CRM request.
pub(crate) fn handle(shared: &Shared, req: &Incoming) -> Answer {
    match route_and_run(shared, req) {
        Ok(answer) | Err(answer) => answer,
    }
}

fn route_and_run(shared: &Shared, req: &Incoming) -> Handled {
    let (version, segments) = split_path(&req.path).ok_or_else(answers::invalid_url)?;
    let (route, captures) = routes::find(&segments).ok_or_else(answers::invalid_url)?;
    let method = Method::parse(req.method.as_str()).ok_or_else(answers::invalid_method)?;
    let handler = route.handler(method).ok_or_else(answers::invalid_method)?;
    let scopes = lock(&shared.auth).authenticate(&req.headers)?;
    let ctx = Ctx {
        shared,
        req,
        method,
        version,
        scopes,
        pattern: route.pattern,
        captures,
        schema: lock(&shared.store).schema().clone(),
    };
    handler(&ctx)
}

/// `/crm/v2/Leads/1` → (v2, ["Leads", "1"]); a trailing `/` is forgiven, an empty segment is not.
/// The bulk API's `/crm/bulk/v8/read` → (v8, [`crate::bulk::ROOT`, "read"]).
fn split_path(path: &str) -> Option<(ApiVersion, Vec<String>)> {
    let rest = path.strip_prefix("/crm/")?.trim_end_matches('/');
    // `/crm/email/{version}/…` is served as the segments `__email/…` (see `settings::routes`),
    // `/crm/bulk/{version}/…` as `[bulk::ROOT]/…`.
    let (root, rest) = if let Some(rest) = rest.strip_prefix("email/") {
        (Some("__email"), rest)
    } else if let Some(rest) = rest.strip_prefix("bulk/") {
        (Some(crate::bulk::ROOT), rest)
    } else {
        (None, rest)
    };
    let mut parts = rest.split('/');
    let version = ApiVersion::parse(parts.next()?)?;
    let segments: Vec<String> = parts.map(percent_decode).collect();
    // A marker segment written in a URL is no root of its own.
    if segments.is_empty()
        || segments.iter().any(String::is_empty)
        || segments[0] == crate::bulk::ROOT
        || segments[0] == "__email"
    {
        return None;
    }
    let segments = root
        .map(str::to_owned)
        .into_iter()
        .chain(segments)
        .collect();
    Some((version, segments))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_versions_and_segments() {
        assert_eq!(
            split_path("/crm/v2.1/Leads/1/"),
            Some((ApiVersion::V2_1, vec!["Leads".into(), "1".into()]))
        );
        assert_eq!(split_path("/crm/v9/Leads"), None);
        assert_eq!(split_path("/crm/v2//Leads"), None);
        assert_eq!(split_path("/crm/v2"), None);
        assert_eq!(split_path("/api/v2/Leads"), None);
    }
}
