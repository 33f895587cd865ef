//! Uploads and downloads on the wire: a file streamed from disk arrives whole, a file over the
//! declaration's limit is refused unsent, a download cut short or over its limit is an error
//! and never a file reported complete, and `save` leaves nothing behind when it fails.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use zoho_runtime::files::{Download, FilePart};
use zoho_runtime::{zoho_endpoint, Client, Error, RecordId};
use zoho_sandbox::Sandbox;

/// An attachment upload, with a small limit so the test needs no large file.
#[zoho_endpoint(POST "/<module>/<id>/Attachments", scope = "ZohoCRM.modules.<module>.CREATE",
                max_upload = 64 * 1024)]
struct Upload {
    module: String,
    id: RecordId,
    #[zoho(file)]
    file: FilePart,
    #[zoho(form)]
    title: Option<String>,
}

/// Any file, as a download.
#[zoho_endpoint(GET "/files", scope = "ZohoCRM.files.READ", download)]
struct GetFile {
    #[zoho(query)]
    id: String,
}

const LEAD: &str = "738964000002148061";

fn client_of(domain: &str, token: &str) -> Client {
    Client::builder()
        .api_domain(domain)
        .access_token(token)
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_file_from_disk_is_streamed_whole_and_named() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_of(sandbox.base_url(), sandbox.access_token());
    let dir = std::env::temp_dir().join(format!("zoho-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("report.csv");
    let content: Vec<u8> = (0..60_000u32).map(|i| (i % 253) as u8).collect();
    std::fs::write(&path, &content).unwrap();
    let call = Upload {
        module: "Leads".into(),
        id: LEAD.into(),
        file: FilePart::path(&path),
        title: Some("Q3 \"final\"".into()),
    };
    let outcomes = call.send(&client).await.unwrap();
    assert!(outcomes[0].is_ok(), "{outcomes:?}");
    let entry = sandbox.journal().into_iter().last().unwrap();
    let content_type = entry
        .headers
        .iter()
        .find(|(k, _)| k == "content-type")
        .unwrap();
    assert!(content_type.1.starts_with("multipart/form-data; boundary="));
    let body = entry.body;
    assert!(body.windows(content.len()).any(|w| w == content.as_slice()));
    let head = String::from_utf8_lossy(&body[..300]);
    assert!(
        head.contains("name=\"file\"; filename=\"report.csv\"\r\nContent-Type: text/csv"),
        "{head}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_file_over_the_limit_is_refused_unsent() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_of(sandbox.base_url(), sandbox.access_token());
    let call = Upload {
        module: "Leads".into(),
        id: LEAD.into(),
        file: FilePart::bytes("big.bin", vec![7u8; 64 * 1024 + 1]),
        title: None,
    };
    let error = call.send(&client).await.unwrap_err();
    let Error::UploadTooLarge { part, size, limit } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(
        (part.as_str(), *size, *limit),
        ("file", 64 * 1024 + 1, 64 * 1024)
    );
    assert!(!error.may_have_been_applied());
    assert!(sandbox.journal().is_empty());
    // A path that is not there is an error before sending, too.
    let call = Upload {
        module: "Leads".into(),
        id: LEAD.into(),
        file: FilePart::path("/nonexistent/x"),
        title: None,
    };
    assert!(matches!(
        call.send(&client).await.unwrap_err(),
        Error::File { .. }
    ));
    assert!(sandbox.journal().is_empty());
}

/// A server that answers every request with `head` then `body`, then closes the connection.
async fn server(head: String, body: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut buf = [0u8; 4096];
            let _ = socket.read(&mut buf).await;
            let _ = socket.write_all(head.as_bytes()).await;
            let _ = socket.write_all(&body).await;
            let _ = socket.shutdown().await;
        }
    });
    url
}

async fn download_from(head: &str, body: Vec<u8>) -> Download {
    let url = server(head.to_owned(), body).await;
    let client = client_of(&url, "1000.x");
    GetFile { id: "1".into() }
        .send(&client)
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn a_download_cut_short_is_an_error_and_leaves_no_file() {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nContent-Length: 1000\r\nContent-Disposition: attachment; filename=\"r.zip\"\r\n\r\n";
    let download = download_from(head, vec![1u8; 400]).await;
    assert_eq!(download.file_name(), Some("r.zip"));
    assert_eq!(download.content_length(), Some(1000));
    let dir = std::env::temp_dir().join(format!("zoho-cut-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let error = download.save(dir.join("r.zip")).await.unwrap_err();
    assert!(
        matches!(error, Error::DownloadIncomplete { expected: 1000, .. }),
        "{error:?}"
    );
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "no file, not even a partial one"
    );
    std::fs::remove_dir_all(&dir).unwrap();

    let download = download_from(head, vec![1u8; 400]).await;
    assert!(matches!(
        download.bytes().await,
        Err(Error::DownloadIncomplete { .. })
    ));
}

#[tokio::test]
async fn a_download_past_its_limit_is_an_error() {
    let head =
        "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 5000\r\n\r\n";
    let download = download_from(head, vec![2u8; 5000]).await.limit(4096);
    assert!(matches!(
        download.bytes().await,
        Err(Error::DownloadTooLarge { limit: 4096 })
    ));
    // Without a length announced, the limit is found while reading.
    let head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
    let mut chunked = Vec::new();
    for _ in 0..5 {
        chunked.extend_from_slice(b"400\r\n");
        chunked.extend_from_slice(&[3u8; 0x400]);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let download = download_from(head, chunked.clone()).await.limit(4096);
    assert!(matches!(
        download.bytes().await,
        Err(Error::DownloadTooLarge { limit: 4096 })
    ));
    let whole = download_from(head, chunked).await.bytes().await.unwrap();
    assert_eq!(whole.len(), 5 * 0x400);
}

#[tokio::test]
async fn error_answers_of_a_download_are_errors_and_204_is_none() {
    let body = br#"{"code":"INVALID_DATA","details":{},"message":"the id given seems to be invalid","status":"error"}"#;
    let head = format!(
        "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    let url = server(head, body.to_vec()).await;
    let client = client_of(&url, "1000.x");
    let error = GetFile { id: "1".into() }.send(&client).await.unwrap_err();
    assert!(matches!(error, Error::Api { status: 400, .. }), "{error:?}");
    let url = server("HTTP/1.1 204 No Content\r\n\r\n".into(), Vec::new()).await;
    let client = client_of(&url, "1000.x");
    assert!(GetFile { id: "1".into() }
        .send(&client)
        .await
        .unwrap()
        .is_none());
}
