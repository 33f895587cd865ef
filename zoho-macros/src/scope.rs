//! Zoho's scope grammar, `<Service>.<family>[.<name>…].<OPERATION>`, checked at compile time.

use syn::LitStr;

use crate::ctxt::Ctxt;
use crate::suggest::{closest, did_you_mean};

/// The operations a scope may end with, compared case-insensitively.
pub const OPERATIONS: [&str; 6] = ["ALL", "READ", "CREATE", "UPDATE", "DELETE", "WRITE"];

/// The families of `ZohoCRM` scopes: the second part, `ZohoCRM.<family>.…`.
pub const CRM_FAMILIES: &[&str] = &[
    "modules",
    "settings",
    "users",
    "org",
    "bulk",
    "coql",
    "notifications",
    "files",
    "mass_update",
    "mass_convert",
    "mass_delete",
    "share",
    "functions",
    "templates",
    "send_mail",
    "change_owner",
    "features",
    "apis",
    "zia",
    "signals",
    "composite_requests",
    "analytics",
    "dashboards",
    "territory",
    "backup",
    "data_backup",
    "email_drafts",
    "scoring",
    "unsubscribe",
    "portals",
    "audit_log",
    "wizards",
    "blueprint",
    "search",
];

/// A checked scope.
pub struct ScopeDecl {
    /// The literal as written.
    pub lit: LitStr,
    /// The operation, in capitals.
    pub operation: &'static str,
    /// The `<field>` templates the scope takes from path fields.
    pub templates: Vec<String>,
}

/// Parses one scope; `None` when it is malformed (the error is reported).
pub fn parse(cx: &Ctxt, lit: &LitStr) -> Option<ScopeDecl> {
    let text = lit.value();
    let parts: Vec<&str> = text.split('.').collect();
    let before = cx.error_count();
    if text.trim().is_empty() {
        cx.error_spanned_by(
            lit,
            "the scope is empty: write `<Service>.<family>[.<name>…].<OPERATION>`, e.g. \
             `\"ZohoCRM.modules.leads.READ\"`",
        );
        return None;
    }
    if parts.iter().any(|part| part.is_empty()) {
        cx.error_spanned_by(
            lit,
            format!(
                "the scope `{text}` has an empty segment: write \
                 `<Service>.<family>[.<name>…].<OPERATION>` with one `.` between parts, e.g. \
                 `ZohoCRM.modules.leads.READ`"
            ),
        );
        return None;
    }
    if is_crm_family(parts[0]) {
        cx.error_spanned_by(
            lit,
            format!("the scope `{text}` lacks its service: write `ZohoCRM.{text}`"),
        );
        return None;
    }
    if parts.len() < 3 {
        cx.error_spanned_by(
            lit,
            format!(
                "the scope `{text}` is incomplete: write \
                 `<Service>.<family>[.<name>…].<OPERATION>`, e.g. `ZohoCRM.modules.leads.READ`"
            ),
        );
        return None;
    }
    let operation = check_operation(cx, lit, &text, parts[parts.len() - 1]);
    check_service(cx, lit, &text, &parts);
    let templates = templates(cx, lit, &text, &parts);
    (cx.error_count() == before).then(|| ScopeDecl {
        lit: lit.clone(),
        operation: operation.expect("no error, so the operation is known"),
        templates,
    })
}

fn is_crm_family(part: &str) -> bool {
    CRM_FAMILIES.iter().any(|f| f.eq_ignore_ascii_case(part))
}

fn check_operation(cx: &Ctxt, lit: &LitStr, text: &str, last: &str) -> Option<&'static str> {
    if let Some(op) = OPERATIONS.iter().find(|op| op.eq_ignore_ascii_case(last)) {
        return Some(op);
    }
    cx.error_spanned_by(
        lit,
        format!(
            "unknown operation `{last}` in the scope `{text}`{}; a scope ends with one of `ALL`, \
             `READ`, `CREATE`, `UPDATE`, `DELETE`, `WRITE`",
            did_you_mean(last, OPERATIONS)
        ),
    );
    None
}

fn check_service(cx: &Ctxt, lit: &LitStr, text: &str, parts: &[&str]) {
    let service = parts[0];
    if service.eq_ignore_ascii_case("ZohoCRM") {
        check_family(cx, lit, text, parts[1]);
    } else if service.starts_with('<') {
        cx.error_spanned_by(
            lit,
            format!("the service of the scope `{text}` cannot be a placeholder: write `ZohoCRM`"),
        );
    } else if closest(service, ["ZohoCRM"]).is_some() {
        cx.error_spanned_by(
            lit,
            format!(
                "unknown service `{service}` in the scope `{text}` (did you mean `ZohoCRM`?): \
                 write `ZohoCRM.{}`",
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
            "unknown ZohoCRM scope family `{family}` in `{text}`{}; families include \
             `modules`, `settings`, `users`, `org`, `bulk`, `coql`, `notifications`, `files`, \
             `mass_update`, `share`, `functions`",
            did_you_mean(family, CRM_FAMILIES.iter().copied())
        ),
    );
}

fn templates(cx: &Ctxt, lit: &LitStr, text: &str, parts: &[&str]) -> Vec<String> {
    let mut names = Vec::new();
    for part in parts {
        if !part.contains(['<', '>']) {
            continue;
        }
        match part.strip_prefix('<').and_then(|p| p.strip_suffix('>')) {
            Some(name) if !name.is_empty() && !name.contains(['<', '>']) => {
                names.push(name.to_owned())
            }
            _ => cx.error_spanned_by(
                lit,
                format!(
                    "malformed placeholder `{part}` in the scope `{text}`: a placeholder is a \
                     whole part naming a path field, e.g. `ZohoCRM.modules.<module>.READ`"
                ),
            ),
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Result<&'static str, String> {
        let cx = Ctxt::default();
        let lit = LitStr::new(text, proc_macro2::Span::call_site());
        let scope = parse(&cx, &lit);
        cx.check().map_err(|e| e.to_string())?;
        Ok(scope.expect("no error").operation)
    }

    #[test]
    fn accepts_zoho_scopes() {
        assert_eq!(check("ZohoCRM.modules.deals.UPDATE"), Ok("UPDATE"));
        assert_eq!(check("ZohoCRM.modules.emails.leads.ALL"), Ok("ALL"));
        assert_eq!(check("zohocrm.users.All"), Ok("ALL"));
        assert_eq!(check("ZohoCRM.mass_update.leads.UPDATE"), Ok("UPDATE"));
        assert_eq!(check("ZohoFiles.files.ALL"), Ok("ALL"));
        assert_eq!(check("Aaaserver.profile.READ"), Ok("READ"));
        assert_eq!(check("ZohoCRM.modules.<module>.UPDATE"), Ok("UPDATE"));
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
        ];
        for (text, expected) in cases {
            let error = check(text).unwrap_err();
            assert!(error.contains(expected), "{text}: {error}");
        }
    }
}
