use zoho_crm_api::files::{GetFile, UploadFile};
use zoho_crm_api::runtime::files::FilePart;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let text = "Quote № 7: 1 200 €\r\n".repeat(1000);
    let uploaded = h.send(&UploadFile::of(FilePart::bytes("quote.txt", text.clone()))).await;
    let details = &uploaded[0].as_ref().unwrap().details;
    assert_eq!(details.get("name").unwrap(), "quote.txt");
    let id = details.get("id").unwrap().as_str().unwrap().to_owned();
    let file = h.send(&GetFile::of(id.clone())).await.unwrap();
    assert_eq!(file.file_name(), Some("quote.txt"));
    assert_eq!(file.content_type(), Some("text/plain"));
    assert_eq!(&file.bytes().await.unwrap()[..], text.as_bytes());
    let streamed = GetFile::of(id).send(&h.client).await.unwrap().unwrap();
    let mut out = Vec::new();
    assert_eq!(streamed.write_to(&mut out).await.unwrap(), text.len() as u64);
    assert_eq!(out, text.as_bytes());
    // An id that names no file is Zoho's error, not an empty file.
    assert!(h.client.send(&GetFile::of("nope")).await.is_err());
}
