use zoho_crm_api::runtime::Error;
use zoho_crm_api::user_groups::{CreateGroups, NewGroup, Source};
use zoho_crm_api::users::{
    CreateUsers, DeleteUser, GetAssociatedGroups, GetTransferStatus, GetUser, GetUsers,
    GetUsersCount, NewUser, Transfer, TransferAndDeleteUser, TransferAndDeleteUsers,
    UpdateUser, UpdateUsers, UserChange,
};
use zoho_crm_api::RecordId;

use crate::operations::harness::Harness;

/// The status and code of Zoho's refusal of a request as a whole (a write whose items are all
/// refused answers them as its outcomes instead: `Harness::refused`).
pub fn refusal(error: &Error) -> (u16, String) {
    match error {
        Error::Api { status, code, .. } => (*status, code.to_string()),
        other => panic!("not a refusal of the request: {other:?}"),
    }
}

pub async fn probe(h: &mut Harness) {
    let all = h.send(&GetUsers::all()).await.expect("users");
    assert_eq!(all.users.len(), 4);
    assert_eq!(all.info.count, Some(4));
    let admin = &all.users[0];
    assert_eq!(admin.full_name.as_deref(), Some("Patricia Boyle"));
    let (role, profile) = (admin.role.clone().unwrap().id, admin.profile.clone().unwrap().id);
    let paged = h.send(&GetUsers::all().with_page(2, 3)).await.expect("page 2");
    assert_eq!((paged.users.len(), paged.info.more_records), (1, false));

    let shawn = NewUser::new("Shawn", "shawn@zylker.com", role.clone(), profile.clone());
    let added = h.send(&CreateUsers::one(shawn.with_first_name("Jo"))).await;
    let shawn = added.ids()[0].clone().expect("an id");
    let read = h.send(&GetUser::of(shawn.clone())).await.expect("shawn");
    assert_eq!(read.users[0].full_name.as_deref(), Some("Jo Shawn"));
    assert_eq!(read.users[0].confirm, Some(false));

    refusals(h, &role, &profile).await;

    let mut change = UserChange::of(shawn.clone());
    change.phone = Some("+1 555 0100".into());
    assert!(h.send(&UpdateUsers { users: vec![change] }).await.all_succeeded());
    let mut change = UserChange::default();
    change.status = Some("disabled".into());
    h.send(&UpdateUser::of(shawn.clone(), change)).await;
    let read = h.send(&GetUser::of(shawn.clone())).await.expect("shawn");
    assert_eq!(read.users[0].phone.as_deref(), Some("+1 555 0100"));
    assert_eq!(read.users[0].status.as_deref(), Some("disabled"));
    let inactive = h.send(&GetUsersCount { kind: Some("DeactiveUsers".into()) }).await;
    assert_eq!(inactive.count, 1);

    let ryan = all.users[1].id.clone();
    let groups = h.send(&GetAssociatedGroups::of(ryan.clone())).await.expect("groups");
    assert_eq!(groups.user_groups[0].name.as_deref(), Some("Sales Team"));
    let kevin = all.users[3].id.clone();
    let solo = NewGroup::new("Kevin alone", [Source::user(kevin.clone())]);
    h.send(&CreateGroups::one(solo)).await;
    let groups = h.send(&GetAssociatedGroups::of(kevin.clone())).await.expect("groups");
    assert_eq!(groups.user_groups.len(), 2, "Sales Team by role, and his own");

    assert!(h.send(&DeleteUser { user: shawn.clone() }).await.all_succeeded());
    let deleted = h.send(&GetUsers::of_type("DeletedUsers")).await.expect("deleted");
    assert_eq!(deleted.users[0].id, shawn);
    assert_eq!(h.refused(&DeleteUser { user: shawn }).await, ["ID_ALREADY_DELETED"]);

    transfers(h, &all.users[2].id, &kevin, &ryan).await;
}

async fn refusals(h: &mut Harness, role: &RecordId, profile: &RecordId) {
    let twice = NewUser::new("Other", "SHAWN@zylker.com", role.clone(), profile.clone());
    assert_eq!(h.refused(&CreateUsers::one(twice)).await, ["DUPLICATE_DATA"]);
    let unknown = NewUser::new("Other", "other@zylker.com", "1234", profile.clone());
    assert_eq!(h.refused(&CreateUsers::one(unknown)).await, ["INVALID_DATA"]);
    let unknown = NewUser::new("Other", "other@zylker.com", role.clone(), "1234");
    assert_eq!(h.refused(&CreateUsers::one(unknown)).await, ["INVALID_DATA"]);
    let error = h.send_err(&GetUsers::of_type("Everyone")).await;
    assert_eq!(refusal(&error), (400, "INVALID_DATA".into()));
}

/// Amelia's records go to Kevin, then Kevin's to Ryan; the records' owners move with them.
async fn transfers(h: &mut Harness, amelia: &RecordId, kevin: &RecordId, ryan: &RecordId) {
    let owned_by = |h: &Harness, id: &RecordId| {
        h.sandbox
            .records("Leads")
            .iter()
            .filter(|r| r["Owner"]["id"] == id.as_str())
            .count()
    };
    let (amelia_had, kevin_had) = (owned_by(h, amelia), owned_by(h, kevin));
    assert!(amelia_had > 0, "the generated leads are spread over the users");
    let one = h.send(&TransferAndDeleteUser::to(amelia.clone(), kevin.clone())).await;
    let job = one.first().unwrap().as_ref().unwrap().details.str("jobId").unwrap().to_owned();
    assert_eq!((owned_by(h, amelia), owned_by(h, kevin)), (0, amelia_had + kevin_had));
    let status = h.send(&GetTransferStatus { job_id: job.into() }).await;
    assert_eq!(status.transfer_and_delete[0].status, "completed");

    let many = TransferAndDeleteUsers { transfer_and_delete: vec![Transfer::new(kevin.clone(), ryan.clone())] };
    assert!(h.send(&many).await.all_succeeded());
    assert_eq!(owned_by(h, kevin), 0);
    let active = h.send(&GetUsersCount { kind: Some("ActiveUsers".into()) }).await;
    assert_eq!(active.count, 2);
}
