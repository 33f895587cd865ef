//! Property tests through the catalogue's declarations of the seeds: any path value renders to
//! exactly the declared segments (or is refused), scopes are filled with the path value alone,
//! and every recorded answer, however mutated, decodes through the endpoint that sent its request
//! to `Ok` or a typed error, never a panic.

use percent_encoding::percent_decode_str;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::Value;
use zoho_crm_api::contact_roles::{AddContactRoleV6, ContactRoleRef};
use zoho_crm_api::related_records::{AssociateByExternalIds, UpdateRelatedRecordsV2};
use zoho_runtime::endpoint::RawResponse;
use zoho_runtime::{Endpoint, Error, Outcomes, RecordId, Scope};
use zoho_tour::seeds::{ids, *};

/// Every recorded answer: (seed number, status, body).
fn recorded_answers() -> Vec<(u8, u16, Vec<u8>)> {
    let seeds = [
        (
            0,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/000_external_ids.json"
            )),
        ),
        (
            1,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/001_contact_roles.json"
            )),
        ),
        (
            2,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/002_update_lead.json"
            )),
        ),
        (
            3,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/003_related_records.json"
            )),
        ),
        (
            4,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/004_mass_update.json"
            )),
        ),
    ];
    let mut answers = Vec::new();
    for (seed, text) in seeds {
        let fixture: Value = serde_json::from_str(text).unwrap();
        for pair in fixture["pairs"].as_array().unwrap() {
            let response = &pair["response"];
            let status = u16::try_from(response["status"].as_u64().unwrap()).unwrap();
            answers.push((seed, status, serde_json::to_vec(&response["body"]).unwrap()));
        }
    }
    answers
}

/// Decodes an answer the way `send` does: through the seed's declaration, with the count of
/// records its call carries.
fn decode_as_seed(seed: u8, raw: &RawResponse) -> (Option<usize>, Result<Outcomes, Error>) {
    fn through<E: Endpoint<Response = Outcomes>>(
        call: &E,
        raw: &RawResponse,
    ) -> (Option<usize>, Result<Outcomes, Error>) {
        let expected = call.request_parts().unwrap().expected_outcomes();
        (expected, E::decode(raw, expected))
    }
    match seed {
        0 => through(
            &AssociateByExternalIds {
                contact: ids::EXTERNAL_CONTACT.into(),
                deal: ids::EXTERNAL_DEAL.into(),
                contact_role: ids::ROLE_SEED_000.into(),
            },
            raw,
        ),
        1 => through(
            &AddContactRoleV6 {
                deal_id: ids::DEAL.into(),
                contact_id: ids::CONTACT.into(),
                role: ContactRoleRef {
                    name: "Executive Sponsor".into(),
                    id: ids::ROLE_EXECUTIVE_SPONSOR.into(),
                },
            },
            raw,
        ),
        2 => through(&update_lead(ids::LEAD, ids::USER), raw),
        3 => through(
            &campaigns_of_lead(
                ids::LEAD_WITH_CAMPAIGNS,
                &[
                    (ids::CAMPAIGNS[0], "Active"),
                    (ids::CAMPAIGNS[1], "Planning"),
                ],
            ),
            raw,
        ),
        _ => through(&employees_by_ids(500, [ids::LEAD, ids::LEAD_2]), raw),
    }
}

/// `Ok` with one outcome per record sent, or an error of the kinds decoding gives, with the
/// answer's status.
fn check_decoded(
    raw: &RawResponse,
    expected: Option<usize>,
    result: &Result<Outcomes, Error>,
) -> Result<(), TestCaseError> {
    match result {
        Ok(outcomes) => {
            prop_assert_eq!(outcomes.status(), raw.status);
            if let Some(n) = expected {
                prop_assert_eq!(outcomes.len(), n);
            }
        }
        Err(error) => {
            prop_assert!(
                matches!(
                    error,
                    Error::Api { .. } | Error::UnexpectedBody { .. } | Error::OutcomeCount { .. }
                ),
                "decoding gave {error:?}"
            );
            prop_assert_eq!(error.status(), Some(raw.status));
            prop_assert!(!error.to_string().is_empty());
        }
    }
    Ok(())
}

