use zoho_crm_api::pipelines::*;
use zoho_crm_api::runtime::Json;

use crate::operations::harness::{id_of, Harness};

const LAYOUT: &str = "5725767000000091023";

fn stage_id(pipeline: &Pipeline, name: &str) -> String {
    let stages = pipeline.maps.as_ref().expect("stages");
    let stage = stages.iter().find(|s| s.display_value.as_deref() == Some(name));
    stage.and_then(|s| s.id.clone()).unwrap_or_else(|| name.to_owned())
}

pub async fn probe(h: &mut Harness) {
    assert!(h.send(&GetPipelines::new(LAYOUT)).await.is_none());
    let stages = |names: &[&str]| names.iter().map(|n| PipelineStage::new(*n)).collect();
    let sales = Pipeline::new("Sales", stages(&["Qualification", "Negotiation/Review"]));
    let renewals = Pipeline::new("Renewals", stages(&["Renewal due", "Renewed"]));
    let created = h.send(&CreatePipelines::new(LAYOUT, vec![sales, renewals])).await;
    let (sales_id, renewals_id) = (id_of(&created, 0), id_of(&created, 1));
    let listed = h.send(&GetPipelines::new(LAYOUT)).await.unwrap();
    assert_eq!(listed.pipelines.len(), 2);
    // Pipelines are kept per layout.
    assert!(h.send(&GetPipelines::new("1")).await.is_none());

    let default = Pipeline::default().with_id(&sales_id).with_default(true);
    assert!(h.send(&UpdatePipelines::new(LAYOUT, vec![default])).await.all_succeeded());
    let renamed = Pipeline::default().with_display_value("Renewals 2025");
    let call = UpdatePipeline::new(&renewals_id, LAYOUT, vec![renamed]);
    assert!(h.send(&call).await.all_succeeded());
    let sales = h.send(&GetPipeline::new(&sales_id, LAYOUT)).await.unwrap().pipelines.remove(0);
    assert_eq!(sales.default, Some(true));
    let renewals = h.send(&GetPipeline::new(&renewals_id, LAYOUT)).await.unwrap().pipelines.remove(0);
    assert_eq!(renewals.display_value.as_deref(), Some("Renewals 2025"));

    // A deal in Sales at Qualification moves to Renewals at "Renewal due".
    let deal = insert_deal(h).await;
    let transfer = PipelineTransfer {
        pipeline: FromTo::new(&sales_id, &renewals_id),
        stages: vec![FromTo::new(
            stage_id(&sales, "Qualification"),
            stage_id(&renewals, "Renewal due"),
        )],
    };
    let moved = h.send(&TransferPipelines::new(LAYOUT, vec![transfer])).await;
    assert!(moved[0].as_ref().unwrap().details.job_id().is_some());
    let after = h.sandbox.record("Deals", &deal).expect("the deal");
    assert_eq!(after["Pipeline"], Json::from("Renewals 2025"));
    assert_eq!(after["Stage"], Json::from("Renewal due"));

    assert!(h.send(&DeletePipeline::new(&sales_id, LAYOUT)).await.all_succeeded());
    let left = h.send(&GetPipelines::new(LAYOUT)).await.unwrap();
    assert_eq!(left.pipelines.len(), 1);
}

/// A deal in the Sales pipeline at Qualification, through the records API.
async fn insert_deal(h: &Harness) -> String {
    use zoho_crm_api::runtime::{zoho_endpoint, Outcomes};
    #[zoho_endpoint(POST "/Deals", scope = "ZohoCRM.modules.deals.CREATE")]
    struct InsertDeal {
        #[zoho(rename = "Deal_Name")]
        name: String,
        #[zoho(rename = "Stage")]
        stage: String,
        #[zoho(rename = "Pipeline")]
        pipeline: String,
    }
    let call = InsertDeal {
        name: "Zylker support".into(),
        stage: "Qualification".into(),
        pipeline: "Sales".into(),
    };
    let outcomes: Outcomes = h.client.send(&call).await.expect("the deal is inserted");
    outcomes[0].as_ref().unwrap().id().unwrap().to_string()
}
