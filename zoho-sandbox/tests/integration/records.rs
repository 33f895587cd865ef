//! The records API: listing and paging, get, insert, update, delete, upsert, search, and the
//! request-level errors.

use crate::common;

use common::call;
use serde_json::{json, Value};

#[tokio::test]
async fn every_version_is_served_and_others_are_404() {
    let sandbox = common::seeds_only().await;
    for v in ["v2", "v2.1", "v3", "v4", "v5", "v6", "v7", "v8"] {
        let reply = call(
            &sandbox,
            "GET",
            &format!("/crm/{v}/Leads/738964000002148061"),
        )
        .send()
        .await;
        assert_eq!(reply.status, 200, "{v}");
        assert_eq!(reply.body()["data"][0]["id"], "738964000002148061");
    }
    let reply = call(&sandbox, "GET", "/crm/v9/Leads").send().await;
    assert_eq!(reply.status, 404);
    assert_eq!(
        reply.body(),
        &json!({"code":"INVALID_URL_PATTERN","details":{},"message":"Please check if the URL trying to access is a correct one","status":"error"})
    );
    assert_eq!(call(&sandbox, "GET", "/nowhere").send().await.status, 404);
    assert_eq!(
        call(&sandbox, "GET", "/crm/v2/Leads/1/Campaigns/2/x")
            .send()
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn unknown_modules_and_methods_are_refused() {
    let sandbox = common::seeds_only().await;
    let reply = call(&sandbox, "GET", "/crm/v8/Lead?fields=Last_Name")
        .send()
        .await;
    assert_eq!(
        (reply.status, reply.body()["code"].as_str()),
        (400, Some("INVALID_MODULE"))
    );
    for (method, path) in [
        ("PATCH", "/crm/v2/Leads"),
        ("POST", "/crm/v2/Leads/738964000002148061"),
        ("HEAD", "/crm/v2/Leads"),
    ] {
        let reply = call(&sandbox, method, path).send().await;
        assert_eq!(reply.status, 400, "{method} {path}");
        if method != "HEAD" {
            assert_eq!(reply.body()["code"], "INVALID_REQUEST_METHOD");
        }
    }
    // Module names are case-insensitive, as at Zoho.
    assert_eq!(
        call(&sandbox, "GET", "/crm/v2/leads/738964000002148061")
            .send()
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn pages_walk_every_record_once() {
    let sandbox = common::full().await;
    let total = sandbox.records("Leads").len();
    assert!(total > 300, "{total}");
    let mut seen = Vec::new();
    for page in 1.. {
        let reply = call(
            &sandbox,
            "GET",
            &format!("/crm/v2/Leads?page={page}&per_page=120"),
        )
        .send()
        .await;
        if reply.status == 204 {
            assert_eq!(reply.text, "");
            break;
        }
        let info = &reply.body()["info"];
        let data = reply.body()["data"].as_array().unwrap();
        assert_eq!(info["page"], page);
        assert_eq!(info["per_page"], 120);
        assert_eq!(info["count"], data.len());
        assert_eq!(info["more_records"], seen.len() + data.len() < total);
        assert_eq!(info.as_object().unwrap().len(), 4, "v2 info has four keys");
        seen.extend(data.iter().map(|r| r["id"].as_str().unwrap().to_string()));
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((seen.len(), unique.len()), (total, total));
}

#[tokio::test]
async fn page_tokens_continue_a_listing_from_v3_on() {
    let sandbox = common::full().await;
    let reply = call(
        &sandbox,
        "GET",
        "/crm/v8/Contacts?fields=Last_Name,Email&per_page=200",
    )
    .send()
    .await;
    assert_eq!(reply.status, 200);
    let info = reply.body()["info"].clone();
    assert_eq!(info["more_records"], true);
    assert_eq!(info["sort_order"], "desc");
    let first = reply.body()["data"][0].clone();
    assert_eq!(
        first
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| !k.starts_with('$'))
            .count(),
        3,
        "{first}"
    );
    let token = info["next_page_token"].as_str().unwrap();
    let next = call(
        &sandbox,
        "GET",
        &format!("/crm/v8/Contacts?fields=Last_Name&page_token={token}"),
    )
    .send()
    .await;
    assert_eq!(next.status, 200);
    let total = sandbox.records("Contacts").len();
    assert_eq!(next.body()["data"].as_array().unwrap().len(), total - 200);
    assert_eq!(next.body()["info"]["more_records"], false);
    assert_eq!(next.body()["info"]["next_page_token"], Value::Null);
    let bad = call(
        &sandbox,
        "GET",
        "/crm/v8/Contacts?fields=Last_Name&page_token=nope",
    )
    .send()
    .await;
    assert_eq!(bad.status, 400);
}

#[tokio::test]
async fn listing_rules_fields_per_page_and_discrete_paging() {
    let sandbox = common::full().await;
    let reply = call(&sandbox, "GET", "/crm/v8/Leads").send().await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.body(),
        &json!({"code":"REQUIRED_PARAM_MISSING","details":{"param":"fields"},"message":"One of the expected parameter is missing","status":"error"})
    );
    let reply = call(&sandbox, "GET", "/crm/v2/Leads?per_page=201")
        .send()
        .await;
    assert_eq!(
        (reply.status, reply.body()["code"].as_str()),
        (400, Some("INVALID_DATA"))
    );
    let reply = call(&sandbox, "GET", "/crm/v8/Leads?fields=Email&page=11")
        .send()
        .await;
    assert_eq!(reply.body()["code"], "DISCRETE_PAGINATION_LIMIT_EXCEEDED");
    let reply = call(
        &sandbox,
        "GET",
        "/crm/v8/Leads?ids=738964000002131001,738964000002130131,1",
    )
    .send()
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body()["data"].as_array().unwrap().len(), 2);
    let reply = call(&sandbox, "GET", "/crm/v2/Leads?ids=1,2").send().await;
    assert_eq!(reply.status, 204);
    let reply = call(&sandbox, "GET", "/crm/v2/Leads/1").send().await;
    assert_eq!(reply.status, 204);
}

#[tokio::test]
async fn insert_answers_201_with_a_nineteen_digit_id_and_seed_shaped_details() {
    let sandbox = common::seeds_only().await;
    let reply = call(&sandbox, "POST", "/crm/v8/Leads")
        .json(json!({"data": [{"Last_Name": "Rossi", "Email": "rossi@example.com", "No_of_Employees": 12}], "trigger": ["workflow"]}))
        .send()
        .await;
    assert_eq!(reply.status, 201, "{}", reply.text);
    let outcome = &reply.body()["data"][0];
    assert_eq!(
        (outcome["code"].as_str(), outcome["message"].as_str()),
        (Some("SUCCESS"), Some("record added"))
    );
    let details = &outcome["details"];
    let id = details["id"].as_str().unwrap();
    assert_eq!(id.len(), 19);
    assert!(id.bytes().all(|b| b.is_ascii_digit()));
    let mut keys: Vec<&String> = details.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "Created_By",
            "Created_Time",
            "Modified_By",
            "Modified_Time",
            "id"
        ]
    );
    assert_eq!(
        details["Created_By"],
        json!({"name": "Patricia Boyle", "id": "738964000000291009"})
    );
    let stored = sandbox.record("Leads", id).unwrap();
    assert_eq!(stored["Full_Name"], "Rossi");
    assert_eq!(stored["Owner"]["id"], "738964000000291009");
    assert_eq!(sandbox.write_count("Leads", id), 1);
}

