use zoho_crm_api::entity_scores::GetEntityScores;
use zoho_crm_api::scoring_rules::*;
use zoho_crm_api::setting::{Criteria, Ref};

use crate::operations::harness::{id_of, Harness};

pub async fn probe(h: &mut Harness) {
    let leads = Ref::api_name("Leads");
    let layout = Ref::id("5725767000000091055");
    let contacted = FieldRule::new(10, Criteria::compare("Lead_Status", "equal", "Contacted"));
    let junk = FieldRule::new(-5, Criteria::compare("Lead_Status", "equal", "Junk Lead"));
    let rule = ScoringRule::new("Lead status", leads.clone(), layout.clone())
        .with_field_rules(vec![contacted, junk]);
    let other = ScoringRule::new("Unused", leads, layout);
    let created = h.send(&CreateScoringRules::new(vec![rule, other])).await;
    let (id, other_id) = (id_of(&created, 0), id_of(&created, 1));

    let all = h.send(&GetScoringRules::new().with_module("Leads")).await.unwrap();
    assert_eq!(all.scoring_rules.len(), 2);
    assert!(h.send(&GetScoringRules::new().with_active(true)).await.is_none());
    assert!(h.send(&ActivateScoringRule::new(&id)).await.all_succeeded());
    let active = h.send(&GetScoringRules::new().with_active(true)).await.unwrap();
    assert_eq!(active.scoring_rules.len(), 1);

    let described = ScoringRule::default().with_id(&other_id).with_description("kept");
    assert!(h.send(&UpdateScoringRules::new(vec![described])).await.all_succeeded());
    let renamed = ScoringRule::default().with_name("Spare");
    assert!(h.send(&UpdateScoringRule::new(&other_id, vec![renamed])).await.all_succeeded());
    let spare = h.send(&GetScoringRule::new(&other_id)).await.unwrap().scoring_rules.remove(0);
    assert_eq!(spare.name.as_deref(), Some("Spare"));
    assert_eq!(spare.description.as_deref(), Some("kept"));

    let copy = ScoringRule::default().with_name("Lead status copy");
    let cloned = h.send(&CloneScoringRule::new(&id).with_scoring_rules(vec![copy])).await;
    let copy_id = id_of(&cloned, 0);
    let copy = h.send(&GetScoringRule::new(&copy_id)).await.unwrap().scoring_rules.remove(0);
    assert_eq!(copy.active, Some(false));
    assert_eq!(copy.field_rules.map(|r| r.len()), Some(2));

    // A run scores every lead: a contacted one earns 10, a junk one loses 5.
    let hot = insert_lead(h, "Contacted").await;
    let cold = insert_lead(h, "Junk Lead").await;
    let run = h.send(&RunScoringRules::new("Leads")).await;
    assert!(run.all_succeeded());
    let ids = [hot.as_str(), cold.as_str()].map(String::from).to_vec();
    let scores = h.send(&GetEntityScores::new().with_ids(ids)).await.unwrap();
    let score_of = |id: &str| {
        let of = scores.data.iter().find(|s| s.entity.as_ref().and_then(|e| e.id.as_deref()) == Some(id));
        of.and_then(|s| s.score)
    };
    assert_eq!((score_of(&hot), score_of(&cold)), (Some(10), Some(-5)));
    let by_id = RunScoringRules::new("Leads").with_scoring_rules(vec![RuleId::new(&copy_id)]);
    assert!(h.send(&by_id).await.all_succeeded());

    assert!(h.send(&DeactivateScoringRule::new(&id)).await.all_succeeded());
    assert!(h.send(&DeleteScoringRule::new(&copy_id)).await.all_succeeded());
    let deleted = h.send(&DeleteScoringRules::new([id.as_str(), other_id.as_str()])).await;
    assert!(deleted.all_succeeded());
    assert!(h.send(&GetScoringRules::new()).await.is_none());
}

/// A lead of this status, inserted through the records API; its id.
pub async fn insert_lead(h: &Harness, status: &str) -> String {
    use zoho_crm_api::runtime::{zoho_endpoint, Outcomes};
    #[zoho_endpoint(POST "/Leads", scope = "ZohoCRM.modules.leads.CREATE")]
    struct InsertLead {
        #[zoho(rename = "Last_Name")]
        last_name: String,
        #[zoho(rename = "Lead_Status")]
        status: String,
    }
    let call = InsertLead { last_name: "Scored".into(), status: status.into() };
    let outcomes: Outcomes = h.client.send(&call).await.expect("the lead is inserted");
    outcomes[0].as_ref().unwrap().id().unwrap().to_string()
}
