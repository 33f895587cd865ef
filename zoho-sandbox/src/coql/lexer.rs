//! COQL's tokens: words (keywords and field names, `Owner.name` included), quoted strings
//! (`'…'` or `"…"`, a doubled quote standing for itself), numbers, `,`, `(`, `)`, `*` and the
//! comparison operators.

use super::error::CoqlError;

/// One token, with the byte offset it starts at (for the `near` of an error).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub kind: Kind,
    pub at: usize,
}

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// A keyword or a field or module name, as written.
    Word(String),
    /// A quoted string, quotes removed and doubled quotes undone.
    Text(String),
    /// A number, as written.
    Number(String),
    Comma,
    Open,
    Close,
    Star,
    /// `=`, `!=`, `<>`, `<`, `>`, `<=`, `>=`.
    Compare(&'static str),
}

impl Kind {
    /// Whether the token is this keyword, in any case.
    pub(crate) fn is(&self, keyword: &str) -> bool {
        matches!(self, Kind::Word(w) if w.eq_ignore_ascii_case(keyword))
    }
}

/// Splits a query into tokens; an unclosed quote or a character COQL does not have is a
/// `SYNTAX_ERROR`.
pub(crate) fn tokens(query: &str) -> Result<Vec<Token>, CoqlError> {
    let bytes = query.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        let kind = match b {
            b if b.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            b',' => one(&mut i, Kind::Comma),
            b'(' => one(&mut i, Kind::Open),
            b')' => one(&mut i, Kind::Close),
            b'*' => one(&mut i, Kind::Star),
            b'\'' | b'"' => Kind::Text(quoted(query, &mut i)?),
            b'=' | b'!' | b'<' | b'>' => compare(query, &mut i)?,
            b'-' | b'0'..=b'9' => Kind::Number(take(query, &mut i, is_number_byte).to_owned()),
            b if is_word_byte(b) => Kind::Word(take(query, &mut i, is_word_byte).to_owned()),
            _ => return Err(CoqlError::syntax(near(query, start))),
        };
        out.push(Token { kind, at: start });
    }
    Ok(out)
}

fn one(i: &mut usize, kind: Kind) -> Kind {
    *i += 1;
    kind
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b == b'$' || b >= 0x80
}

fn is_number_byte(b: u8) -> bool {
    b.is_ascii_digit() || b == b'.' || b == b'-'
}

fn take<'q>(query: &'q str, i: &mut usize, keep: fn(u8) -> bool) -> &'q str {
    let start = *i;
    *i += 1;
    while *i < query.len() && keep(query.as_bytes()[*i]) {
        *i += 1;
    }
    &query[start..*i]
}

/// A string in `quote`s from `*i`; `''` inside `'…'` is one `'`.
fn quoted(query: &str, i: &mut usize) -> Result<String, CoqlError> {
    let bytes = query.as_bytes();
    let quote = bytes[*i];
    let start = *i;
    let mut text = Vec::new();
    *i += 1;
    loop {
        match bytes.get(*i) {
            None => return Err(CoqlError::syntax(near(query, start))),
            Some(&b) if b == quote && bytes.get(*i + 1) == Some(&quote) => {
                text.push(quote);
                *i += 2;
            }
            Some(&b) if b == quote => {
                *i += 1;
                // The bytes come from a `str` and are cut only at ASCII quotes.
                return String::from_utf8(text).map_err(|_| CoqlError::syntax(near(query, start)));
            }
            Some(&b) => {
                text.push(b);
                *i += 1;
            }
        }
    }
}

fn compare(query: &str, i: &mut usize) -> Result<Kind, CoqlError> {
    let rest = &query[*i..];
    for op in ["!=", "<>", "<=", ">=", "=", "<", ">"] {
        if rest.starts_with(op) {
            *i += op.len();
            // `<>` is SQL's spelling of `!=`.
            return Ok(Kind::Compare(if op == "<>" { "!=" } else { op }));
        }
    }
    Err(CoqlError::syntax(near(query, *i)))
}

/// Up to 20 characters of the query from `at`, for an error's `near`.
pub(crate) fn near(query: &str, at: usize) -> String {
    query.get(at..).unwrap_or("").chars().take(20).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(q: &str) -> Vec<Kind> {
        tokens(q).unwrap().into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn splits_words_strings_numbers_and_operators() {
        assert_eq!(
            kinds("select Owner.name from Leads where (Last_Name != 'O''Brien' and Amount>=-2.5)"),
            vec![
                Kind::Word("select".into()),
                Kind::Word("Owner.name".into()),
                Kind::Word("from".into()),
                Kind::Word("Leads".into()),
                Kind::Word("where".into()),
                Kind::Open,
                Kind::Word("Last_Name".into()),
                Kind::Compare("!="),
                Kind::Text("O'Brien".into()),
                Kind::Word("and".into()),
                Kind::Word("Amount".into()),
                Kind::Compare(">="),
                Kind::Number("-2.5".into()),
                Kind::Close,
            ]
        );
    }

    #[test]
    fn refuses_an_unclosed_quote_and_strange_characters() {
        assert!(tokens("select id from Leads where Last_Name = 'Bry").is_err());
        assert!(tokens("select id from Leads; drop").is_err());
    }
}
