//! `pull`: the organisation's modules and fields, through the catalogue's calls, into the
//! snapshot directory.

use std::path::Path;

use zoho_crm_api::fields::GetFields;
use zoho_crm_api::modules::GetModules;
use zoho_runtime::Client;

use crate::diff::{diff, Changes};
use crate::snapshot::{self, ModuleSchema};
use crate::Error;

/// Which modules to pull.
#[derive(Debug, Clone, Default)]
pub enum Modules {
    /// Every module the API serves; files of modules the organisation no longer has are removed.
    #[default]
    All,
    /// These modules only; other files are left as they are.
    Only(Vec<String>),
}

/// Pulls the schema into `dir` (created if needed) and returns what changed against the files
/// already there.
pub async fn pull(client: &Client, dir: &Path, which: &Modules) -> Result<Changes, Error> {
    let answer = GetModules::all().send(client).await?.unwrap_or_default();
    let wanted: Vec<_> = answer
        .modules
        .iter()
        .filter(|m| m.api_supported)
        .filter(|m| match which {
            Modules::All => true,
            Modules::Only(names) => names.iter().any(|n| n.eq_ignore_ascii_case(&m.api_name)),
        })
        .collect();
    if let Modules::Only(names) = which {
        if let Some(missing) = names
            .iter()
            .find(|n| !wanted.iter().any(|m| m.api_name.eq_ignore_ascii_case(n)))
        {
            return Err(Error::UnknownModule(missing.clone()));
        }
    }
    let mut new = Vec::new();
    for module in wanted {
        let fields = GetFields::of(&module.api_name)
            .send(client)
            .await?
            .unwrap_or_default();
        new.push(ModuleSchema::from_api(module, &fields.fields));
    }
    new.sort_by(|a, b| a.module.cmp(&b.module));
    let mut old = snapshot::read_all(dir)?;
    if let Modules::Only(_) = which {
        old.retain(|o| new.iter().any(|n| n.module == o.module));
    }
    let changes = diff(&old, &new);
    write(dir, &new, &changes.modules_removed)?;
    Ok(changes)
}

fn write(dir: &Path, modules: &[ModuleSchema], removed: &[String]) -> Result<(), Error> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    for m in modules {
        let path = snapshot::file(dir, &m.module);
        std::fs::write(&path, m.to_json()).map_err(io(&path))?;
    }
    for name in removed {
        let path = snapshot::file(dir, name);
        std::fs::remove_file(&path).map_err(io(&path))?;
    }
    Ok(())
}
