//! Starting, sharing and stopping sandboxes.

use crate::common;

use std::time::Duration;

use zoho_sandbox::Sandbox;

fn assert_send_sync<T: Send + Sync + 'static>() {}

#[test]
fn the_handle_can_be_shared_across_tasks() {
    assert_send_sync::<Sandbox>();
}

#[tokio::test]
async fn each_sandbox_listens_on_its_own_ephemeral_port_of_localhost() {
    let a = Sandbox::start().await.unwrap();
    let b = common::seeds_only().await;
    assert_ne!(a.addr().port(), b.addr().port());
    assert!(a.addr().ip().is_loopback());
    assert_eq!(
        a.base_url(),
        format!("http://127.0.0.1:{}", a.addr().port())
    );
    assert_eq!(a.accounts_url(), a.base_url());
    assert_eq!(a.token_url(), format!("{}/oauth/v2/token", a.base_url()));
    assert_eq!(a.crm_url("v8"), format!("{}/crm/v8", a.base_url()));
    assert_ne!(a.access_token(), "");
}

#[tokio::test]
async fn dropping_the_handle_stops_the_server() {
    let sandbox = common::seeds_only().await;
    let addr = sandbox.addr();
    assert!(tokio::net::TcpStream::connect(addr).await.is_ok());
    drop(sandbox);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}

#[tokio::test]
async fn the_ready_made_token_scopes_can_be_chosen() {
    let sandbox = Sandbox::builder()
        .generated_records(false)
        .access_token_scopes(&["ZohoCRM.modules.deals.READ"])
        .start()
        .await
        .unwrap();
    let leads = common::call(&sandbox, "GET", "/crm/v2/Leads/738964000002148061")
        .send()
        .await;
    assert_eq!(leads.status, 401);
    let deals = common::call(&sandbox, "GET", "/crm/v2/Deals/4150868000003384003")
        .send()
        .await;
    assert_eq!(deals.status, 200);
}
