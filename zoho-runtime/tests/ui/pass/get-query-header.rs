//! `GET` with query parameters (renamed, optional, a list joined with `,`) and a header; the
//! answer defaults to JSON.

use zoho_runtime::{zoho_endpoint, ApiVersion, Endpoint, RecordId};

/// Lists leads.
#[zoho_endpoint(GET "/Leads", scope = "ZohoCRM.modules.leads.READ")]
pub struct ListLeads {
    #[zoho(query)]
    pub fields: Vec<String>,
    #[zoho(query = "per_page")]
    pub page_size: Option<u32>,
    #[zoho(query, rename = "page_token")]
    pub token: Option<String>,
    #[zoho(query)]
    pub ids: Vec<RecordId>,
    #[zoho(header = "If-Modified-Since")]
    pub since: Option<String>,
}

fn main() {
    let call = ListLeads {
        fields: vec!["Last_Name".into(), "Email".into()],
        page_size: Some(200),
        token: None,
        ids: Vec::new(),
        since: Some("2024-01-01T00:00:00+00:00".into()),
    };
    let parts = call.request_parts().unwrap();
    assert_eq!(
        parts.path_and_query(ApiVersion::V8).unwrap(),
        "/crm/v8/Leads?fields=Last_Name,Email&per_page=200"
    );
    let headers: Vec<_> = parts.headers().collect();
    assert_eq!(headers, [("If-Modified-Since", "2024-01-01T00:00:00+00:00")]);
    assert!(parts.body_bytes().is_none());
    assert!(ListLeads::META.idempotent);
    let _: fn(&zoho_runtime::endpoint::RawResponse) -> Result<zoho_runtime::Json, zoho_runtime::Error> =
        |raw| <ListLeads as Endpoint>::decode(raw, None);
}
