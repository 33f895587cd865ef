//! Reads the organisation's modules and each module's fields through the catalogue
//! (`zoho-crm-api`'s `GetModules` and `GetFields`) and prints the schema of each module: every
//! field's API name, data type, JSON type, what it requires, and its picklist values or lookup
//! target.
//!
//! Runs against the embedded sandbox, or the organisation the tour's environment variables name
//! (see `zoho_tour::common::connect`). `module=Leads` prints that module only.

use zoho_crm_api::fields::{Field, GetFields};
use zoho_crm_api::modules::{GetModules, Module};
use zoho_tour::common;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let conn = common::connect().await?;
    let only = conn.args.get("module");
    let modules = GetModules::all()
        .send(&conn.client)
        .await?
        .unwrap_or_default();
    let wanted = modules
        .modules
        .iter()
        .filter(|m| m.api_supported)
        .filter(|m| only.is_none_or(|name| m.api_name.eq_ignore_ascii_case(name)));
    let mut printed = 0;
    for module in wanted {
        // A module whose fields cannot be read (a module the token may not see) is reported,
        // and the others are still printed.
        match GetFields::of(&module.api_name).send(&conn.client).await {
            Ok(fields) => print_module(module, &fields.unwrap_or_default().fields),
            Err(error) => println!(
                "\n{}: its fields could not be read: {error}",
                module.api_name
            ),
        }
        printed += 1;
    }
    println!("\n{printed} of {} modules", modules.modules.len());
    Ok(())
}

fn print_module(module: &Module, fields: &[Field]) {
    let origin = if module.is_custom() {
        "custom"
    } else {
        "standard"
    };
    let label = module.plural_label.as_deref().unwrap_or(&module.api_name);
    println!(
        "\n{} ({label}, {origin}, {} fields)",
        module.api_name,
        fields.len()
    );
    let width = fields.iter().map(|f| f.api_name.len()).max().unwrap_or(0);
    for field in fields {
        let json = field.json_type.as_deref().unwrap_or("?");
        let line = format!(
            "  {:width$}  {:20} {:10} {}",
            field.api_name,
            field.data_type,
            json,
            traits(field)
        );
        println!("{}", line.trim_end());
    }
}

/// What a field requires or offers, in a few words.
fn traits(field: &Field) -> String {
    let mut words: Vec<String> = Vec::new();
    let flags = [
        (field.system_mandatory, "mandatory"),
        (field.read_only, "read-only"),
        (field.custom_field, "custom"),
    ];
    words.extend(
        flags
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, w)| w.to_string()),
    );
    if let Some(target) = field.lookup_module() {
        words.push(format!("→ {target}"));
    }
    if !field.pick_list_values.is_empty() {
        let values: Vec<&str> = field
            .pick_list_values
            .iter()
            .take(4)
            .map(|v| v.actual_value.as_str())
            .collect();
        let more = field.pick_list_values.len().saturating_sub(values.len());
        let tail = if more > 0 {
            format!(", +{more}")
        } else {
            String::new()
        };
        words.push(format!("[{}{tail}]", values.join(", ")));
    }
    words.join(" ")
}
