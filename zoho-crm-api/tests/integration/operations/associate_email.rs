use zoho_crm_api::actions::ModuleRef;
use zoho_crm_api::associate_email::{AssociateEmail, AssociatedEmail, EmailAvailable, LinkedRecord};
use zoho_crm_api::emails::{Address, GetRelatedEmails};

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let lead = h.sandbox.insert_record("Leads", r#"{"Last_Name": "Alder"}"#.parse().unwrap()).unwrap();
    let linked = LinkedRecord::new(ModuleRef::named("Leads"), lead.as_str());
    let mut mail = AssociatedEmail::new(
        Address::new("alder@example.com"),
        vec![Address::new("patricia@zylker.com")],
        "<m1@example.com>",
        false,
        "2024-03-15T10:00:00+00:00",
        linked,
    );
    mail.subject = Some("Our order".into());

    assert!(!h.send(&EmailAvailable::of("<m1@example.com>")).await.available);
    let answer = h.send(&AssociateEmail::of("Leads", lead.as_str(), vec![mail])).await;
    assert!(answer.emails[0].is_success(), "{answer:?}");
    let message_id = answer.emails[0].details.str("message_id").expect("a message id").to_owned();

    let found = h.send(&EmailAvailable::of("<m1@example.com>")).await;
    assert!(found.available);
    let record = found.record.expect("the record");
    assert_eq!((record.module.api_name.as_str(), record.id.as_str()), ("Leads", lead.as_str()));

    let emails = h.client.send(&GetRelatedEmails::of("Leads", lead.as_str())).await.unwrap().unwrap_or_default();
    let kept = &emails.email_related_list[0];
    assert_eq!((kept.message_id.as_str(), kept.subject.as_deref(), kept.sent), (message_id.as_str(), Some("Our order"), false));
}