#[tokio::test]
async fn a_mixed_write_is_207_and_an_all_failed_one_400() {
    let sandbox = common::seeds_only().await;
    let reply = call(&sandbox, "POST", "/crm/v2/Leads")
        .json(json!({"data": [{"Last_Name": "Ok"}, {"First_Name": "No last name"}, {"Last_Name": "Dup", "Mobile": "98883434559"}, {"Last_Name": "X", "No_of_Employees": "many"}]}))
        .send()
        .await;
    assert_eq!(reply.status, 207);
    let data = &reply.body()["data"];
    assert_eq!(data[0]["code"], "SUCCESS");
    assert_eq!(
        data[1],
        json!({"code":"MANDATORY_NOT_FOUND","details":{"api_name":"Last_Name"},"message":"required field not found","status":"error"})
    );
    assert_eq!(
        data[2],
        json!({"code":"DUPLICATE_DATA","details":{"api_name":"Mobile","id":"738964000002148061"},"message":"duplicate data","status":"error"})
    );
    assert_eq!(
        data[3]["details"],
        json!({"api_name":"No_of_Employees","expected_data_type":"integer"})
    );
    let reply = call(&sandbox, "POST", "/crm/v2/Leads")
        .json(json!({"data": [{"First_Name": "a"}, {"First_Name": "b"}]}))
        .send()
        .await;
    assert_eq!(
        (reply.status, reply.code(0), reply.code(1)),
        (400, "MANDATORY_NOT_FOUND", "MANDATORY_NOT_FOUND")
    );
    let reply = call(&sandbox, "POST", "/crm/v2/Leads")
        .json(json!({"data": [{"First_Name": "a"}]}))
        .send()
        .await;
    assert_eq!(reply.status, 202);
}

