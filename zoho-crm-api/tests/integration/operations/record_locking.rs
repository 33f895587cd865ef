use zoho_crm_api::record_locking::{GetLock, GetLocks, LockRecord, UnlockRecord, UpdateLock};
use zoho_crm_api::runtime::{Client, Code};

use crate::operations::harness::Harness;

/// An update of the lead through a declared call of the records API.
#[zoho_crm_api::zoho_endpoint(PUT "/Leads/<id>", scope = "ZohoCRM.modules.leads.UPDATE")]
struct RenameLead {
    id: zoho_crm_api::RecordId,
    #[zoho(rename = "Last_Name")]
    last_name: String,
}

async fn rename(client: &Client, id: &str) -> Option<Code> {
    let call = RenameLead { id: id.into(), last_name: "Lamb".into() };
    let outcomes = call.send(client).await.unwrap();
    outcomes[0].as_ref().err().map(|e| e.code.clone())
}

pub async fn probe(h: &mut Harness) {
    let lead = h.sandbox.insert_record("Leads", r#"{"Last_Name": "Moss"}"#.parse().unwrap()).unwrap();
    assert!(h.send(&GetLocks::of("Leads", lead.as_str())).await.is_none());
    let locked = h.send(&LockRecord::of("Leads", lead.as_str()).with_reason("audit")).await;
    let lock_id = locked[0].as_ref().unwrap().id().unwrap();
    assert_eq!(rename(&h.client, &lead).await.map(|c| c.as_str().to_owned()).as_deref(), Some("RECORD_LOCKED"));

    let update = UpdateLock { module: "Leads".into(), record_id: lead.as_str().into(), lock_id: lock_id.clone(), reason: "review".into() };
    assert!(h.send(&update).await.all_succeeded());
    let one = h.send(&GetLock::of("Leads", lead.as_str(), lock_id.clone())).await.unwrap();
    assert_eq!(one.data[0].reason.as_deref(), Some("review"));
    let all = h.send(&GetLocks::of("Leads", lead.as_str())).await.unwrap();
    assert_eq!(all.data.len(), 1);

    assert!(h.send(&UnlockRecord::of("Leads", lead.as_str(), lock_id)).await.all_succeeded());
    assert_eq!(rename(&h.client, &lead).await, None);
    assert_eq!(h.sandbox.record("Leads", &lead).unwrap()["Last_Name"], "Lamb");
}
