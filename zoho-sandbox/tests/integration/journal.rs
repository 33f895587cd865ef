//! The request journal, from the handle and over `GET /__admin/journal`.

use crate::common;

use common::call;
use serde_json::json;

#[tokio::test]
async fn requests_are_journaled_as_received() {
    let sandbox = common::seeds_only().await;
    let body = r#"{"data":[{"External_Deal_ID":"extdeal3","Contact_Role":"111111000000026002"}]}"#;
    call(&sandbox, "PUT", "/crm/v2/Contacts/extcontact3/Deals")
        .header(
            "X-EXTERNAL",
            "Contacts.External_Contact_ID,Deals.External_Deal_ID",
        )
        .body(body)
        .send()
        .await;
    call(
        &sandbox,
        "GET",
        "/crm/v8/Leads?fields=Last_Name%2CEmail&per_page=5",
    )
    .send()
    .await;
    let journal = sandbox.journal();
    assert_eq!(journal.len(), 2);
    let put = &journal[0];
    assert_eq!(
        (put.method.as_str(), put.path.as_str()),
        ("PUT", "/crm/v2/Contacts/extcontact3/Deals")
    );
    assert_eq!(
        put.header("x-external"),
        Some("Contacts.External_Contact_ID,Deals.External_Deal_ID")
    );
    assert_eq!(
        put.header("Authorization"),
        Some(format!("Zoho-oauthtoken {}", sandbox.access_token()).as_str())
    );
    assert_eq!(put.header("content-type"), None);
    assert_eq!(put.body, body.as_bytes());
    assert_eq!(
        put.json().unwrap()["data"][0]["External_Deal_ID"],
        "extdeal3"
    );
    let get = &journal[1];
    assert_eq!(
        get.query.as_deref(),
        Some("fields=Last_Name%2CEmail&per_page=5")
    );
    assert_eq!(
        get.query_param("fields").as_deref(),
        Some("Last_Name,Email")
    );
    assert!(get.body.is_empty());
    sandbox.clear_journal();
    assert!(sandbox.journal().is_empty());
}

#[tokio::test]
async fn the_admin_endpoint_shows_and_clears_the_journal_without_joining_it() {
    let sandbox = common::seeds_only().await;
    call(&sandbox, "POST", "/oauth/v2/token")
        .token(None)
        .body("grant_type=refresh_token")
        .send()
        .await;
    let reply = call(&sandbox, "GET", "/__admin/journal")
        .token(None)
        .send()
        .await;
    let entries = reply.body()["entries"].as_array().unwrap().clone();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["path"], "/oauth/v2/token");
    assert_eq!(entries[0]["body"], "grant_type=refresh_token");
    assert_eq!(entries[0]["json"], json!(null));
    let cleared = call(&sandbox, "DELETE", "/__admin/journal")
        .token(None)
        .send()
        .await;
    assert_eq!(cleared.status, 200);
    assert!(sandbox.journal().is_empty());
}

#[tokio::test]
async fn tokens_and_clients_can_be_minted_over_http() {
    let sandbox = common::seeds_only().await;
    let reply = call(&sandbox, "POST", "/__admin/tokens")
        .token(None)
        .json(json!({"scopes": ["ZohoCRM.modules.leads.READ"], "ttl_secs": 60}))
        .send()
        .await;
    let token = reply.body()["access_token"].as_str().unwrap().to_string();
    let get = call(&sandbox, "GET", "/crm/v2/Leads/738964000002148061")
        .token(Some(&token))
        .send()
        .await;
    assert_eq!(get.status, 200);
    let client = call(&sandbox, "POST", "/__admin/tokens")
        .token(None)
        .json(json!({"scopes": ["ZohoCRM.modules.ALL"], "oauth_client": true}))
        .send()
        .await;
    assert!(client.body()["refresh_token"]
        .as_str()
        .unwrap()
        .starts_with("1000."));
}
