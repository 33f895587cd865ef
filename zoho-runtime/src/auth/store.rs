//! Where an access token is kept between runs, so a restarted process reuses a valid token
//! instead of spending one of the 10 that Zoho mints per refresh token per 10 minutes.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::auth::token::BoxFuture;
use crate::error::Error;
use crate::types::Secret;

/// An access token as a [`TokenStore`] keeps it.
#[derive(Clone, Debug)]
pub struct StoredToken {
    /// The access token.
    pub access_token: Secret,
    /// The API domain the token answer named, when it named one.
    pub api_domain: Option<String>,
    /// When Zoho stops accepting the token.
    pub expires_at: SystemTime,
    /// Which credentials minted the token: a fingerprint of the client id and refresh token,
    /// never either secret. A token minted for other credentials is not reused.
    pub owner: String,
}

/// The file form of a [`StoredToken`].
#[derive(Serialize, Deserialize)]
struct TokenFile {
    access_token: String,
    #[serde(default)]
    api_domain: Option<String>,
    /// Seconds since the Unix epoch.
    expires_at: u64,
    owner: String,
}

impl StoredToken {
    /// The token as JSON, for stores that keep text. The text holds the access token itself:
    /// keep it where only its owner can read it.
    pub fn to_json(&self) -> String {
        let secs = self
            .expires_at
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let file = TokenFile {
            access_token: self.access_token.expose().to_owned(),
            api_domain: self.api_domain.clone(),
            expires_at: secs.as_secs(),
            owner: self.owner.clone(),
        };
        serde_json::to_string(&file).unwrap_or_default()
    }

    /// Reads what [`StoredToken::to_json`] wrote.
    pub fn from_json(text: &str) -> Result<StoredToken, Error> {
        // serde's own message quotes the offending value, which may be the token: say where
        // the fault is, never what is there.
        let file: TokenFile = serde_json::from_str(text).map_err(|e| Error::TokenStore {
            reason: format!(
                "the stored token is not readable ({:?} error at line {}, column {})",
                e.classify(),
                e.line(),
                e.column()
            ),
            source: None,
        })?;
        let expires_at = UNIX_EPOCH
            .checked_add(Duration::from_secs(file.expires_at))
            .ok_or_else(|| Error::TokenStore {
                reason: "the stored token's expiry is past what the clock can hold".to_owned(),
                source: None,
            })?;
        Ok(StoredToken {
            access_token: Secret::new(file.access_token),
            api_domain: file.api_domain,
            expires_at,
            owner: file.owner,
        })
    }
}

/// Keeps the access token of a [`RefreshingToken`](crate::auth::RefreshingToken) between runs.
///
/// `load` is called once, before the first token request; `save` after every refresh. A store
/// that fails is logged and passed over: the client keeps working with the token in memory.
pub trait TokenStore: Send + Sync + 'static {
    /// The token kept, if any.
    fn load(&self) -> BoxFuture<'_, Result<Option<StoredToken>, Error>>;

    /// Keeps `token`, replacing the one kept before.
    fn save<'a>(&'a self, token: &'a StoredToken) -> BoxFuture<'a, Result<(), Error>>;
}

/// A store in memory: shared by the clones of one handle, gone when the process ends.
///
/// Useful to share one token between several clients of a process, and in tests.
#[derive(Clone, Debug, Default)]
pub struct MemoryTokenStore {
    slot: Arc<Mutex<Option<StoredToken>>>,
}

impl MemoryTokenStore {
    /// An empty store.
    pub fn new() -> Self {
        MemoryTokenStore::default()
    }

    /// A store holding `token` already.
    pub fn with_token(token: StoredToken) -> Self {
        let store = MemoryTokenStore::new();
        store.put(Some(token));
        store
    }

    /// The token kept, if any.
    pub fn get(&self) -> Option<StoredToken> {
        self.slot.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn put(&self, token: Option<StoredToken>) {
        *self.slot.lock().unwrap_or_else(|p| p.into_inner()) = token;
    }
}

impl TokenStore for MemoryTokenStore {
    fn load(&self) -> BoxFuture<'_, Result<Option<StoredToken>, Error>> {
        let token = self.get();
        Box::pin(async move { Ok(token) })
    }

    fn save<'a>(&'a self, token: &'a StoredToken) -> BoxFuture<'a, Result<(), Error>> {
        self.put(Some(token.clone()));
        Box::pin(async { Ok(()) })
    }
}

/// A store in a file, readable and writable by its owner only (mode `0600` on Unix).
///
/// Each save writes a temporary file beside the target and renames it over the target, so a
/// crash mid-write leaves the old token or the new one, never half of either.
#[derive(Clone, Debug)]
pub struct FileTokenStore {
    path: PathBuf,
}

