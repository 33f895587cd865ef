use zoho_crm_api::duplicate_check_preference::*;
use zoho_crm_api::runtime::{zoho_endpoint, Outcomes};

use crate::operations::harness::Harness;

#[zoho_endpoint(POST "/Contacts", scope = "ZohoCRM.modules.contacts.CREATE")]
struct InsertContact {
    #[zoho(rename = "Last_Name")]
    last_name: String,
    #[zoho(rename = "Email")]
    email: String,
}

#[zoho_endpoint(POST "/Leads", scope = "ZohoCRM.modules.leads.CREATE")]
struct InsertLead {
    #[zoho(rename = "Last_Name")]
    last_name: String,
    #[zoho(rename = "Email")]
    email: String,
}

async fn insert_lead(h: &Harness, email: &str) -> Outcomes {
    let call = InsertLead { last_name: "Lead".into(), email: email.into() };
    h.client.send(&call).await.expect("an answer per record")
}

pub async fn probe(h: &mut Harness) {
    assert!(h.send(&GetDuplicateCheckPreference::new("Leads")).await.is_none());
    let contact = InsertContact { last_name: "Known".into(), email: "known@zylker.com".into() };
    let _: Outcomes = h.client.send(&contact).await.expect("the contact is inserted");

    let by_email = TypeConfiguration::new("Contacts", vec![FieldMapping::new("Email", "Email")]);
    let preference = DuplicateCheckPreference::new("mapped_module_records")
        .with_type_configurations(vec![by_email]);
    let call = CreateDuplicateCheckPreference::new("Leads", preference);
    assert!(h.send(&call).await.all_succeeded());
    let read = h.send(&GetDuplicateCheckPreference::new("Leads")).await.unwrap();
    let saved = read.duplicate_check_preference.unwrap();
    assert_eq!(saved.type_configurations.unwrap()[0].field_mappings.len(), 1);

    // A lead with a contact's email is a duplicate; another is not.
    let refused = insert_lead(h, "Known@Zylker.com").await;
    let error = refused[0].as_ref().unwrap_err();
    assert_eq!(error.code.as_str(), "DUPLICATE_DATA");
    assert_eq!(error.details.api_name(), Some("Email"));
    assert!(insert_lead(h, "new@zylker.com").await.all_succeeded());

    // Compared with converted leads only, a contact's email is no duplicate.
    let converted = DuplicateCheckPreference::new("converted_records");
    let call = UpdateDuplicateCheckPreference::new("Leads", converted);
    assert!(h.send(&call).await.all_succeeded());
    assert!(insert_lead(h, "known@zylker.com").await.all_succeeded());

    assert!(h.send(&DeleteDuplicateCheckPreference::new("Leads")).await.all_succeeded());
    assert!(h.send(&GetDuplicateCheckPreference::new("Leads")).await.is_none());
}
