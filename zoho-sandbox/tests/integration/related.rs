//! Related records (seed 003), contact roles (seed 001) and external ids (seed 000).

use crate::common;

use std::time::Duration;

use common::call;
use serde_json::json;

#[tokio::test]
async fn seed_003_relates_a_lead_to_two_campaigns() {
    let sandbox = common::seeds_only().await;
    let body = json!({"data": [
        {"id": "3652397000000327001", "Member_Status": "Active"},
        {"id": "3652397000001854001", "Member_Status": "Planning"}
    ]});
    let reply = call(
        &sandbox,
        "PUT",
        "/crm/v2/Leads/3652397000001829002/Campaigns",
    )
    .json(body.clone())
    .send()
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(
        reply.body(),
        &json!({"data": [
            {"code":"SUCCESS","details":{"id":"3652397000000327001"},"message":"relation added","status":"success"},
            {"code":"SUCCESS","details":{"id":"3652397000001854001"},"message":"relation added","status":"success"}
        ]})
    );
    let again = call(
        &sandbox,
        "PUT",
        "/crm/v2/Leads/3652397000001829002/Campaigns",
    )
    .json(body)
    .send()
    .await;
    assert_eq!(again.body()["data"][0]["message"], "relation updated");
    // Both sides see the relation, with its data.
    let leads = call(
        &sandbox,
        "GET",
        "/crm/v2/Campaigns/3652397000000327001/Leads",
    )
    .send()
    .await;
    assert_eq!(leads.status, 200);
    assert_eq!(leads.body()["data"][0]["id"], "3652397000001829002");
    assert_eq!(leads.body()["data"][0]["Member_Status"], "Active");
    assert_eq!(leads.body()["info"]["count"], 1);
    let relation = sandbox.relation(
        "Campaigns",
        "3652397000001854001",
        "Leads",
        "3652397000001829002",
    );
    assert_eq!(relation, Some(json!({"Member_Status": "Planning"})));
}

#[tokio::test]
async fn seed_003_error_table() {
    let sandbox = common::seeds_only().await;
    let path = "/crm/v2/Leads/3652397000001829002/Campaigns";
    let unknown_parent = call(&sandbox, "PUT", "/crm/v2/Leads/1/Campaigns")
        .json(json!({"data":[{"id":"3652397000000327001"}]}))
        .send()
        .await;
    assert_eq!(unknown_parent.status, 400);
    assert_eq!(
        unknown_parent.body(),
        &json!({"code":"INVALID_DATA","details":{"id":"1"},"message":"the related id given seems to be invalid","status":"error"})
    );
    let no_id = call(&sandbox, "PUT", path)
        .json(json!({"data":[{"Member_Status":"Active"}]}))
        .send()
        .await;
    assert_eq!((no_id.status, no_id.code(0)), (202, "MANDATORY_NOT_FOUND"));
    let bad_id = call(&sandbox, "PUT", path)
        .json(json!({"data":[{"id":"42"}]}))
        .send()
        .await;
    assert_eq!((bad_id.status, bad_id.code(0)), (400, "INVALID_DATA"));
    let module = call(
        &sandbox,
        "PUT",
        "/crm/v2/Leeds/3652397000001829002/Campaigns",
    )
    .json(json!({"data":[{"id":"1"}]}))
    .send()
    .await;
    assert_eq!(
        (module.status, module.body()["code"].as_str()),
        (400, Some("INVALID_MODULE"))
    );
    let list = call(&sandbox, "PUT", "/crm/v2/Leads/3652397000001829002/Nothing")
        .json(json!({"data":[{"id":"1"}]}))
        .send()
        .await;
    assert_eq!(
        (list.status, list.body()["code"].as_str()),
        (404, Some("INVALID_URL_PATTERN"))
    );
    let many: Vec<_> = (0..101)
        .map(|_| json!({"id": "3652397000000327001"}))
        .collect();
    let limit = call(&sandbox, "PUT", path)
        .json(json!({ "data": many }))
        .send()
        .await;
    assert_eq!(
        (limit.status, limit.body()["code"].as_str()),
        (400, Some("LIMIT_EXCEEDED"))
    );
    let token = sandbox.issue_token(&["ZohoCRM.modules.leads.READ"], Duration::from_secs(60));
    let scope = call(&sandbox, "PUT", path)
        .token(Some(&token))
        .json(json!({"data":[{"id":"3652397000000327001"}]}))
        .send()
        .await;
    assert_eq!(
        (scope.status, scope.body()["code"].as_str()),
        (401, Some("OAUTH_SCOPE_MISMATCH"))
    );
}

