use zoho_runtime::files::{Download, FilePart};
use zoho_runtime::{zoho_endpoint, Client, Endpoint, RecordId};

/// An attachment, its file from disk or memory, a title beside it.
#[zoho_endpoint(POST "/<module>/<id>/Attachments", scope = "ZohoCRM.modules.<module>.CREATE",
                max_upload = zoho_runtime::files::MAX_ATTACHMENT_BYTES)]
pub struct Upload {
    pub module: String,
    pub id: RecordId,
    #[zoho(file)]
    pub file: Option<FilePart>,
    #[zoho(form, rename = "attachmentUrl")]
    pub url: Option<String>,
}

/// A file downloaded as a stream.
#[zoho_endpoint(GET "/<module>/<id>/photo", scope = "ZohoCRM.modules.<module>.READ", download)]
pub struct Photo {
    pub module: String,
    pub id: RecordId,
}

/// An upload to the content domain.
#[zoho_endpoint(POST "/upload", scope = "ZohoFiles.files.ALL", domain = "content",
                max_upload = 25 * 1024 * 1024)]
pub struct ContentUpload {
    #[zoho(header = "X-CRM-ORG")]
    pub org: String,
    #[zoho(file)]
    pub file: FilePart,
}

async fn sends(client: &Client) -> Result<Option<Download>, zoho_runtime::Error> {
    Photo { module: "Leads".into(), id: "1".into() }.send(client).await
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    assert!(<Photo as Endpoint>::META.download);
    assert_eq!(<Upload as Endpoint>::META.max_upload, Some(20 * 1024 * 1024));
    let client = Client::builder().access_token("1000.x").build().unwrap();
    let request = ContentUpload { org: "1".into(), file: FilePart::bytes("a.zip", vec![1]) }
        .prepare(&client)
        .await
        .unwrap();
    assert_eq!(request.url, "https://content.zohoapis.com/crm/v8/upload");
    let _ = sends;
}
