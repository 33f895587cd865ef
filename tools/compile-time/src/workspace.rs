//! The measured workspace: writing it, building it, editing it.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::figures::{children_cpu, Ir, Sample};
use crate::generated::generated_file;
use crate::handwritten::handwritten_file;
use crate::shared::{render_source, TYPES};
use crate::table::{Endpoint, MODULES};
use crate::{CRATES, ENDPOINTS};

pub(crate) struct Bench {
    pub(crate) dir: PathBuf,
    cargo: String,
    /// Whether proc macros and build scripts are compiled with optimisations.
    optimised_macros: bool,
}

impl Bench {
    pub(crate) fn new(dir: PathBuf, optimised_macros: bool) -> Bench {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        Bench {
            dir,
            cargo,
            optimised_macros,
        }
    }

    pub(crate) fn write_workspace(
        &self,
        repo: &Path,
        endpoints: &[Endpoint],
    ) -> Result<(), String> {
        let runtime = repo.join("zoho-runtime");
        // Dependencies without debug info, to build them sooner; the two measured crates keep
        // the `dev` profile's defaults.
        let mut manifest =
            "[workspace]\nmembers = [\"generated\", \"handwritten\"]\nresolver = \"2\"\n\n\
                            [profile.dev.package.\"*\"]\ndebug = false\n"
                .to_owned();
        if self.optimised_macros {
            manifest.push_str("\n[profile.dev.build-override]\nopt-level = 3\n");
        }
        write_if_changed(&self.dir.join("Cargo.toml"), &manifest)?;
        // The outer workspace's lock: the same dependency versions, and nothing to resolve.
        let lock = self.dir.join("Cargo.lock");
        if !lock.exists() {
            fs::copy(repo.join("Cargo.lock"), &lock)
                .map_err(|e| format!("copying Cargo.lock: {e}"))?;
        }
        for krate in CRATES {
            let package = format!(
                "[package]\nname = \"{krate}\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n\
                 [dependencies]\nzoho-runtime = {{ path = {:?} }}\n\n\
                 [dev-dependencies]\ntokio = {{ version = \"1\", features = [\"rt\"] }}\n",
                runtime.display().to_string()
            );
            write_if_changed(&self.dir.join(krate).join("Cargo.toml"), &package)?;
            write_if_changed(&self.dir.join(krate).join("src/types.rs"), TYPES)?;
            let render = self
                .dir
                .join(krate)
                .join(format!("examples/render_{krate}.rs"));
            write_if_changed(&render, &render_source(krate, endpoints))?;
            self.write_crate(endpoints, krate)?;
        }
        Ok(())
    }

    /// One file per module, `misc.rs` for the rest, and `lib.rs` re-exporting them.
    pub(crate) fn write_crate(&self, endpoints: &[Endpoint], krate: &str) -> Result<(), String> {
        let src = self.dir.join(krate).join("src");
        let mut lib = format!("//! {ENDPOINTS} Zoho CRM endpoints, {krate}.\n\npub mod types;\n");
        for (name, group) in groups(endpoints) {
            let text = if krate == "generated" {
                generated_file(&group)
            } else {
                handwritten_file(&group)
            };
            write_if_changed(&src.join(format!("{name}.rs")), &text)?;
            let _ = write!(lib, "mod {name};\npub use {name}::*;\n");
        }
        write_if_changed(&src.join("lib.rs"), &lib)
    }

    /// Changes the path of `SearchLeads` in `leads.rs` (or changes it back).
    pub(crate) fn edit_one_endpoint(
        &self,
        krate: &str,
        endpoints: &[Endpoint],
        changed: bool,
    ) -> Result<(), String> {
        let mut edited = endpoints.to_vec();
        if changed {
            let search = edited
                .iter_mut()
                .find(|e| e.name == "SearchLeads")
                .ok_or("the table has no SearchLeads")?;
            search.path = "/Leads/actions/search".into();
        }
        let group: Vec<&Endpoint> = edited
            .iter()
            .filter(|e| e.path.starts_with("/Leads"))
            .collect();
        let text = if krate == "generated" {
            generated_file(&group)
        } else {
            handwritten_file(&group)
        };
        let file = self.dir.join(krate).join("src/leads.rs");
        let before = fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        if before == text {
            return Err(format!("editing {} changed nothing", file.display()));
        }
        fs::write(&file, text).map_err(|e| format!("{}: {e}", file.display()))
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(&self.cargo);
        command
            .args(args)
            .current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", self.dir.join("target"))
            .env_remove("CARGO_INCREMENTAL")
            .env_remove("CARGO_BUILD_INCREMENTAL")
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTFLAGS");
        command
    }

