//! `#[zoho_record]` and `#[zoho_picklist]`: record types and picklist enums checked against
//! the organisation's schema snapshot at compile time.
//!
//! The phases, one file each: `args` (the attributes' arguments and the names fields are sent
//! under), `snapshot` (finding and reading the snapshot), `types` (what a Rust type is, by its
//! name), `check` (the rules), `expand` (the code). Zoho's data types and what each holds come
//! from `zoho_spec::fields`, which `zoho-schema generate` writes record types by.

mod args;
mod check;
mod expand;
mod snapshot;
mod types;

use std::path::PathBuf;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{DeriveInput, LitStr};

use crate::ctxt::Ctxt;
use crate::suggest::did_you_mean;
use args::{usage_message, wire_name, Usage};
use check::{Checked, Rules};
use snapshot::{Location, Module};

/// The module's snapshot, if checks are on; `Err(())` when that was reported.
type Loaded = Result<Option<(Module, PathBuf)>, ()>;

/// Reads `module`'s file, reporting at the literal what keeps the checks from running.
fn load(cx: &Ctxt, module: &LitStr) -> Loaded {
    let dir = match snapshot::locate() {
        Location::Found(dir) => dir,
        Location::Absent => return Ok(None),
        Location::Missing(dir) => {
            cx.error_spanned_by(
                module,
                format!(
                    "`{}` names `{}`, which is not a directory: run `zoho-schema pull --dir {}`",
                    snapshot::DIR_VAR,
                    dir.display(),
                    dir.display()
                ),
            );
            return Err(());
        }
    };
    let path = snapshot::file(&dir, &module.value());
    if !path.is_file() {
        let known = snapshot::modules(&dir);
        let hint = did_you_mean(&module.value(), known.iter().map(String::as_str));
        cx.error_spanned_by(
            module,
            format!(
                "the schema snapshot has no module `{}`{hint}; to add it, run `zoho-schema pull` \
                 (the snapshot is in `{}`)",
                module.value(),
                dir.display()
            ),
        );
        return Err(());
    }
    match snapshot::read(&path) {
        Ok(m) => Ok(Some((m, path))),
        Err(e) => {
            let shown = path.display();
            cx.error_spanned_by(
                module,
                format!("cannot read `{shown}`: {e}; run `zoho-schema pull` again"),
            );
            Err(())
        }
    }
}

/// `#[zoho_record(module = "Leads", usage = "update")]` on a struct.
pub fn record(args: TokenStream, input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::default();
    let args = args::record(&cx, args);
    let fields = named_fields(&cx, input);
    if args.module.is_none() && cx.error_count() == 0 {
        cx.error_at(
            Span::call_site(),
            "name the record's module: add `module = \"Leads\"`",
        );
    }
    if args.usage.is_none() && cx.error_count() == 0 {
        cx.error_at(Span::call_site(), usage_message());
    }
    let named: Vec<Checked<'_>> = fields.iter().map(|f| checked(&cx, f)).collect();
    let loaded = match &args.module {
        Some(module) => load(&cx, module),
        None => Err(()),
    };
    let tail = match &loaded {
        Ok(Some((module, path))) => check_record(&cx, &args, module, &named, input, path),
        // Said once per build, so told only by a declaration that builds.
        Ok(None) if cx.error_count() == 0 => expand::unchecked(),
        _ => TokenStream::new(),
    };
    finish(cx, expand::item(input), tail)
}

/// A field with the name it is sent under, spanned at the literal that gave it, if any.
fn checked<'a>(cx: &Ctxt, f: &'a syn::Field) -> Checked<'a> {
    let (name, lit) = wire_name(cx, f);
    let span = lit.map_or_else(|| syn::spanned::Spanned::span(&f.ident), |l| l.span());
    Checked {
        name,
        span,
        ty: &f.ty,
    }
}

