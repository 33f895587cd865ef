use zoho_crm_api::apis::GetSupportedApis;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let apis = h.send(&GetSupportedApis::default()).await.unwrap_or_default();
    let leads = apis.__apis.iter().find(|a| a.path == "/crm/v8/Leads").unwrap();
    let post = leads.operation_types.iter().find(|o| o.method == "POST").unwrap();
    assert_eq!(post.oauth_scope.as_deref(), Some("ZohoCRM.modules.leads.CREATE"));
    let filtered = GetSupportedApis { filters: Some("/settings/".into()) };
    let settings = h.send(&filtered).await.unwrap_or_default();
    assert!(!settings.__apis.is_empty());
    assert!(settings.__apis.iter().all(|a| a.path.contains("/settings/")));
}
