//! `DELETE` with its ids in the query, percent-encoding of path values and query values,
//! `PATCH`, and a `WRITE` scope.

use zoho_runtime::{zoho_endpoint, Endpoint, Outcomes, RecordId};

/// Deletes leads.
#[zoho_endpoint(DELETE "/Leads", scope = "ZohoCRM.modules.leads.DELETE")]
pub struct DeleteLeads {
    #[zoho(query)]
    pub ids: Vec<RecordId>,
    #[zoho(query)]
    pub wf_trigger: Option<bool>,
}

/// Renames a tag.
#[zoho_endpoint(PATCH "/settings/tags/<tag>", scope = "ZohoCRM.settings.tags.WRITE")]
pub struct RenameTag {
    pub tag: String,
    #[zoho(rename = "name")]
    pub new_name: String,
}

fn main() {
    let call = DeleteLeads { ids: vec!["1".into(), "2".into()], wf_trigger: Some(false) };
    let parts = call.request_parts().unwrap();
    assert_eq!(parts.path_and_query(Default::default()).unwrap(), "/crm/v8/Leads?ids=1,2&wf_trigger=false");
    assert!(parts.body_bytes().is_none());
    let _: fn(&zoho_runtime::endpoint::RawResponse) -> Result<Outcomes, zoho_runtime::Error> =
        |raw| DeleteLeads::decode(raw, Some(2));

    let rename = RenameTag { tag: "a/b c".into(), new_name: "x&y".into() };
    let parts = rename.request_parts().unwrap();
    assert_eq!(parts.path().unwrap(), "/settings/tags/a%2Fb%20c");
    assert!(!RenameTag::META.idempotent);
}
