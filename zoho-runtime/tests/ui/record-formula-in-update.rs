//! A formula field, which Zoho computes, in a type used for writes.
use zoho_runtime::zoho_record;

#[zoho_record(module = "Leads", usage = "update")]
pub struct Lead {
    #[zoho(rename = "Revenue_Per_Employee")]
    pub per_employee: Option<f64>,
}

fn main() {}
