//! The path template: `/Deals/<deal_id>/Contact_Roles/<contact_id>`, segment by segment.
//!
//! Errors point at the path literal (a string's inside has no spans of its own on stable) and
//! quote the offending piece.

use std::fmt;

use syn::LitStr;

use crate::ctxt::Ctxt;

/// One segment of the path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Literal text: `Deals`.
    Literal(String),
    /// A whole-segment placeholder naming a field: `<deal_id>`.
    Placeholder(String),
}

/// As the path writes it: `Deals`, `<deal_id>`.
impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Segment::Literal(text) => f.write_str(text),
            Segment::Placeholder(name) => write!(f, "<{name}>"),
        }
    }
}

/// A checked path template.
pub struct PathTemplate {
    /// The literal as written, for spans and for the generated constant.
    pub lit: LitStr,
    /// The segments, in order.
    pub segments: Vec<Segment>,
}

impl PathTemplate {
    /// The placeholders' names, in path order.
    pub fn placeholders(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().filter_map(|segment| match segment {
            Segment::Placeholder(name) => Some(name.as_str()),
            Segment::Literal(_) => None,
        })
    }

    /// Whether the path has a placeholder of this name.
    pub fn has_placeholder(&self, name: &str) -> bool {
        self.placeholders().any(|p| p == name)
    }

    /// The segments as written, literal text or `<name>`: what `zoho_spec::shape` reads.
    pub fn segment_texts(&self) -> Vec<String> {
        self.segments.iter().map(ToString::to_string).collect()
    }

    /// The first segment, when it is literal text.
    pub fn first_literal(&self) -> Option<&str> {
        match self.segments.first() {
            Some(Segment::Literal(text)) => Some(text),
            _ => None,
        }
    }
}

/// Parses and checks the path; `None` when it has errors (all of them reported).
pub fn parse(cx: &Ctxt, lit: &LitStr) -> Option<PathTemplate> {
    let text = lit.value();
    let before = cx.error_count();
    let path = check_whole(cx, lit, &text);
    let mut segments = Vec::new();
    if let Some(rest) = path.strip_prefix('/') {
        let pieces: Vec<&str> = rest.split('/').collect();
        let last = pieces.len() - 1;
        for (i, piece) in pieces.iter().enumerate() {
            if piece.is_empty() {
                empty_segment(cx, lit, &text, i == last);
                continue;
            }
            if let Some(segment) = parse_segment(cx, lit, piece) {
                segments.push(segment);
            }
        }
        check_duplicates(cx, lit, &segments);
        check_root_prefix(cx, lit, &segments);
    }
    (cx.error_count() == before).then(|| PathTemplate {
        lit: lit.clone(),
        segments,
    })
}

/// Checks what concerns the path as a whole; returns the part before any query or fragment.
fn check_whole<'a>(cx: &Ctxt, lit: &LitStr, text: &'a str) -> &'a str {
    if text.is_empty() {
        cx.error_spanned_by(
            lit,
            "the path is empty: write the path below the API root, e.g. `\"/Leads\"`",
        );
        return text;
    }
    let mut path = text;
    if let Some(at) = path.find('?') {
        cx.error_spanned_by(
            lit,
            format!(
                "the path has a query string `{}`: declare each query parameter as a field \
                 marked `#[zoho(query)]` instead",
                &path[at..]
            ),
        );
        path = &path[..at];
    }
    if let Some(at) = path.find('#') {
        cx.error_spanned_by(
            lit,
            format!("the path has a fragment `{}`: remove it", &path[at..]),
        );
        path = &path[..at];
    }
    if path.chars().any(char::is_whitespace) {
        cx.error_spanned_by(
            lit,
            "the path has whitespace: write the path without spaces (values of `<placeholder>` \
             fields are percent-encoded when sent)",
        );
    }
    if !path.starts_with('/') {
        cx.error_spanned_by(
            lit,
            format!("the path must begin with `/`: write `\"/{path}\"`"),
        );
    }
    path
}

fn empty_segment(cx: &Ctxt, lit: &LitStr, text: &str, is_last: bool) {
    if text == "/" {
        cx.error_spanned_by(
            lit,
            "the path `/` names nothing: write the resource, e.g. `\"/Leads\"`",
        );
    } else if is_last {
        cx.error_spanned_by(
            lit,
            format!(
                "the path ends with `/`: remove it, `\"{}\"`",
                text.trim_end_matches('/')
            ),
        );
    } else {
        cx.error_spanned_by(
            lit,
            "the path has an empty segment `//`: write one `/` between segments",
        );
    }
}

