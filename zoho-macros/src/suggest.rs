//! "did you mean" for misspelled names, and the lists of names messages offer instead.

/// The candidate closest to `typo`, when one is close enough to be a likely misspelling.
pub fn closest<'a>(typo: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typo_lower = typo.to_ascii_lowercase();
    let limit = (typo.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .map(|candidate| {
            (
                distance(&typo_lower, &candidate.to_ascii_lowercase()),
                candidate,
            )
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, candidate)| candidate)
}

/// ` (did you mean `x`?)`, or nothing.
pub fn did_you_mean<'a>(typo: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    match closest(typo, candidates) {
        Some(candidate) => format!(" (did you mean `{candidate}`?)"),
        None => String::new(),
    }
}

/// The names in backticks, for "expected one of …": `` `GET`, `POST`, `PUT` ``.
pub fn listed<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<String> = names.into_iter().map(|n| format!("`{n}`")).collect();
    names.join(", ")
}

/// The names in backticks, the last after "or": `` `GET`, `POST` or `PUT` ``.
pub fn listed_or<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let mut names: Vec<String> = names.into_iter().map(|n| format!("`{n}`")).collect();
    let Some(last) = names.pop() else {
        return String::new();
    };
    if names.is_empty() {
        return last;
    }
    format!("{} or {last}", names.join(", "))
}

/// Levenshtein distance, with a swap of two neighbours counted as one edit.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_close_names() {
        assert_eq!(closest("Lead", ["Leads", "Deals"]), Some("Leads"));
        assert_eq!(closest("scopes", ["scope", "root"]), Some("scope"));
        assert_eq!(closest("PUTT", ["GET", "PUT"]), Some("PUT"));
        assert_eq!(closest("verison", ["version"]), Some("version"));
        assert_eq!(closest("zzzzzz", ["Leads"]), None);
    }

    #[test]
    fn lists_names() {
        assert_eq!(listed(["a", "b"]), "`a`, `b`");
        assert_eq!(listed_or(["a", "b", "c"]), "`a`, `b` or `c`");
        assert_eq!(listed_or(["a"]), "`a`");
    }
}
