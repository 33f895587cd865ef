use zoho_crm_api::email_templates::*;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let all = h.send(&GetEmailTemplates::new()).await.unwrap();
    assert_eq!(all.email_templates.len(), 2);
    let contacts = h.send(&GetEmailTemplates::new().with_module("Contacts")).await.unwrap();
    let thanks = contacts.email_templates[0].clone();
    assert_eq!(thanks.subject.as_deref(), Some("Thank you"));
    let id = thanks.id.clone().unwrap();
    let one = h.send(&GetEmailTemplate::new(&id)).await.unwrap();
    assert_eq!(one.email_templates[0], thanks);
}
