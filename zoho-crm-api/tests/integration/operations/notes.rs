use serde_json::json;
use zoho_crm_api::notes::{
    AddNotes, DeleteNote, DeleteNotes, GetNote, GetNotes, NewNote, NoteChange, UpdateNote,
    UpdateNotes,
};
use zoho_crm_api::{Record, RecordId};

use crate::operations::harness::Harness;

fn title(note: &Record) -> Option<String> {
    note.get::<String>("Note_Title").unwrap()
}

fn text(note: &Record) -> Option<String> {
    note.get::<String>("Note_Content").unwrap()
}

pub async fn probe(h: &mut Harness) {
    let lead = h.sandbox.insert_record("Leads", json!({"Last_Name": "Bryant"})).unwrap();
    let notes = vec![
        NewNote::on("Leads", lead.as_str(), "Called", "Wants a quote"),
        NewNote::on("Leads", lead.as_str(), "Met", "At the fair"),
        NewNote::on("Leads", "1", "Nowhere", "No such lead"),
    ];
    let added = h.send(&AddNotes::of(notes)).await;
    assert_eq!(added.successes().count(), 2, "{added}");
    assert_eq!(added.failures().next().unwrap().0, 2);
    let ids: Vec<RecordId> = added.successes().filter_map(|(_, s)| s.id()).collect();

    let listed = h.send(&GetNotes::<Record>::all()).await;
    assert_eq!(listed.data.len(), 2);
    // Newest first.
    assert_eq!(title(&listed.data[0]).as_deref(), Some("Met"));
    let parent = listed.data[0].get::<serde_json::Value>("Parent_Id").unwrap().unwrap();
    assert_eq!(parent["id"], lead.as_str());
    let one = h.send(&GetNotes::<Record>::all().with_page(2, 1)).await;
    assert_eq!(title(&one.data[0]).as_deref(), Some("Called"));

    let changes = vec![NoteChange::content(ids[0].clone(), "Quote sent").with_title("Quoted")];
    assert!(h.send(&UpdateNotes::of(changes)).await.all_succeeded());
    let read = h.send(&GetNote::<Record>::of(ids[0].clone())).await;
    assert_eq!(title(&read.data[0]).as_deref(), Some("Quoted"));
    assert_eq!(text(&read.data[0]).as_deref(), Some("Quote sent"));

    assert!(h.send(&UpdateNote::content(ids[1].clone(), "At the spring fair")).await.all_succeeded());
    let read = h.send(&GetNote::<Record>::of(ids[1].clone())).await;
    assert_eq!(text(&read.data[0]).as_deref(), Some("At the spring fair"));

    let deleted = h.send(&DeleteNotes { ids: vec![ids[0].clone(), RecordId::new("2")] }).await;
    assert_eq!(deleted.successes().count(), 1);
    assert!(h.send(&DeleteNote { id: ids[1].clone() }).await.all_succeeded());
    assert!(h.send(&GetNotes::<Record>::all()).await.data.is_empty());
    assert!(h.send(&GetNote::<Record>::of(ids[1].clone())).await.data.is_empty());
}