#[tokio::test]
async fn products_relate_to_price_books_and_deals_by_the_old_name_too() {
    let sandbox = common::seeds_only().await;
    let reply = call(
        &sandbox,
        "PUT",
        "/crm/v2/Products/3652397000000400001/Price_Books/3652397000000410001",
    )
    .json(json!({"data": [{"list_price": 50.56}]}))
    .send()
    .await;
    assert_eq!(reply.body()["data"][0]["message"], "relation added");
    let reply = call(
        &sandbox,
        "PUT",
        "/crm/v2/Products/3652397000000400001/Potentials",
    )
    .body(r#"{"data":[{"id":4150868000003384003}]}"#)
    .send()
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let deals = call(
        &sandbox,
        "GET",
        "/crm/v2/Products/3652397000000400001/Deals",
    )
    .send()
    .await;
    assert_eq!(deals.body()["data"][0]["id"], "4150868000003384003");
    let books = call(
        &sandbox,
        "GET",
        "/crm/v2/Price_Books/3652397000000410001/Products",
    )
    .send()
    .await;
    assert_eq!(books.body()["data"][0]["list_price"], 50.56);
    let removed = call(
        &sandbox,
        "DELETE",
        "/crm/v2/Products/3652397000000400001/Price_Books/3652397000000410001",
    )
    .send()
    .await;
    assert_eq!(removed.body()["data"][0]["message"], "relation removed");
    let none = call(
        &sandbox,
        "GET",
        "/crm/v2/Price_Books/3652397000000410001/Products",
    )
    .send()
    .await;
    assert_eq!(none.status, 204);
}

#[tokio::test]
async fn lookup_related_lists_are_read_only() {
    let sandbox = common::seeds_only().await;
    let contacts = call(
        &sandbox,
        "GET",
        "/crm/v2/Accounts/4150868000003100001/Contacts",
    )
    .send()
    .await;
    assert_eq!(contacts.body()["data"][0]["id"], "4150868000003283024");
    let put = call(
        &sandbox,
        "PUT",
        "/crm/v2/Accounts/4150868000003100001/Contacts",
    )
    .json(json!({"data":[{"id":"1"}]}))
    .send()
    .await;
    assert_eq!(put.body()["code"], "INVALID_REQUEST_METHOD");
}

const ROLE_PATH: &str = "/crm/v6/Deals/4150868000003384003/Contact_Roles/4150868000003283024";

#[tokio::test]
async fn seed_001_adds_a_contact_role_to_a_deal() {
    let sandbox = common::seeds_only().await;
    let body =
        json!({"data":[{"Contact_Role":{"name":"Executive Sponsor","id":"3652397000000006877"}}]});
    let reply = call(&sandbox, "PUT", ROLE_PATH).json(body).send().await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.body(),
        &json!({"data":[{"code":"SUCCESS","details":{"id":"4150868000003283024"},"message":"relation updated","status":"success"}]})
    );
    let roles = call(
        &sandbox,
        "GET",
        "/crm/v6/Deals/4150868000003384003/Contact_Roles",
    )
    .send()
    .await;
    assert_eq!(
        roles.body()["data"][0]["Contact_Role"],
        json!({"name":"Executive Sponsor","id":"3652397000000006877"})
    );
    // The same relation seen from the contact.
    let deals = call(
        &sandbox,
        "GET",
        "/crm/v6/Contacts/4150868000003283024/Deals",
    )
    .send()
    .await;
    assert_eq!(deals.body()["data"][0]["id"], "4150868000003384003");
    // A role may also be named alone, or by an integer id.
    let by_name = call(&sandbox, "PUT", ROLE_PATH)
        .json(json!({"data":[{"Contact_Role":{"name":"influencer"}}]}))
        .send()
        .await;
    assert_eq!(by_name.status, 200);
    let by_int = call(&sandbox, "PUT", ROLE_PATH)
        .body(r#"{"data":[{"Contact_Role":3652397000000006877}]}"#)
        .send()
        .await;
    assert_eq!(by_int.status, 200);
}

#[tokio::test]
async fn seed_001_error_table() {
    let sandbox = common::seeds_only().await;
    let role =
        json!({"data":[{"Contact_Role":{"name":"Executive Sponsor","id":"3652397000000006877"}}]});
    let cases = [
        (
            "/crm/v6/Deals/1/Contact_Roles/4150868000003283024",
            role.clone(),
            400,
            "INVALID_DATA",
            "the related id given seems to be invalid",
        ),
        (
            "/crm/v6/Deals/4150868000003384003/Contact_Roles/2",
            role.clone(),
            400,
            "INVALID_DATA",
            "the id given seems to be invalid",
        ),
        (
            ROLE_PATH,
            json!({"data":[{}]}),
            400,
            "MANDATORY_NOT_FOUND",
            "required field not found",
        ),
        (
            ROLE_PATH,
            json!({"data":[{"Contact_Role":{"id":"123"}}]}),
            400,
            "INVALID_DATA",
            "invalid data",
        ),
        (
            "/crm/v6/Deals/4150868000003384003/Contact_Role/4150868000003283024",
            role.clone(),
            404,
            "INVALID_URL_PATTERN",
            "Please check if the URL trying to access is a correct one",
        ),
    ];
    for (path, body, status, code, message) in cases {
        let reply = call(&sandbox, "PUT", path).json(body).send().await;
        assert_eq!(reply.status, status, "{path}: {}", reply.text);
        let error = reply.body().get("data").map_or(reply.body(), |d| &d[0]);
        assert_eq!(
            (error["code"].as_str(), error["message"].as_str()),
            (Some(code), Some(message)),
            "{path}"
        );
    }
    let reply = call(&sandbox, "COPY", ROLE_PATH).json(role).send().await;
    assert_eq!(
        (reply.status, reply.body()["code"].as_str()),
        (400, Some("INVALID_REQUEST_METHOD"))
    );
    let missing = call(&sandbox, "PUT", ROLE_PATH)
        .json(json!({"data":[{}]}))
        .send()
        .await;
    assert_eq!(
        missing.body()["data"][0]["details"],
        json!({"api_name":"Contact_Role"})
    );
}

#[tokio::test]
async fn get_contact_roles() {
    let sandbox = common::seeds_only().await;
    let reply = call(&sandbox, "GET", "/crm/v2/Contacts/roles").send().await;
    assert_eq!(reply.status, 200);
    let roles = reply.body()["contact_roles"].as_array().unwrap();
    assert!(roles.contains(
        &json!({"id":"3652397000000006877","name":"Executive Sponsor","sequence_number":5})
    ));
    assert!(roles.iter().any(|r| r["id"] == "111111000000026002"));
    let one = call(&sandbox, "GET", "/crm/v2/Contacts/roles/111111000000026002")
        .send()
        .await;
    assert_eq!(one.body()["contact_roles"].as_array().unwrap().len(), 1);
}

const EXTERNAL: &str = "Contacts.External_Contact_ID,Deals.External_Deal_ID";

#[tokio::test]
async fn seed_000_associates_a_contact_and_a_deal_by_external_ids() {
    let sandbox = common::seeds_only().await;
    let reply = call(&sandbox, "PUT", "/crm/v2/Contacts/extcontact3/Deals")
        .header("X-EXTERNAL", EXTERNAL)
        .body("{\n    \"data\": [\n        {\n            \"External_Deal_ID\": \"extdeal3\",\n            \"Contact_Role\": \"111111000000026002\"\n        }\n    ]\n}")
        .send()
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(
        reply.body(),
        &json!({"data":[{"code":"SUCCESS","details":{"External_Deal_ID":"extdeal3","id":"111111000000094028"},"message":"relation added","status":"success"}]})
    );
    let relation = sandbox.relation(
        "Contacts",
        "111111000000093005",
        "Deals",
        "111111000000094028",
    );
    assert_eq!(
        relation,
        Some(json!({"Contact_Role": "111111000000026002"}))
    );
}

#[tokio::test]
async fn seed_000_errors_missing_and_unknown_external_values() {
    let sandbox = common::seeds_only().await;
    let put = |path: &'static str, body: serde_json::Value| {
        call(&sandbox, "PUT", path)
            .header("X-EXTERNAL", EXTERNAL)
            .json(body)
    };
    let missing = put(
        "/crm/v2/Contacts/extcontact3/Deals",
        json!({"data":[{"id":"111111000000094028"}]}),
    )
    .send()
    .await;
    assert_eq!(missing.code(0), "MANDATORY_NOT_FOUND");
    assert_eq!(
        missing.body()["data"][0]["details"],
        json!({"api_name":"External_Deal_ID"})
    );
    let unknown = put(
        "/crm/v2/Contacts/extcontact3/Deals",
        json!({"data":[{"External_Deal_ID":"nope"}]}),
    )
    .send()
    .await;
    assert_eq!((unknown.status, unknown.code(0)), (400, "INVALID_DATA"));
    let parent = put(
        "/crm/v2/Contacts/nobody/Deals",
        json!({"data":[{"External_Deal_ID":"extdeal3"}]}),
    )
    .send()
    .await;
    assert_eq!(
        (parent.status, parent.body()["code"].as_str()),
        (400, Some("INVALID_DATA"))
    );
    let bad_header = call(&sandbox, "PUT", "/crm/v2/Contacts/extcontact3/Deals")
        .header("X-EXTERNAL", "Contacts.Last_Name")
        .json(json!({"data":[{"id":"111111000000094028"}]}))
        .send()
        .await;
    assert_eq!(bad_header.status, 400);
}