fn parse_segment(cx: &Ctxt, lit: &LitStr, piece: &str) -> Option<Segment> {
    let opens = piece.matches('<').count();
    let closes = piece.matches('>').count();
    if opens == 0 && closes == 0 {
        return Some(Segment::Literal(piece.to_owned()));
    }
    if opens > closes {
        cx.error_spanned_by(
            lit,
            format!("unclosed `<` in the path segment `{piece}`: write `<name>`"),
        );
        return None;
    }
    if closes > opens {
        cx.error_spanned_by(
            lit,
            format!("unmatched `>` in the path segment `{piece}`: write `<name>`"),
        );
        return None;
    }
    let Some(name) = piece.strip_prefix('<').and_then(|p| p.strip_suffix('>')) else {
        return whole_segment_error(cx, lit, piece);
    };
    if name.contains(['<', '>']) {
        return whole_segment_error(cx, lit, piece);
    }
    if name.is_empty() {
        cx.error_spanned_by(
            lit,
            "empty placeholder `<>` in the path: name the field that fills it, e.g. `<record_id>`",
        );
        return None;
    }
    if !is_field_name(name) {
        cx.error_spanned_by(
            lit,
            format!(
                "the placeholder `<{name}>` must be a field name: letters, digits and `_`, e.g. \
                 `<record_id>`"
            ),
        );
        return None;
    }
    Some(Segment::Placeholder(name.to_owned()))
}

fn whole_segment_error(cx: &Ctxt, lit: &LitStr, piece: &str) -> Option<Segment> {
    cx.error_spanned_by(
        lit,
        format!(
            "a placeholder fills a whole path segment, but `{piece}` mixes it with text: write \
             `/<name>/` and put the text in a segment of its own"
        ),
    );
    None
}

fn is_field_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name != "_"
}

fn check_duplicates(cx: &Ctxt, lit: &LitStr, segments: &[Segment]) {
    let mut names: Vec<&str> = Vec::new();
    for segment in segments {
        if let Segment::Placeholder(name) = segment {
            if names.contains(&name.as_str()) {
                cx.error_spanned_by(
                    lit,
                    format!(
                        "the placeholder `<{name}>` appears twice in the path: each placeholder \
                         names a different field, e.g. `<{name}>` and `<related_{name}>`"
                    ),
                );
            }
            names.push(name);
        }
    }
}

/// `/crm/v8/Leads` repeats the API root the runtime adds.
fn check_root_prefix(cx: &Ctxt, lit: &LitStr, segments: &[Segment]) {
    if let Some(Segment::Literal(first)) = segments.first() {
        if first == "crm" {
            cx.error_spanned_by(
                lit,
                "the path is relative to the API root `/crm/{version}`: write `\"/Leads\"` for \
                 `/crm/v8/Leads`, and `root = \"/crm/bulk\"` for an endpoint under another root",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<Vec<Segment>, String> {
        let cx = Ctxt::default();
        let lit = LitStr::new(text, proc_macro2::Span::call_site());
        let path = parse(&cx, &lit);
        match cx.check() {
            Ok(()) => Ok(path.expect("no errors").segments),
            Err(error) => Err(error.to_string()),
        }
    }

    #[test]
    fn splits_literals_and_placeholders() {
        assert_eq!(
            parse_text("/Deals/<deal_id>/Contact_Roles").unwrap(),
            vec![
                Segment::Literal("Deals".into()),
                Segment::Placeholder("deal_id".into()),
                Segment::Literal("Contact_Roles".into()),
            ]
        );
    }

    #[test]
    fn refuses_malformed_paths() {
        let cases = [
            ("Leads", "must begin with `/`"),
            ("/Leads//x", "empty segment"),
            ("/Leads/", "ends with `/`"),
            ("/Leads?ids=1", "query string"),
            ("/Leads/<id", "unclosed `<`"),
            ("/Leads/<>", "empty placeholder"),
            ("/Leads/<id>/x/<id>", "appears twice"),
            ("/Leads/id_<id>", "whole path segment"),
            ("/crm/v8/Leads", "relative to the API root"),
        ];
        for (text, expected) in cases {
            let error = parse_text(text).unwrap_err();
            assert!(error.contains(expected), "{text}: {error}");
        }
    }
}
