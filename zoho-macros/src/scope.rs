//! A declared scope: Zoho's grammar, `<Service>.<family>[.<name>…].<OPERATION>`, as
//! `zoho_spec::scope` defines it, with each way of breaking it told at the scope's literal.

use syn::LitStr;
use zoho_spec::scope::{is_crm_family, Scope, ScopeError, CRM_FAMILIES, CRM_SERVICE};
use zoho_spec::Operation;

use crate::ctxt::Ctxt;
use crate::suggest::{closest, did_you_mean, listed};

/// The grammar, as messages write it.
const GRAMMAR: &str = "`<Service>.<family>[.<name>…].<OPERATION>`";

/// How many families an "unknown family" message lists before the "did you mean".
const FAMILIES_LISTED: usize = 11;

/// A checked scope.
pub struct ScopeDecl {
    /// The literal as written.
    pub lit: LitStr,
    /// The scope.
    pub scope: Scope,
}

/// Parses one scope; `None` when it is malformed (every error is reported).
pub fn parse(cx: &Ctxt, lit: &LitStr) -> Option<ScopeDecl> {
    let written = lit.value();
    let text = written.trim();
    let parts: Vec<&str> = text.split('.').collect();
    let before = cx.error_count();
    let parsed = Scope::parse(text);
    if let Err(error) = &parsed {
        cx.error_spanned_by(lit, message(error, text));
    }
    // The service and family are judged even beside a bad operation, so both are fixed at once.
    if matches!(&parsed, Ok(_) | Err(ScopeError::UnknownOperation { .. })) {
        check_service(cx, lit, text, &parts);
    }
    let scope = parsed.ok()?;
    (cx.error_count() == before).then(|| ScopeDecl {
        lit: lit.clone(),
        scope,
    })
}

/// The message for a scope that breaks the grammar.
fn message(error: &ScopeError, text: &str) -> String {
    let example = "e.g. `ZohoCRM.modules.leads.READ`";
    match error {
        ScopeError::Empty => {
            format!("the scope is empty: write {GRAMMAR}, e.g. `\"ZohoCRM.modules.leads.READ\"`")
        }
        ScopeError::EmptySegment => format!(
            "the scope `{text}` has an empty segment: write {GRAMMAR} with one `.` between \
             parts, {example}"
        ),
        ScopeError::MissingService => {
            format!("the scope `{text}` lacks its service: write `{CRM_SERVICE}.{text}`")
        }
        ScopeError::Incomplete => {
            format!("the scope `{text}` is incomplete: write {GRAMMAR}, {example}")
        }
        ScopeError::UnknownOperation { operation } => format!(
            "unknown operation `{operation}` in the scope `{text}`{}; a scope ends with one of {}",
            did_you_mean(operation, Operation::ALL.map(Operation::as_str)),
            Operation::listed()
        ),
        ScopeError::RepeatedService { repeated, fixed } => format!(
            "the scope `{text}` repeats its service: `{repeated}` is written twice; write \
             `{fixed}`"
        ),
        ScopeError::MalformedPlaceholder { part } => format!(
            "malformed placeholder `{part}` in the scope `{text}`: a placeholder is a whole part \
             naming a path field, e.g. `ZohoCRM.modules.<module>.READ`"
        ),
        ScopeError::PlaceholderService => format!(
            "the service of the scope `{text}` cannot be a placeholder: write `{CRM_SERVICE}`"
        ),
        // A rule of the grammar added after this macro: its own words say what is wrong.
        other => format!("the scope `{text}` is not a scope: {other}"),
    }
}

/// `ZohoCRM` scopes name a known family; a service spelled near `ZohoCRM` is a typo. Other
/// services (`ZohoFiles`, `Aaaserver`) are taken as written.
fn check_service(cx: &Ctxt, lit: &LitStr, text: &str, parts: &[&str]) {
    let service = parts[0];
    if service.eq_ignore_ascii_case(CRM_SERVICE) {
        check_family(cx, lit, text, parts[1]);
    } else if closest(service, [CRM_SERVICE]).is_some() {
        cx.error_spanned_by(
            lit,
            format!(
                "unknown service `{service}` in the scope `{text}` (did you mean \
                 `{CRM_SERVICE}`?): write `{CRM_SERVICE}.{}`",
                parts[1..].join(".")
            ),
        );
    }
}

fn check_family(cx: &Ctxt, lit: &LitStr, text: &str, family: &str) {
    if is_crm_family(family) {
        return;
    }
    if family.starts_with('<') {
        cx.error_spanned_by(
            lit,
            format!(
                "the family of the scope `{text}` cannot be a placeholder: write it out, e.g. \
                 `ZohoCRM.modules.<module>.READ`"
            ),
        );
        return;
    }
    cx.error_spanned_by(
        lit,
        format!(
            "unknown ZohoCRM scope family `{family}` in `{text}`{}; families include {}, …",
            did_you_mean(family, CRM_FAMILIES.iter().copied()),
            listed(CRM_FAMILIES.iter().copied().take(FAMILIES_LISTED))
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Result<Operation, String> {
        let cx = Ctxt::default();
        let lit = LitStr::new(text, proc_macro2::Span::call_site());
        let scope = parse(&cx, &lit);
        cx.check().map_err(|e| e.to_string())?;
        Ok(scope.expect("no error").scope.operation())
    }

    #[test]
    fn accepts_zoho_scopes() {
        use Operation::*;
        assert_eq!(check("ZohoCRM.modules.deals.UPDATE"), Ok(Update));
        assert_eq!(check("ZohoCRM.modules.emails.leads.ALL"), Ok(All));
        assert_eq!(check("zohocrm.users.All"), Ok(All));
        assert_eq!(check("ZohoCRM.mass_update.leads.UPDATE"), Ok(Update));
        assert_eq!(check("ZohoFiles.files.ALL"), Ok(All));
        assert_eq!(check("Aaaserver.profile.READ"), Ok(Read));
        assert_eq!(check("ZohoCRM.modules.<module>.UPDATE"), Ok(Update));
    }

    #[test]
    fn refuses_malformed_scopes() {
        let cases = [
            ("ZohoCRM.modules.deals.UPDTE", "did you mean `UPDATE`"),
            ("modules.deals.READ", "lacks its service"),
            ("ZohoCRM..deals.READ", "empty segment"),
            ("ZohoCRM.module.deals.READ", "did you mean `modules`"),
            ("ZohoCMR.modules.deals.READ", "did you mean `ZohoCRM`"),
            ("ZohoCRM.READ", "incomplete"),
            (
                "ZohoCRM.settings.ZohoCRM.settings.currencies.all",
                "`ZohoCRM.settings` is written twice; write `ZohoCRM.settings.currencies.all`",
            ),
        ];
        for (text, expected) in cases {
            let error = check(text).unwrap_err();
            assert!(error.contains(expected), "{text}: {error}");
        }
    }

    #[test]
    fn a_bad_operation_and_a_bad_family_are_both_told() {
        let error = check("ZohoCRM.module.deals.UPDTE").unwrap_err();
        let cx = Ctxt::default();
        let lit = LitStr::new("ZohoCRM.module.deals.UPDTE", proc_macro2::Span::call_site());
        assert!(parse(&cx, &lit).is_none());
        assert_eq!(cx.error_count(), 2, "{error}");
    }
}
