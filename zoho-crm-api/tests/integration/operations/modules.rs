use zoho_crm_api::modules::{
    CreateModules, GetModule, GetModuleById, GetModules, ModuleUpdate, NewModule,
    UpdateModule, UpdateModuleById, UpdateModules,
};
use zoho_crm_api::runtime::Json;

use crate::operations::harness::Harness;
use crate::operations::writes;

pub async fn probe(h: &mut Harness) {
    let modules = h.send(&GetModules::all()).await.unwrap_or_default();
    let leads = modules.modules.iter().find(|m| m.api_name == "Leads").unwrap();
    assert!(leads.api_supported && !leads.is_custom());
    let visible = h.send(&GetModules::all().with_status("visible")).await;
    assert_eq!(visible.unwrap_or_default().modules.len(), modules.modules.len());
    let by_name = h.send(&GetModule::named("leads")).await.unwrap_or_default();
    assert_eq!(by_name.modules[0].api_name, "Leads");
    let id = leads.id.clone().unwrap();
    let by_id = h.send(&GetModuleById { id: id.clone() }).await.unwrap_or_default();
    assert_eq!(by_id.modules[0].api_name, "Leads");

    let created = h
        .send(&CreateModules::of(vec![NewModule::new("Voyage", "Voyages")]))
        .await;
    assert!(created.all_succeeded(), "{created:?}");
    let again = h
        .send(&CreateModules::of(vec![NewModule::new("Voyage", "Voyages")]))
        .await;
    assert_eq!(again[0].as_ref().unwrap_err().code.as_str(), "DUPLICATE_DATA");
    let projects = h.send(&GetModule::named("Voyages")).await.unwrap_or_default();
    assert!(projects.modules[0].is_custom());

    // A module created through the API takes records, checked against its own fields.
    let apollo = writes::insert_ok(h, "Voyages", &[("Name", Json::from("Apollo"))]).await;
    assert_eq!(apollo.value("Name"), Some(&Json::from("Apollo")));
    let refused = writes::refusal(h, "Voyages", &[("Email", Json::from("a@b.c"))]).await;
    assert!(refused.starts_with("MANDATORY_NOT_FOUND"), "{refused}");

    let rename = ModuleUpdate::of("Voyages").with_labels("Venture", "Ventures");
    assert!(h.send(&UpdateModules { modules: vec![rename] }).await.all_succeeded());
    let one = UpdateModule {
        api_name: "Voyages".into(),
        modules: [ModuleUpdate::default().with_labels("Plan", "Plans")],
    };
    assert!(h.send(&one).await.all_succeeded());
    let project_id = projects.modules[0].id.clone().unwrap();
    let by_id = UpdateModuleById {
        id: project_id.clone(),
        modules: [ModuleUpdate::by_id(project_id).with_labels("Programme", "Programmes")],
    };
    assert!(h.send(&by_id).await.all_succeeded());
    let renamed = h.send(&GetModule::named("Voyages")).await.unwrap_or_default();
    assert_eq!(renamed.modules[0].plural_label.as_deref(), Some("Programmes"));
}
