//! Tokens, scopes and the OAuth token endpoint.

use crate::common;

use std::time::Duration;

use common::call;
use serde_json::json;
use zoho_sandbox::Sandbox;

const LEAD: &str = "/crm/v2/Leads/738964000002148061";
const MINUTE: Duration = Duration::from_secs(60);

#[tokio::test]
async fn no_token_is_authentication_failure_and_a_bad_one_invalid_token() {
    let sandbox = common::seeds_only().await;
    let reply = call(&sandbox, "GET", LEAD).token(None).send().await;
    assert_eq!(reply.status, 401);
    assert_eq!(
        reply.body(),
        &json!({"code":"AUTHENTICATION_FAILURE","details":{},"message":"Authentication failed","status":"error"})
    );
    let reply = call(&sandbox, "GET", LEAD)
        .token(Some("1000.nope.nope"))
        .send()
        .await;
    assert_eq!(reply.status, 401);
    assert_eq!(
        reply.body(),
        &json!({"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"})
    );
}

#[tokio::test]
async fn expired_tokens_are_invalid_and_bearer_is_accepted() {
    let sandbox = common::seeds_only().await;
    let token = sandbox.issue_token(&["ZohoCRM.modules.leads.READ"], MINUTE);
    let reply = call(&sandbox, "GET", LEAD)
        .token(None)
        .header("Authorization", &format!("Bearer {token}"))
        .send()
        .await;
    assert_eq!(reply.status, 200);
    assert!(sandbox.expire_token(&token));
    let reply = call(&sandbox, "GET", LEAD).token(Some(&token)).send().await;
    assert_eq!(reply.status, 401);
    assert_eq!(reply.body()["code"], "INVALID_TOKEN");
}

#[tokio::test]
async fn a_token_lives_only_its_ttl() {
    let sandbox = common::seeds_only().await;
    let ttl = Duration::from_millis(50);
    // A loaded machine may take longer than the token's life to answer the first call: such a
    // round proves nothing and is tried again with a new token (a refusal within the life is a
    // failure, though).
    for _ in 0..20 {
        let issued = std::time::Instant::now();
        let token = sandbox.issue_token(&["ZohoCRM.modules.ALL"], ttl);
        let first = call(&sandbox, "GET", LEAD)
            .token(Some(&token))
            .send()
            .await
            .status;
        if first != 200 {
            assert!(
                issued.elapsed() >= ttl,
                "a live token was refused with {first}"
            );
            continue;
        }
        tokio::time::sleep(ttl + Duration::from_millis(30)).await;
        assert_eq!(
            call(&sandbox, "GET", LEAD)
                .token(Some(&token))
                .send()
                .await
                .status,
            401
        );
        return;
    }
    panic!("no call was answered within the token's 50 ms life in 20 tries");
}

async fn status_with(
    sandbox: &Sandbox,
    scopes: &[&str],
    method: &str,
    path: &str,
    body: &str,
) -> (u16, String) {
    let token = sandbox.issue_token(scopes, MINUTE);
    let reply = call(sandbox, method, path)
        .token(Some(&token))
        .body(body)
        .send()
        .await;
    let code = reply.json.as_ref().map_or(String::new(), |b| {
        b["code"].as_str().unwrap_or("").to_string()
    });
    (reply.status, code)
}

#[tokio::test]
async fn scopes_are_enforced_per_module_and_operation() {
    let sandbox = common::seeds_only().await;
    let update = r#"{"data":[{"City":"Pune"}]}"#;
    let mismatch = (401, "OAUTH_SCOPE_MISMATCH".to_string());
    assert_eq!(
        status_with(
            &sandbox,
            &["ZohoCRM.modules.leads.READ"],
            "PUT",
            LEAD,
            update
        )
        .await,
        mismatch
    );
    assert_eq!(
        status_with(&sandbox, &["ZohoCRM.modules.deals.ALL"], "GET", LEAD, "").await,
        mismatch
    );
    assert_eq!(
        status_with(&sandbox, &["ZohoCRM.settings.ALL"], "GET", LEAD, "").await,
        mismatch
    );
    assert_eq!(
        status_with(&sandbox, &["ZohoCRM.modules.leads.READ"], "GET", LEAD, "")
            .await
            .0,
        200
    );
    assert_eq!(
        status_with(
            &sandbox,
            &["ZohoCRM.modules.leads.WRITE"],
            "PUT",
            LEAD,
            update
        )
        .await
        .0,
        200
    );
    assert_eq!(
        status_with(
            &sandbox,
            &["zohocrm.modules.leads.all"],
            "PUT",
            LEAD,
            update
        )
        .await
        .0,
        200
    );
    assert_eq!(
        status_with(&sandbox, &["ZohoCRM.modules.ALL"], "DELETE", LEAD, "")
            .await
            .0,
        200
    );
}

