//! The catalogue against Zoho's own list of CRM v8 operations and against the README: every
//! operation of Zoho's published OpenAPI description is declared here or listed in
//! `NOT-DECLARED.md` with the reason, no listed one is in fact declared, and the README's table
//! of areas gives each area's count.

use std::collections::BTreeMap;

use zoho_crm_api::{operations, ApiOperation};

const ZOHO: &str = include_str!("../fixtures/zoho-crm-v8-operations.tsv");
const NOT_DECLARED: &str = include_str!("../../NOT-DECLARED.md");
const README: &str = include_str!("../../../README.md");

/// One operation of Zoho's list.
struct ZohoOperation<'a> {
    area: &'a str,
    method: &'a str,
    path: &'a str,
}

fn zoho_operations() -> Vec<ZohoOperation<'static>> {
    ZOHO.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let mut cells = line.split('\t');
            let mut next = || cells.next().expect("four cells");
            ZohoOperation {
                area: next(),
                method: next(),
                path: next(),
            }
        })
        .collect()
}

/// One segment of a path: literal text, or a placeholder with its name.
#[derive(Debug, PartialEq)]
enum Part<'a> {
    Literal(&'a str),
    Placeholder(&'a str),
}

/// The segments of a full path, `{…}` and `<…>` both placeholders, the version segment dropped
/// (the seeds pin older versions of the same operations).
fn segments(path: &str) -> Vec<Part<'_>> {
    path.split('/')
        .filter(|s| !s.is_empty() && !is_version(s))
        .map(|s| {
            let inner = s
                .strip_prefix('{')
                .and_then(|s| s.strip_suffix('}'))
                .or_else(|| s.strip_prefix('<').and_then(|s| s.strip_suffix('>')));
            inner.map_or(Part::Literal(s), Part::Placeholder)
        })
        .collect()
}

fn is_version(segment: &str) -> bool {
    segment.strip_prefix('v').is_some_and(|rest| {
        !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '.')
    })
}

/// Whether a declared segment stands for Zoho's: the same text, a placeholder for a
/// placeholder, or the `<module>` placeholder for a module's name (`/<module>/…` is
/// `/Leads/…` too; Zoho's module names begin with a capital, its other segments do not).
fn stands_for(ours: &Part, theirs: &Part) -> bool {
    match (ours, theirs) {
        (Part::Literal(a), Part::Literal(b)) => a == b,
        (Part::Placeholder(_), Part::Placeholder(_)) => true,
        (Part::Placeholder(name), Part::Literal(b)) => {
            *name == "module" && b.starts_with(|c: char| c.is_ascii_uppercase())
        }
        (Part::Literal(_), Part::Placeholder(_)) => false,
    }
}

/// Whether a declared operation is Zoho's: same method, and each segment standing for Zoho's.
fn declares(op: &ApiOperation, zoho: &ZohoOperation) -> bool {
    if op.meta.method.as_str() != zoho.method {
        return false;
    }
    let full = format!("{}{}", op.meta.root, op.meta.path);
    let (ours, theirs) = (segments(&full), segments(zoho.path));
    ours.len() == theirs.len() && ours.iter().zip(&theirs).all(|(a, b)| stands_for(a, b))
}

/// The rows of `NOT-DECLARED.md`'s table: `(method, path)`.
fn not_declared() -> Vec<(&'static str, &'static str)> {
    NOT_DECLARED
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            match cells.as_slice() {
                ["", _area, method, path, _why, ""] if path.starts_with('`') => {
                    Some((*method, path.trim_matches('`')))
                }
                _ => None,
            }
        })
        .collect()
}

#[test]
fn every_operation_of_zoho_is_declared_or_listed_with_its_reason() {
    let listed = not_declared();
    let ops: Vec<&ApiOperation> = operations().collect();
    let mut missing = Vec::new();
    let mut stale = Vec::new();
    for zoho in zoho_operations() {
        let declared = ops.iter().any(|op| declares(op, &zoho));
        let is_listed = listed.contains(&(zoho.method, zoho.path));
        match (declared, is_listed) {
            (false, false) => missing.push(format!("{} {} {}", zoho.area, zoho.method, zoho.path)),
            (true, true) => stale.push(format!("{} {}", zoho.method, zoho.path)),
            _ => {}
        }
    }
    assert!(
        missing.is_empty(),
        "{} operations of Zoho are neither declared nor in NOT-DECLARED.md:\n{}",
        missing.len(),
        missing.join("\n")
    );
    assert!(
        stale.is_empty(),
        "declared, yet listed in NOT-DECLARED.md:\n{}",
        stale.join("\n")
    );
}

