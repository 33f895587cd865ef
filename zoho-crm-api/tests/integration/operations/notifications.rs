use std::time::Duration;

use tokio::net::TcpListener;
use zoho_crm_api::change_owner::ChangeOwner;
use zoho_crm_api::mass_delete::MassDelete;
use zoho_crm_api::notifications::{
    DeleteNotifications, DisableNotifications, EnableNotifications, GetNotifications,
    UpdateNotifications, WatchInput,
};
use zoho_crm_api::runtime::Json;

use crate::operations::harness::Harness;

const AMELIA: &str = "738964000000291033";

/// The JSON body of the next notice POSTed to `listener`, answered `200 OK`.
async fn next_notice(listener: &TcpListener) -> Json {
    let (stream, _) = listener.accept().await.unwrap();
    let mut bytes = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        stream.readable().await.unwrap();
        let n = match stream.try_read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
            Err(e) => panic!("{e}"),
        };
        bytes.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("Content-Length: "))
                .and_then(|n| n.trim().parse().ok())
                .unwrap_or(0);
            if body.len() >= length || n == 0 {
                assert!(head.starts_with("POST /hook?source=crm HTTP/1.1"), "{head}");
                stream.writable().await.unwrap();
                let _ = stream.try_write(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
                return body.parse().unwrap();
            }
        }
    }
}

async fn notice(listener: &TcpListener) -> Json {
    tokio::time::timeout(Duration::from_secs(20), next_notice(listener)).await.expect("a notice arrives")
}

pub async fn probe(h: &mut Harness) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook?source=crm", listener.local_addr().unwrap());
    let watch = WatchInput::new("1000000068001", ["Leads.create"], url.as_str()).with_token("s3cret");
    assert!(h.send(&EnableNotifications::of([watch])).await.watch[0].is_success());

    let mut all = WatchInput::events("1000000068001", ["Leads.all"]);
    all.return_affected_field_values = Some(true);
    assert!(h.send(&UpdateNotifications { watch: vec![all] }).await.watch[0].is_success());
    let listed = h.send(&GetNotifications::default()).await.unwrap();
    assert_eq!(listed.watch[0].events, ["Leads.all"]);
    assert_eq!(listed.watch[0].token.as_deref(), Some("s3cret"));

    let lead = h.sandbox.insert_record("Leads", r#"{"Last_Name": "Moss"}"#.parse().unwrap()).unwrap();
    h.send(&ChangeOwner::of("Leads", lead.as_str(), AMELIA)).await;
    let got = notice(&listener).await;
    assert_eq!((&got["module"], &got["operation"]), (&"Leads".into(), &"update".into()));
    assert_eq!(got["ids"][0], lead.as_str());
    assert_eq!((&got["channel_id"], &got["token"]), (&"1000000068001".into(), &"s3cret".into()));
    assert_eq!(got["query_params"]["source"], "crm");
    assert!(got["affected_fields"][0][lead.as_str()].as_array().unwrap().contains(&"Owner".into()));

    h.send(&MassDelete::ids("Leads", [lead.as_str()])).await;
    let got = notice(&listener).await;
    assert_eq!((&got["operation"], &got["ids"][0]), (&"delete".into(), &lead.as_str().into()));

    let disable = DisableNotifications::events("1000000068001", ["Leads.all"]);
    assert!(h.send(&disable).await.watch[0].is_success());
    assert!(h.send(&GetNotifications::default()).await.is_none(), "a channel without events is gone");

    let again = WatchInput::new("1000000068002", ["Deals.edit"], url.as_str());
    h.send(&EnableNotifications::of([again])).await;
    let removed = h.send(&DeleteNotifications { channel_ids: vec!["1000000068002".into()] }).await;
    assert!(removed.watch[0].is_success());
    assert!(h.send(&GetNotifications::default()).await.is_none());
}