/// Every rule on every field, then the mandatory fields; the code that keeps the checks.
fn check_record(
    cx: &Ctxt,
    args: &args::RecordArgs,
    module: &Module,
    named: &[Checked<'_>],
    input: &DeriveInput,
    path: &std::path::Path,
) -> TokenStream {
    let rules = Rules {
        module,
        usage: args.usage.unwrap_or(Usage::Read),
        typed_dates: args.typed_dates,
    };
    let bounds: Vec<_> = named
        .iter()
        .flat_map(|f| check::field(cx, &rules, f))
        .collect();
    if args.usage == Some(Usage::Insert) {
        let sent: Vec<String> = named.iter().map(|f| f.name.clone()).collect();
        check::mandatory(cx, module, &sent, input.ident.span());
    }
    expand::checks(Some(path), &bounds)
}

/// `#[zoho_picklist(module = "Leads", field = "Lead_Status")]` on an enum of unit variants.
pub fn picklist(args: TokenStream, input: &DeriveInput) -> TokenStream {
    let rt = crate::krate::runtime();
    let cx = Ctxt::default();
    let args = args::picklist(&cx, args);
    let syn::Data::Enum(data) = &input.data else {
        cx.error_at(input.ident.span(), "`#[zoho_picklist]` goes on an enum with one variant per value: write `enum Status { Contacted, … }`");
        return finish(cx, quote!(#input), TokenStream::new());
    };
    let (Some(module), Some(field)) = (&args.module, &args.field) else {
        if cx.error_count() == 0 {
            cx.error_at(Span::call_site(), "name the picklist: write `#[zoho_picklist(module = \"Leads\", field = \"Lead_Status\")]`");
        }
        return finish(cx, expand::item(input), TokenStream::new());
    };
    let loaded = load(&cx, module);
    let mut tail = quote!();
    if let Ok(Some((m, path))) = &loaded {
        check_values(&cx, m, field, data);
        tail = expand::checks(Some(path), &[]);
    } else if let (Ok(None), 0) = (&loaded, cx.error_count()) {
        // Said once per build, so told only by a declaration that builds.
        tail = expand::unchecked();
    }
    let ident = &input.ident;
    let (m, f) = (module.value(), field.value());
    let imp = quote! {
        #[automatically_derived]
        impl #rt::__private::Picklist for #ident {
            const MODULE: &'static str = #m;
            const FIELD: &'static str = #f;
        }
    };
    finish(cx, expand::item(input), quote!(#imp #tail))
}

/// Each variant's value must be one the field offers.
fn check_values(cx: &Ctxt, module: &Module, field: &LitStr, data: &syn::DataEnum) {
    let Some(def) = module.field(&field.value()) else {
        let names = module.fields.iter().map(|f| f.api_name.as_str());
        let hint = did_you_mean(&field.value(), names);
        cx.error_spanned_by(
            field,
            format!("`{}` has no field `{}`{hint}", module.module, field.value()),
        );
        return;
    };
    if def.pick_list_values.is_empty() {
        cx.error_spanned_by(
            field,
            format!(
                "`{}.{}` is a `{}` field, not a picklist: name a picklist field",
                module.module, def.api_name, def.data_type
            ),
        );
        return;
    }
    let offered = def.pick_list_values.iter().map(String::as_str);
    for variant in &data.variants {
        let lit = args::rename_in(cx, &variant.attrs, "zoho")
            .or_else(|| args::rename_in(cx, &variant.attrs, "serde"));
        let value = lit
            .as_ref()
            .map_or_else(|| variant.ident.to_string(), LitStr::value);
        if !def.pick_list_values.contains(&value) {
            let span = lit.map_or_else(|| variant.ident.span(), |l| l.span());
            let hint = did_you_mean(&value, offered.clone());
            cx.error_at(span, format!("`{}.{}` offers no value `{value}`{hint}; its values are listed in the schema snapshot, and `zoho-schema generate` writes this enum from them", module.module, def.api_name));
        }
    }
}

fn named_fields<'a>(cx: &Ctxt, input: &'a DeriveInput) -> Vec<&'a syn::Field> {
    match &input.data {
        syn::Data::Struct(syn::DataStruct {
            fields: syn::Fields::Named(f),
            ..
        }) => f.named.iter().collect(),
        _ => {
            cx.error_at(input.ident.span(), "`#[zoho_record]` goes on a struct with named fields, one per Zoho field: write `struct Lead { last_name: String }`");
            Vec::new()
        }
    }
}

/// The item with the checks, or beside the errors (so code using it sees the type).
fn finish(cx: Ctxt, item: TokenStream, tail: TokenStream) -> TokenStream {
    match cx.check() {
        Ok(()) => quote!(#item #tail),
        Err(e) => {
            let errors = e.into_compile_error();
            quote!(#item #errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand(args: TokenStream, item: TokenStream) -> String {
        let input: DeriveInput = syn::parse2(item).expect("a struct");
        record(args, &input).to_string()
    }

    /// The crate has no `zoho-schema/`: the type is not checked, and the build says so.
    #[test]
    fn without_a_snapshot_the_checks_are_off_and_said_to_be() {
        let out = expand(
            quote!(module = "Leads", usage = "update"),
            quote!(
                struct Lead {
                    #[zoho(rename = "Lead_Stauts")]
                    status: i64,
                }
            ),
        );
        assert!(out.contains("__private :: Unchecked"), "{out}");
        assert!(out.contains("serde (rename = \"Lead_Stauts\")"), "{out}");
        assert!(!out.contains("compile_error"), "{out}");
        // Once per build.
        serde_keys_of_the_user_are_not_repeated();
    }

    #[test]
    fn the_usage_is_required() {
        let out = expand(
            quote!(module = "Leads"),
            quote!(
                struct Lead {}
            ),
        );
        assert!(out.contains("add `usage = \\\"insert\\\"`"), "{out}");
    }

    /// A field whose own `#[serde]` says how `None` is read is not told again: serde refuses a
    /// key given twice. (The second record of this test: the first one of the process says
    /// that the checks are off.)
    fn serde_keys_of_the_user_are_not_repeated() {
        let out = expand(
            quote!(module = "Leads", usage = "update"),
            quote!(
                struct Lead {
                    #[serde(default)]
                    #[zoho(rename = "Company")]
                    company: Option<String>,
                    #[zoho(rename = "City")]
                    city: Option<String>,
                }
            ),
        );
        assert_eq!(out.matches("serde (default)").count(), 2, "{out}");
        assert_eq!(out.matches("skip_serializing_if").count(), 2, "{out}");
        assert!(!out.contains("Unchecked"), "{out}");
    }
}
