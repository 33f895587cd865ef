use zoho_crm_api::records::{
    CloneRecord, CountRecords, DeleteRecord, DeleteRecords, FetchFullData, FetchRecordFullData,
    GetDeletedRecords, GetRecord, GetRecords, InsertRecords, UpdateRecord, UpdateRecordV2,
    UpdateRecords, UpsertRecords,
};
use zoho_crm_api::{Outcomes, Record, RecordId};

use crate::operations::harness::Harness;

fn lead(name: &str) -> Record {
    let mut lead = Record::new();
    lead.set("Last_Name", name)
        .set("Company", "Zylker")
        .set("Email", format!("{}@zylker.example", name.to_lowercase()));
    lead
}

fn with(mut record: Record, field: &str, value: &str) -> Record {
    record.set(field, value);
    record
}

fn ids(outcomes: &Outcomes) -> Vec<RecordId> {
    outcomes.successes().filter_map(|(_, s)| s.id()).collect()
}

fn text(record: &Record, field: &str) -> Option<String> {
    record.get::<String>(field).expect("a text field")
}

pub async fn probe(h: &mut Harness) {
    let ids = insert(h).await;
    read(h, &ids).await;
    write(h, &ids).await;
    delete(h, &ids).await;
}

async fn insert(h: &mut Harness) -> Vec<RecordId> {
    let call = InsertRecords::new("Leads", vec![lead("Okonkwo"), lead("Varga"), lead("Ibarra")]);
    let outcomes = h.send(&call).await;
    let ids = ids(&outcomes);
    assert_eq!(ids.len(), 3, "{outcomes:?}");
    ids
}

async fn read(h: &mut Harness, ids: &[RecordId]) {
    let one = h.send(&GetRecord::<Record>::of("Leads", ids[0].clone())).await;
    assert_eq!(text(&one.data[0], "Last_Name").as_deref(), Some("Okonkwo"));

    let call = GetRecords::<Record>::new("Leads", ["Last_Name"]).with_per_page(2);
    let page = h.send(&call).await;
    assert_eq!(page.data.len(), 2);
    assert!(page.info.more_records && page.info.next_page_token.is_some());

    let count = h.send(&CountRecords::of("Leads")).await;
    assert_eq!(count.count as usize, h.sandbox.records("Leads").len());
    let matching = CountRecords::of("Leads").matching("(Last_Name:equals:Varga)");
    assert_eq!(h.send(&matching).await.count, 1);

    let full = h
        .send(&FetchFullData::<Record>::new("Leads", ids.to_vec(), ["Last_Name"]))
        .await;
    assert_eq!(full.data.len(), 3);
    let full = FetchRecordFullData::<Record>::new("Leads", ids[1].clone(), ["Last_Name"]);
    assert_eq!(text(&h.send(&full).await.data[0], "Last_Name").as_deref(), Some("Varga"));
}

async fn write(h: &mut Harness, ids: &[RecordId]) {
    let change = with(Record::new(), "Company", "Kintra");
    let outcomes = h.send(&UpdateRecord::new("Leads", ids[0].clone(), change)).await;
    assert!(outcomes.all_succeeded(), "{outcomes:?}");
    // Seed 002's request at v2.
    let v2 = UpdateRecordV2::new("Leads", ids[2].clone(), with(Record::new(), "Designation", "Buyer"));
    let outcomes = h.send(&v2).await;
    assert!(outcomes.all_succeeded(), "{outcomes:?}");
    assert_eq!(h.sandbox.record("Leads", ids[2].as_str()).unwrap()["Designation"], "Buyer");
    let many = vec![with(with(Record::new(), "id", ids[1].as_str()), "Company", "Kintra")];
    assert!(h.send(&UpdateRecords::new("Leads", many)).await.all_succeeded());
    for id in &ids[..2] {
        let stored = h.sandbox.record("Leads", id.as_str()).expect("stored");
        assert_eq!(stored["Company"], "Kintra");
    }

    let again = UpsertRecords::new("Leads", vec![with(lead("Ibarra"), "Company", "Upserted")])
        .matching(["Email"]);
    let outcomes = h.send(&again).await;
    assert_eq!(self::ids(&outcomes), vec![ids[2].clone()], "the upsert updates Ibarra");
    assert_eq!(h.sandbox.record("Leads", ids[2].as_str()).unwrap()["Company"], "Upserted");

    let copy = CloneRecord::of("Leads", ids[0].clone())
        .with_values(with(Record::new(), "Email", "copy@zylker.example"));
    let outcomes = h.send(&copy).await;
    let copy_id = self::ids(&outcomes)[0].clone();
    assert_ne!(copy_id, ids[0]);
    let stored = h.sandbox.record("Leads", copy_id.as_str()).expect("the copy");
    assert_eq!((&stored["Last_Name"], &stored["Company"]), (&"Okonkwo".into(), &"Kintra".into()));
}

async fn delete(h: &mut Harness, ids: &[RecordId]) {
    assert!(h.send(&DeleteRecord::of("Leads", ids[0].clone())).await.all_succeeded());
    let outcomes = h.send(&DeleteRecords::new("Leads", ids[1..].to_vec())).await;
    assert!(outcomes.all_succeeded(), "{outcomes:?}");
    assert!(h.sandbox.record("Leads", ids[0].as_str()).is_none());

    let deleted = h.send(&GetDeletedRecords::of("Leads")).await;
    let listed: Vec<&RecordId> = deleted.data.iter().map(|d| &d.id).collect();
    for id in ids {
        assert!(listed.contains(&id), "{id} is not among the deleted: {listed:?}");
    }
    let named = deleted.data.iter().find(|d| d.id == ids[0]).unwrap();
    assert_eq!(named.display_name.as_deref(), Some("Okonkwo"));
    let permanent = h.send(&GetDeletedRecords::of("Leads").of_type("permanent")).await;
    assert!(permanent.data.is_empty());
}
