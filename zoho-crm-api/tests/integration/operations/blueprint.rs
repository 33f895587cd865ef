use zoho_crm_api::blueprint::{GetBlueprint, UpdateBlueprint};
use zoho_crm_api::Record;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let fields = r#"{"Deal_Name": "Moss", "Stage": "Qualification"}"#;
    let deal = h.sandbox.insert_record("Deals", fields.parse().unwrap()).unwrap();
    let blueprint = h.send(&GetBlueprint::of("Deals", deal.as_str())).await.blueprint;
    assert_eq!(blueprint.process_info.api_name.as_deref(), Some("Stage"));
    let qualify = &blueprint.transitions[0];
    assert_eq!(qualify.next_field_value.as_deref(), Some("Needs Analysis"));
    assert!(qualify.fields.iter().any(|f| f.api_name == "Amount" && f.mandatory));

    let without = UpdateBlueprint::take("Deals", deal.as_str(), qualify.id.clone(), Record::new());
    let error = h.send_err(&without).await;
    assert!(error.to_string().contains("MANDATORY_NOT_FOUND"), "{error}");
    let mut data = Record::new();
    data.set("Amount", 1200);
    let done = h.send(&UpdateBlueprint::take("Deals", deal.as_str(), qualify.id.clone(), data)).await;
    assert!(done.is_success());
    let stored = h.sandbox.record("Deals", &deal).unwrap();
    assert_eq!((&stored["Stage"], &stored["Amount"]), (&"Needs Analysis".into(), &1200.into()));
    let next = h.send(&GetBlueprint::of("Deals", deal.as_str())).await.blueprint;
    assert_eq!(next.transitions[0].name.as_deref(), Some("Propose"));
}
