use zoho_crm_api::related_records::{
    AssociateByExternalIds, DelinkRelatedRecord, DelinkRelatedRecordByExternalId,
    DelinkRelatedRecords, DelinkRelatedRecordsByExternalId, GetDeletedRecordRelatedRecords,
    GetRelatedRecord, GetRelatedRecordByExternalId, GetRelatedRecords,
    GetRelatedRecordsByExternalId, UpdateRelatedRecord, UpdateRelatedRecordByExternalId,
    UpdateRelatedRecords, UpdateRelatedRecordsByExternalId, UpdateRelatedRecordsV2,
};
use zoho_crm_api::{Record, RecordId};

use crate::operations::harness::Harness;

/// Seed 003's lead and its two campaigns; seed 000's role.
const LEAD: &str = "3652397000001829002";
const CAMPAIGNS: [&str; 2] = ["3652397000000327001", "3652397000001854001"];
const ROLE: &str = "111111000000026002";

fn member(id: &str, status: &str) -> Record {
    let mut record = Record::new();
    record.set("id", id).set("Member_Status", status);
    record
}

fn ids(page: &[Record]) -> Vec<String> {
    page.iter().filter_map(|r| r.id()).map(|id| id.as_str().to_owned()).collect()
}

async fn campaigns(h: &mut Harness) -> Vec<String> {
    ids(&h.send(&GetRelatedRecords::<Record>::of("Leads", LEAD, "Campaigns")).await.data)
}

fn deal(external: &str) -> Record {
    let mut record = Record::new();
    record.set("External_Deal_ID", external);
    record
}

async fn deals_of(h: &mut Harness, contact: &str) -> Vec<String> {
    let call = GetRelatedRecordsByExternalId::<Record> {
        contact: contact.into(),
        fields: Some(vec!["External_Deal_ID".into()]),
        page: None,
        per_page: None,
        record: Default::default(),
    };
    let page = h.send(&call).await;
    page.data.iter().filter_map(|d| d.get::<String>("External_Deal_ID").unwrap()).collect()
}

pub async fn probe(h: &mut Harness) {
    let members = vec![member(CAMPAIGNS[0], "Responded"), member(CAMPAIGNS[1], "Sent")];
    let linked = h.send(&UpdateRelatedRecords::of("Leads", LEAD, "Campaigns", members)).await;
    assert!(linked.all_succeeded(), "{linked}");
    assert_eq!(campaigns(h).await, CAMPAIGNS);
    let one = h.send(&GetRelatedRecord::<Record>::of("Leads", LEAD, "Campaigns", CAMPAIGNS[0])).await;
    assert_eq!(one.data[0].get::<String>("Member_Status").unwrap().as_deref(), Some("Responded"));

    let status = UpdateRelatedRecord {
        module: "Leads".into(),
        id: LEAD.into(),
        related_list: "Campaigns".into(),
        related_id: CAMPAIGNS[0].into(),
        relation: vec![member(CAMPAIGNS[0], "Opted Out")],
    };
    assert!(h.send(&status).await.all_succeeded());
    let one = h.send(&GetRelatedRecord::<Record>::of("Leads", LEAD, "Campaigns", CAMPAIGNS[0])).await;
    assert_eq!(one.data[0].get::<String>("Member_Status").unwrap().as_deref(), Some("Opted Out"));

    assert!(h.send(&DelinkRelatedRecord::of("Leads", LEAD, "Campaigns", CAMPAIGNS[0])).await.all_succeeded());
    assert_eq!(campaigns(h).await, [CAMPAIGNS[1]]);
    let unlinked = DelinkRelatedRecords {
        module: "Leads".into(),
        id: LEAD.into(),
        related_list: "Campaigns".into(),
        ids: vec![RecordId::from(CAMPAIGNS[1])],
    };
    assert!(h.send(&unlinked).await.all_succeeded());
    assert!(campaigns(h).await.is_empty());
    // Seed 003's request at v2 links both again.
    let members = vec![member(CAMPAIGNS[0], "Active"), member(CAMPAIGNS[1], "Planning")];
    let relinked = h.send(&UpdateRelatedRecordsV2::of("Leads", LEAD, "Campaigns", members)).await;
    assert_eq!(relinked.len(), 2);
    assert!(relinked.all_succeeded(), "{relinked}");
    assert_eq!(campaigns(h).await, CAMPAIGNS);
    let unlinked = DelinkRelatedRecords {
        module: "Leads".into(),
        id: LEAD.into(),
        related_list: "Campaigns".into(),
        ids: CAMPAIGNS.iter().map(|&id| RecordId::from(id)).collect(),
    };
    assert!(h.send(&unlinked).await.all_succeeded());
    let gone = GetRelatedRecord::<Record>::of("Leads", LEAD, "Campaigns", CAMPAIGNS[1]);
    assert!(h.send(&gone).await.data.is_empty());

    // By external ids: seed 000's request, then the others on contact extcontact1.
    let seed = AssociateByExternalIds { contact: "extcontact3".into(), deal: "extdeal3".into(), contact_role: ROLE.into() };
    assert!(h.send(&seed).await.all_succeeded());
    assert!(deals_of(h, "extcontact3").await.contains(&"extdeal3".to_owned()));
    let c = "extcontact1";
    let linked = UpdateRelatedRecordsByExternalId { contact: c.into(), records: vec![deal("extdeal1"), deal("extdeal2")] };
    assert!(h.send(&linked).await.all_succeeded());
    assert_eq!(deals_of(h, c).await, ["extdeal1", "extdeal2"]);
    let mut role = Record::new();
    role.set("Contact_Role", ROLE);
    let one = UpdateRelatedRecordByExternalId { contact: c.into(), deal: "extdeal3".into(), relation: vec![role] };
    assert!(h.send(&one).await.all_succeeded());
    let read = GetRelatedRecordByExternalId::<Record> { contact: c.into(), deal: "extdeal3".into(), record: Default::default() };
    assert_eq!(h.send(&read).await.data.len(), 1);
    let off = DelinkRelatedRecordByExternalId { contact: c.into(), deal: "extdeal3".into() };
    assert!(h.send(&off).await.all_succeeded());
    let off = DelinkRelatedRecordsByExternalId { contact: c.into(), ids: vec!["extdeal1".into()] };
    assert!(h.send(&off).await.all_succeeded());
    assert_eq!(deals_of(h, c).await, ["extdeal2"]);

    // A deleted lead's campaigns: the sandbox keeps no recycle bin, so none.
    let deleted = GetDeletedRecordRelatedRecords::<Record> {
        module: "Leads".into(),
        id: RecordId::from("1"),
        related_list: "Campaigns".into(),
        fields: None,
        ids: None,
        page: None,
        per_page: None,
        record: Default::default(),
    };
    assert!(h.send(&deleted).await.data.is_empty());
}
