use zoho_crm_api::layouts::{
    ActivateLayout, DeactivateLayout, DeleteLayout, GetLayout, GetLayouts, LayoutUpdate,
    UpdateLayout, UpdateLayouts,
};
use zoho_crm_api::runtime::Json;
use zoho_crm_api::Error;

use crate::operations::harness::Harness;
use crate::operations::writes;

pub async fn probe(h: &mut Harness) {
    let layouts = h.send(&GetLayouts::of("Leads")).await.unwrap_or_default();
    let standard = layouts.layouts[0].id.clone();
    let partner = layouts.layouts[1].id.clone();
    assert_eq!(layouts.layouts[1].status.as_deref(), Some("inactive"));

    let rename = LayoutUpdate::of(partner.as_str()).with_name("Channel Leads");
    let renamed = h.send(&UpdateLayouts { module: "Leads".into(), layouts: vec![rename] }).await;
    assert!(renamed.all_succeeded(), "{renamed:?}");
    let sections = LayoutUpdate::default().with_section("Channel", ["Last_Name", "Company"]);
    let one = UpdateLayout { id: partner.clone(), module: "Leads".into(), layouts: [sections] };
    assert!(h.send(&one).await.all_succeeded());
    let read = h.send(&GetLayout::of("Leads", partner.as_str())).await.unwrap_or_default();
    let layout = &read.layouts[0];
    assert_eq!(layout.name.as_deref(), Some("Channel Leads"));
    let names: Vec<&str> = layout.sections[0].fields.iter().map(|f| f.api_name.as_str()).collect();
    assert_eq!(names, ["Last_Name", "Company"]);

    assert!(h.send(&ActivateLayout::of("Leads", partner.as_str())).await.all_succeeded());
    let lead = [("Last_Name", Json::from("Layne")), ("Layout", Json::from(partner.as_str()))];
    let layne = writes::insert_ok(h, "Leads", &lead).await;
    assert_eq!(layne.value("Layout").and_then(|l| l.get("id")), Some(&Json::from(partner.as_str())));
    let off = DeactivateLayout { id: partner.clone(), module: "Leads".into(), transfer_to: Some(standard.clone()) };
    assert!(h.send(&off).await.all_succeeded());
    let read = h.send(&GetLayout::of("Leads", partner.as_str())).await.unwrap_or_default();
    assert_eq!(read.layouts[0].status.as_deref(), Some("inactive"));

    // Zoho's own layout stays; the organisation's goes.
    let standard_delete = DeleteLayout { id: standard.clone(), module: "Leads".into(), transfer_to: None };
    match h.send_err(&standard_delete).await {
        Error::Api { code, .. } => assert_eq!(code.as_str(), "INVALID_DATA"),
        other => panic!("the standard layout is refused, not {other:?}"),
    }
    let delete = DeleteLayout { id: partner.clone(), module: "Leads".into(), transfer_to: Some(standard) };
    assert!(h.send(&delete).await.all_succeeded());
    let left = h.send(&GetLayouts::of("Leads")).await.unwrap_or_default();
    assert_eq!(left.layouts.len(), 1);
}
