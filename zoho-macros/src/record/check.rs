//! The record checks: each field's name, type and use against the module's snapshot.

use proc_macro2::Span;
use quote::ToTokens;
use syn::Type;
use zoho_spec::fields::{DataType, Holds, RECORD_ID};

use super::args::Usage;
use super::snapshot::{Field, Module};
use super::types::{classify, unwrapped, Rust};
use crate::ctxt::Ctxt;
use crate::suggest::closest;

/// A bound rustc checks for a type the macro cannot judge by name.
pub enum Bound<'a> {
    /// `T: Reference`.
    Reference(&'a Type),
    /// `T: Picklist` listing the values of this module's field.
    Picklist(&'a Type, String, String),
}

/// One field of the user's struct, with the name it is sent under.
pub struct Checked<'a> {
    pub name: String,
    pub span: Span,
    pub ty: &'a Type,
}

/// What the record's options ask of every field.
pub struct Rules<'m> {
    pub module: &'m Module,
    pub usage: Usage,
    pub typed_dates: bool,
}

/// Checks one field, reporting at it; returns the bounds left to rustc.
pub fn field<'a>(cx: &Ctxt, rules: &Rules<'_>, f: &Checked<'a>) -> Vec<Bound<'a>> {
    if f.name == RECORD_ID {
        record_id(cx, f.ty);
        return Vec::new();
    }
    let Some(def) = rules.module.field(&f.name) else {
        cx.error_at(f.span, unknown(rules.module, &f.name));
        return Vec::new();
    };
    let Some(data_type) = DataType::from_name(&def.data_type) else {
        // A type this version does not know holds whatever Zoho sends: nothing to check.
        return Vec::new();
    };
    if rules.usage.writes() && (def.read_only || def.field_read_only || data_type.computed()) {
        cx.error_at(f.span, read_only(rules.module, def, data_type));
    }
    let holds = data_type.holds(def.formula_return_type.as_deref());
    value_type(cx, rules, def, data_type, holds, f.ty)
}

/// The record's `id`: text, or a `RecordId`.
fn record_id(cx: &Ctxt, ty: &Type) {
    let inner = unwrapped(ty);
    if !matches!(
        classify(inner),
        Rust::Text | Rust::Id | Rust::Named | Rust::Json
    ) {
        cx.error_spanned_by(
            inner,
            "a record's `id` is its id as text: write `zoho_runtime::RecordId`",
        );
    }
}

fn unknown(module: &Module, name: &str) -> String {
    let names = module.fields.iter().map(|f| f.api_name.as_str());
    let squashed = |s: &str| s.replace('_', "").to_ascii_lowercase();
    let suggestion = names
        .clone()
        .find(|n| squashed(n) == squashed(name))
        .or_else(|| closest(name, names.clone()));
    let hint = match suggestion {
        Some(s) => {
            let custom = module.field(s).is_some_and(|f| f.custom_field);
            let kind = if custom { "the custom field " } else { "" };
            format!(", did you mean {kind}`{s}`? write `#[zoho(rename = \"{s}\")]`")
        }
        None => format!(
            "; its fields are listed in the schema snapshot's `{}.json`",
            module.module
        ),
    };
    format!("`{}` has no field `{name}`{hint}", module.module)
}

fn read_only(module: &Module, def: &Field, data_type: DataType) -> String {
    let why = if data_type.computed() {
        format!("a `{}` field, which Zoho computes", data_type.name())
    } else {
        "read-only".to_owned()
    };
    format!(
        "`{}.{}` is {why}, so a record type for writes cannot send it: remove the field, or \
         declare a separate type with `usage = \"read\"`",
        module.module, def.api_name
    )
}

