use zoho_crm_api::inventory_convert::{ConvertInventory, GetInventoryMassConvertStatus, MassConvertInventory};

use crate::operations::harness::Harness;

/// The sandbox's schema has no inventory modules yet: each call is refused as Zoho refuses a
/// module the organisation lacks.
pub async fn probe(h: &mut Harness) {
    let invalid = |e: zoho_crm_api::Error| assert!(e.to_string().contains("INVALID_MODULE"), "{e}");
    invalid(h.send_err(&ConvertInventory::to("Quotes", "1", "Sales_Orders")).await);
    invalid(h.send_err(&MassConvertInventory::to("Quotes", ["1"], "Sales_Orders")).await);
    invalid(h.send_err(&GetInventoryMassConvertStatus::of("Quotes", "1")).await);
}
