//! The `#[zoho_endpoint]` attribute of the `zoho-runtime` crate.
//!
//! Use it through `zoho_runtime::zoho_endpoint` or the catalogue's re-export: the code it
//! generates names the runtime as the user's manifest does (`::zoho_runtime`, or
//! `::zoho_crm_api::runtime` for a user who depends on the catalogue alone; see `krate`). The grammar, the field roles and the
//! compile-time checks are described in the docs of `zoho_runtime::zoho_endpoint` and in the
//! "Compile-time checks" section of the workspace's README; each check has a case in
//! `zoho-runtime/tests/ui/`.
//!
//! The phases, one file each: `parse` (the attribute's grammar), `attr` (`#[zoho(…)]` on
//! fields), `path` (the path template), `scope` (a declared scope), `modules` (the path's first
//! segment), `model` (the declaration, each part checked, then complete), `validate` (rules
//! across parts), `expand` (the generated code). Zoho's rules — methods, versions, the scope
//! grammar, modules, what a call's shape needs — come from `zoho-spec`, the one place the
//! runtime and the sandbox read them too. Errors are collected in `ctxt` and reported together.
//!
//! `#[zoho_record]` and `#[zoho_picklist]` live in `record/`, with phases of their own: they
//! check record types against the organisation's schema snapshot that `zoho-schema pull` writes.

mod attr;
mod ctxt;
mod expand;
mod krate;
mod model;
mod modules;
mod paging;
mod parse;
mod path;
mod record;
mod scope;
mod suggest;
mod validate;

use proc_macro::TokenStream;
use proc_macro2::TokenStream as TokenStream2;
use syn::DeriveInput;

use crate::ctxt::Ctxt;

/// Declares a Zoho CRM endpoint on a struct; see `zoho_runtime::zoho_endpoint`.
#[proc_macro_attribute]
pub fn zoho_endpoint(args: TokenStream, input: TokenStream) -> TokenStream {
    let input = match syn::parse::<DeriveInput>(input) {
        Ok(input) => input,
        Err(error) => return error.into_compile_error().into(),
    };
    endpoint(args.into(), &input).into()
}

/// Checks a record struct against the schema snapshot; see `zoho_runtime::zoho_record`.
#[proc_macro_attribute]
pub fn zoho_record(args: TokenStream, input: TokenStream) -> TokenStream {
    match syn::parse::<DeriveInput>(input) {
        Ok(input) => record::record(args.into(), &input).into(),
        Err(error) => error.into_compile_error().into(),
    }
}

/// Declares an enum of a picklist's values, checked against the schema snapshot; see
/// `zoho_runtime::zoho_picklist`.
#[proc_macro_attribute]
pub fn zoho_picklist(args: TokenStream, input: TokenStream) -> TokenStream {
    match syn::parse::<DeriveInput>(input) {
        Ok(input) => record::picklist(args.into(), &input).into(),
        Err(error) => error.into_compile_error().into(),
    }
}

