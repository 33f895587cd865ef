use zoho_crm_api::fields::GetFields;

use crate::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let fields = h.send(&GetFields::of("Contacts")).await.unwrap_or_default();
    assert!(fields.get("Last_Name").is_some());
}
