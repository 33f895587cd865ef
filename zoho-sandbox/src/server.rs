//! The HTTP server: a hand-written accept loop (so a fault can close a connection without an
//! answer), the router, and the layer in front of every handler that journals requests and
//! injects faults.

use std::convert::Infallible;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tower::ServiceExt;

use crate::answers::{self, Answer, JSON_CONTENT_TYPE};
use crate::faults::{Fault, InjectedFault, Phase};
use crate::journal::JournalEntry;
use crate::state::{lock, Gauges, Shared, Slot};
use crate::{admin, ctx, dispatch, oauth, time};

/// Bodies larger than this are refused; Zoho's own limit is far lower.
const BODY_LIMIT: usize = 32 * 1024 * 1024;

/// Closes the TCP connection a request arrived on, without answering it.
#[derive(Clone, Default)]
pub(crate) struct Closer(Arc<Notify>);

impl Closer {
    fn close(&self) {
        // `notify_one` keeps the permit if the connection task is not waiting yet.
        self.0.notify_one();
    }
}

/// Serves until `shutdown` changes or its sender is dropped.
pub(crate) async fn serve(
    listener: TcpListener,
    shared: Arc<Shared>,
    mut shutdown: watch::Receiver<bool>,
) {
    let app = router(shared);
    loop {
        tokio::select! {
            _ = shutdown.changed() => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => spawn_connection(stream, app.clone(), shutdown.clone()),
                // Out of file descriptors and the like: wait a little rather than spin.
                Err(_) => tokio::time::sleep(std::time::Duration::from_millis(10)).await,
            },
        }
    }
}

fn spawn_connection(stream: TcpStream, app: Router, mut shutdown: watch::Receiver<bool>) {
    let _ = stream.set_nodelay(true);
    tokio::spawn(async move {
        let closer = Closer::default();
        let for_requests = closer.clone();
        let service = hyper::service::service_fn(move |mut req: Request<hyper::body::Incoming>| {
            req.extensions_mut().insert(for_requests.clone());
            let app = app.clone();
            async move { Ok::<_, Infallible>(app.oneshot(req.map(Body::new)).await.into_response()) }
        });
        let connection = hyper::server::conn::http1::Builder::new()
            .serve_connection(TokioIo::new(stream), service);
        // Dropping the connection future closes the socket, answered or not.
        tokio::select! {
            _ = connection => {}
            _ = closer.0.notified() => {}
            _ = shutdown.changed() => {}
        }
    });
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/oauth/v2/token", any(oauth::token))
        .route("/oauth/v2/token/revoke", any(oauth::revoke))
        .route("/__admin/journal", any(admin::journal))
        .route("/__admin/faults", any(admin::faults))
        .route("/__admin/record_state", any(admin::record_state))
        .route("/__admin/tokens", any(admin::tokens))
        .fallback(crm)
        .layer(middleware::from_fn_with_state(shared.clone(), front_layer))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(shared)
}

/// Every path outside the OAuth and admin routes: the CRM API and its 404s.
async fn crm(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let query = uri.query().unwrap_or("");
    let query = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let request = ctx::Incoming {
        method,
        path: uri.path().to_string(),
        query,
        headers,
        body,
    };
    dispatch::handle(&shared, &request)
}

fn is_admin(path: &str) -> bool {
    path.starts_with("/__admin")
}

/// Journals the request as received, then applies the concurrency limit, latency and the
/// injected fault around the handler. One layer does both, so the journal entry records the
/// fault the request got.
async fn front_layer(State(shared): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    if is_admin(&path) {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let mut entry = journal_entry(&parts, &bytes);
    let max = lock(&shared.faults).max_concurrent();
    let _slot = if path.starts_with("/crm/") {
        let gauges = Gauges {
            now: &shared.in_flight,
            peak: &shared.peak_in_flight,
        };
        match Slot::take(gauges, max) {
            Some(slot) => Some(slot),
            None => {
                entry.fault = Some(InjectedFault {
                    fault: Fault::TooManyRequests,
                    phase: Phase::BeforeApply,
                });
                lock(&shared.journal).push(entry);
                return answers::too_many_requests().into_response();
            }
        }
    } else {
        None
    };
    let closer = parts.extensions.get::<Closer>().cloned();
    let plan = lock(&shared.faults).plan(parts.method.as_str(), &path);
    entry.fault = plan.injected();
    lock(&shared.journal).push(entry);
    if !plan.latency.is_zero() {
        tokio::time::sleep(plan.latency).await;
    }
    if let Some(fault) = plan.before {
        return strike(fault, None, closer).await;
    }
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    match plan.after {
        Some(fault) => strike(fault, Some(response), closer).await,
        None => response,
    }
}

fn journal_entry(parts: &axum::http::request::Parts, body: &Bytes) -> JournalEntry {
    JournalEntry {
        method: parts.method.to_string(),
        path: parts.uri.path().to_string(),
        query: parts.uri.query().map(str::to_string),
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: body.clone(),
        received_at: time::now(),
        fault: None,
    }
}

/// Turns a fault into what the client receives; `real` is the answer when the request was applied.
async fn strike(fault: Fault, real: Option<Response>, closer: Option<Closer>) -> Response {
    match fault {
        Fault::InternalError => answers::internal_error().into_response(),
        Fault::TooManyRequests => answers::too_many_requests().into_response(),
        Fault::Status { status, body } => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            Answer::json(status, body).into_response()
        }
        Fault::MalformedBody => malformed(),
        Fault::TruncatedBody => truncate(real).await,
        Fault::DropConnection => match closer {
            Some(closer) => {
                closer.close();
                // The connection task drops this future with the connection.
                std::future::pending::<Response>().await
            }
            None => answers::internal_error().into_response(),
        },
    }
}

fn malformed() -> Response {
    let page = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";
    let mut response = (StatusCode::OK, page).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(JSON_CONTENT_TYPE),
    );
    response
}

/// The first half of the answer's body, with its status and headers.
async fn truncate(real: Option<Response>) -> Response {
    let real = real.unwrap_or_else(|| {
        let ok = answers::success_body("record updated", serde_json::json!({ "id": "0" }));
        Answer::data(StatusCode::OK, vec![ok]).into_response()
    });
    let (mut parts, body) = real.into_parts();
    let bytes = axum::body::to_bytes(body, BODY_LIMIT)
        .await
        .unwrap_or_default();
    parts.headers.remove(header::CONTENT_LENGTH);
    let cut = bytes.slice(..bytes.len() / 2);
    Response::from_parts(parts, Body::from(cut))
}
