use serde_json::json;
use zoho_crm_api::notes::{AddNotes, NewNote};
use zoho_crm_api::timelines::GetTimeline;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let lead = h.sandbox.insert_record("Leads", json!({"Last_Name": "Bryant"})).unwrap();
    let timeline = h.send(&GetTimeline::of("Leads", lead.as_str())).await.unwrap_or_default();
    assert_eq!(timeline.timeline.len(), 1);
    assert_eq!(timeline.timeline[0].action, "added");
    assert_eq!(timeline.timeline[0].record["id"], lead.as_str());

    let note = NewNote::on("Leads", lead.as_str(), "Called", "No answer");
    assert!(h.client.send(&AddNotes::of(vec![note])).await.unwrap().all_succeeded());
    let mut oldest_first = GetTimeline::of("Leads", lead.as_str());
    oldest_first.sort_order = Some("asc".into());
    let timeline = h.send(&oldest_first).await.unwrap_or_default();
    let kinds: Vec<(&str, &str)> = timeline
        .timeline
        .iter()
        .map(|e| (e.action.as_str(), e.record["module"]["api_name"].as_str().unwrap()))
        .collect();
    assert_eq!(kinds, [("added", "Leads"), ("added", "Notes")]);
    assert_eq!(timeline.timeline[1].record["name"], "Called");
}
