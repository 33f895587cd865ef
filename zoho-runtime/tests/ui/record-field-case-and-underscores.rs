//! The field's name as Rust would write it: Zoho's API names keep their case and `_`.
use zoho_runtime::zoho_record;

#[zoho_record(module = "Leads", usage = "update")]
pub struct Lead {
    #[zoho(rename = "No_Of_Employees")]
    pub employees: Option<i32>,
    pub company: Option<String>,
}

fn main() {}
