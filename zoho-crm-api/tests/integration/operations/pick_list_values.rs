use zoho_crm_api::fields::GetFields;
use zoho_crm_api::pick_list_values::GetPickListValues;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let fields = h.client.send(&GetFields::of("Deals")).await.unwrap().unwrap_or_default();
    let stage = fields.get("Stage").unwrap();
    let call = GetPickListValues::of("Deals", stage.id.clone().unwrap());
    let values = h.send(&call).await.unwrap_or_default();
    let listed: Vec<&str> = values.pick_list_values.iter().map(|v| v.actual_value.as_str()).collect();
    let in_field: Vec<&str> = stage.pick_list_values.iter().map(|v| v.actual_value.as_str()).collect();
    assert_eq!(listed, in_field);
    assert!(values.pick_list_values.iter().all(|v| v.id.is_some()));
}
