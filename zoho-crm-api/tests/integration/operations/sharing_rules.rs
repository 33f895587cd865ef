use zoho_crm_api::setting::{Criteria, Ref};
use zoho_crm_api::sharing_rules::*;

use crate::operations::harness::{id_of, Harness};

pub async fn probe(h: &mut Harness) {
    let sales = SharingParty::new("roles", Ref::id("5725767000000026005"));
    let everyone = SharingParty::new("all_users", Ref::default());
    let owners = SharingRule::new("Owners to sales", "Record_Owner_Based", "read", sales.clone())
        .with_shared_from(everyone);
    let hot = Criteria::compare("Lead_Status", "equal", "Contacted");
    let hot_leads = SharingRule::new("Hot leads", "Criteria_Based", "read_write_delete", sales)
        .with_criteria(hot);
    let created = h.send(&CreateSharingRules::new("Leads", vec![owners])).await;
    let owners_id = id_of(&created, 0);
    let created = h.send(&CreateSharingRules::new("Leads", vec![hot_leads])).await;
    let hot_id = id_of(&created, 0);

    let page = h.send(&GetSharingRules::new("Leads").with_per_page(1)).await.unwrap();
    assert_eq!(page.sharing_rules.len(), 1);
    assert!(page.info.unwrap().more_records);
    assert!(h.send(&GetSharingRules::new("Contacts")).await.is_none());

    let update = SharingRule::default().with_id(&owners_id).with_superiors_allowed(true);
    assert!(h.send(&UpdateSharingRules::new("Leads", vec![update])).await.all_succeeded());
    let renamed = SharingRule::default().with_name("Hot leads to sales");
    let call = UpdateSharingRule::new(&hot_id, "Leads", vec![renamed]);
    assert!(h.send(&call).await.all_succeeded());
    let owners = h.send(&GetSharingRule::new(&owners_id, "Leads")).await.unwrap();
    assert_eq!(owners.sharing_rules[0].superiors_allowed, Some(true));

    assert!(h.send(&DeactivateSharingRule::new(&hot_id, "Leads")).await.all_succeeded());
    let inactive = Criteria::compare("status", "equal", "inactive");
    let found = h.send(&SearchSharingRules::new("Leads", vec![inactive])).await.unwrap();
    assert_eq!(found.sharing_rules.len(), 1);
    assert_eq!(found.sharing_rules[0].name.as_deref(), Some("Hot leads to sales"));
    assert!(h.send(&ActivateSharingRule::new(&hot_id, "Leads")).await.all_succeeded());
    assert_eq!(h.refused(&ActivateSharingRule::new(&hot_id, "Leads")).await, ["ALREADY_ACTIVE"]);

    let summary = h.send(&GetSharingRulesSummary::new()).await.unwrap();
    let leads = &summary.sharing_rules_summary[0];
    assert_eq!(leads.module.as_ref().unwrap().api_name.as_deref(), Some("Leads"));
    assert_eq!(leads.rule_count, Some(2));
    let many = Criteria::compare("rule_count", "greater_than", 5);
    assert!(h.send(&SearchSharingRulesSummary::new(vec![many])).await.is_none());
    let scheduled = h.send(&RerunSharingRules::new("Leads")).await;
    assert_eq!(scheduled[0].as_ref().unwrap().code.as_str(), "SCHEDULED");

    assert!(h.send(&DeleteSharingRule::new(&owners_id, "Leads")).await.all_succeeded());
    let left = h.send(&GetSharingRules::new("Leads")).await.unwrap();
    assert_eq!(left.sharing_rules.len(), 1);
}
