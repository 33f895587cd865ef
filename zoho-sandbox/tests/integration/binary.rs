//! The `zoho-sandbox` binary, run as another process would run it: its flags set the latency,
//! the concurrency limit and the faults that a test in another process could otherwise set
//! only through `/__admin`.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The running binary, killed when dropped so a failed assertion leaves nothing behind.
struct Running {
    child: Child,
    base_url: String,
    token: String,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the binary with `args` on a free port of 127.0.0.1 and waits for its banner.
fn start(args: &[&str]) -> Running {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zoho-sandbox"))
        .args(["--port", "0"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the binary starts");
    let stdout = child.stdout.take().expect("stdout is piped");
    let (lines, banner) = mpsc::channel();
    std::thread::spawn(move || {
        // Reads to the end, so the binary never writes into a closed pipe.
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    let mut running = Running {
        child,
        base_url: String::new(),
        token: String::new(),
    };
    while running.token.is_empty() {
        let line = banner
            .recv_timeout(Duration::from_secs(30))
            .expect("the banner within 30 s");
        if let Some(url) = line.strip_prefix("Zoho CRM sandbox listening on ") {
            running.base_url = url.trim().to_owned();
        } else if let Some(token) = line.strip_prefix("access token:") {
            running.token = token.trim().to_owned();
        }
    }
    running
}

async fn get(running: &Running, path: &str) -> (u16, serde_json::Value) {
    let response = reqwest::Client::new()
        .get(format!("{}{path}", running.base_url))
        .header(
            "Authorization",
            format!("Zoho-oauthtoken {}", running.token),
        )
        .send()
        .await
        .expect("the binary answers");
    let status = response.status().as_u16();
    let text = response.text().await.expect("a body");
    let body = serde_json::from_str(&text).unwrap_or(serde_json::Value::Null);
    (status, body)
}

#[tokio::test]
async fn flags_set_latency_the_concurrency_limit_and_faults_from_a_file() {
    let faults =
        std::env::temp_dir().join(format!("zoho-sandbox-faults-{}.json", std::process::id()));
    let rule = r#"{"rules": [{"fault": {"kind": "status", "status": 503,
        "body": {"code": "FROM_FILE", "status": "error"}}, "path_contains": "/Contacts", "times": 1}]}"#;
    std::fs::write(&faults, rule).expect("a temporary file");
    let running = start(&[
        "--no-generated",
        "--latency-ms",
        "800",
        "--max-concurrent",
        "1",
        "--faults",
        faults.to_str().expect("a UTF-8 path"),
    ]);
    let _ = std::fs::remove_file(&faults);

    let lead = "/crm/v2/Leads/738964000002148061";
    let started = Instant::now();
    let (first, second) = tokio::join!(get(&running, lead), get(&running, lead));
    let mut statuses = [first.0, second.0];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 429], "one past the limit of 1 in flight");
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "the latency"
    );

    let (status, body) = get(&running, "/crm/v2/Contacts/4150868000003283024").await;
    assert_eq!(
        (status, &body["code"]),
        (503, &serde_json::json!("FROM_FILE"))
    );
    let (status, _) = get(&running, "/crm/v2/Contacts/4150868000003283024").await;
    assert_eq!(status, 200, "the file's rule fires once");
}
