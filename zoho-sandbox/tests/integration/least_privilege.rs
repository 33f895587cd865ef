//! Tokens with exactly an application's scopes: a call whose scope the application forgot is
//! answered `401 OAUTH_SCOPE_MISMATCH` locally, as Zoho would answer it.

use crate::common;

use zoho_runtime::{zoho_endpoint, Client, Error, RecordId, ScopeSet};
use zoho_sandbox::Sandbox;

use common::call;

/// Seed 002's lead.
const LEAD: &str = "738964000002148061";

/// Reads one lead.
#[zoho_endpoint(GET "/Leads/<id>", scope = "ZohoCRM.modules.leads.READ")]
struct GetLead {
    id: RecordId,
}

/// Deletes one lead.
#[zoho_endpoint(DELETE "/Leads/<id>", scope = "ZohoCRM.modules.leads.DELETE")]
struct DeleteLead {
    id: RecordId,
}

fn client(sandbox: &Sandbox, token: String) -> Client {
    Client::builder()
        .api_domain(sandbox.base_url())
        .access_token(token)
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_token_for_an_applications_scopes_refuses_what_they_lack() {
    let sandbox = common::seeds_only().await;
    // The application reads leads and never declared the delete.
    let app = ScopeSet::new().with::<GetLead>();
    let token = sandbox.access_token_for(app.iter().map(|s| s.as_str()));
    let client = client(&sandbox, token);

    let read = GetLead { id: LEAD.into() }.send(&client).await;
    assert!(read.is_ok(), "{read:?}");
    let delete = DeleteLead { id: LEAD.into() }.send(&client).await;
    match delete {
        Err(Error::Api { status, code, .. }) => {
            assert_eq!((status, code.as_str()), (401, "OAUTH_SCOPE_MISMATCH"));
        }
        other => panic!("expected OAUTH_SCOPE_MISMATCH, got {other:?}"),
    }
    assert!(sandbox.record("Leads", LEAD).is_some());
}

#[tokio::test]
async fn plain_texts_and_oauth_clients_take_the_same_scopes() {
    let sandbox = common::seeds_only().await;
    let scopes = vec![String::from("ZohoCRM.modules.leads.READ")];
    let token = sandbox.access_token_for(&scopes);
    let path = format!("/crm/v8/Leads/{LEAD}");
    let read = call(&sandbox, "GET", &path)
        .token(Some(&token))
        .send()
        .await;
    assert_eq!(read.status, 200);
    let delete = call(&sandbox, "DELETE", &path)
        .token(Some(&token))
        .send()
        .await;
    assert_eq!(delete.status, 401);
    assert_eq!(delete.body()["code"], "OAUTH_SCOPE_MISMATCH");

    let oauth = sandbox.oauth_client_for(["ZohoCRM.modules.contacts.READ"]);
    let form = format!(
        "grant_type=refresh_token&client_id={}&client_secret={}&refresh_token={}",
        oauth.client_id, oauth.client_secret, oauth.refresh_token
    );
    let minted = call(&sandbox, "POST", "/oauth/v2/token")
        .token(None)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(&form)
        .send()
        .await;
    let token = minted.body()["access_token"].as_str().unwrap().to_owned();
    let refused = call(&sandbox, "GET", &path)
        .token(Some(&token))
        .send()
        .await;
    assert_eq!(refused.body()["code"], "OAUTH_SCOPE_MISMATCH");
    let contact = "/crm/v8/Contacts/4150868000003283024";
    let granted = call(&sandbox, "GET", contact)
        .token(Some(&token))
        .send()
        .await;
    assert_eq!(granted.status, 200, "{}", granted.text);
}
