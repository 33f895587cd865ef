use zoho_crm_api::features::{GetDataEnrichment, GetFeature, GetFeatures, GetUserLicenses};
use zoho_crm_api::fields::{CreateFields, NewField};

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let all = h.send(&GetFeatures::default()).await.unwrap_or_default();
    assert_eq!(all.get("custom_modules").and_then(|f| f.used()), Some(0));
    let of_leads = GetFeatures { module: Some("Leads".into()), api_names: Some(vec!["custom_fields".into()]) };
    let before = h.send(&of_leads).await.unwrap_or_default();
    let before = before.get("custom_fields").and_then(|f| f.used()).unwrap();

    // What is used is counted from the metadata in force.
    let created = h.client.send(&CreateFields::of("Leads", vec![NewField::new("Score", "integer")])).await;
    assert!(created.unwrap().all_succeeded());
    let after = h.send(&GetFeature::of("custom_fields").in_module("Leads")).await.unwrap_or_default();
    assert_eq!(after.__features[0].used(), Some(before + 1));

    let enrichment = h.send(&GetDataEnrichment {}).await.unwrap_or_default();
    assert_eq!(enrichment.__features[0].api_name, "data_enrichment");
    let licenses = h.send(&GetUserLicenses {}).await.unwrap_or_default();
    let licenses = &licenses.__features[0];
    assert!(licenses.used().unwrap() >= 1 && licenses.limit() > licenses.used());
}
