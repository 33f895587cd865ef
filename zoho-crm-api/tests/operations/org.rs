use zoho_crm_api::org::{DeleteOrgPhoto, GetOrganization};

use crate::harness::Harness;
use crate::users::refusal;

pub async fn probe(h: &mut Harness) {
    let org = h.send(&GetOrganization {}).await;
    let zylker = &org.org[0];
    assert_eq!(zylker.company_name.as_deref(), Some("Zylker"));
    assert_eq!(zylker.primary_email.as_deref(), Some("patricia.boyle@zylker.com"));
    assert!(!zylker.mc_status);
    let photo = zylker.photo_id.clone().expect("a photo");

    let deleted = h.send(&DeleteOrgPhoto {}).await;
    let id = deleted.first().unwrap().as_ref().unwrap().details.str("id").map(str::to_owned);
    assert_eq!(id, Some(photo));
    assert!(h.send(&GetOrganization {}).await.org[0].photo_id.is_none());
    let again = h.send_err(&DeleteOrgPhoto {}).await;
    assert_eq!(refusal(&again), (400, "INVALID_DATA".into()));
}
