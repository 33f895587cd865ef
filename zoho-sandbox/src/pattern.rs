//! Path patterns of the route table: `/{module}/{id}`, `/settings/modules`, `/settings/*`.
//!
//! A part is a literal (compared case-insensitively, as Zoho compares module names), a capture
//! `{name}` taking one segment, or a final `*` taking one segment or more.

/// The values a request's path gave a pattern's captures.
#[derive(Debug, Default)]
pub(crate) struct Captures {
    pairs: Vec<(&'static str, String)>,
}

impl Captures {
    /// The value of the capture `{name}`, if the pattern has one.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One part of a pattern.
enum Part {
    Literal(&'static str),
    Capture(&'static str),
    Rest,
}

fn parts(pattern: &'static str) -> impl Iterator<Item = Part> {
    pattern.trim_start_matches('/').split('/').map(|part| {
        if part == "*" {
            Part::Rest
        } else if let Some(name) = part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            Part::Capture(name)
        } else {
            Part::Literal(part)
        }
    })
}

/// The captures when `segments` (percent-decoded) fit `pattern`, else `None`.
pub(crate) fn matches(pattern: &'static str, segments: &[String]) -> Option<Captures> {
    let mut captures = Captures::default();
    let mut rest = segments.iter();
    for part in parts(pattern) {
        match part {
            Part::Rest => return rest.next().map(|_| captures),
            Part::Literal(text) => {
                if !rest.next()?.eq_ignore_ascii_case(text) {
                    return None;
                }
            }
            Part::Capture(name) => captures.pairs.push((name, rest.next()?.clone())),
        }
    }
    rest.next().is_none().then_some(captures)
}

/// The pattern as `zoho_spec::shape` reads a path: literals as they are, the module capture
/// replaced by the module's API name, other captures as `<name>` placeholders.
pub(crate) fn shape_segments(pattern: &'static str, module: &str) -> Vec<String> {
    parts(pattern)
        .map(|part| match part {
            Part::Literal(text) => text.to_owned(),
            Part::Capture("module") => module.to_owned(),
            Part::Capture(name) => format!("<{name}>"),
            Part::Rest => "*".to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segs(path: &str) -> Vec<String> {
        path.split('/').map(String::from).collect()
    }

    #[test]
    fn literals_captures_and_rest() {
        let found = matches("/{module}/{id}", &segs("Leads/12")).unwrap();
        assert_eq!(found.get("module"), Some("Leads"));
        assert_eq!(found.get("id"), Some("12"));
        assert_eq!(found.get("related_id"), None);
        assert!(matches("/{module}/{id}", &segs("Leads")).is_none());
        assert!(matches("/{module}/{id}", &segs("Leads/1/Notes")).is_none());
        assert!(matches("/Contacts/roles", &segs("contacts/roles")).is_some());
        assert!(matches("/settings/*", &segs("settings/a/b")).is_some());
        assert!(matches("/settings/*", &segs("settings")).is_none());
    }

    #[test]
    fn shapes_name_the_module_and_placeholders() {
        assert_eq!(shape_segments("/{module}/{id}", "Leads"), ["Leads", "<id>"]);
        assert_eq!(
            shape_segments("/{module}/actions/count", "Leads"),
            ["Leads", "actions", "count"]
        );
    }
}
