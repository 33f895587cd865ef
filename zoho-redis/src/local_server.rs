//! A throwaway `redis-server` on a free loopback port, for tests, benchmarks and trying things:
//! no persistence, stopped when dropped.

use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The line that installs the server, for messages.
pub const INSTALL: &str = "apt-get install redis-server";

/// A `redis-server` child process on `127.0.0.1`, killed when dropped.
#[derive(Debug)]
pub struct RedisServer {
    child: Child,
    port: u16,
}

impl RedisServer {
    /// Starts `redis-server` on a free loopback port (`--save "" --appendonly no`) and waits
    /// until it takes connections. Fails, saying how to install it, when it is not installed.
    pub fn start() -> std::io::Result<RedisServer> {
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let child = Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                std::io::Error::new(
                    e.kind(),
                    format!("cannot run `redis-server` ({e}); install it with `{INSTALL}`"),
                )
            })?;
        let mut server = RedisServer { child, port };
        server.wait_ready()?;
        Ok(server)
    }

    fn wait_ready(&mut self) -> std::io::Result<()> {
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            if let Some(status) = self.child.try_wait()? {
                return Err(std::io::Error::other(format!(
                    "redis-server exited at start ({status})"
                )));
            }
            if started.elapsed() > Duration::from_secs(10) {
                return Err(std::io::Error::other("redis-server did not start in 10 s"));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        Ok(())
    }

    /// Its port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Its URL: `redis://127.0.0.1:<port>/`.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.port)
    }

    /// Stops the server now (`SIGKILL`), as a crash or a lost network would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.kill();
    }
}
