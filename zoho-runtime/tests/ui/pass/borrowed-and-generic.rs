//! Borrowed fields, a generic record type and a raw identifier; `Option<Nullable<T>>` clears a value on purpose.

use zoho_runtime::serde::Serialize;
use zoho_runtime::{zoho_endpoint, Endpoint, Nullable, RecordId};

/// Updates a lead from borrowed data.
#[zoho_endpoint(PUT "/Leads/<id>", scope = "ZohoCRM.modules.leads.UPDATE")]
pub struct UpdateLead<'a, T: Serialize + Send + Sync> {
    pub id: &'a str,
    #[zoho(rename = "Phone")]
    pub phone: Option<Nullable<&'a str>>,
    #[zoho(rename = "Mobile")]
    pub mobile: Option<Nullable<&'a str>>,
    #[zoho(rename = "Extra")]
    pub extra: T,
    #[zoho(query)]
    pub fields: &'a [RecordId],
    pub r#type: Option<&'a str>,
}

fn main() {
    let fields = [RecordId::from("7")];
    let call = UpdateLead {
        id: "42",
        phone: Some(Nullable::Null),
        mobile: None,
        extra: 3u8,
        fields: &fields,
        r#type: Some("Hot"),
    };
    let parts = call.request_parts().unwrap();
    assert_eq!(parts.path_and_query(Default::default()).unwrap(), "/crm/v8/Leads/42?fields=7");
    assert_eq!(
        std::str::from_utf8(parts.body_bytes().unwrap()).unwrap(),
        r#"{"data":[{"Phone":null,"Extra":3,"type":"Hot"}]}"#
    );
}
