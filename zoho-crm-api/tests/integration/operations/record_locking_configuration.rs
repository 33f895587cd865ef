use zoho_crm_api::record_locking_configuration::*;
use zoho_crm_api::runtime::{zoho_endpoint, Outcomes, RecordId};
use zoho_crm_api::setting::{Criteria, Ref};

use crate::operations::harness::{id_of, Harness};

#[zoho_endpoint(POST "/Leads", scope = "ZohoCRM.modules.leads.CREATE")]
struct InsertLead {
    #[zoho(rename = "Last_Name")]
    last_name: String,
    #[zoho(rename = "Lead_Status")]
    status: String,
}

#[zoho_endpoint(PUT "/Leads/<id>", scope = "ZohoCRM.modules.leads.UPDATE")]
struct UpdateLead {
    id: RecordId,
    #[zoho(rename = "Last_Name")]
    last_name: Option<String>,
    #[zoho(rename = "Description")]
    description: Option<String>,
}

#[zoho_endpoint(DELETE "/Leads/<id>", scope = "ZohoCRM.modules.leads.DELETE")]
struct DeleteLead {
    id: RecordId,
}

async fn lead(h: &Harness, status: &str) -> RecordId {
    let call = InsertLead { last_name: "Locked".into(), status: status.into() };
    let outcomes: Outcomes = h.client.send(&call).await.expect("the lead is inserted");
    outcomes[0].as_ref().unwrap().id().unwrap()
}

async fn rename(h: &Harness, id: &RecordId) -> Outcomes {
    let call = UpdateLead { id: id.clone(), last_name: Some("Renamed".into()), description: None };
    h.client.send(&call).await.expect("an answer per record")
}

pub async fn probe(h: &mut Harness) {
    let junk = lead(h, "Junk Lead").await;
    let rule = LockingRule::new("Junk", Criteria::compare("Lead_Status", "equal", "Junk Lead"))
        .with_lock_existing_records(true);
    let config = RecordLockingConfiguration::new("automatic")
        .with_locking_rules(vec![rule])
        .with_excluded_fields(vec![Ref::api_name("Description")]);
    let created = h.send(&AddRecordLockingConfiguration::new("Leads", vec![config])).await;
    let id = id_of(&created, 0);

    // The junk lead is locked: a rename is refused, its excluded field still changes.
    let refused = rename(h, &junk).await;
    assert_eq!(refused[0].as_ref().unwrap_err().code.as_str(), "RECORD_LOCKED");
    let note = UpdateLead { id: junk.clone(), last_name: None, description: Some("spam".into()) };
    let noted: Outcomes = h.client.send(&note).await.unwrap();
    assert!(noted.all_succeeded());
    let open = lead(h, "Contacted").await;
    assert!(rename(h, &open).await.all_succeeded());

    let list = h.send(&GetRecordLockingConfigurations::new("Leads")).await.unwrap();
    assert_eq!(list.record_locking_configurations.len(), 1);
    let filtered = GetRecordLockingConfigurations::new("Leads").with_feature_type("record_locking");
    assert!(h.send(&filtered).await.is_some());
    assert!(h.send(&GetRecordLockingConfigurations::new("Contacts")).await.is_none());

    // Deletes are refused once the configuration restricts them.
    let restrict = RecordLockingConfiguration::default().with_restricted_actions(vec!["delete".into()]);
    let call = UpdateRecordLockingConfiguration::new(&id, "Leads", vec![restrict]);
    assert!(h.send(&call).await.all_succeeded());
    let delete: Outcomes = h.client.send(&DeleteLead { id: junk.clone() }).await.unwrap();
    assert_eq!(delete[0].as_ref().unwrap_err().code.as_str(), "RECORD_LOCKED");
    let portal = RecordLockingConfiguration::default().with_id(&id).with_lock_for_portal_users(true);
    let call = UpdateRecordLockingConfigurations::new("Leads", vec![portal]);
    assert!(h.send(&call).await.all_succeeded());
    let one = h.send(&GetRecordLockingConfiguration::new(&id, "Leads")).await.unwrap();
    let config = &one.record_locking_configurations[0];
    assert_eq!(config.lock_for_portal_users, Some(true));
    assert_eq!(config.restricted_actions, Some(vec!["delete".to_owned()]));

    // Without the configuration the lead is editable again.
    assert!(h.send(&DeleteRecordLockingConfiguration::new(&id, "Leads")).await.all_succeeded());
    assert!(rename(h, &junk).await.all_succeeded());
    let manual = RecordLockingConfiguration::new("manual");
    let created = h.send(&AddRecordLockingConfiguration::new("Leads", vec![manual])).await;
    let manual_id = id_of(&created, 0);
    let call = DeleteRecordLockingConfigurations::new("Leads", [manual_id]);
    assert!(h.send(&call).await.all_succeeded());
}
