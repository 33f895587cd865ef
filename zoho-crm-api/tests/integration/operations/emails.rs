use serde_json::json;
use zoho_crm_api::emails::{
    Address, CreateEmailDrafts, DeleteEmailDraft, DraftChange, GetEmailDraft, GetEmailDrafts,
    GetRelatedEmail, GetRelatedEmails, Mail, SendMail, UpdateEmailDraft, UpdateEmailDrafts,
};

use crate::operations::harness::Harness;

fn mail(subject: &str) -> Mail {
    let from = Address::new("patricia@zylker.com");
    Mail::new(from, vec![Address::new("bryant@example.com")], subject, "Please find it attached.")
}

pub async fn probe(h: &mut Harness) {
    let lead = h.sandbox.insert_record("Leads", json!({"Last_Name": "Bryant"})).unwrap();
    let lead = lead.as_str();
    assert!(h.send(&GetRelatedEmails::of("Leads", lead)).await.is_none());
    let sent = h.send(&SendMail::of("Leads", lead, mail("Your quote"))).await;
    let message = sent[0].as_ref().unwrap().details.str("message_id").unwrap().to_owned();
    let mut bad = mail("No one");
    bad.to = vec![Address::new("nobody")];
    assert!(!h.send(&SendMail::of("Leads", lead, bad)).await.all_succeeded());
    assert!(h.send(&SendMail::of("Leads", lead, mail("Reminder"))).await.all_succeeded());

    let emails = h.send(&GetRelatedEmails::of("Leads", lead)).await.unwrap_or_default();
    let subjects: Vec<&str> = emails.email_related_list.iter().filter_map(|e| e.subject.as_deref()).collect();
    assert_eq!(subjects, ["Reminder", "Your quote"]);
    let one = GetRelatedEmail { module: "Leads".into(), id: lead.into(), message_id: message, r#type: None, owner_id: None };
    let one = h.send(&one).await.unwrap_or_default();
    assert_eq!(one.email_related_list[0].content.as_deref(), Some("Please find it attached."));

    let drafts = CreateEmailDrafts { module: "Leads".into(), record: lead.into(), drafts: vec![mail("Draft 1"), mail("Draft 2")] };
    let created = h.send(&drafts).await;
    assert!(created.all_succeeded());
    let (first, second) = (created.drafts[0].id().unwrap(), created.drafts[1].id().unwrap());
    let listed = h.send(&GetEmailDrafts { module: "Leads".into(), record: lead.into() }).await.unwrap_or_default();
    assert_eq!(listed.drafts.len(), 2);

    let change = DraftChange::of(first.clone(), mail("Draft 1, again"));
    assert!(h.send(&UpdateEmailDrafts { module: "Leads".into(), record: lead.into(), drafts: vec![change] }).await.all_succeeded());
    let change = DraftChange::to(mail("Draft 2, again"));
    let one = UpdateEmailDraft { module: "Leads".into(), record: lead.into(), draft: second.clone(), drafts: vec![change] };
    assert!(h.send(&one).await.all_succeeded());
    let read = GetEmailDraft { module: "Leads".into(), record: lead.into(), draft: second.clone() };
    let read = h.send(&read).await.unwrap_or_default();
    assert_eq!(read.drafts[0].subject.as_deref(), Some("Draft 2, again"));

    let gone = DeleteEmailDraft { module: "Leads".into(), record: lead.into(), draft: first };
    assert!(h.send(&gone).await.all_succeeded());
    let listed = h.send(&GetEmailDrafts { module: "Leads".into(), record: lead.into() }).await.unwrap_or_default();
    assert_eq!(listed.drafts.len(), 1);
}
