//! The connections to Redis an org handle keeps: one multiplexed connection for every command,
//! made on first use and remade after a failure, and the time Redis is passed over after one.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use redis::aio::{ConnectionManager, ConnectionManagerConfig, MultiplexedConnection};
use redis::AsyncConnectionConfig;
use tokio::sync::OnceCell;

use crate::Error;

/// A lazily made connection and the circuit that skips Redis for a while after it failed.
pub(crate) struct Connection {
    client: redis::Client,
    /// The URL without its password, for errors and logs.
    pub(crate) url: String,
    timeout: Duration,
    manager: OnceCell<ConnectionManager>,
    /// Until when Redis is not tried again, after a failure, when a fallback is configured.
    skip_until: Mutex<Option<Instant>>,
}

impl Connection {
    pub(crate) fn new(url: &str, timeout: Duration) -> Result<Connection, Error> {
        let client = redis::Client::open(url)
            .map_err(|e| Error::Config(format!("`{}` is not a Redis URL: {e}", redact(url))))?;
        Ok(Connection {
            client,
            url: redact(url),
            timeout,
            manager: OnceCell::new(),
            skip_until: Mutex::new(None),
        })
    }

    /// The shared connection, made now if it was never made.
    pub(crate) async fn get(&self) -> Result<ConnectionManager, Error> {
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(self.timeout)
            .set_response_timeout(self.timeout)
            // Reconnection after a loss happens on the next command; never a long retry here.
            .set_number_of_retries(1)
            .set_max_delay(self.timeout.as_millis() as u64);
        let made = self.manager.get_or_try_init(|| async {
            let connect = self.client.get_connection_manager_with_config(config);
            match tokio::time::timeout(self.timeout, connect).await {
                Ok(result) => result.map_err(|e| self.unreachable(e)),
                Err(_) => Err(self.unreachable(timed_out())),
            }
        });
        made.await.cloned()
    }

    /// A connection of its own, for a blocking command (`BLPOP`) that would hold up every
    /// other command on the shared one. Its answers may take `block` longer than others'.
    pub(crate) async fn dedicated(&self, block: Duration) -> Result<MultiplexedConnection, Error> {
        let config = AsyncConnectionConfig::new()
            .set_connection_timeout(self.timeout)
            .set_response_timeout(self.timeout + block);
        self.client
            .get_multiplexed_async_connection_with_config(&config)
            .await
            .map_err(|e| self.unreachable(e))
    }

    pub(crate) fn unreachable(&self, source: redis::RedisError) -> Error {
        Error::Unreachable {
            url: self.url.clone(),
            source,
        }
    }

    /// Whether Redis is being passed over after a recent failure.
    pub(crate) fn skipping(&self) -> bool {
        let mut skip = self.skip_until.lock().unwrap_or_else(|p| p.into_inner());
        match *skip {
            Some(until) if Instant::now() < until => true,
            Some(_) => {
                *skip = None;
                tracing::info!(url = %self.url, "trying redis again");
                false
            }
            None => false,
        }
    }

    /// Passes Redis over for `pause` after a failure.
    pub(crate) fn skip_for(&self, pause: Duration) {
        let mut skip = self.skip_until.lock().unwrap_or_else(|p| p.into_inner());
        if skip.is_none() {
            tracing::warn!(url = %self.url, pause_ms = pause.as_millis() as u64, "redis unreachable; using the local share of the limits");
        }
        *skip = Some(Instant::now() + pause);
    }
}

fn timed_out() -> redis::RedisError {
    redis::RedisError::from(std::io::Error::new(
        std::io::ErrorKind::TimedOut,
        "no connection in time",
    ))
}

/// The URL with any password replaced, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://[redacted]@{}", &url[..scheme], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact("redis://user:hunter2@10.0.0.5:6379/0"),
            "redis://[redacted]@10.0.0.5:6379/0"
        );
        assert_eq!(redact("redis://127.0.0.1:6379"), "redis://127.0.0.1:6379");
    }

    #[test]
    fn a_bad_url_is_a_typed_error() {
        let error = Connection::new("http://nope", Duration::from_secs(1)).err();
        assert!(matches!(error, Some(Error::Config(_))), "{error:?}");
    }
}
