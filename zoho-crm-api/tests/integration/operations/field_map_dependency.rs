use zoho_crm_api::field_map_dependency::{
    CreateMapDependency, DeleteMapDependency, GetMapDependencies, GetMapDependency,
    NewMapDependency, UpdateMapDependency,
};
use zoho_crm_api::layouts::GetLayouts;
use zoho_crm_api::runtime::Json;

use crate::operations::harness::Harness;
use crate::operations::writes;

pub async fn probe(h: &mut Harness) {
    let layouts = h.client.send(&GetLayouts::of("Leads")).await.unwrap().unwrap_or_default();
    let layout = layouts.layouts[0].id.clone();
    let failed = ["-None-", "Shut Down"];
    let dependency = NewMapDependency::new("Lead_Status", "Rating").map("Junk Lead", failed);
    let created = h.send(&CreateMapDependency::of("Leads", layout.as_str(), dependency)).await;
    assert!(created.all_succeeded(), "{created:?}");
    let id = created[0].as_ref().unwrap().id().unwrap().as_str().to_owned();

    // A junk lead may only be rated as a failure; other leads as anything.
    let junk = [("Last_Name", Json::from("J")), ("Lead_Status", Json::from("Junk Lead"))];
    let active = [junk[0].clone(), junk[1].clone(), ("Rating", Json::from("Active"))];
    let refused = writes::refusal(h, "Leads", &active).await;
    assert!(refused.starts_with("INVALID_DATA") && refused.contains("Rating"), "{refused}");
    let shut = [junk[0].clone(), junk[1].clone(), ("Rating", Json::from("Shut Down"))];
    writes::insert_ok(h, "Leads", &shut).await;
    let fine = [("Last_Name", Json::from("F")), ("Rating", Json::from("Active"))];
    writes::insert_ok(h, "Leads", &fine).await;

    let listed = h.send(&GetMapDependencies::of("Leads", layout.as_str())).await.unwrap_or_default();
    assert_eq!(listed.map_dependency[0].allowed("Junk Lead"), Some(failed.to_vec()));
    let wider = NewMapDependency::new("Lead_Status", "Rating").map("Junk Lead", ["Active"]);
    let update = UpdateMapDependency {
        layout_id: layout.clone(), dependency_id: id.clone(), module: "Leads".into(), map_dependency: [wider],
    };
    assert!(h.send(&update).await.all_succeeded());
    let get = GetMapDependency { layout_id: layout.clone(), dependency_id: id.clone(), module: "Leads".into() };
    let one = h.send(&get).await.unwrap_or_default();
    assert_eq!(one.map_dependency[0].allowed("Junk Lead"), Some(vec!["Active"]));
    writes::insert_ok(h, "Leads", &active).await;

    let delete = DeleteMapDependency { layout_id: layout.clone(), dependency_id: id, module: "Leads".into() };
    assert!(h.send(&delete).await.all_succeeded());
    let left = h.client.send(&GetMapDependencies::of("Leads", layout.as_str())).await.unwrap();
    assert!(left.unwrap_or_default().map_dependency.is_empty());
}
