use zoho_crm_api::emails::{Address, Mail, SendMail};
use zoho_crm_api::runtime::Error;
use zoho_crm_api::unblock_email::{UnblockEmail, UnblockEmails};

use crate::operations::harness::Harness;

async fn bounce(h: &mut Harness, lead: &str, to: &str) {
    let mail = Mail::new(Address::new("patricia@zylker.com"), vec![Address::new(to)], "Hello", "Hi.");
    assert!(h.client.send(&SendMail::of("Leads", lead, mail)).await.unwrap().all_succeeded());
}

pub async fn probe(h: &mut Harness) {
    let a = r#"{"Last_Name": "Alder", "Email": "alder@mail.invalid", "Secondary_Email": "alder@example.com"}"#;
    let a = h.sandbox.insert_record("Leads", a.parse().unwrap()).unwrap();
    let b = r#"{"Last_Name": "Birch", "Email": "birch@example.com", "Secondary_Email": "birch@mail.invalid"}"#;
    let b = h.sandbox.insert_record("Leads", b.parse().unwrap()).unwrap();

    // A deliverable address blocks nothing; an undeliverable one blocks the field holding it.
    bounce(h, &a, "alder@example.com").await;
    assert!(h.sandbox.blocked_emails("Leads", &a).is_empty());
    bounce(h, &a, "alder@mail.invalid").await;
    bounce(h, &b, "birch@mail.invalid").await;
    assert_eq!(h.sandbox.blocked_emails("Leads", &a), ["Email"]);
    assert_eq!(h.sandbox.blocked_emails("Leads", &b), ["Secondary_Email"]);

    let one = h.send(&UnblockEmail::of("Leads", a.as_str(), ["Email"])).await;
    assert!(one.all_succeeded());
    assert!(h.sandbox.blocked_emails("Leads", &a).is_empty());

    let many = h.send(&UnblockEmails::of("Leads", [b.as_str(), "111"], ["Email"])).await;
    assert!(many[0].is_ok() && many[1].is_err(), "{many:?}");
    assert_eq!(h.sandbox.blocked_emails("Leads", &b), ["Secondary_Email"]);
    let many = h.send(&UnblockEmails::of("Leads", [b.as_str()], ["Email", "Secondary_Email"])).await;
    assert!(many.all_succeeded());
    assert!(h.sandbox.blocked_emails("Leads", &b).is_empty());

    match h.send_err(&UnblockEmail::of("Leads", a.as_str(), ["Last_Name"])).await {
        Error::Api { code, .. } => assert_eq!(code.as_str(), "INVALID_DATA"),
        other => panic!("{other:?}"),
    }
}
