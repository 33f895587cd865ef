//! The `LIMIT` clause of a COQL query: found outside quotes and parentheses, read, and
//! written again for each page of a walk.

/// A COQL query split at its `LIMIT` clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit<'q> {
    /// The query before the clause, trailing blanks removed.
    pub base: &'q str,
    /// The clause's offset: `limit 40, 20` and `limit 20 offset 40` both give 40.
    pub offset: Option<u64>,
    /// The clause's row count.
    pub limit: Option<u64>,
}

impl Limit<'_> {
    /// The query asking for `limit` rows from `offset`.
    pub fn render(&self, offset: u64, limit: u64) -> String {
        format!("{} limit {offset}, {limit}", self.base)
    }
}

/// Splits a query at its top-level `limit` (any case). The clause may be `limit n`,
/// `limit offset, n` or `limit n offset m`; anything else after `limit` is an error, in words.
pub fn split_limit(query: &str) -> Result<Limit<'_>, String> {
    let Some(at) = top_level_word(query, "limit") else {
        return Ok(Limit {
            base: query.trim_end(),
            offset: None,
            limit: None,
        });
    };
    let tail = &query[at + "limit".len()..];
    let (offset, limit) = read_clause(tail).ok_or_else(|| {
        format!(
            "the query's LIMIT clause `{}` is not `limit n`, `limit offset, n` or `limit n offset m`",
            query[at..].trim()
        )
    })?;
    Ok(Limit {
        base: query[..at].trim_end(),
        offset,
        limit: Some(limit),
    })
}

/// `n`, `o, n` or `n offset o` after `limit`.
fn read_clause(tail: &str) -> Option<(Option<u64>, u64)> {
    let spaced = tail.replace(',', " , ");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let number = |w: &str| w.parse::<u64>().ok();
    match words.as_slice() {
        [n] => Some((None, number(n)?)),
        [o, ",", n] => Some((Some(number(o)?), number(n)?)),
        [n, kw, o] if kw.eq_ignore_ascii_case("offset") => Some((Some(number(o)?), number(n)?)),
        _ => None,
    }
}

/// The byte index of the first `word` outside quotes and parentheses, standing alone.
fn top_level_word(query: &str, word: &str) -> Option<usize> {
    let bytes = query.as_bytes();
    let mut quote: Option<u8> = None;
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match (quote, b) {
            // A doubled quote inside a string is the quote itself: it closes and reopens.
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'\'' | b'"') => quote = Some(b),
            (None, b'(') => depth += 1,
            (None, b')') => depth = depth.saturating_sub(1),
            (None, _) if depth == 0 && starts_word(query, i, word) => return Some(i),
            (None, _) => {}
        }
        i += 1;
    }
    None
}

fn starts_word(query: &str, i: usize, word: &str) -> bool {
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b == b'$';
    let bytes = query.as_bytes();
    let end = i + word.len();
    end <= bytes.len()
        && bytes[i..end].eq_ignore_ascii_case(word.as_bytes())
        && (i == 0 || !is_ident(bytes[i - 1]))
        && (end == bytes.len() || !is_ident(bytes[end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_form_of_the_clause() {
        let q = "select Last_Name from Leads where Last_Name is not null";
        assert_eq!(split_limit(q).unwrap().limit, None);
        let l = split_limit("select id from Leads LIMIT 20").unwrap();
        assert_eq!(
            (l.base, l.offset, l.limit),
            ("select id from Leads", None, Some(20))
        );
        let l = split_limit("select id from Leads limit 40, 20").unwrap();
        assert_eq!((l.offset, l.limit), (Some(40), Some(20)));
        let l = split_limit("select id from Leads limit 20 offset 40").unwrap();
        assert_eq!((l.offset, l.limit), (Some(40), Some(20)));
        assert_eq!(l.render(60, 20), "select id from Leads limit 60, 20");
    }

    #[test]
    fn ignores_limit_inside_quotes_and_parentheses() {
        let q = "select id from Leads where (Company = 'limit 3' and Last_Name like '%limit%')";
        let l = split_limit(q).unwrap();
        assert_eq!((l.base, l.limit), (q, None));
        let l = split_limit("select Limit_Amount from Leads where id is not null").unwrap();
        assert_eq!(l.limit, None);
    }

    #[test]
    fn refuses_a_clause_it_cannot_read() {
        let err = split_limit("select id from Leads limit ten").unwrap_err();
        assert!(err.contains("`limit ten`"), "{err}");
        assert!(split_limit("select id from Leads limit 5, 6, 7").is_err());
    }
}
