use zoho_crm_api::custom_views::{
    ChangeSortOrder, ChangeSortOrders, GetCustomView, GetCustomViews, SortOrder,
};

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let views = h.send(&GetCustomViews::of("Deals")).await.unwrap_or_default();
    let all = views.custom_views[0].clone();
    assert_eq!(all.id, h.sandbox.custom_view_id("Deals").unwrap());
    assert!(all.default && all.system_defined);
    let page = h.send(&GetCustomViews::of("Deals").with_page(2, 1)).await.unwrap_or_default();
    assert!(page.custom_views.is_empty());

    let many = ChangeSortOrders {
        module: "Deals".into(),
        custom_views: vec![SortOrder::by("Amount", true).of_view(all.id.as_str())],
    };
    assert!(h.send(&many).await.all_succeeded());
    let view = h.send(&GetCustomView::of("Deals", all.id.as_str())).await.unwrap_or_default();
    let view = &view.custom_views[0];
    assert_eq!(view.sort_by.as_ref().map(|f| f.api_name.as_str()), Some("Amount"));
    assert_eq!(view.sort_order.as_deref(), Some("desc"));

    let one = ChangeSortOrder::of("Deals", all.id.as_str(), "Deal_Name", false);
    assert!(h.send(&one).await.all_succeeded());
    let unknown = ChangeSortOrder::of("Deals", all.id.as_str(), "No_Such_Field", false);
    let refused = h.send(&unknown).await;
    let refused = refused[0].as_ref().unwrap_err();
    assert_eq!(refused.details.get("api_name").and_then(|v| v.as_str()), Some("sort_by"));
}
