use zoho_crm_api::fiscal_year::*;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let year = h.send(&GetFiscalYear::new()).await.unwrap().fiscal_year.unwrap();
    assert_eq!(year.start_month.as_deref(), Some("January"));
    let april = FiscalYear::new("April", "start_month");
    assert!(h.send(&UpdateFiscalYear::new(april)).await.all_succeeded());
    let year = h.send(&GetFiscalYear::new()).await.unwrap().fiscal_year.unwrap();
    assert_eq!(year.start_month.as_deref(), Some("April"));
    assert_eq!(year.display_based_on.as_deref(), Some("start_month"));
}