#[tokio::test]
async fn more_than_one_hundred_records_is_limit_exceeded() {
    let sandbox = common::seeds_only().await;
    let many: Vec<Value> = (0..101)
        .map(|i| json!({"Last_Name": format!("L{i}")}))
        .collect();
    let reply = call(&sandbox, "POST", "/crm/v2/Leads")
        .json(json!({ "data": many }))
        .send()
        .await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.body(),
        &json!({"code":"LIMIT_EXCEEDED","details":{"limit":"100","param_name":"data"},"message":"limit exceeded","status":"error"})
    );
    let hundred: Vec<Value> = (0..100)
        .map(|i| json!({"Last_Name": format!("L{i}")}))
        .collect();
    let reply = call(&sandbox, "POST", "/crm/v2/Leads")
        .json(json!({ "data": hundred }))
        .send()
        .await;
    assert_eq!(reply.status, 201);
}

#[tokio::test]
async fn update_takes_ids_as_strings_or_integers_without_a_content_type() {
    let sandbox = common::seeds_only().await;
    // The raw text keeps all 19 digits of the integer id.
    let body = r#"{"data":[{"id":3652397000001829002,"City":"Pune"},{"id":"738964000002131001","City":"Lyon"},{"id":"12"}]}"#;
    let reply = call(&sandbox, "PUT", "/crm/v3/Leads")
        .body(body)
        .send()
        .await;
    assert_eq!(reply.status, 207, "{}", reply.text);
    assert_eq!(
        reply.body()["data"][0]["details"]["id"],
        "3652397000001829002"
    );
    assert_eq!(
        reply.body()["data"][2],
        json!({"code":"INVALID_DATA","details":{"id":"12"},"message":"the id given seems to be invalid","status":"error"})
    );
    assert_eq!(
        sandbox.record("Leads", "3652397000001829002").unwrap()["City"],
        "Pune"
    );
    assert_eq!(sandbox.write_count("Leads", "738964000002131001"), 1);
    // A null clears a value.
    call(&sandbox, "PUT", "/crm/v3/Leads/738964000002131001")
        .json(json!({"data":[{"City": null}]}))
        .send()
        .await;
    assert_eq!(
        sandbox.record("Leads", "738964000002131001").unwrap()["City"],
        Value::Null
    );
}

#[tokio::test]
async fn delete_by_ids_and_by_path() {
    let sandbox = common::seeds_only().await;
    let reply = call(
        &sandbox,
        "DELETE",
        "/crm/v2/Leads?ids=738964000002131001,99",
    )
    .send()
    .await;
    assert_eq!(reply.status, 207);
    assert_eq!(
        reply.body()["data"][0],
        json!({"code":"SUCCESS","details":{"id":"738964000002131001"},"message":"record deleted","status":"success"})
    );
    assert!(sandbox.record("Leads", "738964000002131001").is_none());
    let reply = call(&sandbox, "DELETE", "/crm/v2/Leads/738964000002130131")
        .send()
        .await;
    assert_eq!(reply.status, 200);
    let reply = call(&sandbox, "DELETE", "/crm/v2/Leads").send().await;
    assert_eq!(
        (reply.status, reply.body()["code"].as_str()),
        (400, Some("REQUIRED_PARAM_MISSING"))
    );
    let reply = call(&sandbox, "DELETE", "/crm/v2/Leads/475243000003269880")
        .send()
        .await;
    assert_eq!((reply.status, reply.code(0)), (202, "RECORD_LOCKED"));
}

#[tokio::test]
async fn unique_email_is_checked_on_update_against_other_records() {
    let sandbox = common::seeds_only().await;
    let reply = call(&sandbox, "PUT", "/crm/v2/Contacts/4150868000003283024")
        .json(json!({"data": [{"Email": "extcontact1@zylker.com"}]}))
        .send()
        .await;
    assert_eq!(reply.status, 202);
    assert_eq!(
        reply.body()["data"][0]["details"],
        json!({"api_name":"Email","id":"111111000000093001"})
    );
    let same = call(&sandbox, "PUT", "/crm/v2/Contacts/4150868000003283024")
        .json(json!({"data": [{"Email": "theola.frey@zylker.com"}]}))
        .send()
        .await;
    assert_eq!(same.status, 200);
}

