//! The metadata endpoints the official SDKs call first.

mod common;

use common::call;
use serde_json::json;

#[tokio::test]
async fn modules_fields_related_lists_and_views() {
    let sandbox = common::seeds_only().await;
    let modules = call(&sandbox, "GET", "/crm/v8/settings/modules")
        .send()
        .await;
    assert_eq!(modules.status, 200);
    let names: Vec<&str> = modules.body()["modules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["api_name"].as_str().unwrap())
        .collect();
    for name in [
        "Leads",
        "Contacts",
        "Accounts",
        "Deals",
        "Campaigns",
        "Products",
        "Price_Books",
    ] {
        assert!(names.contains(&name), "{name}");
    }
    let fields = call(&sandbox, "GET", "/crm/v8/settings/fields?module=Leads")
        .send()
        .await;
    let fields = fields.body()["fields"].as_array().unwrap().clone();
    let last_name = fields
        .iter()
        .find(|f| f["api_name"] == "Last_Name")
        .unwrap();
    assert_eq!(
        (
            last_name["data_type"].as_str(),
            last_name["system_mandatory"].as_bool()
        ),
        (Some("text"), Some(true))
    );
    let employees = fields
        .iter()
        .find(|f| f["api_name"] == "No_of_Employees")
        .unwrap();
    assert_eq!(employees["data_type"], "integer");
    let related = call(
        &sandbox,
        "GET",
        "/crm/v2/settings/related_lists?module=Products",
    )
    .send()
    .await;
    let lists: Vec<&str> = related.body()["related_lists"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["api_name"].as_str().unwrap())
        .collect();
    assert_eq!(
        lists,
        ["Leads", "Accounts", "Contacts", "Deals", "Price_Books"]
    );
    let views = call(
        &sandbox,
        "GET",
        "/crm/v2/settings/custom_views?module=Leads",
    )
    .send()
    .await;
    assert_eq!(
        views.body()["custom_views"][0]["id"],
        sandbox.custom_view_id("Leads").unwrap()
    );
}

#[tokio::test]
async fn metadata_errors_and_scopes() {
    let sandbox = common::seeds_only().await;
    let missing = call(&sandbox, "GET", "/crm/v8/settings/fields")
        .send()
        .await;
    assert_eq!(
        missing.body(),
        &json!({"code":"REQUIRED_PARAM_MISSING","details":{"param":"module"},"message":"One of the expected parameter is missing","status":"error"})
    );
    let unknown = call(&sandbox, "GET", "/crm/v8/settings/fields?module=Lead")
        .send()
        .await;
    assert_eq!(unknown.body()["code"], "INVALID_MODULE");
    let token = sandbox.issue_token(&["ZohoCRM.modules.ALL"], std::time::Duration::from_secs(60));
    let scope = call(&sandbox, "GET", "/crm/v8/settings/modules")
        .token(Some(&token))
        .send()
        .await;
    assert_eq!(scope.status, 401);
    let post = call(&sandbox, "POST", "/crm/v8/settings/modules")
        .send()
        .await;
    assert_eq!(post.body()["code"], "INVALID_REQUEST_METHOD");
}

#[tokio::test]
async fn users_include_patricia_boyle() {
    let sandbox = common::seeds_only().await;
    let reply = call(&sandbox, "GET", "/crm/v2/users/738964000000291009")
        .send()
        .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body()["users"][0]["full_name"], "Patricia Boyle");
    let all = call(&sandbox, "GET", "/crm/v2/users?type=AllUsers")
        .send()
        .await;
    assert_eq!(all.body()["users"].as_array().unwrap().len(), 4);
}
