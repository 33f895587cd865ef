//! Property tests of reading: the page decoder takes any `info` Zoho may send (keys missing,
//! extra, null) and keeps every record; the COQL `LIMIT` clause a walk rewrites reads back as
//! written; the sandbox's COQL parser answers `Ok` or one of Zoho's codes for any text, and
//! accepts every query its grammar allows.
//!
//! The fuzz targets `page_decode` and `coql_parse` in `fuzz/` check the same for longer.

use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Map, Value};
use zoho_runtime::endpoint::{decode_json, RawResponse};
use zoho_runtime::paging::split_limit;
use zoho_runtime::{Error, Page, Record};
use zoho_sandbox::__coql::check;

/// An `info` object: each key Zoho documents present or not, of its type or null, plus keys
/// nobody documents.
fn info() -> impl Strategy<Value = Value> {
    let key = |name: &'static str, value: BoxedStrategy<Value>| {
        prop::option::of(prop_oneof![value, Just(Value::Null)]).prop_map(move |v| (name, v))
    };
    (
        key("per_page", (0u32..=200).prop_map(|n| json!(n)).boxed()),
        key("count", (0u32..=200).prop_map(|n| json!(n)).boxed()),
        key("page", (1u32..=500).prop_map(|n| json!(n)).boxed()),
        key("more_records", any::<bool>().prop_map(|b| json!(b)).boxed()),
        key(
            "next_page_token",
            "[a-f0-9]{0,48}".prop_map(|t| json!(t)).boxed(),
        ),
        key(
            "page_token_expiry",
            ".{0,30}".prop_map(|t| json!(t)).boxed(),
        ),
        prop::collection::btree_map("[a-z_]{1,12}", any::<i32>(), 0..3),
    )
        .prop_map(|(a, b, c, d, e, f, extra)| {
            let mut map = Map::new();
            for (name, value) in [a, b, c, d, e, f] {
                if let Some(value) = value {
                    map.insert(name.to_owned(), value);
                }
            }
            for (name, value) in extra {
                map.entry(name).or_insert(json!(value));
            }
            Value::Object(map)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_page_keeps_every_record_whatever_its_info(n in 0usize..30, info in info()) {
        let data: Vec<Value> = (0..n).map(|i| json!({"id": format!("{}", 4150868000000000000u64 + i as u64), "Last_Name": format!("L{i}")})).collect();
        let more = info.get("more_records").and_then(Value::as_bool).unwrap_or(false);
        let body = json!({"data": data, "info": info}).to_string();
        let page: Page<Record> = decode_json(&RawResponse::new(200, body.into_bytes())).unwrap();
        prop_assert_eq!(page.data.len(), n);
        prop_assert_eq!(page.info.more_records, more);
        for (i, record) in page.data.iter().enumerate() {
            prop_assert_eq!(record.get::<String>("Last_Name").unwrap(), Some(format!("L{i}")));
        }
    }

    #[test]
    fn any_answer_decodes_to_a_page_or_a_typed_error(status in select(vec![200u16, 204, 400, 500]), body in ".{0,200}") {
        let raw = RawResponse::new(status, body.into_bytes());
        match decode_json::<Page<Record>>(&raw) {
            Ok(page) => {
                prop_assert!(status == 200 || status == 204, "a page from HTTP {}", status);
                prop_assert!(status == 200 || page.data.is_empty());
            }
            Err(Error::Api { status: s, .. } | Error::UnexpectedBody { status: s, .. } | Error::Decode { status: s, .. }) => {
                prop_assert_eq!(s, status);
            }
            Err(other) => prop_assert!(false, "not an answer error: {:?}", other),
        }
    }

    #[test]
    fn a_limit_clause_reads_back_as_written(
        base in "select [A-Z][a-z_]{0,8} from (Leads|Deals)( where [A-Z][a-z]{0,6} = '[a-z ]{0,10}')?",
        offset in 0u64..=100_000,
        limit in 1u64..=2_000,
    ) {
        let split = split_limit(&base).unwrap();
        prop_assert_eq!((split.base, split.offset, split.limit), (base.as_str(), None, None));
        let rendered = split.render(offset, limit);
        let again = split_limit(&rendered).unwrap();
        prop_assert_eq!((again.base, again.offset, again.limit), (base.as_str(), Some(offset), Some(limit)));
        let spelled = format!("{base} LIMIT {limit} OFFSET {offset}");
        let again = split_limit(&spelled).unwrap();
        prop_assert_eq!((again.offset, again.limit), (Some(offset), Some(limit)));
    }

    #[test]
    fn split_limit_never_panics(text in ".{0,120}") {
        let _ = split_limit(&text);
    }

    #[test]
    fn the_coql_parser_answers_ok_or_zohos_codes(text in ".{0,160}") {
        if let Err(code) = check(&text) {
            prop_assert!(["SYNTAX_ERROR", "LIMIT_EXCEEDED", "DUPLICATE_DATA"].contains(&code), "{}", code);
        }
    }

    #[test]
    fn every_query_of_the_grammar_parses(query in coql_query()) {
        prop_assert_eq!(check(&query.text), Ok("Leads".to_owned()), "{}", query.text);
        let too_many = format!("{} limit {}", query.without_limit, 2_001 + query.extra);
        prop_assert_eq!(check(&too_many), Err("LIMIT_EXCEEDED"));
    }
}

/// A query of COQL's grammar, with and without its `LIMIT`.
#[derive(Debug, Clone)]
struct Generated {
    text: String,
    without_limit: String,
    extra: u32,
}

fn column() -> impl Strategy<Value = String> {
    select(vec![
        "Last_Name",
        "Company",
        "Email",
        "Annual_Revenue",
        "Owner.name",
        "id",
    ])
    .prop_map(str::to_owned)
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ]{0,10}".prop_map(|t| format!("'{t}'")),
        (-1000i64..1000).prop_map(|n| n.to_string()),
        Just("true".to_owned()),
    ]
}

