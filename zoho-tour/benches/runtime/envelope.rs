//! 2. Envelope and decoding.

use std::hint::black_box;

use serde_json::{json, Value};
use zoho_runtime::endpoint::RawResponse;
use zoho_runtime::{Endpoint, RecordId};
use zoho_tour::seeds::{ids, LeadUpdate};

use crate::records::{plain_outcomes, recorded_answer, seed_002, Envelope, Lead, UpdateLeads};
use crate::support::{ab, Fallible, Row, Side, Verdict};

/// 100 records of seed 002's lead, ids counting up from `first`.
fn hundred_leads(first: u64) -> Vec<Lead> {
    let lead = LeadUpdate::seed(ids::USER);
    (0..100)
        .map(|i| Lead::of(&lead, Some(RecordId::from(first + i))))
        .collect()
}

/// A 207 answer of 100 outcomes built from seed 002's recorded ones: 90 successes (each with
/// its own id) and, every tenth record, the recorded `DUPLICATE_DATA` refusal.
fn hundred_outcomes(first: u64) -> Fallible<Vec<u8>> {
    let seed = seed_002()?;
    let (_, success) = recorded_answer(&seed, "SUCCESS RESPONSE")?;
    let (_, duplicate) = recorded_answer(&seed, "DUPLICATE_DATA")?;
    let data: Vec<Value> = (0..100u64)
        .map(|i| {
            let template = if i % 10 == 9 { &duplicate } else { &success };
            let mut item = template["data"][0].clone();
            if i % 10 != 9 {
                item["details"]["id"] = json!((first + i).to_string());
            }
            item
        })
        .collect();
    Ok(serde_json::to_vec(&json!({ "data": data }))?)
}

/// Serialising 100 records into `{"data": […]}` and decoding 100 outcomes, generated against
/// plain serde on the same structs.
pub(crate) fn envelope(rows: &mut Vec<Row>) -> Fallible {
    const ROUNDS: usize = 40;
    const PER_ROUND: usize = 100;
    const FIRST_ID: u64 = 5_725_767_000_000_200_000;

    let call = UpdateLeads {
        leads: hundred_leads(FIRST_ID),
    };
    let generated = call.request_parts()?;
    let plain = serde_json::to_vec(&Envelope { data: &call.leads })?;
    if generated.body_bytes() != Some(plain.as_slice()) {
        return Err("the generated and the plain bodies differ".into());
    }
    let raw = RawResponse::new(207, hundred_outcomes(FIRST_ID)?);
    let decoded = UpdateLeads::decode(&raw, generated.expected_outcomes())?;
    if decoded != plain_outcomes(207, &raw.body)? || decoded.len() != 100 {
        return Err("the generated and the plain decodings differ".into());
    }
    println!(
        "  checked: identical {}-byte bodies; identical outcomes from a {}-byte answer",
        plain.len(),
        raw.body.len()
    );

    let serialise = ab(ROUNDS, PER_ROUND, |side, n| {
        for _ in 0..n {
            match side {
                Side::Generated => {
                    black_box(black_box(&call).request_parts()?);
                }
                Side::Baseline => {
                    let leads = &black_box(&call).leads;
                    black_box(serde_json::to_vec(&Envelope { data: leads })?);
                }
            }
        }
        Ok(())
    })?;
    serialise.print("100-record envelope");
    rows.push(Row::ratio(
        "2a. serialise 100 records into {\"data\": […]}",
        &serialise,
        Some(1.10),
    ));

    let decode = ab(ROUNDS, PER_ROUND, |side, n| {
        for _ in 0..n {
            match side {
                Side::Generated => {
                    black_box(UpdateLeads::decode(black_box(&raw), Some(100))?);
                }
                Side::Baseline => {
                    black_box(plain_outcomes(207, black_box(&raw.body))?);
                }
            }
        }
        Ok(())
    })?;
    decode.print("100-outcome answer");
    rows.push(Row::ratio(
        "2b. decode a 100-outcome answer",
        &decode,
        Some(1.10),
    ));
    rows.push(Row {
        measure: "2c. allocations/op: serialise, decode".to_owned(),
        generated: format!(
            "{:.1}, {:.1}",
            serialise.generated_allocs, decode.generated_allocs
        ),
        baseline: format!(
            "{:.1}, {:.1}",
            serialise.baseline_allocs, decode.baseline_allocs
        ),
        ratio: format!(
            "{:.2}, {:.2}",
            serialise.generated_allocs / serialise.baseline_allocs,
            decode.generated_allocs / decode.baseline_allocs
        ),
        target: "—".to_owned(),
        verdict: Verdict::Info,
    });
    Ok(())
}
