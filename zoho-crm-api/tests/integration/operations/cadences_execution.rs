use zoho_crm_api::cadences_execution::*;

use crate::operations::harness::Harness;

const NURTURE: &str = "5725767000000231401";
const LEAD: &str = "738964000002148061";

pub async fn probe(h: &mut Harness) {
    let enrolled = h.send(&EnrolInCadences::new("Leads", [NURTURE], [LEAD, "1"])).await;
    assert!(enrolled[0].is_ok() && enrolled[1].is_err());
    let out = h.send(&UnenrolFromCadences::new("Leads", [NURTURE], [LEAD])).await;
    assert!(out.all_succeeded());
    // Taken out once, the lead is no longer enrolled.
    let again = h.send(&UnenrolFromCadences::new("Leads", [NURTURE], [LEAD])).await;
    let refused = again[0].as_ref().unwrap_err();
    assert_eq!(refused.message, "the record is not enrolled in the cadence");
    // The cadence is a lead cadence: contacts cannot be enrolled in it.
    let wrong = h.send_err(&EnrolInCadences::new("Contacts", [NURTURE], [LEAD])).await;
    assert!(wrong.to_string().contains("INVALID_DATA"), "{wrong}");
}
