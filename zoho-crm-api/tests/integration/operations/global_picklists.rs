use zoho_crm_api::fields::{CreateFields, NewField, PicklistChange};
use zoho_crm_api::global_picklists::{
    CreateGlobalPicklists, DeleteGlobalPicklist, DeleteGlobalPicklists, GetAssociations,
    GetGlobalPicklist, GetGlobalPicklists, GetReplacedValues, GetValueAssociations,
    GlobalPicklistUpdate, NewGlobalPicklist, ReplacePicklistValues, Replacement,
    UpdateGlobalPicklist, UpdateGlobalPicklists,
};
use zoho_crm_api::runtime::Json;

use crate::operations::harness::Harness;
use crate::operations::writes;

pub async fn probe(h: &mut Harness) {
    let none = h.send(&GetGlobalPicklists::default()).await;
    assert!(none.is_none(), "a fresh organisation has no global picklist");
    let new = vec![
        NewGlobalPicklist::new("Region", ["East", "West"]),
        NewGlobalPicklist::new("Spare", ["A"]),
        NewGlobalPicklist::new("Other", ["B"]),
    ];
    let created = h.send(&CreateGlobalPicklists::of(new)).await;
    assert!(created.all_succeeded(), "{created:?}");
    let ids: Vec<String> = created.iter().map(|o| o.as_ref().unwrap().id().unwrap().as_str().to_owned()).collect();
    let region = ids[0].clone();

    // A field offering the picklist takes its values, and a value added to it.
    let field = NewField::global_picklist("Region", region.as_str());
    assert!(h.client.send(&CreateFields::of("Accounts", vec![field])).await.unwrap().all_succeeded());
    let north = [("Account_Name", Json::from("N")), ("Region", Json::from("North"))];
    assert!(writes::refusal(h, "Accounts", &north).await.starts_with("INVALID_DATA"));
    let add = GlobalPicklistUpdate::of(region.as_str()).with_value(PicklistChange::add("North"));
    assert!(h.send(&UpdateGlobalPicklists { global_picklists: vec![add] }).await.all_succeeded());
    writes::insert_ok(h, "Accounts", &north).await;
    let east = [("Account_Name", Json::from("E")), ("Region", Json::from("East"))];
    let east = writes::insert_ok(h, "Accounts", &east).await;

    let mut relabel = GlobalPicklistUpdate::default();
    relabel.display_label = Some("Sales Region".into());
    let one = UpdateGlobalPicklist { id: region.clone(), global_picklists: [relabel] };
    assert!(h.send(&one).await.all_succeeded());
    let read = h.send(&GetGlobalPicklist::of(region.as_str())).await.unwrap_or_default();
    let read = &read.global_picklists[0];
    assert_eq!(read.display_label.as_deref(), Some("Sales Region"));
    let values: Vec<&str> = read.pick_list_values.iter().map(|v| v.actual_value.as_str()).collect();
    assert_eq!(values, ["East", "West", "North"]);
    let east_value = read.pick_list_values[0].id.clone().unwrap();
    let all = h.send(&GetGlobalPicklists::default()).await.unwrap_or_default();
    assert_eq!(all.global_picklists.len(), 3);

    let used = h.send(&GetAssociations::of(region.as_str())).await.unwrap_or_default();
    assert_eq!(used.associations[0].module.api_name, "Accounts");
    let holders = GetValueAssociations { id: region.clone(), picklist_value_id: east_value };
    let holders = h.send(&holders).await.unwrap_or_default();
    let records = &holders.pick_list_values_associations[0].resources[0].details;
    assert_eq!(records[0].id(), east.id());

    // East becomes West in the record that held it, and leaves the picklist.
    let west_value = read.pick_list_values[1].id.clone().unwrap();
    let east_value = read.pick_list_values[0].id.clone().unwrap();
    let to_nowhere = Replacement::new("East", "Orient");
    let refused = h.send(&ReplacePicklistValues { id: region.clone(), replace_picklist_values: vec![to_nowhere] }).await;
    assert!(refused[0].is_err(), "the new value must be one of the picklist's");
    let replace = ReplacePicklistValues { id: region.clone(), replace_picklist_values: vec![Replacement::by_ids(east_value, west_value)] };
    assert!(h.send(&replace).await.all_succeeded());
    let replaced = h.send(&GetReplacedValues { id: region.clone() }).await.unwrap_or_default();
    assert_eq!(replaced.replaced_values[0].actual_value.as_deref(), Some("East"));
    let stored = h.sandbox.record("Accounts", east.id().unwrap().as_str()).unwrap();
    assert_eq!(stored["Region"], "West");
    let after = h.client.send(&GetGlobalPicklist::of(region.as_str())).await.unwrap().unwrap_or_default();
    let values: Vec<&str> = after.global_picklists[0].pick_list_values.iter().map(|v| v.actual_value.as_str()).collect();
    assert_eq!(values, ["West", "North"]);

    // A picklist a field uses stays; the others go.
    let kept = h.send(&DeleteGlobalPicklist { id: region }).await;
    assert_eq!(kept[0].as_ref().unwrap_err().code.as_str(), "INVALID_DATA");
    assert!(h.send(&DeleteGlobalPicklist { id: ids[1].clone() }).await.all_succeeded());
    assert!(h.send(&DeleteGlobalPicklists { ids: vec![ids[2].clone()] }).await.all_succeeded());
    let left = h.client.send(&GetGlobalPicklists::default()).await.unwrap().unwrap_or_default();
    assert_eq!(left.global_picklists.len(), 1);
}