#[tokio::test]
async fn external_ids_name_records_in_paths() {
    let sandbox = common::seeds_only().await;
    let reply = call(&sandbox, "GET", "/crm/v2/Deals/extdeal3")
        .header("X-EXTERNAL", "Deals.External_Deal_ID")
        .send()
        .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body()["data"][0]["id"], "111111000000094028");
    let reply = call(&sandbox, "PUT", "/crm/v2/Contacts")
        .header("X-EXTERNAL", "Contacts.External_Contact_ID")
        .json(json!({"data": [{"External_Contact_ID": "extcontact2", "Title": "CFO"}]}))
        .send()
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(
        sandbox.record("Contacts", "111111000000093003").unwrap()["Title"],
        "CFO"
    );
}

#[tokio::test]
async fn upsert_updates_by_unique_field_or_inserts() {
    let sandbox = common::seeds_only().await;
    let reply = call(&sandbox, "POST", "/crm/v2/Leads/upsert")
        .json(json!({"data": [{"Last_Name": "Again", "Mobile": "98883434559"}, {"Last_Name": "New", "Mobile": "1-800"}]}))
        .send()
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let data = &reply.body()["data"];
    assert_eq!(
        (
            data[0]["action"].as_str(),
            data[0]["duplicate_field"].as_str()
        ),
        (Some("update"), Some("Mobile"))
    );
    assert_eq!(data[0]["details"]["id"], "738964000002148061");
    assert_eq!(
        (data[1]["action"].as_str(), data[1]["message"].as_str()),
        (Some("insert"), Some("record added"))
    );
}

#[tokio::test]
async fn search_by_criteria_email_and_count() {
    let sandbox = common::seeds_only().await;
    let reply = call(
        &sandbox,
        "GET",
        "/crm/v2/Leads/search?criteria=(Last_Name:equals:kidman)or(Last_Name:starts_with:Mer)",
    )
    .send()
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body()["data"].as_array().unwrap().len(), 2);
    let reply = call(
        &sandbox,
        "GET",
        "/crm/v2/Leads/search?email=newcrmapi@zoho.com",
    )
    .send()
    .await;
    assert_eq!(reply.body()["data"][0]["id"], "738964000002148061");
    let reply = call(
        &sandbox,
        "GET",
        "/crm/v2/Leads/search?criteria=(Last_Name:equals:Nobody)",
    )
    .send()
    .await;
    assert_eq!(reply.status, 204);
    let reply = call(&sandbox, "GET", "/crm/v2/Leads/search?criteria=Last_Name")
        .send()
        .await;
    assert_eq!(
        (reply.status, reply.body()["code"].as_str()),
        (400, Some("INVALID_QUERY"))
    );
    let reply = call(&sandbox, "GET", "/crm/v2/Leads/actions/count")
        .send()
        .await;
    assert_eq!(reply.body(), &json!({"count": 6}));
}

#[tokio::test]
async fn generated_data_is_the_same_for_the_same_seed() {
    let a = common::full().await;
    let b = common::full().await;
    assert_eq!(a.records("Deals"), b.records("Deals"));
    let c = zoho_sandbox::Sandbox::builder()
        .seed(7)
        .start()
        .await
        .unwrap();
    assert_ne!(a.records("Deals"), c.records("Deals"));
}

#[tokio::test]
async fn if_modified_since_lists_only_later_changes_or_answers_304() {
    let sandbox = common::seeds_only().await;
    let since = |value: &'static str| {
        call(&sandbox, "GET", "/crm/v2/Leads").header("If-Modified-Since", value)
    };
    let reply = since("2022-01-01T05:30:00+05:30").send().await;
    assert_eq!((reply.status, reply.text.as_str()), (304, ""));
    call(&sandbox, "PUT", "/crm/v2/Leads/738964000002131001")
        .json(json!({"data":[{"City":"Oslo"}]}))
        .send()
        .await;
    let reply = since("2022-01-01T05:30:00+05:30").send().await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body()["data"].as_array().unwrap().len(), 1);
    assert_eq!(reply.body()["data"][0]["id"], "738964000002131001");
    let all = since("2021-01-01T00:00:00Z").send().await;
    assert_eq!(all.body()["info"]["count"], 6);
    assert_eq!(since("last week").send().await.status, 400);
}
