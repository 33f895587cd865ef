use zoho_crm_api::portal_invite::*;
use zoho_crm_api::portal_user_type::{CreateUserType, UserType};
use zoho_crm_api::portals::{CreatePortal, Portal};
use zoho_crm_api::runtime::{zoho_endpoint, Outcomes};

use crate::operations::harness::{id_of, Harness};

#[zoho_endpoint(POST "/Contacts", scope = "ZohoCRM.modules.contacts.CREATE")]
struct InsertContact {
    #[zoho(rename = "Last_Name")]
    last_name: String,
}

async fn contact(h: &Harness) -> String {
    let outcomes: Outcomes = h.client.send(&InsertContact { last_name: "Guest".into() }).await.unwrap();
    outcomes[0].as_ref().unwrap().id().unwrap().to_string()
}

pub async fn probe(h: &mut Harness) {
    assert!(h.send(&CreatePortal::new(vec![Portal::new("ZylkerCare")])).await.all_succeeded());
    let created = h.send(&CreateUserType::new("ZylkerCare", vec![UserType::new("Customers", vec![])])).await;
    let user_type = id_of(&created, 0);
    let (one, two, three) = (contact(h).await, contact(h).await, contact(h).await);

    let invite = InviteUser::new("Contacts", &one, &user_type, "invite", "en_US");
    assert!(h.send(&invite).await.all_succeeded());
    assert_eq!(h.refused(&invite).await, ["ALREADY_INVITED"]);
    let reinvite = InviteUser::new("Contacts", &one, &user_type, "reinvite", "en_US");
    assert!(h.send(&reinvite).await.all_succeeded());

    let data = vec![
        Invitation::new(&two, &user_type, "invite", "en_US"),
        Invitation::new(&three, &user_type, "reinvite", "en_US"),
    ];
    let job = h.send(&BulkInviteUsers::new("Contacts", vec![InvitationBatch { data }])).await;
    let job_id = job[0].as_ref().unwrap().details.job_id().unwrap().to_string();
    let status = h.send(&GetBulkInviteStatus::new("Contacts", &job_id)).await.unwrap();
    let job = &status.jobs[0];
    assert_eq!(job.status.as_deref(), Some("completed"));
    // The second was never invited, so it cannot be reinvited.
    let codes: Vec<_> = job.data.iter().map(|o| o["code"].as_str().unwrap_or("")).collect();
    assert_eq!(codes, ["SUCCESS", "INVALID_DATA"]);
}
