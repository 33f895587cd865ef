use zoho_crm_api::email_compose::*;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    assert!(h.send(&GetEmailComposeSettings::new()).await.is_none());
    let from = ComposeAddress::new("patricia@zylker.com").with_type("primary");
    let defaults = EmailCompose::new("default")
        .with_default_from_address(from)
        .with_font(ComposeFont::new("Arial", 12));
    let saved = h.send(&UpdateEmailComposeSettings::new(vec![defaults])).await;
    assert!(saved.all_succeeded());
    let bigger = EmailCompose::default().with_font(ComposeFont::new("Verdana", 14));
    assert!(h.send(&UpdateEmailComposeSettings::new(vec![bigger])).await.all_succeeded());
    let read = h.send(&GetEmailComposeSettings::new().with_kind("default")).await.unwrap();
    let compose = &read.email_compose[0];
    assert_eq!(compose.font.as_ref().and_then(|f| f.family.as_deref()), Some("Verdana"));
    let from = compose.default_from_address.as_ref().and_then(|a| a.email.as_deref());
    assert_eq!(from, Some("patricia@zylker.com"));
}
