use zoho_crm_api::attachments::{
    DeleteAttachment, DeleteAttachments, DownloadEmailAttachment, DownloadFieldAttachment,
    DownloadInlineImage, GetAttachment, GetAttachments, UploadAttachment,
};
use zoho_crm_api::files::UploadFile;
use zoho_crm_api::runtime::files::FilePart;
use zoho_crm_api::runtime::Error;

use crate::operations::harness::Harness;

const LEAD: &str = "738964000002148061";

pub async fn probe(h: &mut Harness) {
    // A file with every byte value, from disk: stored and downloaded back byte for byte.
    let bytes: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let dir = std::env::temp_dir().join(format!("zoho-attachments-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("all bytes \"é\".bin");
    std::fs::write(&path, &bytes).unwrap();
    let uploaded = h.send(&UploadAttachment::file("Leads", LEAD, FilePart::path(&path))).await;
    let file_id = uploaded[0].as_ref().unwrap().id().unwrap();
    let link = h
        .send(&UploadAttachment::link("Leads", LEAD, "https://example.com/plan").with_title("Plan"))
        .await;
    let link_id = link[0].as_ref().unwrap().id().unwrap();

    let page = h.send(&GetAttachments::of("Leads", LEAD)).await.unwrap();
    assert_eq!(page.data.len(), 2);
    assert_eq!(page.data[1].file_name.as_deref(), Some("all bytes \"é\".bin"));
    assert_eq!(page.data[1].size.as_deref(), Some("70000"));
    assert_eq!(page.data[0].link_url.as_deref(), Some("https://example.com/plan"));

    let call = GetAttachment::of("Leads", LEAD, file_id.clone());
    let saved = dir.join("saved.bin");
    let download = call.send(&h.client).await.unwrap().unwrap();
    assert_eq!(download.file_name(), Some("all bytes \"é\".bin"));
    assert_eq!(download.save(&saved).await.unwrap(), 70_000);
    assert_eq!(std::fs::read(&saved).unwrap(), bytes);
    let buffered = h.send(&call).await.unwrap();
    assert_eq!(&buffered.bytes().await.unwrap()[..], &bytes[..]);

    // Over Zoho's 20 MB: refused before anything is sent.
    let before = h.sandbox.journal().len();
    let big = FilePart::bytes("big.bin", vec![0u8; 20 * 1024 * 1024 + 1]);
    let error = h.client.send(&UploadAttachment::file("Leads", LEAD, big)).await.unwrap_err();
    assert!(matches!(error, Error::UploadTooLarge { .. }), "{error:?}");
    assert_eq!(h.sandbox.journal().len(), before);

    // The e-mail and field downloads find an uploaded file by its id in the sandbox.
    let kept = h.send(&UploadFile::of(FilePart::bytes("inline.png", &b"png"[..]))).await;
    let kept_id = kept[0].as_ref().unwrap().details.get("id").unwrap().as_str().unwrap().to_owned();
    let email = DownloadEmailAttachment {
        module: "Leads".into(),
        record_id: LEAD.into(),
        user_id: "738964000000291009".into(),
        message_id: "m1".into(),
        id: kept_id.clone(),
        name: "inline.png".into(),
    };
    assert_eq!(&h.send(&email).await.unwrap().bytes().await.unwrap()[..], b"png");
    let inline = DownloadInlineImage {
        module: "Leads".into(),
        record_id: LEAD.into(),
        user_id: "738964000000291009".into(),
        message_id: "m1".into(),
        id: kept_id.clone(),
    };
    assert_eq!(&h.send(&inline).await.unwrap().bytes().await.unwrap()[..], b"png");
    let field = DownloadFieldAttachment {
        module: "Leads".into(),
        record_id: LEAD.into(),
        fields_attachment_id: kept_id,
    };
    assert_eq!(&h.send(&field).await.unwrap().bytes().await.unwrap()[..], b"png");

    let deleted = h
        .send(&DeleteAttachment { module: "Leads".into(), record_id: LEAD.into(), id: link_id })
        .await;
    assert!(deleted[0].is_ok());
    let many = h
        .send(&DeleteAttachments { module: "Leads".into(), record_id: LEAD.into(), ids: vec![file_id, "1".into()] })
        .await;
    assert!(many[0].is_ok() && many[1].is_err());
    assert!(h.send(&GetAttachments::of("Leads", LEAD)).await.is_none());
    std::fs::remove_dir_all(&dir).unwrap();
}
