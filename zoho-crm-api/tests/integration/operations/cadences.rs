use zoho_crm_api::cadences::*;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let cadences = h.send(&GetCadences::new()).await.unwrap();
    let nurture = &cadences.cadences[0];
    assert_eq!(nurture.module.as_ref().unwrap().api_name.as_deref(), Some("Leads"));
    assert_eq!(nurture.active, Some(true));
}