fn value_type<'a>(
    cx: &Ctxt,
    rules: &Rules<'_>,
    def: &Field,
    data_type: DataType,
    holds: Holds,
    ty: &'a Type,
) -> Vec<Bound<'a>> {
    let inner = unwrapped(ty);
    let kind = classify(inner);
    let fine = match (holds, &kind) {
        (_, Rust::Json) => true,
        (Holds::Text, Rust::Text) => true,
        (Holds::Text, Rust::Named) if data_type == DataType::Picklist => {
            let (module, field) = (rules.module.module.clone(), def.api_name.clone());
            return vec![Bound::Picklist(inner, module, field)];
        }
        (Holds::Text, Rust::Named) => true,
        (Holds::Integer, Rust::Integer(bits)) => *bits >= 32,
        (Holds::BigInteger, Rust::Integer(bits)) => *bits >= 64,
        (Holds::Integer | Holds::BigInteger | Holds::Number, Rust::Named) => true,
        (Holds::Number, Rust::Float) => true,
        (Holds::Boolean, Rust::Bool) => true,
        (Holds::Date | Holds::DateTime, Rust::Text) => !rules.typed_dates,
        (Holds::Date | Holds::DateTime, Rust::Named) => true,
        (Holds::Reference, Rust::Named) => return vec![Bound::Reference(inner)],
        (Holds::TextList, Rust::List(elem)) => match classify(elem) {
            Rust::Named => {
                let (module, field) = (rules.module.module.clone(), def.api_name.clone());
                return vec![Bound::Picklist(elem, module, field)];
            }
            elem => matches!(elem, Rust::Text | Rust::Json),
        },
        (Holds::Rows, Rust::List(elem)) => matches!(classify(elem), Rust::Named | Rust::Json),
        _ => false,
    };
    if !fine {
        cx.error_spanned_by(inner, wrong_type(rules, def, data_type, holds, inner));
    }
    Vec::new()
}

fn wrong_type(
    rules: &Rules<'_>,
    def: &Field,
    data_type: DataType,
    holds: Holds,
    ty: &Type,
) -> String {
    let written = ty.to_token_stream().to_string().replace(' ', "");
    let what = match holds {
        Holds::Text => "text",
        Holds::Integer => "whole numbers of up to nine digits",
        Holds::BigInteger => "64-bit whole numbers",
        Holds::Number => "numbers with a fraction",
        Holds::Boolean => "`true` or `false`",
        Holds::Date => "a date",
        Holds::DateTime => "a date and time",
        Holds::Reference => "an `{\"id\": …}` reference to a record",
        Holds::TextList => "a list of picklist values",
        Holds::Rows => "a list of subform rows",
    };
    let instead = match holds {
        Holds::Date if rules.typed_dates => "a date type such as `chrono::NaiveDate`".to_owned(),
        Holds::DateTime if rules.typed_dates => {
            "a date-time type such as `chrono::DateTime<chrono::FixedOffset>`".to_owned()
        }
        Holds::Rows => "`Vec<Row>` with a struct `Row` for the subform's fields".to_owned(),
        Holds::TextList => "`Vec<String>`, or a `Vec` of the field's picklist enum".to_owned(),
        Holds::Reference => "`zoho_runtime::record::Lookup`".to_owned(),
        _ => format!(
            "`{}`",
            data_type
                .rust_type(def.formula_return_type.as_deref())
                .replace("::std::string::", "")
        ),
    };
    let name = data_type.name();
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!(
        "`{}.{}` is {article} `{name}` field, which holds {what}; `{written}` cannot hold it: \
         write {instead}",
        rules.module.module, def.api_name
    )
}

/// The mandatory fields an insert type lacks, reported at the struct's name.
pub fn mandatory(cx: &Ctxt, module: &Module, sent: &[String], at: Span) {
    for def in module.fields.iter().filter(|f| f.mandatory && !f.read_only) {
        if !sent.contains(&def.api_name) {
            let ty = DataType::from_name(&def.data_type)
                .map_or("Json", |t| t.rust_type(def.formula_return_type.as_deref()))
                .replace("::std::string::", "");
            let field = def.api_name.to_ascii_lowercase();
            cx.error_at(
                at,
                format!(
                    "`{}` needs `{}` in every insert, and this type has no such field: add \
                     `#[zoho(rename = \"{}\")] pub {field}: {ty}`",
                    module.module, def.api_name, def.api_name
                ),
            );
        }
    }
}