fn endpoint(args: TokenStream2, input: &DeriveInput) -> TokenStream2 {
    let cx = Ctxt::default();
    let args = parse::parse_args(&cx, args);
    let fields = struct_fields(&cx, input);
    let model = model::build(&cx, input, args, fields);
    // Without named fields, every rule about fields would only echo the one real error.
    if fields.is_some() {
        validate::check(&cx, &model);
    }
    match (cx.check(), model.complete()) {
        (Ok(()), Some(endpoint)) => expand::expand(&endpoint),
        (result, _) => {
            let fallback = expand::fallback(&model);
            let errors = result.err().map(syn::Error::into_compile_error);
            quote::quote!(#fallback #errors)
        }
    }
}

/// The named fields of a struct (none for a unit struct); enums, unions and tuple structs are
/// refused.
fn struct_fields<'a>(cx: &Ctxt, input: &'a DeriveInput) -> Option<&'a syn::Fields> {
    let ident = &input.ident;
    match &input.data {
        syn::Data::Struct(data) => match &data.fields {
            syn::Fields::Unnamed(fields) => {
                cx.error_spanned_by(
                    fields,
                    format!(
                        "`#[zoho_endpoint]` needs named fields, which fill the path, query and \
                         body by name: write `struct {ident} {{ record_id: RecordId }}`"
                    ),
                );
                None
            }
            fields => Some(fields),
        },
        syn::Data::Enum(data) => {
            cx.error_spanned_by(
                data.enum_token,
                format!(
                    "`#[zoho_endpoint]` goes on a struct, not an enum: declare one struct per \
                     endpoint, `struct {ident} {{ … }}`"
                ),
            );
            None
        }
        syn::Data::Union(data) => {
            cx.error_spanned_by(
                data.union_token,
                format!(
                    "`#[zoho_endpoint]` goes on a struct, not a union: write `struct {ident} {{ … }}`"
                ),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn expand(args: TokenStream2, item: TokenStream2) -> String {
        let input: DeriveInput = syn::parse2(item).expect("a struct");
        endpoint(args, &input).to_string()
    }

    #[test]
    fn documents_method_path_and_scopes() {
        let out = expand(
            quote!(PUT "/Deals/<deal_id>", scope = ["ZohoCRM.modules.deals.UPDATE", "ZohoCRM.modules.contacts.UPDATE"], version = "v6"),
            quote!(
                /// Updates a deal.
                pub struct UpdateDeal {
                    pub deal_id: String,
                }
            ),
        );
        assert!(out.contains(
            "\" `PUT /crm/v6/Deals/<deal_id>`, scopes `ZohoCRM.modules.deals.UPDATE`, `ZohoCRM.modules.contacts.UPDATE`\""
        ), "{out}");
        assert!(out.contains("Segment :: Field (\"deal_id\")"), "{out}");
        assert!(out.contains("ApiVersion :: V6"), "{out}");
        // The method's idempotence, resolved once: `META.idempotent` is the only truth.
        assert!(out.contains(". idempotent (true)"), "{out}");
        assert!(!out.contains("compile_error"), "{out}");
    }

    #[test]
    fn keeps_the_struct_beside_the_errors() {
        let out = expand(
            quote!(PUTT "/Lead/<id>", scope = "ZohoCRM.modules.leads.UPDTE"),
            quote!(
                pub struct Call {
                    #[zoho(rename = "Name")]
                    pub name: String,
                }
            ),
        );
        assert!(out.contains("pub struct Call"), "{out}");
        assert!(!out.contains("# [zoho"), "{out}");
        assert_eq!(out.matches("compile_error").count(), 4, "{out}");
    }

    #[test]
    fn optional_fields_are_left_out_when_none() {
        let out = expand(
            quote!(PUT "/Leads/<id>", scope = "ZohoCRM.modules.leads.UPDATE"),
            quote!(
                pub struct Call {
                    pub id: String,
                    pub email: Option<String>,
                }
            ),
        );
        assert!(
            out.contains("if let :: core :: option :: Option :: Some (__value) = & self . email"),
            "{out}"
        );
        assert!(out.contains("single_record"), "{out}");
    }

    #[test]
    fn system_modules_are_modules() {
        let out = expand(
            quote!(GET "/Services__s", scope = "ZohoCRM.modules.services.READ"),
            quote!(
                pub struct Call {}
            ),
        );
        assert!(!out.contains("compile_error"), "{out}");
    }

    #[test]
    fn a_repeated_service_is_refused() {
        let out = expand(
            quote!(GET "/settings/currencies", scope = "ZohoCRM.settings.ZohoCRM.settings.currencies.all"),
            quote!(
                pub struct Call {}
            ),
        );
        assert!(
            out.contains(
                "`ZohoCRM.settings` is written twice; write `ZohoCRM.settings.currencies.all`"
            ),
            "{out}"
        );
    }

    #[test]
    fn scopes_must_cover_what_the_call_needs() {
        let cases = [
            (
                quote!(PUT "/Leads/<id>", scope = "ZohoCRM.modules.leads.CREATE"),
                "`ZohoCRM.modules.leads.UPDATE`",
            ),
            (
                quote!(POST "/Leads", scope = "ZohoCRM.modules.leads.READ"),
                "`ZohoCRM.modules.leads.CREATE`",
            ),
            (
                quote!(DELETE "/Leads", scope = "ZohoCRM.modules.contacts.DELETE"),
                "`ZohoCRM.modules.leads.DELETE`",
            ),
        ];
        for (args, need) in cases {
            let out = expand(
                args,
                quote!(
                    pub struct Call {
                        pub id: String,
                    }
                ),
            );
            assert!(out.contains("the declared scopes do not cover it"), "{out}");
            assert!(out.contains(need), "{out}");
        }
    }

    #[test]
    fn the_fallback_implements_endpoint() {
        let out = expand(
            quote!(GET "/Lead/<id>", scope = "ZohoCRM.modules.leads.READ"),
            quote!(
                pub struct Call {
                    pub id: String,
                }
            ),
        );
        assert_eq!(out.matches("compile_error").count(), 1, "{out}");
        assert!(out.contains("Endpoint for Call"), "{out}");
        assert!(out.contains("const META"), "{out}");
        assert!(!out.contains("unreachable"), "{out}");
    }

    #[test]
    fn an_orphan_template_is_told_once() {
        let out = expand(
            quote!(PUT "/Leads/<id>", scope = "ZohoCRM.modules.<module>.UPDATE"),
            quote!(
                pub struct Call {
                    pub id: String,
                }
            ),
        );
        assert_eq!(out.matches("compile_error").count(), 1, "{out}");
    }

    #[test]
    fn an_enum_is_told_once() {
        let out = expand(
            quote!(GET "/Leads/<id>", scope = "ZohoCRM.modules.leads.READ"),
            quote!(
                pub enum Call {
                    A,
                }
            ),
        );
        assert_eq!(out.matches("compile_error").count(), 1, "{out}");
        assert!(out.contains("Endpoint for Call"), "{out}");
    }
}
