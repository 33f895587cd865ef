//! The picture of DSL.md: two placeholders, two scopes, a pinned version, a renamed record key.

use zoho_runtime::serde::Serialize;
use zoho_runtime::{zoho_endpoint, Endpoint, RecordId};

/// Gives a contact a role on a deal.
#[zoho_endpoint(PUT "/Deals/<deal_id>/Contact_Roles/<contact_id>",
                scope = ["ZohoCRM.modules.deals.UPDATE", "ZohoCRM.modules.contacts.UPDATE"],
                version = "v6")]
pub struct AddContactRole {
    pub deal_id: RecordId,
    pub contact_id: RecordId,
    #[zoho(rename = "Contact_Role")]
    pub role: RoleRef,
}

#[derive(Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct RoleRef {
    pub name: String,
    pub id: RecordId,
}

fn main() {
    let call = AddContactRole {
        deal_id: "4150868000003384003".into(),
        contact_id: "4150868000003283024".into(),
        role: RoleRef { name: "Executive Sponsor".into(), id: "3652397000000006877".into() },
    };
    let parts = call.request_parts().unwrap();
    assert_eq!(
        parts.path_and_query(Default::default()).unwrap(),
        "/crm/v6/Deals/4150868000003384003/Contact_Roles/4150868000003283024"
    );
    assert_eq!(
        std::str::from_utf8(parts.body_bytes().unwrap()).unwrap(),
        r#"{"data":[{"Contact_Role":{"name":"Executive Sponsor","id":"3652397000000006877"}}]}"#
    );
    assert_eq!(parts.expected_outcomes(), Some(1));
    let meta = AddContactRole::META;
    assert_eq!(meta.scopes, ["ZohoCRM.modules.deals.UPDATE", "ZohoCRM.modules.contacts.UPDATE"]);
    assert!(meta.idempotent);
    assert_eq!(meta.batch, None);
}
