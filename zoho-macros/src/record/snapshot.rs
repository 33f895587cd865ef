//! Finding and reading the schema snapshot that `zoho-schema pull` writes: one JSON file per
//! module in `zoho-schema/` beside the crate's `Cargo.toml`, or in `ZOHO_SCHEMA_DIR`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The environment variable that names the snapshot directory (relative paths are taken from
/// the crate's `CARGO_MANIFEST_DIR`).
pub const DIR_VAR: &str = "ZOHO_SCHEMA_DIR";

/// The directory's default name, beside `Cargo.toml`.
pub const DEFAULT_DIR: &str = "zoho-schema";

/// One module's file.
#[derive(Deserialize)]
pub struct Module {
    /// Its API name.
    pub module: String,
    /// Its fields, sorted by API name.
    pub fields: Vec<Field>,
}

/// One field, as the snapshot records it.
#[derive(Deserialize)]
pub struct Field {
    pub api_name: String,
    pub data_type: String,
    #[serde(default)]
    pub read_only: bool,
    #[serde(default)]
    pub field_read_only: bool,
    #[serde(default)]
    pub mandatory: bool,
    #[serde(default)]
    pub custom_field: bool,
    #[serde(default)]
    pub pick_list_values: Vec<String>,
    #[serde(default)]
    pub formula_return_type: Option<String>,
}

impl Module {
    /// The field with this API name.
    pub fn field(&self, api_name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.api_name == api_name)
    }
}

/// Where the snapshot is, if there is one.
pub enum Location {
    /// The directory exists.
    Found(PathBuf),
    /// `ZOHO_SCHEMA_DIR` names a directory that does not exist: an error, not a silent pass.
    Missing(PathBuf),
    /// No variable and no `zoho-schema/`: the checks are off.
    Absent,
}

/// The snapshot directory for the crate being compiled.
pub fn locate() -> Location {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    locate_in(
        &manifest.unwrap_or_default(),
        std::env::var_os(DIR_VAR).map(PathBuf::from),
    )
}

/// The snapshot directory of the crate at `manifest`, given `ZOHO_SCHEMA_DIR`'s value.
fn locate_in(manifest: &Path, var: Option<PathBuf>) -> Location {
    let named = var.is_some();
    let dir = manifest.join(var.unwrap_or_else(|| PathBuf::from(DEFAULT_DIR)));
    match (dir.is_dir(), named) {
        (true, _) => Location::Found(dir),
        (false, true) => Location::Missing(dir),
        (false, false) => Location::Absent,
    }
}

/// The module's file in `dir`.
pub fn file(dir: &Path, module: &str) -> PathBuf {
    dir.join(format!("{module}.json"))
}

/// Reads one module's file.
pub fn read(path: &Path) -> Result<Module, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

/// The modules the directory holds, for "did you mean".
pub fn modules(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".json").map(str::to_owned))
        .collect();
    names.sort();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_directory_must_exist() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert!(matches!(locate_in(here, None), Location::Absent));
        let missing = locate_in(here, Some("no-such-dir".into()));
        assert!(matches!(missing, Location::Missing(dir) if dir.ends_with("no-such-dir")));
        let found = locate_in(here, Some("../zoho-runtime/tests/ui/zoho-schema".into()));
        let Location::Found(dir) = found else {
            panic!("the fixture is a directory")
        };
        assert!(modules(&dir).contains(&"Leads".to_owned()));
        assert_eq!(read(&file(&dir, "Leads")).unwrap().module, "Leads");
    }
}
