//! An explicit `#[zoho(path)]`, version `v2.1`, a one-scope array, a trailing comma, optional
//! records, and `prepare` on a client: the full URL and headers as they would be sent.

use zoho_runtime::serde::Serialize;
use zoho_runtime::endpoint::Method;
use zoho_runtime::{zoho_endpoint, Client, Endpoint, RecordId};

#[derive(Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct Note {
    #[serde(rename = "Note_Content")]
    pub content: String,
}

/// Adds notes to a record.
#[zoho_endpoint(
    POST "/<module>/<record_id>/Notes",
    scope = ["ZohoCRM.modules.ALL"],
    version = "v2.1",
)]
pub struct AddNotes {
    #[zoho(path)]
    pub module: &'static str,
    pub record_id: RecordId,
    #[zoho(records)]
    pub notes: Option<Vec<Note>>,
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let call = AddNotes {
        module: "Deals",
        record_id: "4150868000003384003".into(),
        notes: Some(vec![Note { content: "called".into() }]),
    };
    let client = Client::builder().access_token("1000.example").build().unwrap();
    let request = call.prepare(&client).await.unwrap();
    assert_eq!(request.method, Method::Post);
    assert_eq!(
        request.url,
        "https://www.zohoapis.com/crm/v2.1/Deals/4150868000003384003/Notes"
    );
    assert_eq!(request.header("Authorization"), Some("Zoho-oauthtoken 1000.example"));
    assert_eq!(
        String::from_utf8(request.body.clone().unwrap()).unwrap(),
        r#"{"data":[{"Note_Content":"called"}]}"#
    );
    assert_eq!(call.batch_len(), Some(1));

    let empty = AddNotes { module: "Deals", record_id: "1".into(), notes: None };
    assert_eq!(empty.batch_len(), None);
    assert_eq!(
        std::str::from_utf8(empty.request_parts().unwrap().body_bytes().unwrap()).unwrap(),
        "{}"
    );
}
