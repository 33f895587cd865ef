//! The metadata endpoints the official SDKs call first.

use crate::common;

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

/// The metadata is what records are checked against: a field created is written and read, a
/// picklist value added is accepted, a field deleted is refused and its values are gone, and a
/// module created takes records under its own mandatory field.
#[tokio::test]
async fn records_follow_the_metadata_in_force() {
    let sandbox = common::seeds_only().await;
    let insert = |module: &str, record: serde_json::Value| {
        call(&sandbox, "POST", &format!("/crm/v8/{module}")).json(json!({ "data": [record] }))
    };
    let refused = insert("Leads", json!({"Last_Name": "A", "Budget_Code": "X1"}))
        .send()
        .await;
    assert_eq!(refused.code(0), "INVALID_DATA");
    assert_eq!(
        refused.body()["data"][0]["details"]["api_name"],
        "Budget_Code"
    );

    let field = json!({"fields": [{"field_label": "Budget Code", "data_type": "picklist",
        "pick_list_values": [{"display_value": "X1"}]}]});
    let created = call(&sandbox, "POST", "/crm/v8/settings/fields?module=Leads")
        .json(field)
        .send()
        .await;
    assert_eq!(created.status, 201);
    let field_id = created.body()["fields"][0]["details"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let added = insert("Leads", json!({"Last_Name": "A", "Budget_Code": "X1"}))
        .send()
        .await;
    let id = added.body()["data"][0]["details"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(sandbox.record("Leads", &id).unwrap()["Budget_Code"], "X1");
    let x2 = json!({"Last_Name": "B", "Budget_Code": "X2"});
    assert_eq!(
        insert("Leads", x2.clone()).send().await.code(0),
        "INVALID_DATA"
    );
    let value =
        json!({"fields": [{"id": field_id, "pick_list_values": [{"display_value": "X2"}]}]});
    let patched = call(&sandbox, "PATCH", "/crm/v8/settings/fields?module=Leads")
        .json(value)
        .send()
        .await;
    assert_eq!(patched.body()["fields"][0]["code"], "SUCCESS");
    assert_eq!(insert("Leads", x2).send().await.code(0), "SUCCESS");

    let path = format!("/crm/v8/settings/fields/{field_id}?module=Leads");
    assert_eq!(call(&sandbox, "DELETE", &path).send().await.status, 200);
    assert!(sandbox
        .record("Leads", &id)
        .unwrap()
        .get("Budget_Code")
        .is_none());
    let gone = insert("Leads", json!({"Last_Name": "C", "Budget_Code": "X1"}))
        .send()
        .await;
    assert_eq!(gone.code(0), "INVALID_DATA");
    let system = call(
        &sandbox,
        "DELETE",
        "/crm/v8/settings/fields/Last_Name?module=Leads",
    )
    .send()
    .await;
    assert_eq!(system.body()["code"], "INVALID_DATA");

    let module = json!({"modules": [{"singular_label": "Voyage", "plural_label": "Voyages"}]});
    let made = call(&sandbox, "POST", "/crm/v8/settings/modules")
        .json(module)
        .send()
        .await;
    assert_eq!(made.status, 201);
    assert_eq!(
        insert("voyages", json!({"Email": "a@b.c"}))
            .send()
            .await
            .code(0),
        "MANDATORY_NOT_FOUND"
    );
    assert_eq!(
        insert("Voyages", json!({"Name": "Argo"}))
            .send()
            .await
            .code(0),
        "SUCCESS"
    );
    assert_eq!(sandbox.records("Voyages")[0]["Name"], "Argo");
}