#[test]
fn every_listed_operation_is_one_of_zohos() {
    let zoho = zoho_operations();
    for (method, path) in not_declared() {
        assert!(
            zoho.iter().any(|z| z.method == method && z.path == path),
            "NOT-DECLARED.md lists `{method} {path}`, which Zoho's description lacks"
        );
    }
}

#[test]
fn every_declared_operation_is_unique() {
    let mut seen = BTreeMap::new();
    for op in operations() {
        let key = (op.module_path, op.name());
        assert!(seen.insert(key, ()).is_none(), "{key:?} is listed twice");
    }
}

#[test]
fn the_readme_gives_each_area_and_its_count() {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for op in operations() {
        *counts.entry(op.area()).or_default() += 1;
    }
    let start = README
        .find("<!-- areas -->")
        .expect("README.md has `<!-- areas -->` before the table of areas");
    let end = README[start..]
        .find("<!-- /areas -->")
        .expect("README.md has `<!-- /areas -->` after the table of areas");
    let mut written: BTreeMap<&str, usize> = BTreeMap::new();
    for line in README[start..start + end].lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if let ["", area, count, ..] = cells.as_slice() {
            if let (Some(area), Ok(count)) = (
                area.strip_prefix('`').and_then(|a| a.strip_suffix('`')),
                count.parse::<usize>(),
            ) {
                written.insert(area, count);
            }
        }
    }
    assert_eq!(
        written, counts,
        "README.md's table of areas against the catalogue"
    );
}

/// The areas of Zoho's description (the file names of its `v8.0` folder) that make the data
/// API, as Zoho's documentation groups its pages: records and what hangs off them, and the
/// actions and jobs on records.
const DATA_AREAS: &[&str] = &[
    "record",
    "record_count",
    "fetch_full_data",
    "module_search",
    "coql",
    "related_records",
    "notes",
    "attachments",
    "download_attachments",
    "field_attachments",
    "download_inline_images",
    "record_photo",
    "files",
    "tags",
    "mass_delete_tags",
    "contact_roles",
    "mass_update",
    "mass_convert",
    "mass_delete_cvid",
    "mass_change_owner",
    "change_owner",
    "convert_lead",
    "conversion_option",
    "inventory_convert",
    "inventory_mass_convert",
    "blueprint",
    "record_locking",
    "record_locking_configuration",
    "share_records",
    "record_share_email",
    "email_sharing_details",
    "unblock_email",
    "associate_email",
    "recycle_bin",
    "notifications",
    "composite_requests",
    "send_mail",
    "from_addresses",
    "email_drafts",
    "email_related_records",
    "timelines",
    "find_and_merge",
    "bulk_read",
    "bulk_write",
    "cancel_meetings",
    "mail_merge",
    "entity_scores",
    "reschedule_history",
    "cadences_execution",
];

#[test]
fn the_readme_gives_the_data_apis_count_of_zohos_operations() {
    let zoho = zoho_operations();
    for area in DATA_AREAS {
        assert!(
            zoho.iter().any(|z| z.area == *area),
            "`{area}` is no area of Zoho's description"
        );
    }
    let ops: Vec<&ApiOperation> = operations().collect();
    let in_data: Vec<&ZohoOperation> = zoho
        .iter()
        .filter(|z| DATA_AREAS.contains(&z.area))
        .collect();
    let declared = in_data
        .iter()
        .filter(|z| ops.iter().any(|op| declares(op, z)))
        .count();
    let written = README
        .split_once("<!-- data -->")
        .and_then(|(_, rest)| rest.split_once("<!-- /data -->"))
        .map(|(figures, _)| figures.split_whitespace().collect::<Vec<_>>().join(" "))
        .expect(
            "README.md gives the data API's figures between `<!-- data -->` and `<!-- /data -->`",
        );
    assert_eq!(
        written,
        format!(
            "{} operations in its areas, and {declared} of them are declared",
            in_data.len()
        ),
        "README.md's figures for the data API against Zoho's list and the catalogue"
    );
}
