use zoho_crm_api::related_lists::{GetRelatedList, GetRelatedLists};

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let lists = h.send(&GetRelatedLists::of("Products")).await.unwrap_or_default();
    let names: Vec<&str> = lists.related_lists.iter().map(|r| r.api_name.as_str()).collect();
    assert_eq!(names, ["Leads", "Accounts", "Contacts", "Deals", "Price_Books"]);
    let deals = lists.related_lists.iter().find(|r| r.api_name == "Deals").unwrap();
    let one = h.send(&GetRelatedList::of("Products", deals.id.as_str())).await.unwrap_or_default();
    assert_eq!(one.related_lists[0].module_name(), Some("Deals"));
}
