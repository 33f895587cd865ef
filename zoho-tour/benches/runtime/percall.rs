//! 1. Per-call overhead.

use std::hint::black_box;

use zoho_crm_api::records::UpdateRecordV2;
use zoho_runtime::Client;
use zoho_tour::seeds::{ids, update_lead, LeadUpdate};

use crate::records::{
    hand_client, recorded_answer, seed_002, HandRequest, HandUpdate, Lead, TOKEN,
};
use crate::server::AnswerServer;
use crate::support::{ab, Fallible, Row, Side};

/// Seed 002's update sent through the declaration and by hand to the same answer server, and
/// rendered without sending by both.
pub(crate) fn per_call(rows: &mut Vec<Row>) -> Fallible {
    const SEND_ROUNDS: usize = 100;
    const SENDS_PER_ROUND: usize = 100;
    const RENDER_ROUNDS: usize = 60;
    const RENDERS_PER_ROUND: usize = 2_000;

    let seed = seed_002()?;
    let (status, body) = recorded_answer(&seed, "SUCCESS RESPONSE")?;
    let server = AnswerServer::start(status, serde_json::to_vec(&body)?)?;
    // The client runs on this thread alone, so the allocations counted are the client's.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let client = Client::builder()
        .api_domain(&server.base_url)
        .access_token(TOKEN)
        .build()?;
    let http = hand_client()?;
    let call = update_lead(ids::LEAD, ids::USER);
    let lead = Lead::of(&call.record[0], None);
    let hand = HandUpdate {
        base_url: &server.base_url,
        token: TOKEN,
        id: ids::LEAD,
        lead: &lead,
    };

    runtime.block_on(same_request_and_answer(
        &server, &client, &http, &call, &hand,
    ))?;
    println!(
        "  checked: both sides render and send byte-identical requests and decode the same results"
    );

    let send = ab(SEND_ROUNDS, SENDS_PER_ROUND, |side, n| {
        runtime.block_on(async {
            for _ in 0..n {
                match side {
                    Side::Generated => {
                        let outcomes = black_box(&call).send(&client).await?;
                        black_box(outcomes);
                    }
                    Side::Baseline => {
                        black_box(black_box(&hand).send(&http).await?);
                    }
                }
            }
            Ok(())
        })
    })?;
    send.print("send + decode");
    rows.push(Row::ratio(
        "1a. per call: seed 002 update, send + decode (loopback)",
        &send,
        Some(1.05),
    ));

    let render = ab(RENDER_ROUNDS, RENDERS_PER_ROUND, |side, n| {
        runtime.block_on(async {
            for _ in 0..n {
                match side {
                    Side::Generated => {
                        black_box(client.prepare(black_box(&call)).await?);
                    }
                    Side::Baseline => {
                        black_box(black_box(&hand).render()?);
                    }
                }
            }
            Ok(())
        })
    })?;
    render.print("render only");
    rows.push(Row::ratio(
        "1b. render only: URL, headers, body",
        &render,
        Some(1.05),
    ));
    Ok(())
}

/// The honesty check: both sides render the same URL, headers and body, put byte-identical
/// requests on the wire, and decode the recorded answer into the same results.
async fn same_request_and_answer(
    server: &AnswerServer,
    client: &Client,
    http: &reqwest::Client,
    call: &UpdateRecordV2<LeadUpdate>,
    hand: &HandUpdate<'_>,
) -> Fallible {
    let prepared = client.prepare(call).await?;
    let rendered = hand.render()?;
    let generated = HandRequest {
        url: prepared.url.clone(),
        headers: prepared.headers.clone(),
        body: prepared.body.clone().unwrap_or_default(),
    };
    if generated != rendered {
        return Err(format!("renders differ:\n{generated:?}\n{rendered:?}").into());
    }

    let mut outcomes = None;
    let generated = server
        .capture(async {
            outcomes = Some(call.send(client).await?);
            Ok(())
        })
        .await?;
    let mut results = None;
    let baseline = server
        .capture(async {
            results = Some(hand.send(http).await?);
            Ok(())
        })
        .await?;
    if generated.len() != 1 || generated != baseline {
        return Err(format!("requests differ:\n{generated:?}\n{baseline:?}").into());
    }
    let (Some(outcomes), Some(results)) = (outcomes, results) else {
        return Err("a side gave no answer".into());
    };
    let same = outcomes.len() == results.len()
        && outcomes.iter().zip(&results).all(|(outcome, result)| {
            let (ok, code, message, details) = match outcome {
                Ok(s) => (true, &s.code, &s.message, &s.details),
                Err(e) => (false, &e.code, &e.message, &e.details),
            };
            ok == (result.status == "success")
                && code.as_str() == result.code
                && *message == result.message
                && *details.as_map() == result.details
        });
    if !same {
        return Err(format!("decoded answers differ:\n{outcomes:?}\n{results:?}").into());
    }
    Ok(())
}
