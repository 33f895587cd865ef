//! The scopes an application needs, computed from its declarations.

use zoho_runtime::{scopes, zoho_endpoint, RecordId, ScopeSet};

#[zoho_endpoint(PUT "/Deals/<id>", scope = "ZohoCRM.modules.deals.UPDATE")]
pub struct UpdateDeal {
    pub id: RecordId,
}

#[zoho_endpoint(GET "/Deals/<id>", scope = "ZohoCRM.modules.deals.ALL")]
pub struct GetDeal {
    pub id: RecordId,
}

#[zoho_endpoint(PUT "/Deals/<deal_id>/Contact_Roles/<contact_id>",
                scope = ["ZohoCRM.modules.deals.UPDATE", "ZohoCRM.modules.contacts.UPDATE"])]
pub struct AddContactRole {
    pub deal_id: RecordId,
    pub contact_id: RecordId,
}

fn main() {
    let needed = scopes![UpdateDeal, GetDeal, AddContactRole];
    assert_eq!(needed.to_string(), "ZohoCRM.modules.contacts.UPDATE,ZohoCRM.modules.deals.ALL");
    let chained = ScopeSet::new().with::<AddContactRole>().with::<GetDeal>();
    assert_eq!(chained, needed);
}
