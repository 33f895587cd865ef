use zoho_crm_api::mass_delete::{GetMassDeleteStatus, MassDelete};
use zoho_sandbox::RecordState;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let task = |subject: &str| {
        let fields = format!(r#"{{"Subject": "{subject}"}}"#);
        h.sandbox.insert_record("Tasks", fields.parse().unwrap()).unwrap()
    };
    let (a, b) = (task("Call"), task("Write"));
    let outcomes = h.send(&MassDelete::ids("Tasks", [a.as_str(), "12345"])).await;
    assert!(outcomes[0].is_ok() && outcomes[1].is_err());
    assert!(h.sandbox.record("Tasks", &a).is_none());

    assert!(h.sandbox.set_record_state("Tasks", &b, RecordState::Locked));
    let total = h.sandbox.records("Tasks").len() as u64;
    let cvid = h.sandbox.custom_view_id("Tasks").unwrap();
    let scheduled = h.send(&MassDelete::by_view("Tasks", cvid)).await;
    let job_id = scheduled[0].as_ref().unwrap().details.job_id().unwrap();
    let status = h.send(&GetMassDeleteStatus::of("Tasks", job_id)).await;
    let row = status.row().unwrap();
    assert_eq!((row.status.as_str(), row.total_count), ("COMPLETED", total));
    assert_eq!((row.deleted_count, row.failed_count), (total - 1, 1));
    assert_eq!(h.sandbox.records("Tasks").len(), 1, "the locked task stays");
}
