use zoho_crm_api::change_owner::ChangeOwner;
use zoho_crm_api::composite::{Composite, SubRequest};
use zoho_crm_api::mass_delete::MassDelete;

use crate::operations::harness::Harness;

const RYAN: &str = "738964000000291021";

pub async fn probe(h: &mut Harness) {
    let sandbox = &h.sandbox;
    let lead = || sandbox.insert_record("Leads", r#"{"Last_Name": "Moss"}"#.parse().unwrap()).unwrap();
    let (a, b, c) = (lead(), lead(), lead());
    let owner = SubRequest::from_endpoint(&ChangeOwner::of("Leads", a.as_str(), RYAN)).unwrap().with_id("owner");
    let delete = SubRequest::from_endpoint(&MassDelete::ids("Leads", [b.as_str()])).unwrap().with_id("delete");
    let answer = h.send(&Composite::of([owner, delete])).await;
    assert_eq!(answer.responses.len(), 2);
    assert_eq!(answer.responses[0].sub_request_id.as_deref(), Some("owner"));
    assert!(answer.responses.iter().all(|r| r.status_code() == Some(200)));
    assert_eq!(h.sandbox.record("Leads", &a).unwrap()["Owner"]["id"], RYAN);
    assert!(h.sandbox.record("Leads", &b).is_none());

    let good = SubRequest::from_endpoint(&MassDelete::ids("Leads", [c.as_str()])).unwrap();
    let bad = SubRequest::from_endpoint(&ChangeOwner::of("Leads", "42", RYAN)).unwrap();
    let after = SubRequest::from_endpoint(&MassDelete::ids("Leads", [a.as_str()])).unwrap();
    let six = (0..6).map(|_| SubRequest::from_endpoint(&MassDelete::ids("Leads", ["1"])).unwrap());
    let error = h.send_err(&Composite::of(six)).await;
    assert!(error.to_string().contains("INVALID_DATA"), "more than five: {error}");
    let answer = h.send(&Composite::of([good, bad, after]).with_rollback()).await;
    let codes: Vec<&str> = answer.responses.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["ROLLBACK_PERFORMED", "SUCCESS", "PROCESSING_STOPPED"]);
    assert!(h.sandbox.record("Leads", &c).is_some(), "the delete was undone");
    assert!(h.sandbox.record("Leads", &a).is_some(), "the last was not run");
}
