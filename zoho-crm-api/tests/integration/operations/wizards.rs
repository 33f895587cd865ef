use zoho_crm_api::layouts::GetLayouts;
use zoho_crm_api::wizards::{GetWizard, GetWizards};

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let wizards = h.send(&GetWizards {}).await.unwrap_or_default();
    let wizard = &wizards.wizards[0];
    assert_eq!(wizard.module.as_ref().and_then(|m| m.api_name.as_deref()), Some("Leads"));
    let layouts = h.client.send(&GetLayouts::of("Leads")).await.unwrap().unwrap_or_default();
    let mut call = GetWizard::of(wizard.id.as_str());
    call.layout_id = Some(layouts.layouts[0].id.clone());
    let one = h.send(&call).await.unwrap_or_default();
    let container = &one.wizards[0].containers[0];
    assert_eq!(container.layout.as_ref().map(|l| l.id.as_str()), Some(layouts.layouts[0].id.as_str()));
    assert_eq!(container.screens.len(), 2);
}
