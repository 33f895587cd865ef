//! Mass update (seed 004): one record of new values, `over_write` beside it, and the `ids` the
//! update targets, which Zoho answers one by one.

use zoho_runtime::endpoint::BatchAxis;
use zoho_runtime::{zoho_endpoint, Endpoint, RecordId};

/// Updates one field of many leads.
#[zoho_endpoint(POST "/Leads/actions/mass_update",
                scope = "ZohoCRM.mass_update.leads.UPDATE", version = "v2")]
pub struct MassUpdateLeads {
    #[zoho(rename = "No_of_Employees")]
    pub employees: Option<i64>,
    #[zoho(envelope)]
    pub over_write: bool,
    #[zoho(targets)]
    pub ids: Option<Vec<RecordId>>,
    #[zoho(envelope)]
    pub cvid: Option<RecordId>,
}

fn main() {
    let call = MassUpdateLeads {
        employees: Some(1000),
        over_write: true,
        ids: Some(vec!["1".into(), "2".into(), "3".into()]),
        cvid: None,
    };
    let parts = call.request_parts().unwrap();
    assert_eq!(parts.path_and_query(Default::default()).unwrap(), "/crm/v2/Leads/actions/mass_update");
    assert_eq!(
        std::str::from_utf8(parts.body_bytes().unwrap()).unwrap(),
        r#"{"data":[{"No_of_Employees":1000}],"over_write":true,"ids":["1","2","3"]}"#
    );
    assert_eq!(parts.expected_outcomes(), Some(3));
    assert_eq!(call.batch_len(), Some(3));
    assert_eq!(MassUpdateLeads::META.batch, Some(BatchAxis::Targets));

    let by_view = MassUpdateLeads { employees: None, over_write: false, ids: None, cvid: Some("9".into()) };
    let parts = by_view.request_parts().unwrap();
    assert_eq!(
        std::str::from_utf8(parts.body_bytes().unwrap()).unwrap(),
        r#"{"data":[{}],"over_write":false,"cvid":"9"}"#
    );
    assert_eq!(by_view.batch_len(), None);
}
