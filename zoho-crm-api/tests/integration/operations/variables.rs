use zoho_crm_api::runtime::Json;
use zoho_crm_api::setting::Ref;
use zoho_crm_api::variables::*;

use crate::operations::harness::{id_of, Harness};

pub async fn probe(h: &mut Harness) {
    let general = Ref::api_name("General");
    let rate = Variable::new("VAT rate", "VAT_rate", "double", general.clone())
        .with_value(Json::from(20.0));
    let region = Variable::new("Region", "Region", "text", general.clone())
        .with_value(Json::from("EMEA"));
    let created = h.send(&CreateVariables::new(vec![rate, region])).await;
    assert!(created.all_succeeded());
    let (rate_id, region_id) = (id_of(&created, 0), id_of(&created, 1));

    let all = h.send(&GetVariables::new().with_group("General")).await.unwrap();
    assert_eq!(all.variables.len(), 2);
    assert_eq!(all.variables[1].value, Some(Json::from("EMEA")));
    assert!(h.send(&GetVariables::new().with_group("Other")).await.is_none());

    // A variable with an API name already used is refused beside one that is created (207);
    // alone, Zoho answers 400 with the outcome, which the client reports as an error.
    let again = Variable::new("VAT again", "VAT_rate", "double", general.clone());
    let fresh = Variable::new("Fresh", "Fresh", "text", general.clone());
    let mixed = h.send(&CreateVariables::new(vec![again.clone(), fresh])).await;
    assert_eq!(mixed[0].as_ref().unwrap_err().code.as_str(), "DUPLICATE_DATA");
    let fresh_id = id_of(&mixed, 1);
    assert_eq!(h.refused(&CreateVariables::new(vec![again])).await, ["DUPLICATE_DATA"]);

    let by_id = h.send(&GetVariable::new(&rate_id)).await.unwrap();
    assert_eq!(by_id.variables[0].api_name.as_deref(), Some("VAT_rate"));
    let by_name = h.send(&GetVariableByApiName::new("Region")).await.unwrap();
    assert_eq!(by_name.variables[0].id.as_deref(), Some(region_id.as_str()));

    let bump = Variable::default().with_id(&rate_id).with_value(Json::from(21.0));
    assert!(h.send(&UpdateVariables::new(vec![bump])).await.all_succeeded());
    let one = Variable::default().with_description("Standard rate");
    assert!(h.send(&UpdateVariable::new(&rate_id, vec![one])).await.all_succeeded());
    let region = Variable::default().with_value(Json::from("APAC"));
    let call = UpdateVariableByApiName::new("Region", vec![region]);
    assert!(h.send(&call).await.all_succeeded());
    let rate = h.send(&GetVariable::new(&rate_id)).await.unwrap().variables.remove(0);
    assert_eq!(rate.value, Some(Json::from(21.0)));
    assert_eq!(rate.description.as_deref(), Some("Standard rate"));
    let region = h.send(&GetVariableByApiName::new("Region")).await.unwrap();
    assert_eq!(region.variables[0].value, Some(Json::from("APAC")));

    assert!(h.send(&DeleteVariable::new(&rate_id)).await.all_succeeded());
    let gone = h.send_err(&GetVariable::new(&rate_id)).await;
    assert!(gone.to_string().contains("INVALID_DATA"), "{gone}");
    let deleted = h.send(&DeleteVariables::new([region_id.as_str(), &fresh_id, "1"])).await;
    assert!(deleted[0].is_ok() && deleted[1].is_ok() && deleted[2].is_err());
    assert!(h.send(&GetVariables::new()).await.is_none());
}
