use zoho_crm_api::mass_change_owner::{GetMassChangeOwnerStatus, MassChangeOwner};

use crate::operations::harness::Harness;

const RYAN: &str = "738964000000291021";

pub async fn probe(h: &mut Harness) {
    for name in ["Moss Supplies", "Lamb Parts"] {
        let fields = format!(r#"{{"Vendor_Name": "{name}"}}"#);
        h.sandbox.insert_record("Vendors", fields.parse().unwrap()).unwrap();
    }
    let cvid = h.sandbox.custom_view_id("Vendors").unwrap();
    let total = h.sandbox.records("Vendors").len() as u64;
    let scheduled = h.send(&MassChangeOwner::by_view("Vendors", cvid, RYAN)).await;
    let job_id = scheduled[0].as_ref().unwrap().details.job_id().unwrap();
    let status = h.send(&GetMassChangeOwnerStatus::of("Vendors", job_id)).await;
    let row = status.row().unwrap();
    assert_eq!((row.status.as_str(), row.updated_count, row.total_count), ("COMPLETED", total, total));
    assert!(h.sandbox.records("Vendors").iter().all(|v| v["Owner"]["id"] == RYAN));

    let unknown = MassChangeOwner::by_view("Vendors", cvid, "1");
    let error = h.send_err(&unknown).await;
    assert!(error.to_string().contains("INVALID_DATA"), "{error}");
}