/// One change to an answer's bytes.
#[derive(Clone, Debug)]
enum Mutation {
    /// Cuts the body here.
    Truncate(Index),
    /// Sets one byte.
    Set(Index, u8),
    /// Inserts bytes.
    Insert(Index, Vec<u8>),
    /// Removes a stretch.
    Remove(Index, usize),
    /// Copies a stretch over another place (repeats structure: `}]}`, `"code"`, …).
    Splice(Index, Index, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<Index>().prop_map(Mutation::Truncate),
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
        (
            any::<Index>(),
            prop_oneof![
                prop::collection::vec(any::<u8>(), 1..8),
                select(vec![
                    "{",
                    "}",
                    "[",
                    "]",
                    ",",
                    "\"",
                    ":",
                    "null",
                    "\"code\"",
                    "\"data\":[",
                    "\\u0000",
                    "1e999"
                ])
                .prop_map(|s| s.as_bytes().to_vec()),
            ]
        )
            .prop_map(|(i, bytes)| Mutation::Insert(i, bytes)),
        (any::<Index>(), 1usize..32).prop_map(|(i, n)| Mutation::Remove(i, n)),
        (any::<Index>(), any::<Index>(), 1usize..32)
            .prop_map(|(a, b, n)| Mutation::Splice(a, b, n)),
    ]
}

fn apply(body: &mut Vec<u8>, mutation: &Mutation) {
    let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len + 1) };
    match mutation {
        Mutation::Truncate(i) => body.truncate(at(i, body.len())),
        Mutation::Set(i, byte) => {
            if !body.is_empty() {
                let i = i.index(body.len());
                body[i] = *byte;
            }
        }
        Mutation::Insert(i, bytes) => {
            let i = at(i, body.len());
            body.splice(i..i, bytes.iter().copied());
        }
        Mutation::Remove(i, n) => {
            let i = at(i, body.len());
            let end = (i + n).min(body.len());
            body.drain(i..end);
        }
        Mutation::Splice(from, to, n) => {
            if !body.is_empty() {
                let from = from.index(body.len());
                let stretch = body[from..(from + n).min(body.len())].to_vec();
                let to = at(to, body.len());
                body.splice(to..to, stretch);
            }
        }
    }
}

/// Replaces the value at one place of a JSON tree (the `n`th node, depth first).
fn replace_node(value: &mut Value, n: &mut usize, with: &Value) -> bool {
    if *n == 0 {
        *value = with.clone();
        return true;
    }
    *n -= 1;
    match value {
        Value::Array(items) => items.iter_mut().any(|item| replace_node(item, n, with)),
        Value::Object(map) => map.values_mut().any(|item| replace_node(item, n, with)),
        _ => false,
    }
}

fn count_nodes(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(map) => map.values().map(count_nodes).sum(),
        _ => 0,
    }
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("a finite number", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        any::<String>().prop_map(Value::String),
        select(vec![
            "SUCCESS",
            "error",
            "success",
            "INVALID_DATA",
            "data",
            "code"
        ])
        .prop_map(|s| Value::String(s.into())),
        Just(Value::Array(vec![])),
        Just(Value::Object(Default::default())),
    ]
}

/// Text that stresses URLs: separators, escapes, dots, non-ASCII, `<placeholder>`s.
fn path_text() -> impl Strategy<Value = String> {
    let chars = vec![
        '.', '/', '%', '?', '#', '&', ' ', '<', '>', 'a', 'L', '_', 'é', '😀', '\0', '\n',
    ];
    prop_oneof![
        any::<String>(),
        prop::collection::vec(select(chars), 0..10).prop_map(String::from_iter),
        select(vec![
            "",
            ".",
            "..",
            "Leads",
            "Leads.ALL",
            "<record_id>",
            "<related_list>"
        ])
        .prop_map(String::from),
    ]
}

