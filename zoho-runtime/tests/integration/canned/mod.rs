//! A server on loopback that answers every connection with the same scripted bytes: answers
//! no real server would give (a proxy's page, a body cut short, one that never ends, one that
//! drips a byte at a time), and a record of the requests that reached it.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the server sends back on each connection.
#[derive(Clone, Debug)]
pub enum Answer {
    /// These bytes at once, then the connection closes.
    Whole(Vec<u8>),
    /// `head` at once, then `body` one byte every `every`.
    Drip {
        /// The status line and headers, blank line included.
        head: Vec<u8>,
        /// The body.
        body: Vec<u8>,
        /// The wait before each byte.
        every: Duration,
    },
    /// A `200` with a chunked body that never ends.
    Endless,
    /// Nothing at all, the connection held open.
    Silence,
}

/// A running canned server; it stops with the test's runtime.
pub struct Canned {
    /// `http://127.0.0.1:<port>`.
    pub url: String,
    requests: Arc<Mutex<Vec<String>>>,
}

impl Canned {
    /// Starts a server answering every connection with `answer`.
    pub async fn start(answer: Answer) -> Canned {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = requests.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let answer = answer.clone();
                let seen = seen.clone();
                tokio::spawn(async move { serve(stream, answer, seen).await });
            }
        });
        Canned { url, requests }
    }

    /// Every request received, head and body, as text.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

async fn serve(mut stream: TcpStream, answer: Answer, seen: Arc<Mutex<Vec<String>>>) {
    let Some(request) = read_request(&mut stream).await else {
        return;
    };
    seen.lock()
        .unwrap()
        .push(String::from_utf8_lossy(&request).into_owned());
    // Write errors mean the client gave up, which is what some tests wait for.
    match answer {
        Answer::Whole(bytes) => {
            let _ = stream.write_all(&bytes).await;
        }
        Answer::Drip { head, body, every } => {
            if stream.write_all(&head).await.is_err() {
                return;
            }
            for byte in body {
                tokio::time::sleep(every).await;
                if stream.write_all(&[byte]).await.is_err() {
                    return;
                }
            }
        }
        Answer::Endless => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\
                        Transfer-Encoding: chunked\r\n\r\n";
            if stream.write_all(head.as_bytes()).await.is_err() {
                return;
            }
            let chunk = format!("{:x}\r\n{}\r\n", 8192, "x".repeat(8192));
            while stream.write_all(chunk.as_bytes()).await.is_ok() {}
        }
        Answer::Silence => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
        }
    }
    let _ = stream.shutdown().await;
}

/// Reads one request: the head, then as many body bytes as `Content-Length` says.
async fn read_request(stream: &mut TcpStream) -> Option<Vec<u8>> {
    let mut request = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        if let Some(at) = request.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    };
    let head = String::from_utf8_lossy(&request[..head_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    while request.len() < head_end + length {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    }
    Some(request)
}

/// A whole HTTP/1.1 answer with a `Content-Length` and the connection closed after it.
pub fn http(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut bytes = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// A JSON answer.
pub fn json(status: &str, body: &str) -> Answer {
    Answer::Whole(http(
        status,
        "application/json;charset=UTF-8",
        body.as_bytes(),
    ))
}
