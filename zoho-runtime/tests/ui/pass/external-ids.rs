//! Seed 000: records named by external ids, with the `X-EXTERNAL` header.

use zoho_runtime::{zoho_endpoint, Endpoint, RecordId};

/// Relates a contact and a deal by their external ids.
#[zoho_endpoint(PUT "/Contacts/<contact>/Deals",
                scope = ["ZohoCRM.modules.contacts.UPDATE", "ZohoCRM.modules.deals.UPDATE"],
                version = "v2",
                external = "Contacts.External_Contact_ID,Deals.External_Deal_ID")]
pub struct RelateByExternalIds {
    pub contact: String,
    #[zoho(rename = "External_Deal_ID")]
    pub deal: String,
    #[zoho(rename = "Contact_Role")]
    pub role: RecordId,
}

fn main() {
    let call = RelateByExternalIds {
        contact: "extcontact3".into(),
        deal: "extdeal3".into(),
        role: "111111000000026002".into(),
    };
    let parts = call.request_parts().unwrap();
    assert_eq!(parts.path_and_query(Default::default()).unwrap(), "/crm/v2/Contacts/extcontact3/Deals");
    let headers: Vec<_> = parts.headers().collect();
    assert_eq!(headers, [("X-EXTERNAL", "Contacts.External_Contact_ID,Deals.External_Deal_ID")]);
    assert_eq!(
        std::str::from_utf8(parts.body_bytes().unwrap()).unwrap(),
        r#"{"data":[{"External_Deal_ID":"extdeal3","Contact_Role":"111111000000026002"}]}"#
    );
    assert_eq!(RelateByExternalIds::META.external, Some("Contacts.External_Contact_ID,Deals.External_Deal_ID"));
}