/// Zoho documents `WRITE` as `CREATE`, `UPDATE` and `DELETE` together.
#[tokio::test]
async fn a_write_grant_deletes_a_lead() {
    let sandbox = common::seeds_only().await;
    let token = sandbox.issue_token(&["ZohoCRM.modules.leads.WRITE"], MINUTE);
    let reply = call(&sandbox, "DELETE", LEAD)
        .token(Some(&token))
        .send()
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.code(0), "SUCCESS");
    let id = LEAD.rsplit('/').next().unwrap();
    assert!(sandbox.record("Leads", id).is_none());
}

/// zoho_spec's rule for an upsert: `CREATE` (Zoho's page also takes `ALL` and `WRITE`).
#[tokio::test]
async fn an_upsert_needs_create_alone() {
    let sandbox = common::seeds_only().await;
    let body = r#"{"data":[{"Last_Name":"Upserted","Email":"upserted@example.com"}]}"#;
    let path = "/crm/v2/Leads/upsert";
    let create = status_with(
        &sandbox,
        &["ZohoCRM.modules.leads.CREATE"],
        "POST",
        path,
        body,
    );
    assert_eq!(create.await.0, 200);
    let update = status_with(
        &sandbox,
        &["ZohoCRM.modules.leads.UPDATE"],
        "POST",
        path,
        body,
    );
    assert_eq!(update.await, (401, "OAUTH_SCOPE_MISMATCH".to_string()));
}

#[tokio::test]
async fn contact_roles_need_both_deals_and_contacts() {
    let sandbox = common::seeds_only().await;
    let path = "/crm/v6/Deals/4150868000003384003/Contact_Roles/4150868000003283024";
    let body =
        r#"{"data":[{"Contact_Role":{"name":"Executive Sponsor","id":"3652397000000006877"}}]}"#;
    let deals_only = status_with(
        &sandbox,
        &["ZohoCRM.modules.deals.UPDATE"],
        "PUT",
        path,
        body,
    )
    .await;
    assert_eq!(deals_only, (401, "OAUTH_SCOPE_MISMATCH".into()));
    let both = [
        "ZohoCRM.modules.deals.UPDATE",
        "ZohoCRM.modules.contacts.UPDATE",
    ];
    assert_eq!(
        status_with(&sandbox, &both, "PUT", path, body).await,
        (200, String::new())
    );
}

async fn token_request(sandbox: &Sandbox, form: &[(&str, &str)]) -> (u16, serde_json::Value) {
    let body: String = form
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    let reply = call(sandbox, "POST", "/oauth/v2/token")
        .token(None)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(&body)
        .send()
        .await;
    (reply.status, reply.body().clone())
}

#[tokio::test]
async fn the_refresh_grant_mints_a_token_with_the_clients_scopes() {
    let sandbox = common::seeds_only().await;
    let client = sandbox.oauth_client(&["ZohoCRM.modules.leads.READ"]);
    let form = [
        ("grant_type", "refresh_token"),
        ("client_id", client.client_id.as_str()),
        ("client_secret", client.client_secret.as_str()),
        ("refresh_token", client.refresh_token.as_str()),
    ];
    let (status, body) = token_request(&sandbox, &form).await;
    assert_eq!(status, 200);
    assert_eq!(body["api_domain"], sandbox.base_url());
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3600);
    assert_eq!(body.as_object().unwrap().len(), 4, "{body}");
    let token = body["access_token"].as_str().unwrap();
    assert!(token.starts_with("1000."));
    assert_eq!(
        call(&sandbox, "GET", LEAD)
            .token(Some(token))
            .send()
            .await
            .status,
        200
    );
    let put = call(&sandbox, "PUT", LEAD)
        .token(Some(token))
        .body(r#"{"data":[{}]}"#)
        .send()
        .await;
    assert_eq!(put.status, 401);
    assert_eq!(sandbox.token_requests(), 1);
}

