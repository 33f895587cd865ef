//! Mass update by ids and by custom view, and the job status (seed 004).

use crate::common;

use std::time::Duration;

use common::call;
use serde_json::{json, Value};
use zoho_sandbox::Sandbox;

const PATH: &str = "/crm/v2/Leads/actions/mass_update";

#[tokio::test]
async fn by_ids_answers_each_record_and_applies_once() {
    let sandbox = common::seeds_only().await;
    let reply = call(&sandbox, "POST", PATH)
        .body(r#"{"data":[{"Lead_Status":"Contacted"}],"over_write":true,"ids":[738964000002131001,"475243000003269880","5"]}"#)
        .send()
        .await;
    assert_eq!(reply.status, 200);
    let codes: Vec<&str> = (0..3).map(|i| reply.code(i)).collect();
    assert_eq!(codes, ["SUCCESS", "RECORD_LOCKED", "INVALID_DATA"]);
    assert_eq!(
        sandbox.record("Leads", "738964000002131001").unwrap()["Lead_Status"],
        "Contacted"
    );
    assert_eq!(sandbox.write_count("Leads", "738964000002131001"), 1);
    assert_eq!(sandbox.write_count("Leads", "475243000003269880"), 0);
}

#[tokio::test]
async fn more_than_500_ids_or_fields_is_limit_exceeded() {
    let sandbox = common::seeds_only().await;
    let ids: Vec<String> = (0..501).map(|i| format!("{}", 1000 + i)).collect();
    let reply = call(&sandbox, "POST", PATH)
        .json(json!({"data":[{"City":"Oslo"}],"ids":ids}))
        .send()
        .await;
    assert_eq!(
        reply.body()["data"][0]["details"],
        json!({"limit":"500","param_name":"ids"})
    );
    let two = call(&sandbox, "POST", PATH)
        .json(json!({"data":[{"City":"Oslo","State":"Oslo"}],"ids":["738964000002131001"]}))
        .send()
        .await;
    assert_eq!(two.code(0), "LIMIT_EXCEEDED");
    let unique = call(&sandbox, "POST", PATH)
        .json(json!({"data":[{"Email":"a@b.c"}],"ids":["738964000002131001"]}))
        .send()
        .await;
    assert_eq!(
        unique.body()["data"][0]["message"],
        "This field cannot be updated in the Mass Update"
    );
}

async fn job_status(sandbox: &Sandbox, job: &str) -> Value {
    let reply = call(sandbox, "GET", &format!("{PATH}?job_id={job}"))
        .send()
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    reply.body()["data"][0].clone()
}

#[tokio::test]
async fn by_cvid_schedules_a_job_whose_status_completes() {
    let sandbox = Sandbox::builder()
        .generated_records(false)
        .mass_update_pending_polls(1)
        .start()
        .await
        .unwrap();
    let cvid = sandbox.custom_view_id("Leads").unwrap();
    let reply = call(&sandbox, "POST", PATH)
        .json(json!({"data":[{"Rating":"Active"}],"cvid":cvid}))
        .send()
        .await;
    assert_eq!(reply.status, 200);
    let outcome = &reply.body()["data"][0];
    assert_eq!(
        (outcome["code"].as_str(), outcome["message"].as_str()),
        (Some("SUCCESS"), Some("mass update scheduled successfully"))
    );
    let job = outcome["details"]["job_id"].as_str().unwrap();
    assert_eq!(job.len(), 19);
    assert_eq!(job_status(&sandbox, job).await["Status"], "SCHEDULED");
    // Six seed leads, two of which refuse writes (locked, awaiting approval).
    assert_eq!(
        job_status(&sandbox, job).await,
        json!({"Status":"COMPLETED","Failed_Count":0,"Updated_Count":4,"Not_Updated_Count":2,"Total_Count":6})
    );
    assert_eq!(
        sandbox.record("Leads", "3652397000001829002").unwrap()["Rating"],
        "Active"
    );
    let unknown = call(&sandbox, "GET", &format!("{PATH}?job_id=1"))
        .send()
        .await;
    assert_eq!(unknown.status, 400);
    let bad_view = call(&sandbox, "POST", PATH)
        .json(json!({"data":[{"Rating":"Active"}],"cvid":"1"}))
        .send()
        .await;
    assert_eq!(bad_view.code(0), "INVALID_DATA");
}

#[tokio::test]
async fn mass_update_has_its_own_scopes() {
    let sandbox = common::seeds_only().await;
    let body = json!({"data":[{"City":"Oslo"}],"ids":["738964000002131001"]});
    let modules = sandbox.issue_token(&["ZohoCRM.modules.ALL"], Duration::from_secs(60));
    let reply = call(&sandbox, "POST", PATH)
        .token(Some(&modules))
        .json(body.clone())
        .send()
        .await;
    assert_eq!(reply.status, 401);
    let own = sandbox.issue_token(
        &["ZohoCRM.mass_update.leads.UPDATE"],
        Duration::from_secs(60),
    );
    let reply = call(&sandbox, "POST", PATH)
        .token(Some(&own))
        .json(body)
        .send()
        .await;
    assert_eq!((reply.status, reply.code(0)), (200, "SUCCESS"));
}
