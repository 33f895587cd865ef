//! A minimal answer server.

use std::net::Ipv4Addr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;

use crate::support::Fallible;

/// A request as the answer server received it.
#[derive(Debug, PartialEq)]
pub(crate) struct Received {
    method: String,
    uri: String,
    headers: Vec<(String, Vec<u8>)>,
    body: Bytes,
}

#[derive(Default)]
struct Capture {
    on: AtomicBool,
    received: Mutex<Vec<Received>>,
}

/// An HTTP/1.1 server on loopback, on its own thread, that answers every request with one
/// recorded answer: the least work a server can do, so the client's cost is what varies.
pub(crate) struct AnswerServer {
    pub(crate) base_url: String,
    capture: Arc<Capture>,
}

impl AnswerServer {
    pub(crate) fn start(status: u16, body: Vec<u8>) -> Fallible<AnswerServer> {
        let listener = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        listener.set_nonblocking(true)?;
        let base_url = format!("http://{}", listener.local_addr()?);
        let status = StatusCode::from_u16(status)?;
        let body = Bytes::from(body);
        let capture = Arc::new(Capture::default());
        let shared = capture.clone();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        std::thread::Builder::new()
            .name("answer-server".into())
            .spawn(move || runtime.block_on(serve(listener, status, body, shared)))?;
        Ok(AnswerServer { base_url, capture })
    }

    /// The requests received while `during` ran.
    pub(crate) async fn capture<F: std::future::Future<Output = Fallible>>(
        &self,
        during: F,
    ) -> Fallible<Vec<Received>> {
        self.capture.on.store(true, Ordering::SeqCst);
        let result = during.await;
        self.capture.on.store(false, Ordering::SeqCst);
        result?;
        let mut received = self.capture.received.lock().map_err(|_| "poisoned")?;
        Ok(std::mem::take(&mut *received))
    }
}

async fn serve(
    listener: std::net::TcpListener,
    status: StatusCode,
    body: Bytes,
    capture: Arc<Capture>,
) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        let (body, capture) = (body.clone(), capture.clone());
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request| {
                answer(request, status, body.clone(), capture.clone())
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn answer(
    request: Request<Incoming>,
    status: StatusCode,
    body: Bytes,
    capture: Arc<Capture>,
) -> Result<Response<Full<Bytes>>, hyper::Error> {
    let (parts, incoming) = request.into_parts();
    let received = incoming.collect().await?.to_bytes();
    if capture.on.load(Ordering::SeqCst) {
        let entry = Received {
            method: parts.method.to_string(),
            uri: parts.uri.to_string(),
            headers: parts
                .headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.as_bytes().to_vec()))
                .collect(),
            body: received,
        };
        if let Ok(mut list) = capture.received.lock() {
            list.push(entry);
        }
    }
    let mut response = Response::new(Full::new(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json;charset=UTF-8"),
    );
    Ok(response)
}
