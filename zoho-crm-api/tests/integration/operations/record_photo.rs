use zoho_crm_api::record_photo::{DeletePhoto, GetPhoto, UploadPhoto};
use zoho_crm_api::runtime::files::FilePart;

use crate::operations::harness::Harness;

const CONTACT: &str = "738964000000402023";

pub async fn probe(h: &mut Harness) {
    let lead = "738964000002148061";
    assert!(h.send(&GetPhoto::of("Leads", lead)).await.is_none());
    let image: Vec<u8> = (0..5000u32).map(|i| (i * 7 % 251) as u8).collect();
    let uploaded = h
        .send(&UploadPhoto::of("Leads", lead, FilePart::bytes("me.jpg", image.clone())))
        .await;
    assert!(uploaded[0].is_ok());
    let photo = GetPhoto::of("Leads", lead).send(&h.client).await.unwrap().unwrap();
    assert_eq!(photo.content_type(), Some("image/jpeg"));
    assert_eq!(photo.content_length(), Some(5000));
    assert_eq!(&photo.bytes().await.unwrap()[..], &image[..]);
    assert!(h.send(&DeletePhoto::of("Leads", lead)).await[0].is_ok());
    assert!(GetPhoto::of("Leads", lead).send(&h.client).await.unwrap().is_none());
    let _ = CONTACT;
}
