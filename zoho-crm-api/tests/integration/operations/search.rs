use zoho_crm_api::records::InsertRecords;
use zoho_crm_api::search::SearchRecords;
use zoho_crm_api::Record;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let leads: Vec<Record> = (0..5)
        .map(|i| {
            let mut lead = Record::new();
            lead.set("Last_Name", format!("Searchable{i}")).set("Company", "Zylker");
            lead
        })
        .collect();
    assert!(h.send(&InsertRecords::new("Leads", leads)).await.all_succeeded());

    let call = SearchRecords::<Record>::criteria("Leads", "(Last_Name:starts_with:Searchable)")
        .with_per_page(2);
    let page = h.send(&call).await;
    assert_eq!((page.data.len(), page.info.more_records), (2, true));

    // Every match, page by page.
    let call = SearchRecords::<Record>::criteria("Leads", "(Last_Name:starts_with:Searchable)")
        .with_per_page(2);
    let mut all = h.client.records(call);
    let mut found = 0;
    while let Some(record) = all.next_record().await {
        record.expect("a record");
        found += 1;
    }
    assert_eq!(found, 5);

    let none = h.send(&SearchRecords::<Record>::word("Leads", "nothing-like-it")).await;
    assert!(none.data.is_empty());
}
