use zoho_crm_api::modules::GetModules;

use crate::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let modules = h.send(&GetModules {}).await.unwrap_or_default();
    assert!(modules.modules.iter().any(|m| m.api_name == "Leads"));
}
