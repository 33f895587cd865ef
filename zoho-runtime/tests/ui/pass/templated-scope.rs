//! Seed 003: the module comes from a path field, and so does the scope's module.

use zoho_runtime::serde::Serialize;
use zoho_runtime::{zoho_endpoint, Endpoint, RecordId, ScopeSet};

#[derive(Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct Relation {
    pub id: RecordId,
}

/// Relates records of any module.
#[zoho_endpoint(PUT "/<module>/<record_id>/<related_list>",
                scope = "ZohoCRM.modules.<module>.UPDATE", version = "v2")]
pub struct UpdateRelated {
    pub module: String,
    pub record_id: RecordId,
    pub related_list: String,
    #[zoho(records)]
    pub relations: Vec<Relation>,
}

fn main() {
    let call = UpdateRelated {
        module: "Leads".into(),
        record_id: "3652397000001829002".into(),
        related_list: "Campaigns".into(),
        relations: vec![Relation { id: "1".into() }],
    };
    let parts = call.request_parts().unwrap();
    assert_eq!(
        parts.path_and_query(Default::default()).unwrap(),
        "/crm/v2/Leads/3652397000001829002/Campaigns"
    );
    let scopes = call.scopes().unwrap();
    assert_eq!(scopes[0].as_str(), "ZohoCRM.modules.leads.UPDATE");

    assert!(ScopeSet::from_endpoints(&[UpdateRelated::META]).is_empty());
    assert_eq!(ScopeSet::templates_of(&[UpdateRelated::META]), ["ZohoCRM.modules.<module>.UPDATE"]);
    let mut set = ScopeSet::new();
    set.insert_call(&call).unwrap();
    assert_eq!(set.to_string(), "ZohoCRM.modules.leads.UPDATE");
}