impl FileTokenStore {
    /// A store at `path`; its folder must exist.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        FileTokenStore { path: path.into() }
    }

    /// Where the token is kept.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn error(&self, what: &str, source: io::Error) -> Error {
        Error::TokenStore {
            reason: format!("cannot {what} `{}`: {source}", self.path.display()),
            source: Some(source),
        }
    }

    fn load_now(&self) -> Result<Option<StoredToken>, Error> {
        match fs::read_to_string(&self.path) {
            Ok(text) => StoredToken::from_json(&text).map(Some),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(self.error("read", e)),
        }
    }

    fn save_now(&self, text: &str) -> Result<(), Error> {
        let temp = self.temp_path();
        let written = write_private(&temp, text.as_bytes()).and_then(|()| {
            // On Windows `rename` fails when the target exists; remove it first there.
            #[cfg(not(unix))]
            let _ = fs::remove_file(&self.path);
            fs::rename(&temp, &self.path)
        });
        if let Err(e) = written {
            let _ = fs::remove_file(&temp);
            return Err(self.error("write", e));
        }
        Ok(())
    }

    /// A name in the target's folder (a rename across file systems is not atomic) that no other
    /// process or concurrent save picks.
    fn temp_path(&self) -> PathBuf {
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "token".to_owned());
        let unique = format!(
            ".{name}.{}.{:016x}.tmp",
            std::process::id(),
            fastrand::u64(..)
        );
        self.path.with_file_name(unique)
    }
}

/// Creates `path` (it must not exist) with mode `0600`, writes `bytes` and flushes them to disk.
fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

impl TokenStore for FileTokenStore {
    fn load(&self) -> BoxFuture<'_, Result<Option<StoredToken>, Error>> {
        let store = self.clone();
        Box::pin(async move { blocking(move || store.load_now()).await })
    }

    fn save<'a>(&'a self, token: &'a StoredToken) -> BoxFuture<'a, Result<(), Error>> {
        let store = self.clone();
        let text = token.to_json();
        Box::pin(async move { blocking(move || store.save_now(&text)).await })
    }
}

/// Runs file I/O off the async threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    tokio::task::spawn_blocking(work).await.unwrap_or_else(|e| {
        Err(Error::TokenStore {
            reason: format!("the file task failed: {e}"),
            source: None,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(secret: &str) -> StoredToken {
        StoredToken {
            access_token: Secret::new(secret),
            api_domain: Some("https://www.zohoapis.eu".into()),
            expires_at: UNIX_EPOCH + Duration::from_secs(1_900_000_000),
            owner: "f00d".into(),
        }
    }

    fn temp_dir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "zoho-token-store-{}-{:x}",
            std::process::id(),
            fastrand::u64(..)
        ));
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn json_round_trip_keeps_everything() {
        let back = StoredToken::from_json(&token("1000.abc").to_json()).unwrap();
        assert_eq!(back.access_token.expose(), "1000.abc");
        assert_eq!(back.api_domain.as_deref(), Some("https://www.zohoapis.eu"));
        assert_eq!(back.expires_at, token("x").expires_at);
        assert_eq!(back.owner, "f00d");
    }

    #[test]
    fn an_expiry_past_the_clock_is_an_error_not_a_panic() {
        // `UNIX_EPOCH + Duration::from_secs(u64::MAX)` panicked with an overflow.
        let text =
            r#"{"access_token":"1000.secret","expires_at":18446744073709551615,"owner":"f00d"}"#;
        match StoredToken::from_json(text) {
            Err(Error::TokenStore { reason, .. }) => assert!(!reason.contains("1000.secret")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn debug_hides_the_token() {
        let text = format!("{:?}", token("1000.very-secret"));
        assert!(!text.contains("very-secret"), "{text}");
    }

    #[tokio::test]
    async fn file_store_writes_atomically_and_privately() {
        let dir = temp_dir();
        let store = FileTokenStore::new(dir.join("token.json"));
        assert!(store.load().await.unwrap().is_none());
        store.save(&token("1000.first")).await.unwrap();
        store.save(&token("1000.second")).await.unwrap();
        let loaded = store.load().await.unwrap().unwrap();
        assert_eq!(loaded.access_token.expose(), "1000.second");
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["token.json"], "no temporary file is left behind");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(store.path()).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn a_corrupt_file_is_an_error_without_the_secret() {
        let dir = temp_dir();
        let path = dir.join("token.json");
        for text in [
            r#"{"access_token": "1000.leak", "expires_at": "1000.leak"}"#,
            r#"{"access_token": 1000999, "expires_at": 1}"#,
        ] {
            fs::write(&path, text).unwrap();
            let err = FileTokenStore::new(&path).load().await.unwrap_err();
            assert!(matches!(err, Error::TokenStore { .. }), "{err:?}");
            let shown = format!("{err} {err:?}");
            assert!(
                !shown.contains("1000.leak") && !shown.contains("1000999"),
                "{shown}"
            );
        }
        fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn a_missing_folder_is_a_store_error() {
        let store = FileTokenStore::new("/nonexistent-zoho-dir/token.json");
        let err = store.save(&token("1000.x")).await.unwrap_err();
        assert!(matches!(
            err,
            Error::TokenStore {
                source: Some(_),
                ..
            }
        ));
    }
}
