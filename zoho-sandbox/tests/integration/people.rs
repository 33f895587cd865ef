//! The organisation's people as the records API sees them: a record's owner must be an
//! active user, deleting a user leaves their records with them, transferring moves them, and
//! the people calls answer Zoho's errors for bad input.

use crate::common;

use common::call;
use serde_json::json;

const RYAN: &str = "738964000000291021";
const KEVIN: &str = "738964000000291045";

#[tokio::test]
async fn an_owner_must_be_an_active_user_of_the_org() {
    let sandbox = common::seeds_only().await;
    let lead = |owner: &str| json!({ "data": [{ "Last_Name": "Rossi", "Company": "Zylker", "Owner": { "id": owner } }] });
    let ok = call(&sandbox, "POST", "/crm/v8/Leads")
        .json(lead(RYAN))
        .send()
        .await;
    assert_eq!(ok.status, 201);
    let id = ok.body()["data"][0]["details"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        sandbox.record("Leads", &id).unwrap()["Owner"]["name"],
        "Ryan Hart"
    );

    let unknown = call(&sandbox, "POST", "/crm/v8/Leads")
        .json(lead("738964000000999999"))
        .send()
        .await;
    assert_eq!(unknown.code(0), "INVALID_DATA");
    assert_eq!(unknown.body()["data"][0]["details"]["api_name"], "Owner");

    // Ryan is deleted: he keeps the lead, but no write may give him another.
    let deleted = call(&sandbox, "DELETE", &format!("/crm/v8/users/{RYAN}"))
        .send()
        .await;
    assert_eq!(deleted.body()["users"][0]["code"], "SUCCESS");
    assert_eq!(sandbox.record("Leads", &id).unwrap()["Owner"]["id"], RYAN);
    let refused = call(&sandbox, "POST", "/crm/v8/Leads")
        .json(lead(RYAN))
        .send()
        .await;
    assert_eq!(refused.code(0), "INVALID_DATA");
    let update = json!({ "data": [{ "Owner": { "id": RYAN } }] });
    let path = format!("/crm/v8/Leads/{id}");
    let refused = call(&sandbox, "PUT", &path).json(update).send().await;
    assert_eq!(refused.code(0), "INVALID_DATA");
}

#[tokio::test]
async fn an_update_stores_the_owner_as_the_user_shows_and_text_exactly_as_given() {
    let sandbox = common::seeds_only().await;
    let lead = "738964000002148061";
    let path = format!("/crm/v8/Leads/{lead}");
    let user = |id: &str| {
        let sandbox = &sandbox;
        let id = id.to_owned();
        async move {
            let reply = call(sandbox, "GET", &format!("/crm/v8/users/{id}"))
                .send()
                .await;
            let user = &reply.body()["users"][0];
            json!({ "name": user["full_name"], "id": id, "email": user["email"] })
        }
    };
    let (ryan, kevin) = (user(RYAN).await, user(KEVIN).await);
    // The id as an object, as a string and as a number: the same stored owner each time.
    let kevin_id: u64 = KEVIN.parse().unwrap();
    for owner in [json!({ "id": KEVIN }), json!(KEVIN), json!(kevin_id)] {
        let body = json!({ "data": [{ "Owner": owner }] });
        let reply = call(&sandbox, "PUT", &path).json(body).send().await;
        assert_eq!(reply.code(0), "SUCCESS", "{owner}");
        assert_eq!(sandbox.record("Leads", lead).unwrap()["Owner"], kevin);
    }
    let body = json!({ "data": [{ "Owner": { "id": RYAN } }] });
    call(&sandbox, "PUT", &path).json(body).send().await;
    assert_eq!(sandbox.record("Leads", lead).unwrap()["Owner"], ryan);

    // Text is stored as given, escapes read, over a shorter and then a longer value.
    for text in ["Ø", "Ünïcode \"quoted\" \\ tab\t", "R"] {
        let body = json!({ "data": [{ "Last_Name": text, "Description": text }] });
        let reply = call(&sandbox, "PUT", &path).json(body).send().await;
        assert_eq!(reply.code(0), "SUCCESS");
        let stored = sandbox.record("Leads", lead).unwrap();
        assert_eq!(
            (&stored["Last_Name"], &stored["Description"]),
            (&json!(text), &json!(text))
        );
    }
    let body = r#"{"data": [{"Last_Name": "\u0052ossi \ud83d\ude00"}]}"#;
    let reply = call(&sandbox, "PUT", &path).body(body).send().await;
    assert_eq!(reply.code(0), "SUCCESS");
    assert_eq!(
        sandbox.record("Leads", lead).unwrap()["Last_Name"],
        "Rossi \u{1f600}"
    );
}

#[tokio::test]
async fn transfer_and_delete_moves_every_record_of_the_user() {
    let sandbox = common::full().await;
    let owned = |who: &str| {
        ["Leads", "Contacts", "Deals"]
            .iter()
            .flat_map(|m| sandbox.records(m))
            .filter(|r| r["Owner"]["id"] == who)
            .count()
    };
    let (ryan_had, kevin_had) = (owned(RYAN), owned(KEVIN));
    assert!(ryan_had > 0);
    let body = json!({ "transfer_and_delete": [{ "id": RYAN, "transfer": { "id": KEVIN, "records": true, "assignment": true, "criteria": true } }] });
    let reply = call(
        &sandbox,
        "POST",
        "/crm/v8/users/actions/transfer_and_delete",
    )
    .json(body)
    .send()
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!((owned(RYAN), owned(KEVIN)), (0, ryan_had + kevin_had));
    let listed = call(&sandbox, "GET", "/crm/v8/users?type=DeletedUsers")
        .send()
        .await;
    assert_eq!(listed.body()["users"][0]["id"], RYAN);
}

#[tokio::test]
async fn bad_input_is_refused_as_zoho_refuses_it() {
    let sandbox = common::seeds_only().await;
    let user = json!({ "users": [{ "last_name": "Hart", "email": "ryan.hart@zylker.com", "role": "738964000000026011", "profile": "738964000000026017" }] });
    let twice = call(&sandbox, "POST", "/crm/v8/users")
        .json(user)
        .send()
        .await;
    assert_eq!(
        (twice.status, &twice.body()["users"][0]["code"]),
        (400, &json!("DUPLICATE_DATA"))
    );
    let no_role = json!({ "users": [{ "last_name": "New", "email": "new@zylker.com", "profile": "738964000000026017" }] });
    let missing = call(&sandbox, "POST", "/crm/v8/users")
        .json(no_role)
        .send()
        .await;
    assert_eq!(missing.body()["users"][0]["details"]["api_name"], "role");
    let held = call(
        &sandbox,
        "DELETE",
        "/crm/v8/settings/roles/738964000000026011",
    )
    .send()
    .await;
    assert_eq!(
        (held.status, &held.body()["code"]),
        (400, &json!("REQUIRED_PARAM_MISSING"))
    );
    let two = json!({ "users": [{}, {}] });
    let many = call(&sandbox, "POST", "/crm/v8/users")
        .json(two)
        .send()
        .await;
    assert_eq!(many.body()["code"], "LIMIT_EXCEEDED");
    let scope = call(&sandbox, "GET", "/crm/v8/settings/roles")
        .token(Some(&sandbox.access_token_for(&["ZohoCRM.users.READ"])))
        .send()
        .await;
    assert_eq!(scope.body()["code"], "OAUTH_SCOPE_MISMATCH");
}
