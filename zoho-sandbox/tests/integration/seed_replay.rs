//! Every request/response pair recorded in seeds 002 and 004, replayed: same status, JSON-equal
//! body, with only times that depend on the moment of the call masked.

use crate::common;

use std::time::Duration;

use serde_json::Value;

/// Replaces every `Modified_Time` (set to the time of the replay) with a marker.
fn mask_times(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if key == "Modified_Time" {
                    *v = Value::String("<time>".into());
                } else {
                    mask_times(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(mask_times),
        _ => {}
    }
}

async fn replay(fixture: &str) -> usize {
    let fixture: Value = serde_json::from_str(fixture).unwrap();
    let pairs = fixture["pairs"].as_array().unwrap();
    for pair in pairs {
        let name = pair["name"].as_str().unwrap();
        // A fresh sandbox for each pair: the pairs were recorded independently.
        let sandbox = common::full().await;
        let request = &pair["request"];
        let mut call = common::call(
            &sandbox,
            request["method"].as_str().unwrap(),
            request["path"].as_str().unwrap(),
        );
        for (k, v) in request["headers"].as_object().unwrap() {
            call = call.header(k, v.as_str().unwrap());
        }
        let auth = pair["auth"].as_str().unwrap();
        let limited;
        call = match auth {
            "none" => call.token(None),
            "all" => call,
            scope => {
                let scope = scope.strip_prefix("scope:").unwrap();
                limited = sandbox.issue_token(&[scope], Duration::from_secs(60));
                call.token(Some(&limited))
            }
        };
        let reply = call.body(request["body"].as_str().unwrap()).send().await;
        let mut got = reply.json.clone().unwrap_or(Value::Null);
        let mut want = pair["response"]["body"].clone();
        mask_times(&mut got);
        mask_times(&mut want);
        assert_eq!(
            reply.status,
            pair["response"]["status"].as_u64().unwrap() as u16,
            "{name}: status; body {}",
            reply.text
        );
        assert_eq!(got, want, "{name}: body");
    }
    pairs.len()
}

#[tokio::test]
async fn seed_002_update_lead_pairs_are_answered_as_recorded() {
    let n = replay(include_str!("../../fixtures/seed_002.json")).await;
    assert_eq!(n, 9);
}

#[tokio::test]
async fn seed_004_mass_update_pairs_are_answered_as_recorded() {
    let n = replay(include_str!("../../fixtures/seed_004.json")).await;
    assert_eq!(n, 8);
}

#[tokio::test]
async fn the_success_answer_carries_a_fresh_modified_time_in_zoho_format() {
    let sandbox = common::seeds_only().await;
    let reply = common::call(&sandbox, "PUT", "/crm/v2/Leads/738964000002148061")
        .json(serde_json::json!({"data": [{"City": "Austin"}]}))
        .send()
        .await;
    assert_eq!(reply.status, 200);
    let time = reply.body()["data"][0]["details"]["Modified_Time"]
        .as_str()
        .unwrap();
    assert_eq!(time.len(), 25, "{time}");
    assert!(
        time.ends_with("+00:00") && time.as_bytes()[10] == b'T',
        "{time}"
    );
    assert!(time > "2024-01-01", "{time}");
}
