use zoho_crm_api::unsubscribe_links::*;

use crate::operations::harness::{id_of, Harness};

pub async fn probe(h: &mut Harness) {
    assert!(h.send(&GetUnsubscribeLinkAssociations::new()).await.is_none());
    let standard = UnsubscribeLink::new("Standard", "standard", "Goodbye.");
    let custom = UnsubscribeLink::new("Custom", "custom", "See you.")
        .with_custom_location_url("https://zylker.com/unsubscribe");
    let created = h.send(&CreateUnsubscribeLink::new(vec![standard, custom])).await;
    let (standard_id, custom_id) = (id_of(&created, 0), id_of(&created, 1));
    assert_eq!(h.send(&GetUnsubscribeLinks::new()).await.unwrap().unsubscribe_links.len(), 2);

    let thanks = UnsubscribeLink::default().with_id(&standard_id).with_submission_message("Done.");
    assert!(h.send(&UpdateUnsubscribeLinks::new(vec![thanks])).await.all_succeeded());
    let renamed = UnsubscribeLink::default().with_name("Own page");
    assert!(h.send(&UpdateUnsubscribeLink::new(&custom_id, vec![renamed])).await.all_succeeded());
    let standard = h.send(&GetUnsubscribeLink::new(&standard_id)).await.unwrap();
    assert_eq!(standard.unsubscribe_links[0].submission_message.as_deref(), Some("Done."));
    let custom = h.send(&GetUnsubscribeLink::new(&custom_id)).await.unwrap();
    assert_eq!(custom.unsubscribe_links[0].name.as_deref(), Some("Own page"));

    let places = h.send(&GetUnsubscribeLinkAssociations::new()).await.unwrap();
    assert_eq!(places.associations.len(), 2);
    assert!(h.send(&DeleteUnsubscribeLink::new(&custom_id)).await.all_succeeded());
    assert_eq!(h.send(&GetUnsubscribeLinks::new()).await.unwrap().unsubscribe_links.len(), 1);
}
