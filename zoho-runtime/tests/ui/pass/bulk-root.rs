//! An endpoint outside `/crm/{version}`: the bulk API, with its own root.

use zoho_runtime::{zoho_endpoint, ApiVersion, Endpoint, Json};

/// Starts a bulk read job.
#[zoho_endpoint(POST "/read", scope = ["ZohoCRM.bulk.READ", "ZohoCRM.modules.leads.READ"],
                root = "/crm/bulk", version = "v8", idempotent = false)]
pub struct BulkRead {
    #[zoho(envelope)]
    pub query: Json,
}

fn main() {
    let call = BulkRead { query: Json::Null };
    let parts = call.request_parts().unwrap();
    assert_eq!(parts.path_and_query(ApiVersion::V2).unwrap(), "/crm/bulk/v8/read");
    assert_eq!(std::str::from_utf8(parts.body_bytes().unwrap()).unwrap(), r#"{"query":null}"#);
    assert_eq!(BulkRead::META.root, "/crm/bulk");
    assert!(!BulkRead::META.idempotent);
}
