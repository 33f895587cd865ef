use zoho_crm_api::records::GetRecord;
use zoho_crm_api::runtime::Error;
use zoho_crm_api::territory_assignment::{
    AssignRecordTerritories, AssignTerritories, HeldTerritory, RecordTerritories,
    RemoveRecordTerritories, RemoveTerritories,
};
use zoho_crm_api::{Record, RecordId};

use crate::operations::harness::Harness;

const ZYLKER: &str = "738964000000350001";
const EMEA: &str = "738964000000350004";

async fn held(h: &mut Harness, module: &str, id: &str) -> Vec<String> {
    let page = h.send(&GetRecord::<Record>::of(module, id)).await;
    let held: Vec<HeldTerritory> = page.data[0].get("Territories").unwrap().unwrap_or_default();
    held.into_iter().map(|t| t.name).collect()
}

pub async fn probe(h: &mut Harness) {
    let a = h.sandbox.insert_record("Accounts", r#"{"Account_Name": "Alpha"}"#.parse().unwrap()).unwrap();
    let b = h.sandbox.insert_record("Accounts", r#"{"Account_Name": "Beta"}"#.parse().unwrap()).unwrap();

    // Several records at once; one id names no record.
    let call = AssignTerritories::of("Accounts", vec![
        RecordTerritories::new(a.as_str(), [ZYLKER, EMEA]),
        RecordTerritories::new(b.as_str(), [EMEA]),
        RecordTerritories::new("111", [EMEA]),
    ]);
    let outcomes = h.send(&call).await;
    assert!(outcomes[0].is_ok() && outcomes[1].is_ok(), "{outcomes:?}");
    assert_eq!(outcomes[2].as_ref().unwrap_err().code.as_str(), "INVALID_DATA");
    assert_eq!(held(h, "Accounts", &a).await, ["Zylker", "EMEA"]);
    assert_eq!(held(h, "Accounts", &b).await, ["EMEA"]);

    // One record; an unknown territory is refused and changes nothing.
    let unknown = AssignRecordTerritories::of("Accounts", b.as_str(), ["738964000000359999"]);
    let outcomes = h.send(&unknown).await;
    let refused = outcomes[0].as_ref().unwrap_err();
    assert_eq!(refused.code.as_str(), "INVALID_DATA");
    assert_eq!(held(h, "Accounts", &b).await, ["EMEA"]);
    let again = AssignRecordTerritories::of("Accounts", b.as_str(), [ZYLKER, EMEA]);
    assert!(h.send(&again).await.all_succeeded());
    assert_eq!(held(h, "Accounts", &b).await, ["EMEA", "Zylker"]);

    // A deal holds one territory.
    let deal = h.sandbox.insert_record("Deals", r#"{"Deal_Name": "Big", "Stage": "Qualification"}"#.parse().unwrap()).unwrap();
    assert!(h.send(&AssignRecordTerritories::of("Deals", deal.as_str(), [EMEA])).await.all_succeeded());
    let second = h.send(&AssignRecordTerritories::of("Deals", deal.as_str(), [ZYLKER])).await;
    assert_eq!(second[0].as_ref().unwrap_err().code.as_str(), "LIMIT_EXCEEDED");

    // Removal, by many and by one.
    let remove = RemoveTerritories::of("Accounts", vec![RecordTerritories::new(a.as_str(), [ZYLKER])]);
    assert!(h.send(&remove).await.all_succeeded());
    assert_eq!(held(h, "Accounts", &a).await, ["EMEA"]);
    let remove = RemoveRecordTerritories::of("Accounts", b.as_str(), [ZYLKER, EMEA]);
    assert!(h.send(&remove).await.all_succeeded());
    assert!(held(h, "Accounts", &b).await.is_empty());

    // Only Leads, Accounts, Contacts and Deals hold territories.
    let task: RecordId = h.sandbox.insert_record("Tasks", r#"{"Subject": "Call"}"#.parse().unwrap()).unwrap().into();
    match h.send_err(&AssignRecordTerritories::of("Tasks", task, [EMEA])).await {
        Error::Api { code, .. } => assert_eq!(code.as_str(), "INVALID_MODULE"),
        other => panic!("{other:?}"),
    }
}