fn decode_segment(text: &str) -> Option<String> {
    let escapes_whole = text.split('%').skip(1).all(|rest| {
        rest.get(..2)
            .is_some_and(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
    });
    let decoded = percent_decode_str(text).decode_utf8().ok()?;
    escapes_whole.then(|| decoded.into_owned())
}

proptest! {
    /// Any recorded answer with any number of byte-level mutations decodes through its seed's
    /// declaration to `Ok` or a typed error.
    #[test]
    fn recorded_answers_with_byte_mutations_decode_to_ok_or_a_typed_error(
        answer in select(recorded_answers()),
        mutations in prop::collection::vec(mutation(), 1..6),
        status in prop_oneof![Just(None), any::<u16>().prop_map(Some)],
    ) {
        let (seed, recorded_status, mut body) = answer;
        for m in &mutations {
            apply(&mut body, m);
        }
        let raw = RawResponse::new(status.unwrap_or(recorded_status), body);
        let (expected, result) = decode_as_seed(seed, &raw);
        check_decoded(&raw, expected, &result)?;
    }

    /// Any recorded answer with one of its JSON values replaced by another of any type decodes
    /// through its seed's declaration to `Ok` or a typed error.
    #[test]
    fn recorded_answers_with_a_value_replaced_decode_to_ok_or_a_typed_error(
        answer in select(recorded_answers()),
        place in any::<Index>(),
        with in json_leaf(),
    ) {
        let (seed, status, body) = answer;
        let mut value: Value = serde_json::from_slice(&body).unwrap();
        let mut n = place.index(count_nodes(&value));
        replace_node(&mut value, &mut n, &with);
        let raw = RawResponse::new(status, serde_json::to_vec(&value).unwrap());
        let (expected, result) = decode_as_seed(seed, &raw);
        check_decoded(&raw, expected, &result)?;
    }

    /// Seed 003's three path values: the path is exactly `/crm/v2/{module}/{record}/{list}`,
    /// each value decoding back, or the call is refused; the scope names the module, lowercased,
    /// and nothing else.
    #[test]
    fn seed_path_values_render_to_the_declared_segments_or_are_refused(
        module in path_text(),
        record in path_text(),
        list in path_text(),
    ) {
        let call = UpdateRelatedRecordsV2::<CampaignMember> {
            module: module.clone(),
            id: RecordId::new(record.clone()),
            related_list: list.clone(),
            records: vec![],
        };
        let refused = [&module, &record, &list].iter().any(|v| v.is_empty() || *v == "." || *v == "..");
        let parts = match call.request_parts() {
            Err(Error::InvalidRequest { .. }) if refused => return Ok(()),
            Ok(parts) if !refused => parts,
            other => return Err(TestCaseError::fail(format!("{other:?}"))),
        };
        let path = parts.path_and_query(zoho_runtime::ApiVersion::V8).unwrap();
        let segments: Vec<&str> = path.strip_prefix('/').unwrap().split('/').collect();
        prop_assert_eq!(segments.len(), 5, "{}", path);
        prop_assert_eq!(&segments[..2], ["crm", "v2"]);
        for (segment, value) in segments[2..].iter().zip([&module, &record, &list]) {
            prop_assert_eq!(decode_segment(segment), Some(value.to_string()));
        }
        let wanted = format!("ZohoCRM.modules.{}.UPDATE", module.to_ascii_lowercase());
        match (Scope::parse(&wanted), call.scopes()) {
            (Ok(wanted), Ok(scopes)) => {
                prop_assert_eq!(scopes.len(), 1);
                prop_assert_eq!(scopes[0].as_str(), wanted.as_str());
            }
            (Err(_), Err(Error::InvalidScope { .. })) => {}
            (wanted, got) => prop_assert!(false, "wanted {wanted:?}, got {got:?}"),
        }
    }
}
