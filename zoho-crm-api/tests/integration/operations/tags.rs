use serde_json::json;
use zoho_crm_api::modules::GetModules;
use zoho_crm_api::tags::{
    AddTags, AddTagsToRecords, CreateTags, DeleteTag, GetMassDeleteTagsStatus, GetTagRecordCount,
    GetTags, MassDeleteTags, MergeTags, NewTag, RemoveTags, RemoveTagsFromRecords, TagChange,
    UpdateTag, UpdateTags,
};
use zoho_crm_api::RecordId;

use crate::operations::harness::Harness;

/// The names of the tags a lead carries, as the sandbox stores it.
fn tags_of(h: &Harness, lead: &str) -> Vec<String> {
    let record = h.sandbox.record("Leads", lead).unwrap();
    let tags = record["Tag"].as_array().cloned().unwrap_or_default();
    tags.iter().map(|t| t["name"].as_str().unwrap().to_owned()).collect()
}

async fn count(h: &mut Harness, tag: &RecordId) -> Option<u64> {
    h.send(&GetTagRecordCount::of(tag.clone(), "Leads")).await.count()
}

pub async fn probe(h: &mut Harness) {
    let leads: Vec<String> = (0..3)
        .map(|i| h.sandbox.insert_record("Leads", json!({"Last_Name": format!("L{i}")})).unwrap())
        .collect();
    let new = vec![NewTag::named("Hot").with_color("#F17574"), NewTag::named("Cold"), NewTag::named("hot")];
    let created = h.send(&CreateTags::of("Leads", new)).await;
    assert!(created.tags[0].succeeded() && created.tags[1].succeeded());
    assert_eq!(created.tags[2].code, "DUPLICATE_DATA");
    let (hot, cold) = (created.tags[0].id().unwrap(), created.tags[1].id().unwrap());

    let added = h.send(&AddTags::of("Leads", leads[0].as_str(), &["Hot", "Fresh"])).await;
    assert!(added.all_succeeded());
    assert_eq!(tags_of(h, &leads[0]), ["Hot", "Fresh"]);
    let ids: Vec<RecordId> = leads.iter().map(|l| RecordId::from(l.as_str())).collect();
    let many = h.send(&AddTagsToRecords::of("Leads", ids.clone(), &["Cold"])).await;
    assert_eq!(many.successes().count(), 3);
    assert_eq!(count(h, &hot).await, Some(1));
    assert_eq!(count(h, &cold).await, Some(3));
    let listed = h.send(&GetTags::of("Leads")).await.unwrap_or_default();
    let names: Vec<&str> = listed.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Hot", "Cold", "Fresh"]);

    assert!(h.send(&RemoveTags::of("Leads", leads[0].as_str(), &["fresh"])).await.all_succeeded());
    assert_eq!(tags_of(h, &leads[0]), ["Hot", "Cold"]);
    let off = h.send(&RemoveTagsFromRecords::of("Leads", ids[1..].to_vec(), &["Cold"])).await;
    assert!(off.all_succeeded());
    assert_eq!(count(h, &cold).await, Some(1));

    let renamed = h.send(&UpdateTags { module: "Leads".into(), tags: vec![TagChange::rename(hot.clone(), "Warm")] }).await;
    assert!(renamed.all_succeeded());
    assert_eq!(tags_of(h, &leads[0]), ["Warm", "Cold"]);
    assert!(h.send(&UpdateTag::rename(hot.clone(), "Leads", "Hottest")).await.all_succeeded());
    assert_eq!(tags_of(h, &leads[0]), ["Hottest", "Cold"]);

    // Merging Cold into Hottest: the lead keeps one tag.
    assert!(h.send(&MergeTags::of(cold.clone(), hot.clone())).await.all_succeeded());
    assert_eq!(tags_of(h, &leads[0]), ["Hottest"]);
    assert_eq!(count(h, &hot).await, Some(1));

    assert!(h.send(&DeleteTag { id: hot.clone() }).await.all_succeeded());
    assert!(tags_of(h, &leads[0]).is_empty());

    let tags = h.send(&GetTags::of("Leads")).await.unwrap_or_default();
    let left: Vec<RecordId> = tags.tags.iter().map(|t| t.id.clone()).collect();
    assert_eq!(left.len(), 1, "Fresh is left");
    let module_id = module_id(h).await;
    let scheduled = h.send(&MassDeleteTags::of(module_id, "Leads", left)).await;
    let job = scheduled.job_id().unwrap();
    let status = h.send(&GetMassDeleteTagsStatus { job_id: job }).await;
    assert_eq!(status.mass_delete[0].status, "COMPLETED");
    assert_eq!(status.mass_delete[0].deleted_count, 1);
    assert!(h.send(&GetTags::of("Leads")).await.unwrap_or_default().tags.is_empty());
}

/// The id of the Leads module, as mass delete names it.
async fn module_id(h: &Harness) -> String {
    let modules = h.client.send(&GetModules::all()).await.unwrap().unwrap_or_default();
    let leads = modules.modules.iter().find(|m| m.api_name == "Leads").unwrap();
    leads.id.clone().unwrap()
}
