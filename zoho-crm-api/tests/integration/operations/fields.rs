use zoho_crm_api::fields::{
    CreateFields, DeleteField, FieldUpdate, GetField, GetFields, NewField, PicklistChange,
    UpdateField, UpdateFields,
};
use zoho_crm_api::runtime::Json;

use crate::operations::harness::Harness;
use crate::operations::writes;

pub async fn probe(h: &mut Harness) {
    let fields = h.send(&GetFields::of("Contacts")).await.unwrap_or_default();
    assert!(fields.get("Last_Name").is_some());
    assert!(h.send(&GetFields::of("Contacts").unused()).await.unwrap_or_default().fields.is_empty());

    let new = vec![
        NewField::new("Shoe Size", "integer"),
        NewField::picklist("Tier", ["Gold", "Silver"]),
    ];
    let created = h.send(&CreateFields::of("Contacts", new)).await;
    assert!(created.all_succeeded(), "{created:?}");
    let tier_id = created[1].as_ref().unwrap().id().unwrap().as_str().to_owned();
    let tier = h.send(&GetField::of("Contacts", tier_id.as_str())).await.unwrap_or_default();
    assert_eq!(tier.fields[0].api_name, "Tier");

    // A created field is written and read in records; a value outside its picklist is refused.
    let lead = [("Last_Name", Json::from("Doe")), ("Shoe_Size", Json::from(44)), ("Tier", Json::from("Gold"))];
    let doe = writes::insert_ok(h, "Contacts", &lead).await;
    assert_eq!(doe.value("Shoe_Size"), Some(&Json::from(44)));
    let bronze = [("Last_Name", Json::from("Roe")), ("Tier", Json::from("Bronze"))];
    assert!(writes::refusal(h, "Contacts", &bronze).await.starts_with("INVALID_DATA"));

    // A value added through the API is accepted then.
    let add = FieldUpdate::of(tier_id.as_str()).with_value(PicklistChange::add("Bronze"));
    assert!(h.send(&UpdateFields { module: "Contacts".into(), fields: vec![add] }).await.all_succeeded());
    writes::insert_ok(h, "Contacts", &bronze).await;
    let relabel = UpdateField::of("Contacts", tier_id.as_str(), FieldUpdate::new().with_label("Level"));
    assert!(h.send(&relabel).await.all_succeeded());
    let tier = h.send(&GetField::of("Contacts", tier_id.as_str())).await.unwrap_or_default();
    assert_eq!(tier.fields[0].field_label.as_deref(), Some("Level"));
    assert_eq!(tier.fields[0].pick_list_values.len(), 3);

    // A field removed is refused in records.
    let size_id = created[0].as_ref().unwrap().id().unwrap().as_str().to_owned();
    assert!(h.send(&DeleteField::of("Contacts", size_id)).await.all_succeeded());
    let shoe = [("Last_Name", Json::from("Poe")), ("Shoe_Size", Json::from(40))];
    let refused = writes::refusal(h, "Contacts", &shoe).await;
    assert!(refused.starts_with("INVALID_DATA") && refused.contains("Shoe_Size"), "{refused}");
}
