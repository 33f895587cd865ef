use zoho_crm_api::record_share_email::{ShareEmails, ShareEmailsOfRecords, UnshareEmails, UnshareEmailsOfRecords};
use zoho_crm_api::runtime::Error;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let a = h.sandbox.insert_record("Leads", r#"{"Last_Name": "Alder"}"#.parse().unwrap()).unwrap();
    let b = h.sandbox.insert_record("Leads", r#"{"Last_Name": "Birch"}"#.parse().unwrap()).unwrap();

    assert!(h.send(&ShareEmails::of("Leads", a.as_str())).await.all_succeeded());
    // Many at once: one already shared, one shared now, one id twice, one unknown.
    let many = ShareEmailsOfRecords::of("Leads", [a.as_str(), b.as_str(), b.as_str(), "111"]);
    let outcomes = h.send(&many).await;
    let codes: Vec<String> = outcomes.iter().map(|o| match o {
        Ok(_) => "SUCCESS".to_owned(),
        Err(e) => e.code.as_str().to_owned(),
    }).collect();
    assert_eq!(codes, ["ALREADY_SHARED", "SUCCESS", "DUPLICATE_DATA", "INVALID_DATA"]);

    assert!(h.send(&UnshareEmails::of("Leads", a.as_str())).await.all_succeeded());
    let again = h.send(&UnshareEmails::of("Leads", a.as_str())).await;
    assert_eq!(again[0].as_ref().unwrap_err().code.as_str(), "NOT_SHARED");
    let outcomes = h.send(&UnshareEmailsOfRecords::of("Leads", [a.as_str(), b.as_str()])).await;
    assert!(outcomes[0].is_err() && outcomes[1].is_ok(), "{outcomes:?}");

    // Accounts do not share emails.
    let account = h.sandbox.insert_record("Accounts", r#"{"Account_Name": "Zylker"}"#.parse().unwrap()).unwrap();
    match h.send_err(&ShareEmails::of("Accounts", account.as_str())).await {
        Error::Api { code, .. } => assert_eq!(code.as_str(), "NOT_SUPPORTED"),
        other => panic!("{other:?}"),
    }
}
