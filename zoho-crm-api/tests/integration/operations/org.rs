use zoho_crm_api::org::{DeleteOrgPhoto, GetOrgPhoto, GetOrganization, UploadOrgPhoto};
use zoho_crm_api::runtime::files::FilePart;

use crate::operations::harness::Harness;
use crate::operations::users::refusal;

pub async fn probe(h: &mut Harness) {
    let org = h.send(&GetOrganization {}).await;
    let zylker = &org.org[0];
    assert_eq!(zylker.company_name.as_deref(), Some("Zylker"));
    assert_eq!(zylker.primary_email.as_deref(), Some("patricia.boyle@zylker.com"));
    assert!(!zylker.mc_status);
    let seeded = zylker.photo_id.clone().expect("a photo");
    let image = h.send(&GetOrgPhoto {}).await.expect("the seeded photo");
    assert_eq!(image.content_type(), Some("image/png"));
    assert!(image.bytes().await.unwrap().starts_with(b"\x89PNG"));

    // An upload replaces the image and gives the photo a new id.
    let logo: Vec<u8> = (0..3000u32).map(|i| (i * 13 % 251) as u8).collect();
    let uploaded = h.send(&UploadOrgPhoto::of(FilePart::bytes("logo.jpg", logo.clone()))).await;
    assert!(uploaded[0].is_ok(), "{uploaded}");
    let photo = h.send(&GetOrganization {}).await.org[0].photo_id.clone().expect("a photo");
    assert_ne!(photo, seeded);
    let image = h.send(&GetOrgPhoto {}).await.expect("the uploaded photo");
    assert_eq!(image.content_type(), Some("image/jpeg"));
    assert_eq!(&image.bytes().await.unwrap()[..], &logo[..]);

    let deleted = h.send(&DeleteOrgPhoto {}).await;
    let id = deleted.first().unwrap().as_ref().unwrap().details.str("id").map(str::to_owned);
    assert_eq!(id, Some(photo));
    assert!(h.send(&GetOrganization {}).await.org[0].photo_id.is_none());
    assert!(h.send(&GetOrgPhoto {}).await.is_none());
    let again = h.send_err(&DeleteOrgPhoto {}).await;
    assert_eq!(refusal(&again), (400, "INVALID_DATA".into()));
}
