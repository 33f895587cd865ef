use zoho_crm_api::inventory_templates::*;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let quotes = GetInventoryTemplates::new().with_module("Quotes").with_category("created_by_me");
    let template = h.send(&quotes).await.unwrap().inventory_templates.remove(0);
    assert_eq!(template.name.as_deref(), Some("Standard quote"));
    assert!(h.send(&GetInventoryTemplates::new().with_category("draft")).await.is_none());
    let id = template.id.clone().unwrap();
    let one = h.send(&GetInventoryTemplate::new(&id)).await.unwrap();
    assert_eq!(one.inventory_templates[0], template);
}
