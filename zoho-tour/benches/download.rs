//! Downloading a 100 MB file: peak allocated bytes while the body is streamed to a writer or
//! saved to a file, beside the same answer read whole. A benchmark, not a test: it reports
//! figures (see BENCHMARKS.md, "Downloads") and asserts only that each run read every byte.
//!
//! `cargo bench -p zoho-tour --bench download`

// A global allocator is unsafe to implement; this one only counts what `System` does.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use zoho_runtime::{zoho_endpoint, Client};

/// Counts the bytes allocated now and the most ever, across threads.
struct PeakAllocator;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to `System` unchanged; the counters only observe sizes.
unsafe impl GlobalAlloc for PeakAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which `System` shares.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` was allocated by `System` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let now = NOW.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                - layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        } else {
            NOW.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        // SAFETY: as for `alloc` and `dealloc`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: PeakAllocator = PeakAllocator;

const SIZE: usize = 100 * 1024 * 1024;
const CHUNK: usize = 64 * 1024;

/// A file, as a download.
#[zoho_endpoint(GET "/files", scope = "ZohoCRM.files.READ", download)]
struct GetFile {
    #[zoho(query)]
    id: String,
}

/// Serves a 100 MB file to every request, written in 64 KiB chunks (never held whole).
async fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let url = format!("http://{}", listener.local_addr().expect("an address"));
    tokio::spawn(async move {
        let chunk = vec![0x5au8; CHUNK];
        while let Ok((mut socket, _)) = listener.accept().await {
            let chunk = chunk.clone();
            tokio::spawn(async move {
                let mut request = [0u8; 4096];
                let _ = socket.read(&mut request).await;
                let head = format!("HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nContent-Length: {SIZE}\r\nContent-Disposition: attachment; filename=\"big.zip\"\r\n\r\n");
                let _ = socket.write_all(head.as_bytes()).await;
                for _ in 0..SIZE / CHUNK {
                    if socket.write_all(&chunk).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    url
}

/// Runs `read` and reports the peak bytes allocated above what was allocated before it.
async fn measure<F: std::future::Future<Output = u64>>(name: &str, read: F) {
    let before = NOW.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let started = std::time::Instant::now();
    let bytes = read.await;
    let peak = PEAK.load(Ordering::Relaxed) - before;
    assert_eq!(bytes, SIZE as u64, "{name} read every byte");
    println!(
        "{name:<28} {:>7.1} MiB of data   peak allocated {:>9} bytes ({:>6.2} MiB)   {:>6.0} ms",
        bytes as f64 / 1048576.0,
        peak,
        peak as f64 / 1048576.0,
        started.elapsed().as_secs_f64() * 1000.0
    );
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let url = server().await;
        let client = Client::builder()
            .api_domain(&url)
            .access_token("1000.bench")
            .max_body_bytes(SIZE + 1024)
            .build()
            .expect("a client");
        let call = GetFile { id: "1".into() };
        let dir = std::env::temp_dir().join(format!("zoho-download-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a folder");
        for _ in 0..2 {
            measure("streamed to a writer", async {
                let download = call.send(&client).await.expect("sent").expect("a file");
                download
                    .write_to(&mut tokio::io::sink())
                    .await
                    .expect("read")
            })
            .await;
            measure("saved to a file", async {
                let download = call.send(&client).await.expect("sent").expect("a file");
                download.save(dir.join("big.zip")).await.expect("saved")
            })
            .await;
            measure("read whole (Download::bytes)", async {
                let download = call.send(&client).await.expect("sent").expect("a file");
                download.bytes().await.expect("read").len() as u64
            })
            .await;
            measure("read whole (Client::send)", async {
                let download = client.send(&call).await.expect("sent").expect("a file");
                download.bytes().await.expect("read").len() as u64
            })
            .await;
        }
        let _ = std::fs::remove_dir_all(&dir);
    });
}
