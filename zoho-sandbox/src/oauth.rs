//! The accounts server's token endpoint: the refresh grant and revocation.
//!
//! As at Zoho, a refused grant is still `200 OK`: failure is an `error` key in place of
//! `access_token`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{Method, StatusCode, Uri};
use serde_json::json;

use crate::answers::{self, Answer};
use crate::state::{lock, Shared};

/// Parameters from the query string and a form-encoded body alike: Zoho's own documents put
/// them in the query of a `POST`.
fn params(uri: &Uri, body: &[u8]) -> Vec<(String, String)> {
    let query = uri.query().unwrap_or("").as_bytes();
    form_urlencoded::parse(query)
        .into_owned()
        .chain(form_urlencoded::parse(body).into_owned())
        .collect()
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn refused(error: &str) -> Answer {
    Answer::json(StatusCode::OK, json!({ "error": error }))
}

/// `POST /oauth/v2/token` with `grant_type=refresh_token`.
pub(crate) async fn token(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    body: Bytes,
) -> Answer {
    if method != Method::POST {
        return answers::invalid_method();
    }
    let params = params(&uri, &body);
    let mut auth = lock(&shared.auth);
    auth.token_requests += 1;
    if param(&params, "grant_type") != Some("refresh_token") {
        return refused("unsupported_grant_type");
    }
    let get = |name| param(&params, name).unwrap_or("");
    match auth.refresh_grant(get("client_id"), get("client_secret"), get("refresh_token")) {
        Ok(access_token) => Answer::json(
            StatusCode::OK,
            json!({
                "access_token": access_token,
                "api_domain": shared.api_domain,
                "token_type": "Bearer",
                "expires_in": auth.token_ttl.as_secs(),
            }),
        ),
        Err(error) => refused(error.as_str()),
    }
}

/// `POST /oauth/v2/token/revoke?token=…`: revokes a refresh token (with the access tokens it
/// minted) or an access token.
pub(crate) async fn revoke(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    body: Bytes,
) -> Answer {
    if method != Method::POST {
        return answers::invalid_method();
    }
    let params = params(&uri, &body);
    let revoked = param(&params, "token").is_some_and(|t| lock(&shared.auth).revoke(t));
    if revoked {
        Answer::json(StatusCode::OK, json!({ "status": "success" }))
    } else {
        refused("invalid_token")
    }
}