#[tokio::test]
async fn refused_grants_answer_200_with_an_error() {
    let sandbox = common::seeds_only().await;
    let client = sandbox.oauth_client(&["ZohoCRM.modules.ALL"]);
    let (id, secret) = (client.client_id.as_str(), client.client_secret.as_str());
    let cases: [(&[(&str, &str)], &str); 4] = [
        (
            &[
                ("grant_type", "refresh_token"),
                ("client_id", id),
                ("client_secret", "x"),
                ("refresh_token", &client.refresh_token),
            ],
            "invalid_client",
        ),
        (
            &[
                ("grant_type", "refresh_token"),
                ("client_id", "1000.X"),
                ("client_secret", secret),
                ("refresh_token", &client.refresh_token),
            ],
            "invalid_client",
        ),
        (
            &[
                ("grant_type", "refresh_token"),
                ("client_id", id),
                ("client_secret", secret),
                ("refresh_token", "1000.a.b"),
            ],
            "invalid_code",
        ),
        (
            &[
                ("grant_type", "authorization_code"),
                ("client_id", id),
                ("client_secret", secret),
            ],
            "unsupported_grant_type",
        ),
    ];
    for (form, error) in cases {
        let (status, body) = token_request(&sandbox, form).await;
        assert_eq!((status, body), (200, json!({ "error": error })));
    }
    assert_eq!(sandbox.token_requests(), 4);
}

#[tokio::test]
async fn grant_parameters_may_come_in_the_query_string() {
    let sandbox = common::seeds_only().await;
    let c = sandbox.oauth_client(&["ZohoCRM.modules.ALL"]);
    let path = format!(
        "/oauth/v2/token?refresh_token={}&client_id={}&client_secret={}&grant_type=refresh_token",
        c.refresh_token, c.client_id, c.client_secret
    );
    let reply = call(&sandbox, "POST", &path).token(None).send().await;
    assert_eq!(reply.status, 200);
    assert!(reply.body()["access_token"].is_string());
}

#[tokio::test]
async fn the_refresh_limit_denies_the_eleventh_token_in_ten_minutes() {
    let sandbox = Sandbox::builder()
        .generated_records(false)
        .zoho_refresh_limit()
        .start()
        .await
        .unwrap();
    let c = sandbox.oauth_client(&["ZohoCRM.modules.ALL"]);
    let form = [
        ("grant_type", "refresh_token"),
        ("client_id", c.client_id.as_str()),
        ("client_secret", c.client_secret.as_str()),
        ("refresh_token", c.refresh_token.as_str()),
    ];
    for _ in 0..10 {
        assert!(token_request(&sandbox, &form).await.1["access_token"].is_string());
    }
    assert_eq!(
        token_request(&sandbox, &form).await,
        (200, json!({"error": "access_denied"}))
    );
    assert_eq!(sandbox.token_requests(), 11);
}

#[tokio::test]
async fn revoking_a_refresh_token_revokes_its_access_tokens() {
    let sandbox = common::seeds_only().await;
    let c = sandbox.oauth_client(&["ZohoCRM.modules.ALL"]);
    let form = [
        ("grant_type", "refresh_token"),
        ("client_id", c.client_id.as_str()),
        ("client_secret", c.client_secret.as_str()),
        ("refresh_token", c.refresh_token.as_str()),
    ];
    let access = token_request(&sandbox, &form).await.1["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("/oauth/v2/token/revoke?token={}", c.refresh_token);
    let reply = call(&sandbox, "POST", &path).token(None).send().await;
    assert_eq!(
        (reply.status, reply.body().clone()),
        (200, json!({"status": "success"}))
    );
    assert_eq!(
        call(&sandbox, "GET", LEAD)
            .token(Some(&access))
            .send()
            .await
            .status,
        401
    );
    assert_eq!(
        token_request(&sandbox, &form).await.1,
        json!({"error": "invalid_code"})
    );
}
