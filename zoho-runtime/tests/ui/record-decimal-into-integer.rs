//! A decimal field given an integer type: the fraction would be lost.
use zoho_runtime::zoho_record;

#[zoho_record(module = "Leads", usage = "update")]
pub struct Lead {
    #[zoho(rename = "Discount")]
    pub discount: Option<i64>,
}

fn main() {}
