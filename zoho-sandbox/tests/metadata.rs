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
    // Modules are created and updated, never deleted.
    let delete = call(&sandbox, "DELETE", "/crm/v8/settings/modules")
        .send()
        .await;
    assert_eq!(delete.body()["code"], "INVALID_REQUEST_METHOD");
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

/// The organisation's own fields carry the properties a schema snapshot records: multi-select
/// values, a formula's return type, a subform's module, and `custom_field`.
#[tokio::test]
async fn custom_fields_of_every_kind() {
    let sandbox = common::seeds_only().await;
    let fields = call(&sandbox, "GET", "/crm/v8/settings/fields?module=Leads")
        .send()
        .await;
    let fields = fields.body()["fields"].as_array().unwrap().clone();
    let field = |name: &str| {
        fields
            .iter()
            .find(|f| f["api_name"] == name)
            .unwrap()
            .clone()
    };
    let interests = field("Interests");
    assert_eq!(interests["data_type"], "multiselectpicklist");
    assert_eq!(interests["json_type"], "jsonarray");
    assert_eq!(interests["pick_list_values"][0]["actual_value"], "Hardware");
    assert_eq!(interests["custom_field"], true);
    let formula = field("Revenue_Per_Employee");
    assert_eq!(formula["formula"]["return_type"], "double");
    assert_eq!(formula["read_only"], true);
    assert_eq!(
        field("Products_Wanted")["subform"],
        json!({ "module": "Products_Wanted" })
    );
    assert_eq!(field("Last_Name")["custom_field"], false);
}

/// A multi-select is written as a list of offered values; anything else is `INVALID_DATA`.
#[tokio::test]
async fn a_multi_select_takes_a_list_of_offered_values() {
    let sandbox = common::seeds_only().await;
    let put = |interests: serde_json::Value| {
        let body = json!({ "data": [{ "Interests": interests }] });
        call(&sandbox, "PUT", "/crm/v8/Leads/738964000002148061").json(body)
    };
    assert_eq!(put(json!(["Software"])).send().await.status, 200);
    let wrong = put(json!("Software")).send().await;
    assert_eq!(
        wrong.body()["data"][0]["code"],
        "INVALID_DATA",
        "{:?}",
        wrong.body()
    );
}
