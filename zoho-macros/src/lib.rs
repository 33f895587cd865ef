//! The `#[zoho_endpoint]` attribute of the `zoho-runtime` crate.
//!
//! Use it through `zoho_runtime::zoho_endpoint`: the code it generates refers to
//! `::zoho_runtime`, and users depend on that crate only. The grammar, the field roles and the
//! compile-time checks are described in the `zoho-runtime` docs and in `COMPILE-CHECKS.md`.
//!
//! The phases, one file each: `parse` (the attribute's grammar), `attr` (`#[zoho(…)]` on
//! fields), `path` (the path template), `scope` (Zoho's scope grammar), `modules` (module
//! names), `model` (the declaration, each part checked), `validate` (rules across parts),
//! `expand` (the generated code). Errors are collected in `ctxt` and reported together.

mod attr;
mod ctxt;
mod expand;
mod model;
mod modules;
mod parse;
mod path;
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

fn endpoint(args: TokenStream2, input: &DeriveInput) -> TokenStream2 {
    let cx = Ctxt::default();
    let args = parse::parse_args(&cx, args);
    let fields = match struct_fields(&cx, input) {
        Some(fields) => fields,
        None => {
            let fallback = expand::fallback(input, None);
            let errors = cx.check().err().map(|e| e.into_compile_error());
            return quote::quote!(#fallback #errors);
        }
    };
    let model = model::build(&cx, input, args, fields);
    validate::check(&cx, &model);
    match cx.check() {
        Ok(()) => expand::expand(&model),
        Err(errors) => {
            let fallback = expand::fallback(input, Some(&model));
            let errors = errors.into_compile_error();
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
}