fn test() -> impl Strategy<Value = String> {
    (
        column(),
        select(vec!["=", "!=", "<", ">", "<=", ">="]),
        value(),
        0u8..8,
        value(),
    )
        .prop_map(|(c, op, v, form, w)| match form {
            0 => format!("{c} like '%{}%'", v.trim_matches('\'')),
            1 => format!("{c} not like 'a%'"),
            2 => format!("{c} in ({v}, {w})"),
            3 => format!("{c} not in ({v})"),
            4 => format!("{c} is null"),
            5 => format!("{c} is not null"),
            6 => format!("{c} between {v} and {w}"),
            _ => format!("{c} {op} {v}"),
        })
}

/// Criteria of one, two, or nested pairs in parentheses, as Zoho requires.
fn criteria() -> impl Strategy<Value = String> {
    test().prop_recursive(3, 12, 2, |inner| {
        (inner.clone(), select(vec!["and", "or", "AND"]), inner)
            .prop_map(|(a, join, b)| format!("({a} {join} {b})"))
    })
}

fn coql_query() -> impl Strategy<Value = Generated> {
    (
        prop::collection::vec(column(), 1..6),
        prop::option::of(criteria()),
        prop::option::of((column(), select(vec!["", " asc", " desc"]))),
        0u32..3,
        0u32..=100_000,
        1u32..=2_000,
        0u32..1000,
    )
        .prop_map(|(columns, criteria, order, form, offset, limit, extra)| {
            let mut text = format!("SELECT {} FROM Leads", columns.join(", "));
            if let Some(c) = criteria {
                text += &format!(" WHERE {c}");
            }
            if let Some((c, dir)) = order {
                text += &format!(" ORDER BY {c}{dir}");
            }
            let without_limit = text.clone();
            match form {
                0 => {}
                1 => text += &format!(" LIMIT {offset}, {limit}"),
                _ => text += &format!(" limit {limit} offset {offset}"),
            }
            Generated {
                text,
                without_limit,
                extra,
            }
        })
}
