use zoho_crm_api::entity_scores::*;
use zoho_crm_api::scoring_rules::{ActivateScoringRule, CreateScoringRules, FieldRule};
use zoho_crm_api::scoring_rules::{RunScoringRules, ScoringRule};
use zoho_crm_api::setting::{Criteria, Ref};

use crate::operations::harness::{id_of, Harness};
use crate::operations::scoring_rules::insert_lead;

pub async fn probe(h: &mut Harness) {
    assert!(h.send(&GetEntityScores::new()).await.is_none());
    let lead = insert_lead(h, "Contacted").await;
    let contacted = FieldRule::new(7, Criteria::compare("Lead_Status", "equal", "Contacted"));
    let rule = ScoringRule::new("Contacted", Ref::api_name("Leads"), Ref::id("1"))
        .with_field_rules(vec![contacted]);
    let id = id_of(&h.send(&CreateScoringRules::new(vec![rule])).await, 0);
    assert!(h.send(&ActivateScoringRule::new(&id)).await.all_succeeded());
    assert!(h.send(&RunScoringRules::new("Leads")).await.all_succeeded());

    let page = h.send(&GetEntityScores::new().with_per_page(2)).await.unwrap();
    assert_eq!(page.data.len(), 2);
    assert!(page.info.more_records);
    let mine = h.send(&GetEntityScore::new(&lead)).await.unwrap();
    let score = &mine.data[0];
    assert_eq!(score.score, Some(7));
    assert_eq!(score.positive_score, Some(7));
    assert_eq!(score.scoring_rule.as_ref().unwrap().id.as_deref(), Some(id.as_str()));
}