    pub(crate) fn cargo(&self, args: &[&str]) -> Result<(), String> {
        let output = self
            .command(args)
            .output()
            .map_err(|e| format!("cannot run {}: {e}", self.cargo))?;
        if output.status.success() {
            Ok(())
        } else {
            Err(format!(
                "`cargo {}` failed in {}:\n{}",
                args.join(" "),
                self.dir.display(),
                String::from_utf8_lossy(&output.stderr)
            ))
        }
    }

    pub(crate) fn timed(&self, args: &[&str]) -> Result<Sample, String> {
        let cpu = children_cpu();
        let start = Instant::now();
        self.cargo(args)?;
        let wall = start.elapsed().as_secs_f64();
        Ok(Sample {
            wall,
            cpu: children_cpu()
                .zip(cpu)
                .map(|(after, before)| after - before),
        })
    }

    pub(crate) fn run_example(&self, krate: &str) -> Result<String, String> {
        let name = format!("render_{krate}");
        let exe = self
            .dir
            .join("target/debug/examples")
            .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
        self.cargo(&["build", "-p", krate, "--example", &name])?;
        let output = Command::new(&exe)
            .output()
            .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
        if !output.status.success() {
            return Err(format!(
                "the {krate} renderer failed:\n{}",
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        String::from_utf8(output.stdout)
            .map_err(|e| format!("the {krate} renderer wrote non-UTF-8: {e}"))
    }

    /// The library's LLVM IR in one codegen unit, without incremental state: its lines and
    /// defined functions.
    pub(crate) fn llvm_ir(&self, krate: &str) -> Result<Ir, String> {
        let deps = self.dir.join("target/debug/deps");
        let prefix = format!("{krate}-");
        let is_ir = |p: &Path| {
            p.extension().is_some_and(|x| x == "ll")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&prefix))
        };
        for old in list(&deps)?.into_iter().filter(|p| is_ir(p)) {
            fs::remove_file(&old).map_err(|e| format!("{}: {e}", old.display()))?;
        }
        let output = self
            .command(&[
                "rustc",
                "-p",
                krate,
                "--lib",
                "--",
                "--emit=llvm-ir",
                "-Ccodegen-units=1",
            ])
            .env("CARGO_INCREMENTAL", "0")
            .output()
            .map_err(|e| format!("cannot run {}: {e}", self.cargo))?;
        if !output.status.success() {
            return Err(format!(
                "emitting {krate}'s LLVM IR failed:\n{}",
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let files: Vec<PathBuf> = list(&deps)?.into_iter().filter(|p| is_ir(p)).collect();
        let [file] = files.as_slice() else {
            return Err(format!(
                "expected one {krate}-*.ll in {}, found {}",
                deps.display(),
                files.len()
            ));
        };
        let text = fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        Ok(Ir {
            lines: text.lines().count(),
            functions: text.lines().filter(|l| l.starts_with("define ")).count(),
        })
    }
}

/// Endpoints by the file they go in: one per module (by the first path segment), `misc` for the
/// rest.
fn groups(endpoints: &[Endpoint]) -> Vec<(String, Vec<&Endpoint>)> {
    let mut out: Vec<(String, Vec<&Endpoint>)> = Vec::new();
    for e in endpoints {
        let first = e
            .path
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or_default();
        let name = match MODULES.iter().find(|m| m.api == first) {
            Some(m) => m.scope.replace("custom", "shipments"),
            None => "misc".to_owned(),
        };
        match out.iter_mut().find(|(n, _)| *n == name) {
            Some((_, group)) => group.push(e),
            None => out.push((name, vec![e])),
        }
    }
    out
}

pub(crate) fn list(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
}

/// Writes `text` unless the file already holds it, so a rerun does not rebuild for nothing.
fn write_if_changed(path: &Path, text: &str) -> Result<(), String> {
    if fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The renderers' outputs must be equal; the first differing line says where.
pub(crate) fn same_behaviour(generated: &str, handwritten: &str) -> Result<(), String> {
    if generated == handwritten {
        return Ok(());
    }
    let (g, h): (Vec<&str>, Vec<&str>) =
        (generated.lines().collect(), handwritten.lines().collect());
    let at = g
        .iter()
        .zip(&h)
        .position(|(a, b)| a != b)
        .unwrap_or(g.len().min(h.len()));
    Err(format!(
        "the two crates behave differently at line {}:\n  generated:   {}\n  handwritten: {}",
        at + 1,
        g.get(at).unwrap_or(&"<end>"),
        h.get(at).unwrap_or(&"<end>")
    ))
}
