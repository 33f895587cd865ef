//! A type used for inserts without a mandatory field.
use zoho_runtime::zoho_record;

#[zoho_record(module = "Deals", usage = "insert")]
pub struct NewDeal {
    #[zoho(rename = "Deal_Name")]
    pub name: String,
}

fn main() {}
