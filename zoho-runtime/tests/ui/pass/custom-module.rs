//! A custom module, declared so: its name is not checked against the standard modules.

use zoho_runtime::{zoho_endpoint, Endpoint, RecordId};

/// Updates a record of a custom module.
#[zoho_endpoint(PUT "/Shipments/<id>", scope = "ZohoCRM.modules.custom.UPDATE", custom_module)]
pub struct UpdateShipment {
    pub id: RecordId,
    #[zoho(rename = "Tracking_Number")]
    pub tracking: String,
}

fn main() {
    let call = UpdateShipment { id: "5".into(), tracking: "ZX1".into() };
    let parts = call.request_parts().unwrap();
    assert_eq!(parts.path().unwrap(), "/Shipments/5");
    assert_eq!(
        std::str::from_utf8(parts.body_bytes().unwrap()).unwrap(),
        r#"{"data":[{"Tracking_Number":"ZX1"}]}"#
    );
}
