use zoho_crm_api::email_sharing_details::GetEmailSharingDetails;
use zoho_crm_api::record_share_email::{ShareEmails, UnshareEmails};

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let lead = h.sandbox.insert_record("Leads", r#"{"Last_Name": "Alder"}"#.parse().unwrap()).unwrap();
    let before = h.send(&GetEmailSharingDetails::of("Leads", lead.as_str())).await;
    assert!(before.details[0].share_from_users.is_empty());
    assert!(!before.details[0].available_types.is_empty());

    h.client.send(&ShareEmails::of("Leads", lead.as_str())).await.unwrap();
    let shared = h.send(&GetEmailSharingDetails::of("Leads", lead.as_str())).await;
    let users = &shared.details[0].share_from_users;
    assert_eq!((users.len(), users[0].kind.as_str()), (1, "user"));

    h.client.send(&UnshareEmails::of("Leads", lead.as_str())).await.unwrap();
    let after = h.send(&GetEmailSharingDetails::of("Leads", lead.as_str())).await;
    assert!(after.details[0].share_from_users.is_empty());

    h.send_err(&GetEmailSharingDetails::of("Leads", "111")).await;
}
