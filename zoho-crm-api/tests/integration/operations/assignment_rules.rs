use zoho_crm_api::assignment_rules::*;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let rules = h.send(&GetAssignmentRules::new()).await.unwrap();
    let rule = rules.assignment_rules[0].clone();
    assert_eq!(rule.module.as_ref().unwrap().api_name.as_deref(), Some("Leads"));
    assert!(h.send(&GetAssignmentRules::new().with_module("Deals")).await.is_none());
    let id = rule.id.clone().unwrap();
    let one = h.send(&GetAssignmentRule::new(&id).with_module("Leads")).await.unwrap();
    assert_eq!(one.assignment_rules[0], rule);
}
