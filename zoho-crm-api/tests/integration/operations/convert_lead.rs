use zoho_crm_api::convert_lead::{ConversionOptions, ConvertLead, Converted, GetConversionOptions};
use zoho_crm_api::Record;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let account = h.sandbox.insert_record("Accounts", r#"{"Account_Name": "Moss Ltd"}"#.parse().unwrap()).unwrap();
    let fields = r#"{"Last_Name": "Moss", "Company": "Moss Ltd", "Email": "moss@example.com", "City": "Leeds"}"#;
    let lead = h.sandbox.insert_record("Leads", fields.parse().unwrap()).unwrap();

    let options: ConversionOptions = h.send(&GetConversionOptions::of(lead.as_str())).await;
    let accounts = options.options.accounts.unwrap_or_default();
    assert_eq!(accounts.len(), 1);
    assert_eq!(accounts[0].id().unwrap().as_str(), account);

    let mut deal = Record::new();
    deal.set("Deal_Name", "Moss order").set("Stage", "Qualification");
    let missing = Record::new();
    let refused = h.send(&ConvertLead::of(lead.as_str()).with_deal(missing)).await;
    assert!(refused[0].is_err(), "a deal without its mandatory fields is refused");
    assert!(h.sandbox.record("Leads", &lead).is_some(), "and the lead stays");

    assert!(h.sandbox.set_record_state("Leads", &lead, zoho_sandbox::RecordState::Locked));
    let locked = h.send(&ConvertLead::of(lead.as_str())).await;
    assert_eq!(locked[0].as_ref().unwrap_err().code.as_str(), "RECORD_LOCKED");
    h.sandbox.set_record_state("Leads", &lead, zoho_sandbox::RecordState::Normal);

    let call = ConvertLead::of(lead.as_str()).into_account(account.as_str()).with_deal(deal);
    let outcomes = h.send(&call).await;
    let converted = Converted::from_outcome(outcomes[0].as_ref().unwrap());
    assert_eq!(converted.account.as_ref().map(|a| a.as_str()), Some(account.as_str()));
    let contact = h.sandbox.record("Contacts", converted.contact.unwrap().as_str()).unwrap();
    assert_eq!((&contact["Last_Name"], &contact["Mailing_City"]), (&"Moss".into(), &"Leeds".into()));
    assert_eq!(contact["Account_Name"]["id"], account.as_str());
    let deal = h.sandbox.record("Deals", converted.deal.unwrap().as_str()).unwrap();
    assert_eq!(deal["Contact_Name"]["id"], contact["id"]);
    assert!(h.sandbox.record("Leads", &lead).is_none());
}
