use zoho_crm_api::variable_groups::*;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let groups = h.send(&GetVariableGroups::new()).await.unwrap();
    let general = groups.variable_groups[0].clone();
    assert_eq!(general.api_name.as_deref(), Some("General"));
    let id = general.id.clone().unwrap();
    let by_id = h.send(&GetVariableGroup::new(&id)).await.unwrap();
    assert_eq!(by_id.variable_groups[0], general);
    let by_name = h.send(&GetVariableGroupByApiName::new("General")).await.unwrap();
    assert_eq!(by_name.variable_groups[0], general);
}
